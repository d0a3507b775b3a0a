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
// The package takes a page's bytes and never fetches. It imports no other
// package of newsarc and nothing of configuration files or the command line:
// cmd builds a Config from config.toml and archive stores the Article.
package selectors
