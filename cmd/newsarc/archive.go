package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsarc/newsarc/archive"
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
		Software:    "newsarc/" + version,
		Timeout:     cfg.Crawl.Timeout,
		SiteFor:     func(host string) string { return cfg.siteNameFor(host) },
		Logger:      log,
	})
	if err != nil {
		return summary{}, err
	}
	h := &pageHandler{cfg: cfg, rec: rec, log: log, errOut: errOut}
	c, err := crawler.New(cfg.Crawl, rec, h)
	if err != nil {
		return summary{}, err
	}
	_, ferr := c.Fetch(ctx, urls)

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

// pageHandler extracts each fetched page and writes its article JSON,
// pointing at the WARC record the recorder wrote for it.
type pageHandler struct {
	cfg    *Config
	rec    *archive.Recorder
	log    *slog.Logger
	errOut io.Writer

	mu       sync.Mutex
	articles int
	failed   int
	fatal    error // the archive cannot be written: stop
}

func (h *pageHandler) HandlePage(ctx context.Context, p *crawler.Page) error {
	if mt, _, _ := mime.ParseMediaType(p.ContentType); mt != "text/html" && mt != "application/xhtml+xml" {
		return fmt.Errorf("%s: not an HTML page (Content-Type %q); kept in the WARC only", p.URL, p.ContentType)
	}
	host := p.URL.Hostname()
	date := p.FetchedAt
	if d, err := http.ParseTime(p.Header.Get("Date")); err == nil {
		date = d
	}
	a, warnings, err := h.cfg.extractorFor(host).Extract(selectors.Page{URL: p.URL.String(), Body: p.Body, ContentType: p.ContentType, Date: date})
	if err != nil {
		return fmt.Errorf("%s: extract: %w", p.URL, err)
	}
	for _, w := range warnings {
		h.log.Debug("selector", "url", p.URL.String(), "warning", w)
	}
	a.Site = h.cfg.siteNameFor(host)
	a.FetchedAt = p.FetchedAt
	if ref, err := h.rec.Locate(p.URL.String(), host); err != nil {
		h.log.Warn("article not linked to its WARC record", "url", p.URL.String(), "err", err)
	} else {
		a.WARC = &selectors.WARCRef{File: filepath.ToSlash(ref.File), RecordID: ref.RecordID, Offset: ref.Offset, PayloadDigest: ref.PayloadDigest}
	}
	path, err := archive.WriteArticle(h.cfg.Dir, a)
	if err != nil {
		h.mu.Lock()
		if h.fatal == nil {
			h.fatal = err
		}
		h.mu.Unlock()
		return err
	}
	h.mu.Lock()
	h.articles++
	h.mu.Unlock()
	h.log.Info("archived", "url", p.URL.String(), "json", path)
	return nil
}

func (h *pageHandler) HandleError(_ context.Context, rawURL string, err error) {
	h.mu.Lock()
	h.failed++
	h.mu.Unlock()
	fmt.Fprintf(h.errOut, "error: %v\n", err)
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
