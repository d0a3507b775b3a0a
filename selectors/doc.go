// Package selectors turns the bytes of a news page into an Article: the
// headline, byline, dates, body and the metadata of the README's article JSON,
// with the source of every field in Article.Provenance.
//
// An Extractor holds one site's compiled CSS selectors (config.toml's
// [sites.selectors]) and falls back field by field: a selector first, then
// structured data (JSON-LD NewsArticle, microdata), then meta tags
// (OpenGraph, article:*, Dublin Core), then the visible text around the
// headline, then generic extraction with go-trafilatura. This package owns
// New, Extract and those per-field fallback chains; each room it draws on
// is a sub-package that takes a parsed page (or a string) and never
// fetches:
//
//   - article: the Article type and its JSON form (standard library only);
//   - structured: JSON-LD, microdata and meta tags, read into one Data;
//   - byline: Parse and Clean, which turn a printed byline into the people
//     and the organisations it credits;
//   - maintext: Correct, the correction of go-trafilatura's choice of text
//     by the page's own markup;
//   - dates: the dates printed on the page.
//
// Generic extraction is go-trafilatura's choice of text corrected by the
// page's own markup (maintext): its paragraphs are matched back to the
// page's blocks, so that the text written is the page's (spaces around
// links kept) and the classes, links and position of each block decide
// what is article text: boxes of related links, newsletters and captions,
// lists and cards of other articles, standfirsts, bylines and closing
// lines are dropped; chunks of a body split between ads are added. The
// rules are generic (class and id vocabularies in several languages, link
// density, position against the headline and the body's container); none
// names a site. When the page holds many times the prose (text outside
// links) that go-trafilatura took, go-readability gives a second opinion,
// corrected the same way, which is kept only when it holds that much.
//
// What several rooms share lives under internal/: pagetext (the visible
// text of a tree, folding, rune classes), markup (junk boxes, author and
// date elements, tree walks) and lines (junk and closing lines). Imports
// point one way: this package imports its rooms; a room imports at most
// packages of internal/, never this package nor another room.
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
// The package takes a page's bytes and never fetches. It imports no package
// of newsarc outside selectors/ and nothing of configuration files or the
// command line: cmd builds a Config from config.toml and archive stores the
// Article.
package selectors
