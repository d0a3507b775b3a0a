// Package pagekind tells an article from a listing by what a page says of
// itself in the markup made for machines: its schema.org types, in JSON-LD
// or microdata, and its Open Graph og:type. The crawler asks it about the
// pages of a site that has no article_urls patterns; a page that says
// nothing either way is Unknown, and whoever extracts the page decides from
// what it finds there.
//
// The rules follow the standards, never a site or a language: a
// CollectionPage (or gallery, search results, profile page) is a listing
// whatever it lists; a page that describes several articles lists them; an
// Article (or any of its schema.org subtypes) is an article; then og:type
// "article"; then an ItemList. og:type "website", Open Graph's default,
// decides nothing. Of reads a parsed tree and
// nothing else.
//
// It imports the standard library, golang.org/x/net/html and
// internal/jsonld (the lenient JSON-LD parser it shares with extraction)
// only: no other newsarc package (selectors reads the same markup for
// extraction, but the crawler must not import it).
package pagekind
