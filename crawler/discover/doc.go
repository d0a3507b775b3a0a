// Package discover finds and normalises the URLs a crawl queues: links, feed
// and canonical links in HTML pages (Scan for raw bytes, Tree for a parsed
// page, Resolve for each href), sitemaps and sitemap indexes (plain,
// gzip, Google News, plain text), RSS and Atom feeds, and the canonical form under which a URL is queued and
// deduplicated. It also tells crawler traps from ordinary pages.
//
// Everything here is a pure function of its arguments: no network, no
// clock (callers pass now), no global state. Every URL it returns is
// absolute, http or https, and already in the form Canonical gives, so two
// spellings of one page compare equal as strings.
//
// Parsers that read web input are bounded (MaxURLs, MaxBytes). ParseSitemap
// returns what it read together with an error when input is cut short,
// malformed or over a bound, so a crawler can use a partial sitemap and log
// why; errors name the document by its URL.
//
// discover must not import other newsarc packages: the crawler uses it, and
// it knows nothing of pages, articles or archives.
package discover
