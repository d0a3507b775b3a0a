package crawler

import (
	"errors"
	"net"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"github.com/newsarc/newsarc/crawler/discover"
)

// Site is what the crawler needs to know of one configured site.
type Site struct {
	Name      string
	StartURLs []string
	// AllowedDomains are never left, redirects and robots.txt included.
	// A domain holds its subdomains; an entry "host:port" allows that port,
	// an entry without one only the scheme's default port (80, 443), so
	// another service on the same host is not crawled unless listed.
	AllowedDomains []string
	// ArticleURLs pick the pages handed on as articles. When empty, the
	// start pages are listings and every other page is judged by what it
	// says of itself (package pagekind, then the Handler: Page.Tentative);
	// its visit records the kind, so that listings are fetched again on
	// every run and articles only when they may have changed.
	ArticleURLs []*regexp.Regexp
	// FollowURLs pick the listing pages whose links are followed; when
	// empty, every page in the domains is followed.
	FollowURLs []*regexp.Regexp
	Sitemaps   []string
	Feeds      []string
	MaxDepth   int // link hops from a start page; 0 = no limit
	MaxPages   int // pages fetched per run; 0 = no limit
	// SeedsOnly fetches the start URLs (and their redirects) and nothing
	// else, every one of them an article: `newsarc archive` and
	// `newsarc extract URL`. There is no next run: what would wait for one
	// fails instead.
	SeedsOnly bool
}

// InDomains reports whether host (a name or IP, no port) is one of the
// site's domains or under one, whatever the port.
func (s *Site) InDomains(host string) bool {
	host = normHost(host)
	for _, d := range s.AllowedDomains {
		name, _ := splitDomain(d)
		if underDomain(host, name) {
			return true
		}
	}
	return false
}

// InScope reports whether u (canonical: no default port) is on one of
// the site's domains and ports.
func (s *Site) InScope(u *url.URL) bool {
	host, port := normHost(u.Hostname()), u.Port()
	for _, d := range s.AllowedDomains {
		name, p := splitDomain(d)
		if p == port && underDomain(host, name) {
			return true
		}
	}
	return false
}

// splitDomain splits an allowed_domains entry into name and port ("" for
// the default port).
func splitDomain(d string) (name, port string) {
	if h, p, err := net.SplitHostPort(d); err == nil {
		return normHost(h), p
	}
	return normHost(strings.Trim(d, "[]")), ""
}

func normHost(h string) string {
	return strings.ToLower(strings.TrimSuffix(h, "."))
}

func underDomain(host, domain string) bool {
	return host == domain || strings.HasSuffix(host, "."+domain) && net.ParseIP(host) == nil
}

// isArticle reports whether the page at u is an article by its URL: any
// URL of SeedsOnly, those ArticleURLs match. When the site judges its
// pages, it says whether the page at u may be one: any but a start page.
func (s *Site) isArticle(u string) bool {
	if s.SeedsOnly {
		return true
	}
	if len(s.ArticleURLs) == 0 {
		return !slices.Contains(s.StartURLs, u)
	}
	return matchAny(s.ArticleURLs, u)
}

// judges reports whether the site's pages are judged article or listing
// by what they say of themselves: it has no ArticleURLs to tell them.
func (s *Site) judges() bool {
	return !s.SeedsOnly && len(s.ArticleURLs) == 0
}

// follows reports whether the links of the page at u are followed.
func (s *Site) follows(u string) bool {
	if s.SeedsOnly {
		return false
	}
	return len(s.FollowURLs) == 0 || matchAny(s.FollowURLs, u) || slices.Contains(s.StartURLs, u)
}

// wanted reports whether a link to u is worth queueing: an article, or a
// page whose links are followed. Without ArticleURLs any page may be an
// article.
func (s *Site) wanted(u string) bool {
	if len(s.FollowURLs) == 0 || s.judges() {
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

// inScope says whether u may be queued, and why not; a URL that may not
// is logged as skipped (debug).
func (cr *crawl) inScope(u string) (bool, error) {
	pu, err := url.Parse(u)
	if err != nil {
		cr.skip(u, "malformed URL")
		return false, ErrMalformedURL
	}
	if !cr.site.InScope(pu) {
		cr.skip(u, "out of scope", "detail", ErrOffSite)
		return false, ErrOffSite
	}
	if reason, trapped := discover.Trap(pu, cr.run.Now); trapped {
		cr.skip(u, "trap", "detail", reason)
		return false, errors.New(reason)
	}
	return true, nil
}

// queueable reports whether a link to u is queued: in scope and wanted.
func (cr *crawl) queueable(u string) bool {
	if ok, _ := cr.inScope(u); !ok {
		return false
	}
	if !cr.site.wanted(u) {
		cr.skip(u, "not wanted", "detail", "matches neither follow_urls nor article_urls")
		return false
	}
	return true
}
