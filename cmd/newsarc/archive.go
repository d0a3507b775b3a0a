package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/net/html"

	"github.com/newsarc/newsarc/archive"
	"github.com/newsarc/newsarc/archive/state"
	"github.com/newsarc/newsarc/crawler"
	"github.com/newsarc/newsarc/crawler/discover"
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
	Articles  int
	Failed    int
	WARCFiles []string
	Duration  time.Duration
}

// archiveURLs fetches urls through a WARC recorder and writes one article
// JSON per HTML page. Failed pages are counted; the run fails only when no
// page could be archived or the archive cannot be written.
func archiveURLs(ctx context.Context, cfg *Config, urls []string, log *slog.Logger, errOut io.Writer) (summary, error) {
	start := time.Now()
	rec, err := archive.NewRecorder(archive.Config{
		Dir:         cfg.Dir,
		MaxSize:     cfg.WARCMaxSize,
		Compression: cfg.Compression,
		MinFree:     cfg.MinFree,
		Software:    "newsarc/" + version,
		Timeout:     cfg.Crawl.Timeout,
		SiteFor:     func(host string) string { return cfg.siteNameFor(host) },
		Logger:      log,
	})
	if err != nil {
		return summary{}, err
	}
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	h := &pageHandler{cfg: cfg, rec: rec, log: log, errOut: errOut, stop: stop}
	c, err := crawler.New(cfg.Crawl, rec, h)
	if err != nil {
		return summary{}, err
	}
	_, ferr := c.Fetch(runCtx, urls)

	// Close even when interrupted: no record is left half-written.
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	cerr := rec.Close(cctx)
	sum := summary{Articles: h.articles, Failed: h.failed, WARCFiles: rec.Files(), Duration: time.Since(start)}
	switch {
	case cerr != nil:
		return sum, cerr
	case h.fatal != nil:
		return sum, h.fatal
	case ferr != nil:
		return sum, fmt.Errorf("interrupted: %w", ferr)
	case sum.Articles == 0:
		return sum, errors.New("no page could be archived")
	}
	return sum, nil
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

// catalog is where archived articles are listed (the SQLite state).
type catalog interface {
	LatestArticle(ctx context.Context, id string) (state.Article, bool, error)
	AddArticle(ctx context.Context, a state.Article) (version int, changed bool, err error)
}

// pageHandler extracts each fetched article page and writes its JSON,
// pointing at the WARC record the recorder wrote for it. With a catalog it
// also tells new, changed and unchanged articles apart.
type pageHandler struct {
	cfg     *Config
	rec     *archive.Recorder
	log     *slog.Logger
	errOut  io.Writer
	catalog catalog // nil for archive, which keeps no state
	stop    func()  // ends the run when the archive cannot be written

	mu                sync.Mutex
	pages             int
	articles          int // JSON files written
	articlesNew       int
	articlesChanged   int
	articlesUnchanged int
	copies            int // pages whose rel=canonical names another URL
	failed            int
	errKinds          map[string]int
	tallies           map[string]*selectors.WarningTally // per configured site
	fatal             error                              // the archive cannot be written: stop
}

func (h *pageHandler) tally(site string) *selectors.WarningTally {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.tallies == nil {
		h.tallies = make(map[string]*selectors.WarningTally)
	}
	t, ok := h.tallies[site]
	if !ok {
		t = &selectors.WarningTally{}
		h.tallies[site] = t
	}
	return t
}

// reportSelectors warns once per run for each selector that did not work,
// with the share of pages affected: a layout change shows at the first run
// after it, before the archive fills with fallback values.
func (h *pageHandler) reportSelectors() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for site, t := range h.tallies {
		for _, e := range t.Entries() {
			h.log.Warn(e.String(), "site", site, "field", e.Field, "selector", e.Selector, "pages", e.Pages, "of", e.Total)
		}
	}
}

