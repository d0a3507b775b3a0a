package frontier

import "time"

// Kinds of entries.
const (
	KindPage    = "page" // the default
	KindSitemap = "sitemap"
	KindFeed    = "feed"
)

// Kinds of pages, as a visit records them (Visit.Kind).
const (
	KindArticle = "article"
	KindListing = "listing"
)

// Entry is a URL waiting to be fetched.
type Entry struct {
	URL   string // canonical form; a frontier's key
	Site  string // configured site name
	Depth int    // link hops from a start URL, sitemap or feed
	Kind  string // KindPage (also ""), KindSitemap or KindFeed
	// Hint is the lastmod or publication time a sitemap or feed gave for
	// URL, zero when unknown. Stores give it back in UTC.
	Hint time.Time
	// Hops counts the redirects followed to reach URL; 0 for a URL found
	// as a link. It lets the crawler bound a redirect chain that goes
	// through the queue.
	Hops int
	// Via is the URL whose redirect chain led to URL, "" for a URL found
	// as a link: errors about the chain name the URL that was asked for.
	// It goes with Hops: a push with fewer hops brings its Via.
	Via string
}

// Requested is the URL that was asked for: the start of the redirect
// chain that led to e.
func (e Entry) Requested() string {
	if e.Via != "" {
		return e.Via
	}
	return e.URL
}

// Visit is the outcome of fetching one URL.
type Visit struct {
	URL       string // the URL fetched, as it was queued
	Site      string
	Status    int    // HTTP status; 0 when the fetch failed before a response
	Err       string // why the fetch failed; "" when a response came
	FetchedAt time.Time
	Digest    string // WARC-Payload-Digest of the response, "" if none; the crawler never sets it
	Run       string // ID of the run that fetched it
	// Kind is what the page fetched was, KindArticle or KindListing; ""
	// for what is not a page handled (a sitemap, a feed, a redirect, a
	// failure) and for visits recorded before kinds were. A site without
	// article patterns fetches its listings again on every run, and skips
	// only the articles.
	Kind string
}
