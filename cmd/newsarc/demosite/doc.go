// Package demosite owns the built-in news site that `newsarc demo` crawls:
// "Nabae Demo", a small multilingual (Arabic, French, English) WordPress-like
// site embedded into the binary, and the HTTP server that serves it on
// 127.0.0.1 with no network.
//
// The pages are static files under site/, written to look like what real news
// CMSs produce (menus, breadcrumbs, share buttons, related lists, comments,
// cookie banners) so that crawling and extraction are exercised end to end.
// The server varies the wire format on purpose: French pages are gzip-encoded
// when the client accepts it, English pages are streamed with chunked
// transfer encoding, everything else is sent plain with a Content-Length.
//
// demosite imports only the standard library; it must not import crawler,
// archive or selectors, which it exists to exercise.
package demosite
