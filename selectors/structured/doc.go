// Package structured reads what a page says about itself in markup meant
// for machines: its JSON-LD (the most specific NewsArticle, Article or
// WebPage item, across arrays, @graph and @id references, written as
// sites write it: in CDATA, with raw newlines or trailing commas), its
// microdata Article item, and its <meta> tags (OpenGraph, article:*,
// Dublin Core, Twitter), gathered by Read into one Data.
//
// Its functions are pure: they read the parsed tree and change nothing.
// Which source wins for a field is decided by package selectors. It
// imports goquery, golang.org/x/net/html and selectors/internal/pagetext
// only; never package selectors or its other rooms (byline, maintext).
package structured
