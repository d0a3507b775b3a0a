package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/net/html"
	"golang.org/x/net/http/httpproxy"
	"golang.org/x/net/publicsuffix"

	"github.com/newsarc/newsarc/archive"
	"github.com/newsarc/newsarc/archive/state"
	"github.com/newsarc/newsarc/crawler"
	"github.com/newsarc/newsarc/selectors"
)

func archiveCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "archive [flags] URL...",
		Short: "Fetch each URL (no link following), write WARC + article JSON",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := g.loadConfig(cmd)
			if err != nil {
				return err
			}
			sum, err := archiveURLs(cmd.Context(), cfg, args, g.log, g.stderr)
			printSummary(g.stdout, cfg.Dir, sum)
			return err
		},
	}
}

// summary is what one archive run did.
type summary struct {
	Articles    int
	Failed      int
	WARCFiles   []string
	Duration    time.Duration
	Interrupted int // URLs not archived because the run was interrupted
	Unchanged   int // articles the catalog holds already with this payload
}

// archiveURLs archives urls as a crawl of them does at depth 0: the same
// fetch path (robots.txt, scope, limits, retries, redirects) over an
// in-memory frontier, one article JSON per HTML page. When the archive dir
// holds a crawl's state.db, its catalog learns of the articles (and their
// versions) as if a crawl had archived them. Failed pages are counted; the
// run fails only when no page could be archived or the archive cannot be
// written.
func archiveURLs(ctx context.Context, cfg *Config, urls []string, log *slog.Logger, errOut io.Writer) (summary, error) {
	start := time.Now()
	rec, err := newRecorder(cfg, log)
	if err != nil {
		return summary{}, err
	}
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	h := &pageHandler{cfg: cfg, rec: rec, log: log, errOut: errOut, stop: stop}
	var db *state.DB
	if _, err := os.Stat(filepath.Join(cfg.Dir, "state.db")); err == nil {
		db, err = state.Open(ctx, filepath.Join(cfg.Dir, "state.db"))
		if err != nil {
			rec.Close(context.WithoutCancel(ctx))
			return summary{}, stateErr(err)
		}
		defer db.Close()
		h.catalog = db
	}
	c, err := crawler.New(cfg.Crawl, rec, h)
	if err != nil {
		return summary{}, err
	}
	frontier := crawler.NewMemoryFrontier()
	run := crawler.Run{ID: newRunID(start), Worker: fmt.Sprintf("archive-%d", os.Getpid()), Now: start}
	var crawlErr error
	for _, site := range cfg.seedSites(urls, h) {
		if _, err := c.Crawl(runCtx, site, run, frontier, nil); err != nil && runCtx.Err() == nil {
			crawlErr = err
			break
		}
	}

	// Close even when interrupted: no record is left half-written.
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	cerr := rec.Close(cctx)
	h.mu.Lock()
	sum := summary{Articles: h.articles, Failed: h.failed, WARCFiles: rec.Files(), Duration: time.Since(start),
		Interrupted: len(frontier.Pending()), Unchanged: h.articlesUnchanged}
	fatal := h.fatal
	h.mu.Unlock()
	switch {
	case fatal != nil:
		return sum, fatal
	case cerr != nil:
		return sum, cerr
	case ctx.Err() != nil:
		return sum, errInterrupted
	case crawlErr != nil:
		return sum, crawlErr
	case sum.Articles == 0 && sum.Unchanged == 0:
		return sum, h.nothingArchived()
	}
	return sum, nil
}

// errInterrupted ends a run stopped by SIGINT or SIGTERM.
var errInterrupted = errors.New("interrupted")

// newRecorder returns the WARC recorder of the archive dir.
func newRecorder(cfg *Config, log *slog.Logger) (*archive.Recorder, error) {
	proxy := httpproxy.FromEnvironment().ProxyFunc()
	return archive.NewRecorder(archive.Config{
		Dir:         cfg.Dir,
		MaxSize:     cfg.WARCMaxSize,
		Compression: cfg.Compression,
		MinFree:     cfg.MinFree,
		Software:    "newsarc/" + version,
		Timeout:     cfg.Crawl.Timeout,
		SiteFor:     cfg.siteNameFor,
		Proxy:       proxy,
		Logger:      log,
	})
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
		name := c.siteNameFor(u.Hostname())
		s, ok := byName[name]
		if !ok {
			s = &crawler.Site{Name: name, SeedsOnly: true}
			if cs := c.siteFor(u.Hostname()); cs != nil {
				s.AllowedDomains = cs.AllowedDomains
			} else {
				s.AllowedDomains = []string{registrableDomain(u.Hostname(), hostDomain(u))}
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

// siteNameFor names the site a host's records and articles are filed
// under: the configured site that holds it, or the host itself.
func (c *Config) siteNameFor(host string) string {
	if s := c.siteFor(host); s != nil {
		return s.Name
	}
	return archive.SiteName(strings.ToLower(host))
}

// extractorFor returns the extractor of the site that holds host, or a
// generic one that uses no selectors.
func (c *Config) extractorFor(host string) *selectors.Extractor {
	if s := c.siteFor(host); s != nil {
		return s.Extractor
	}
	c.genericOnce.Do(func() {
		c.generic, _ = selectors.New(selectors.Config{})
	})
	return c.generic
}

// parseHTML parses a page for the crawler's link discovery as the
// extractor of its host will read it, so that the tree it hands on in
// crawler.Page.Doc is the one extraction would build.
func (c *Config) parseHTML(p *crawler.Page) (*html.Node, error) {
	return c.extractorFor(p.URL.Hostname()).Parse(p.Body, p.ContentType)
}

// stateErr words a state.db that another process holds so that main
// exits 75 (cron retries later).
func stateErr(err error) error {
	if errors.Is(err, state.ErrBusy) {
		return fmt.Errorf("%w: %v", errLocked, err)
	}
	return err
}
