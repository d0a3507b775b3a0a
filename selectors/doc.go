// Package selectors turns the bytes of a news page into an Article: the
// headline, byline, dates, body and the metadata of SPEC.md's article JSON,
// with the source of every field in Article.Provenance.
//
// An Extractor holds one site's compiled CSS selectors (config.toml's
// [sites.selectors]) and falls back field by field: a selector first, then
// structured data (JSON-LD NewsArticle, microdata), then meta tags
// (OpenGraph, article:*, Dublin Core), then the visible text around the
// headline, then generic extraction with go-trafilatura. Dates printed on the
// page are read by the sub-package dates.
//
// Generic extraction is go-trafilatura's choice of text corrected by the
// page's own markup: its paragraphs are matched back to the page's blocks
// (blocks.go, align.go), so that the text written is the page's (spaces
// around links kept) and the classes, links and position of each block
// decide what is article text (layout.go, maintext.go, bodyfilter.go,
// trim.go): boxes of related links, newsletters and captions, lists and
// cards of other articles, standfirsts, bylines and closing lines are
// dropped; chunks of a body split between ads are added. The rules are
// generic (class and id vocabularies in several languages, link density,
// position against the headline and the body's container); none names a
// site.
//
// Extract also returns typed warnings about the site's selectors (Warning),
// and WarningTally sums them over a crawl run.
//
// A page costs about what its size says, whatever its server sends: Extract
// refuses bodies over MaxHTMLSize, the date steps read a bounded part of a
// page (the first maxDateCandidates values of each kind, labels only as far
// as a label goes, the start of the page for go-htmldate), and no step
// reads a text again for each of its parts. BenchmarkExtract_size measures
// pages of 100 KiB to 10 MiB.
//
// The package takes a page's bytes and never fetches. It imports no other
// package of newsarc and nothing of configuration files or the command line:
// cmd builds a Config from config.toml and archive stores the Article.
package selectors
