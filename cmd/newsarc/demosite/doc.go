// Package demosite owns the built-in news site that `newsarc demo` crawls:
// "Nabae Demo", a small multilingual (Arabic, French, English) WordPress-like
// site embedded into the binary, and the HTTP server that serves it on
// 127.0.0.1 with no network.
//
// The article pages are static files under site/, written to look like what
// real news CMSs produce (menus, breadcrumbs, share buttons, related lists,
// comments, cookie banners) so that crawling and extraction are exercised end
// to end; the extractor's golden files depend on their bytes. The server
// varies the wire format on purpose: French pages are gzip-encoded when the
// client accepts it, English pages are streamed with chunked transfer
// encoding, everything else is sent plain with a Content-Length.
//
// A crawler finds the articles three ways, all generated from one table of
// article metadata (catalog.go: path, language, headline, dates, teaser):
//
//   - links: the home page lists the four newest articles and links to
//     /page/2/ for the rest; /category/ar/, /category/fr/ and /category/en/
//     list each language. site/index.html is the rendered first page, kept
//     in step by TestHomePage_generated (run it with -update after changing
//     the table or the listing template); the other listing pages are
//     rendered at start-up.
//   - sitemaps: robots.txt ends with a Sitemap line naming
//     /sitemap_index.xml, which lists /post-sitemap.xml (every article with
//     its lastmod) and /news-sitemap.xml (a Google News sitemap).
//   - a feed: /feed/ is RSS 2.0, announced by the listing pages'
//     <link rel="alternate">.
//
// robots.txt, the sitemaps and the feed carry absolute URLs built from the
// request's Host, since the server's address is only known once it listens.
//
// demosite imports only the standard library; it must not import crawler,
// archive or selectors, which it exists to exercise.
package demosite
