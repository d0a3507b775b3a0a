package crawler

import (
	"net/url"
	"strings"
	"sync"
)

// linkMemo remembers what the crawl made of hrefs that mean the same on
// every page of a site: absolute ones, and root-relative ones per origin.
// News pages repeat their menus, tickers and sidebars on every page, so
// most of a page's hrefs are answered here instead of being resolved,
// canonicalised, scoped and pushed to the frontier again. What it says is
// what the frontier would do anyway: pushing a URL again in the same run,
// at the same depth or deeper and without a hint, changes nothing.
//
// It keeps two generations of at most max entries each; when the young one
// is full, the old one is dropped, so its memory is bounded whatever the
// size of the site, and hrefs seen on every page stay in it.
type linkMemo struct {
	mu         sync.Mutex
	young, old map[memoKey]memoEntry
	max        int
}

type memoKey struct {
	origin string // scheme://host of the base for root-relative hrefs, "" for absolute ones
	href   string
}

type memoEntry struct {
	queue bool // in scope and wanted: pushed at depth
	depth int
}

func newLinkMemo(max int) *linkMemo {
	return &linkMemo{young: make(map[memoKey]memoEntry), max: max}
}

// key returns the memo key of href on a page whose links resolve against
// base, and false for hrefs whose meaning depends on the page's path.
func (m *linkMemo) key(origin, href string) (memoKey, bool) {
	switch {
	case strings.HasPrefix(href, "/"):
		return memoKey{origin: origin, href: href}, origin != ""
	case hasHTTPScheme(href):
		return memoKey{href: href}, true
	}
	return memoKey{}, false
}

func (m *linkMemo) get(k memoKey) (memoEntry, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if e, ok := m.young[k]; ok {
		return e, true
	}
	e, ok := m.old[k]
	if ok {
		m.putLocked(k, e)
	}
	return e, ok
}

func (m *linkMemo) put(k memoKey, e memoEntry) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.putLocked(k, e)
}

func (m *linkMemo) putLocked(k memoKey, e memoEntry) {
	if len(m.young) >= m.max {
		m.old, m.young = m.young, make(map[memoKey]memoEntry, m.max)
	}
	m.young[k] = e
}

// origin is the part of base that root-relative hrefs keep, "" for a nil
// or relative base.
func origin(base *url.URL) string {
	if base == nil || base.Scheme == "" || base.Host == "" || base.User != nil {
		return ""
	}
	return base.Scheme + "://" + base.Host
}

// hasHTTPScheme reports whether href starts with http: or https:, in any case.
func hasHTTPScheme(href string) bool {
	i := strings.IndexByte(href, ':')
	return (i == 4 || i == 5) && (strings.EqualFold(href[:i], "http") || strings.EqualFold(href[:i], "https"))
}
