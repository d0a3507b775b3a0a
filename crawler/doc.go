// Package crawler fetches pages with colly and hands each one to a Handler.
//
// It owns the colly set-up, scope, politeness and retries. The transport it
// fetches through is given to it (newsarc passes a WARC-recording one); the
// crawler does not know it is being recorded, and knows nothing of
// articles: it never imports archive or selectors.
package crawler
