// Package crawler fetches pages with colly and hands each one to a Handler.
//
// Every request of a crawl, an archive of named URLs (Site.SeedsOnly) or
// an extract goes through one fetch path (fetch.go, the only file that
// imports colly): the transport it is given (newsarc passes a
// WARC-recording one; the crawler does not know it is being recorded),
// bodies bounded by MaxBodySize and decoded from any content coding,
// retries with backoff and Retry-After, robots.txt per RFC 9309, per-host
// politeness, scope (allowed domains and ports, traps), redirects through
// the frontier. The frontier is given too: the SQLite state for crawls,
// MemoryFrontier for runs that keep no state.
//
// Where each behaviour is:
//
//	crawl.go        Crawl: seeding, the dispatch loop (claims, concurrency), the frontier
//	entry.go        one entry: history check, fetch, redirect, defer, block, fail
//	pages.go        what a 2xx response yields: links (capped), sitemap and feed URLs
//	fetch.go        the fetch path over colly: limits, decoding, the "fetched" log
//	politeness.go   per-host delay: one request at a time, every wait ends with ctx
//	crawler.go      Config, Page, Handler, retries and backoff
//	robots.go       robots.txt (RFC 9309): fetch, cache, Crawl-delay
//	site.go         Site and its scope: domains, ports, article and follow patterns, traps
//	pagekind/       article or listing by a page's own markup, for sites without article patterns
//	decode.go       content codings; memfrontier.go, linkmemo.go, errors.go
//
// It knows nothing of articles or WARC files: it never imports archive,
// selectors or pipeline. Its Entry and Visit live in crawler/frontier,
// which the stores of a frontier (archive/state) import instead of crawler.
package crawler
