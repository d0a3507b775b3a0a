package crawler

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Site is what the crawler needs to know of one configured site.
type Site struct {
	Name      string
	StartURLs []string
	// AllowedDomains are never left, redirects included; a domain holds
	// its subdomains.
	AllowedDomains []string
	// ArticleURLs pick the pages handed on as articles; when empty, every
	// page but the start pages is one.
	ArticleURLs []*regexp.Regexp
	// FollowURLs pick the listing pages whose links are followed; when
	// empty, every page in the domains is followed.
	FollowURLs []*regexp.Regexp
	Sitemaps   []string
	Feeds      []string
	MaxDepth   int // link hops from a start page; 0 = no limit
	MaxPages   int // pages fetched per run; 0 = no limit
}

// Kinds of frontier entries.
const (
	KindPage    = "page"
	KindSitemap = "sitemap"
	KindFeed    = "feed"
)

// Entry is a URL waiting to be fetched.
type Entry struct {
	URL   string // canonical
	Site  string
	Depth int
	Kind  string
	// Hint is the lastmod or publication time a sitemap or feed gave.
	Hint time.Time
}

// Visit is the outcome of fetching one URL.
type Visit struct {
	URL       string
	Site      string
	Status    int    // 0 when no response came
	Err       string // why it failed
	FetchedAt time.Time
	Digest    string // kept as the history gave it; the crawler never sets it
	Run       string
}

// InDomains reports whether host is one of the site's domains or under one.
func (s *Site) InDomains(host string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	for _, d := range s.AllowedDomains {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	return false
}

func (s *Site) isArticle(u string) bool {
	if len(s.ArticleURLs) == 0 {
		return !slices.Contains(s.StartURLs, u)
	}
	return matchAny(s.ArticleURLs, u)
}

// follows reports whether the links of the page at u are followed.
func (s *Site) follows(u string) bool {
	return len(s.FollowURLs) == 0 || matchAny(s.FollowURLs, u) || slices.Contains(s.StartURLs, u)
}

// wanted reports whether a link to u is worth queueing: an article, or a
// page whose links are followed.
func (s *Site) wanted(u string) bool {
	if len(s.FollowURLs) == 0 {
		return true
	}
	return matchAny(s.FollowURLs, u) || matchAny(s.ArticleURLs, u)
}

func matchAny(res []*regexp.Regexp, s string) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Host
}