func (h *pageHandler) HandlePage(ctx context.Context, p *crawler.Page) error {
	h.mu.Lock()
	h.pages++
	h.mu.Unlock()
	if !p.Article {
		return nil // a listing page: in the WARC, no JSON
	}
	if mt, _, _ := mime.ParseMediaType(p.ContentType); mt != "text/html" && mt != "application/xhtml+xml" {
		return fmt.Errorf("%s: not an HTML page (Content-Type %q); kept in the WARC only", p.URL, p.ContentType)
	}
	host := p.URL.Hostname()
	date := p.FetchedAt
	if d, err := http.ParseTime(p.Header.Get("Date")); err == nil {
		date = d
	}
	a, warnings, err := h.cfg.extractorFor(host).Extract(selectors.Page{URL: p.URL.String(), Body: p.Body, ContentType: p.ContentType, Date: date, Doc: p.Doc})
	if err != nil {
		return fmt.Errorf("%s: extract: %w", p.URL, err)
	}
	for _, w := range warnings {
		h.log.Debug("selector", "url", p.URL.String(), "warning", w)
	}
	a.Site = h.cfg.siteNameFor(host)
	a.FetchedAt = p.FetchedAt
	if p.Site != "" && isCopy(a) {
		// An AMP, print or tracking copy of an article whose canonical URL
		// the crawler queues: archived once, under that URL. The copy stays
		// in the WARC.
		h.mu.Lock()
		h.copies++
		h.mu.Unlock()
		h.log.Debug("copy of another article: no JSON", "url", a.URL, "canonical", a.CanonicalURL)
		return nil
	}
	if site := h.cfg.siteFor(host); site != nil {
		h.tally(site.Name).Add(warnings)
	}
	if ref, err := h.rec.Locate(p.URL.String(), host); err != nil {
		h.log.Warn("article not linked to its WARC record", "url", p.URL.String(), "err", err)
	} else {
		a.WARC = &selectors.WARCRef{File: filepath.ToSlash(ref.File), RecordID: ref.RecordID, Offset: ref.Offset, PayloadDigest: ref.PayloadDigest}
	}
	if h.catalog != nil && a.WARC != nil {
		latest, ok, err := h.catalog.LatestArticle(ctx, a.ID)
		if err != nil {
			return h.setFatal(err)
		}
		if ok && latest.PayloadDigest == a.WARC.PayloadDigest {
			h.mu.Lock()
			h.articlesUnchanged++
			h.mu.Unlock()
			return nil
		}
	}
	// JSON first, catalog second: a crash between the two re-archives the
	// article on the next run instead of listing a file that is not there.
	path, err := archive.WriteArticle(h.cfg.Dir, a)
	if err != nil {
		return h.setFatal(err)
	}
	version := 1
	if h.catalog != nil && a.WARC != nil {
		version, _, err = h.catalog.AddArticle(ctx, state.Article{
			ID: a.ID, URL: a.URL, CanonicalURL: a.CanonicalURL, Site: a.Site, Headline: a.Headline,
			Published: a.Published, FetchedAt: a.FetchedAt, JSONPath: filepath.ToSlash(path),
			WARCFile: a.WARC.File, WARCOffset: a.WARC.Offset, RecordID: a.WARC.RecordID, PayloadDigest: a.WARC.PayloadDigest,
		})
		if err != nil {
			return h.setFatal(err)
		}
	}
	h.mu.Lock()
	h.articles++
	if version > 1 {
		h.articlesChanged++
	} else {
		h.articlesNew++
	}
	h.mu.Unlock()
	h.log.Info("archived", "url", p.URL.String(), "json", path, "version", version)
	return nil
}

// setFatal stops the run: what cannot be written must not be fetched.
func (h *pageHandler) setFatal(err error) error {
	h.mu.Lock()
	if h.fatal == nil {
		h.fatal = err
	}
	h.mu.Unlock()
	if h.stop != nil {
		h.stop()
	}
	return err
}

func (h *pageHandler) HandleError(_ context.Context, rawURL string, err error) {
	if errors.Is(err, archive.ErrDiskFull) {
		h.setFatal(err)
	}
	h.mu.Lock()
	h.failed++
	if h.errKinds == nil {
		h.errKinds = make(map[string]int)
	}
	h.errKinds[errKind(err)]++
	// Under the lock: lines from many goroutines must not interleave.
	fmt.Fprintf(h.errOut, "error: %v\n", err)
	h.mu.Unlock()
}

// isCopy reports whether a's page declares another page canonical.
func isCopy(a *selectors.Article) bool {
	u, err1 := discover.Canonical(a.URL)
	c, err2 := discover.Canonical(a.CanonicalURL)
	return err1 == nil && err2 == nil && u != c
}

// errKind sorts errors for the summary.
func errKind(err error) string {
	var se *crawler.StatusError
	var ne net.Error
	msg := err.Error()
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("http_%dxx", se.Status/100)
	case strings.Contains(msg, "robots.txt"):
		return "robots"
	case strings.Contains(msg, "not an HTML page"):
		return "not_html"
	case errors.As(err, &ne) && ne.Timeout(), errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	case errors.As(err, &ne):
		return "network"
	case strings.Contains(msg, "leaves the site"), strings.Contains(msg, "redirects"):
		return "redirect"
	}
	return "other"
}

func printSummary(w io.Writer, dir string, s summary) {
	fmt.Fprintf(w, "archived %d article(s), %d failed, in %s\n", s.Articles, s.Failed, s.Duration.Round(time.Millisecond))
	for _, f := range s.WARCFiles {
		fmt.Fprintf(w, "warc: %s\n", filepath.Join(dir, f))
	}
	if s.Articles > 0 {
		fmt.Fprintf(w, "articles: %s\n", filepath.Join(dir, "articles"))
	}
}
