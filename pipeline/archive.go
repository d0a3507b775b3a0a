package pipeline

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/net/publicsuffix"

	"github.com/newsarc/newsarc/archive/state"
	"github.com/newsarc/newsarc/crawler"
)

// ArchiveSummary is what one Archive run did.
type ArchiveSummary struct {
	Articles    int
	Failed      int
	WARCFiles   []string
	Duration    time.Duration
	Interrupted int // URLs not archived because the run was interrupted
	Unchanged   int // articles the catalog holds already with this payload
}

// Archive archives urls as a crawl of them does at depth 0: the same
// fetch path (robots.txt, scope, limits, retries, redirects) over an
// in-memory frontier, one article JSON per HTML page. When the archive dir
// holds a crawl's state.db, its catalog learns of the articles (and their
// versions) as if a crawl had archived them. Failed pages are counted; the
// run fails only when no page could be archived or the archive cannot be
// written.
func Archive(ctx context.Context, cfg *Config, urls []string, out Output) (ArchiveSummary, error) {
	out = out.withDefaults()
	start := time.Now()
	cfg = cfg.prepared()
	var db *state.DB
	var err error
	if path := filepath.Join(cfg.Dir, "state.db"); fileExists(path) {
		if db, err = state.Open(ctx, path); err != nil {
			return ArchiveSummary{}, stateErr(err)
		}
		defer db.Close()
	}
	rec, err := cfg.newRecorder(out.Log)
	if err != nil {
		return ArchiveSummary{}, err
	}
	// Cancelled by stopping when ctx is, or by the handler (see Crawl).
	runCtx, stop := context.WithCancel(context.WithoutCancel(ctx))
	defer stop()
	var cat catalog
	if db != nil {
		cat = db
	}
	h := newHandler(cfg, out, cat, stop)
	frontier := crawler.NewMemoryFrontier()
	c, crawlErr := crawler.New(cfg.Crawl, rec, h)
	if crawlErr == nil {
		defer stopping(ctx, out, c, stop)()
		crawlErr = crawlSeeds(runCtx, c, cfg, urls, h, frontier, crawler.Run{ID: NewRunID(start), Worker: fmt.Sprintf("archive-%d", os.Getpid()), Now: start})
	}

	// Close even when interrupted: no record is left half-written.
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	cerr := rec.Close(cctx)
	n, fatal := h.counts()
	sum := ArchiveSummary{Articles: n.Articles, Failed: n.Failed, WARCFiles: rec.Files(), Duration: time.Since(start),
		Interrupted: len(frontier.Pending()), Unchanged: n.ArticlesUnchanged}
	switch {
	case fatal != nil:
		return sum, fatal
	case cerr != nil:
		return sum, cerr
	case ctx.Err() != nil:
		return sum, ErrInterrupted
	case crawlErr != nil:
		return sum, crawlErr
	case sum.Articles == 0 && sum.Unchanged == 0:
		return sum, nothingArchived(n, cfg.Crawl.UserAgent)
	}
	return sum, nil
}

// crawlSeeds crawls the sites of urls with c, each at depth 0.
func crawlSeeds(ctx context.Context, c *crawler.Crawler, cfg *Config, urls []string, h crawler.Handler, f crawler.Frontier, run crawler.Run) error {
	for _, site := range cfg.seedSites(urls, h) {
		if _, err := c.Crawl(ctx, site, run, f, nil); err != nil && ctx.Err() == nil {
			return err
		}
	}
	return nil
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// nothingArchived is the error of a run that archived nothing, saying
// why when every failure had the same cause.
func nothingArchived(n counts, userAgent string) error {
	if len(n.Errors) == 1 && n.Errors["robots"] > 0 {
		return fmt.Errorf("no page could be archived: robots.txt disallows every URL for user agent %q (set respect_robots = false to ignore it)", userAgent)
	}
	return errors.New("no page could be archived")
}

// seedSites groups urls by the site that holds them, each as a crawl of
// its start URLs alone: a configured site keeps its name and domains, any
// other host is a site of its own whose domain is the host's registrable
// domain (so http://example.org → https://www.example.org is followed).
// Malformed URLs are reported to h.
func (c *Config) seedSites(urls []string, h crawler.Handler) []*crawler.Site {
	var out []*crawler.Site
	byName := make(map[string]*crawler.Site)
	for _, raw := range urls {
		u, err := crawler.ParseURL(raw)
		if err != nil {
			h.HandleError(context.Background(), raw, err) // it names raw
			continue
		}
		name := c.SiteNameFor(u.Hostname())
		s, ok := byName[name]
		if !ok {
			s = &crawler.Site{Name: name, SeedsOnly: true}
			if cs := c.SiteFor(u.Hostname()); cs != nil {
				s.AllowedDomains = cs.AllowedDomains
			} else {
				s.AllowedDomains = []string{registrableDomain(u.Hostname(), HostDomain(u))}
			}
			byName[name] = s
			out = append(out, s)
		}
		s.StartURLs = append(s.StartURLs, u.String())
	}
	return out
}

// registrableDomain is the domain a site is registered under
// (www.example.co.uk → example.co.uk), with the port of hostPort; an IP
// address or a name with no public suffix is itself.
func registrableDomain(host, hostPort string) string {
	host = strings.ToLower(host)
	if net.ParseIP(host) != nil {
		return hostPort
	}
	d, err := publicsuffix.EffectiveTLDPlusOne(host)
	if err != nil {
		return hostPort
	}
	if _, port, err := net.SplitHostPort(hostPort); err == nil {
		return net.JoinHostPort(d, port)
	}
	return d
}

// HostDomain is the allowed_domains entry of u's host: with its port
// when that is not the scheme's default.
func HostDomain(u *url.URL) string {
	host, port := strings.ToLower(u.Hostname()), u.Port()
	if port == "" || (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		return host
	}
	return net.JoinHostPort(host, port)
}
