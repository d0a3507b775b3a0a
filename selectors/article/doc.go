// Package article owns the Article type, the record newsarc writes as an
// article's JSON (README.md, "Article JSON"): its fields, its wire form (in
// field order, absent values null, times in RFC 3339), Provenance, the
// WARCRef that points back at the archived response, and ArticleID.
//
// It imports the standard library only, so that archive (which writes
// articles) links no extraction code; the extractor (package selectors)
// fills an Article and every other package reads one.
package article
