// Package newssite is a synthetic news site for benchmarking crawlers: a
// bilingual (Arabic and English) WordPress-like site whose every byte is a
// function of a seed and an article count, so two runs crawl the same site.
//
// It serves a home page, paginated section listings that together link
// every article, tag, author and static pages, article pages at
// /YYYY/MM/DD/<slug>-<id>.html, a Yoast-style sitemap index with its
// sitemaps, an RSS feed and a robots.txt that names the sitemap index.
// HTML pages weigh 60–120 KB each: navigation with a mega menu, sidebars,
// inline CSS, JSON-LD, comments and an inline JSON state blob, as real news
// CMSs send them.
//
// The wire format varies by path, as it does behind real CDNs: a third of
// the responses are sent with a Content-Length, a third chunked, and a third
// gzip-encoded (chunked) when the client accepts gzip.
//
// It imports nothing from newsarc: it is the thing measured against.
package newssite
