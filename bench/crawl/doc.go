// Package crawlbench holds the crawl benchmarks of issue 5; it has no code of
// its own outside tests.
//
// The folder is the measuring stick for crawl speed and memory:
//
//   - newssite: a deterministic synthetic news site (Arabic and English,
//     60–120 KB pages, listings, sitemaps, feed, robots.txt, chunked and
//     gzip responses), and site/, the command that serves it;
//   - bare/: a plain net/http fetch loop, the floor;
//   - warcstat/: counts the HTML pages in any crawler's WARC files;
//   - profile/: one newsarc crawl wired as cmd/newsarc wires it, under pprof;
//   - run.sh: newsarc (full pipeline and archive-only), wget --warc-file and
//     the bare loop on the same site, as one markdown table;
//   - *_test.go: go test -bench benchmarks of WARC writing, URL
//     canonicalisation, HTML parsing, link discovery and extraction.
//
// Nothing here is imported by newsarc; it imports newsarc's packages, never
// the other way round.
package crawlbench
