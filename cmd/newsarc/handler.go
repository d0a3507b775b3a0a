package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/dustin/go-humanize"

	"github.com/newsarc/newsarc/archive"
	"github.com/newsarc/newsarc/archive/state"
	"github.com/newsarc/newsarc/crawler"
	"github.com/newsarc/newsarc/selectors"
	"github.com/newsarc/newsarc/selectors/article"
)

// commitTimeout bounds the writes that finish a page once it is fetched
// (the record's sync, the JSON, the catalog), which run on after an
// interrupt so that what was fetched is not lost.
const commitTimeout = 10 * time.Second

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
	catalog catalog // nil when the archive keeps no state
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
	if p.CopyOf != "" {
		// An AMP, print or tracking copy of an article whose canonical URL
		// the crawler queues: archived once, under that URL. The copy stays
		// in the WARC.
		h.mu.Lock()
		h.copies++
		h.mu.Unlock()
		h.log.Debug("copy of another article: no JSON", "url", p.URL.String(), "canonical", p.CopyOf)
		return nil
	}
	host := p.URL.Hostname()
	date := p.FetchedAt
	if d, err := http.ParseTime(p.Header.Get("Date")); err == nil {
		date = d
	}
	a, warnings, err := extract(ctx, h.cfg.extractorFor(host), selectors.Page{URL: p.URL.String(), Body: p.Body, ContentType: p.ContentType, Date: date, Doc: p.Doc})
	if err != nil {
		return err
	}
	for _, w := range warnings {
		h.log.Debug("selector", "url", p.URL.String(), "warning", w)
	}
	a.Site = h.cfg.siteNameFor(host)
	a.FetchedAt = p.FetchedAt
	if site := h.cfg.siteFor(host); site != nil {
		h.tally(site.Name).Add(warnings)
	}

	// From here on the page was fetched and extracted: its record, JSON
	// and catalog entry are written even if the run is interrupted.
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), commitTimeout)
	defer cancel()
	receipt, ok := p.Record.(*archive.Receipt)
	if !ok {
		return errors.New("page not recorded: no WARC record to point at")
	}
	// The JSON points at a record only once it is written and synced: a
	// page whose record cannot be located is not archived.
	ref, err := receipt.Wait(cctx)
	if err != nil {
		if errors.Is(err, archive.ErrWrite) {
			return h.setFatal(err)
		}
		return fmt.Errorf("warc record: %w", err)
	}
	a.WARC = &article.WARCRef{File: filepath.ToSlash(ref.File), RecordID: ref.RecordID, Offset: ref.Offset, PayloadDigest: ref.PayloadDigest}
	if h.catalog != nil {
		latest, ok, err := h.catalog.LatestArticle(cctx, a.ID)
		if err != nil {
			return h.setFatal(stateErr(err))
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
	if h.catalog != nil {
		version, _, err = h.catalog.AddArticle(cctx, state.Article{
			ID: a.ID, URL: a.URL, CanonicalURL: a.CanonicalURL, Site: a.Site, Headline: a.Headline,
			Published: a.Published, FetchedAt: a.FetchedAt, JSONPath: filepath.ToSlash(path),
			WARCFile: a.WARC.File, WARCOffset: a.WARC.Offset, RecordID: a.WARC.RecordID, PayloadDigest: a.WARC.PayloadDigest,
		})
		if err != nil {
			return h.setFatal(stateErr(err))
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

// extract runs ex on p, giving up when ctx is done: a huge or hostile page
// must not hold an interrupted run (extraction does not watch ctx, so it
// is left to finish in the background of a process that is exiting).
func extract(ctx context.Context, ex *selectors.Extractor, p selectors.Page) (*article.Article, []selectors.Warning, error) {
	type result struct {
		a        *article.Article
		warnings []selectors.Warning
		err      error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{err: fmt.Errorf("internal error: %v", r)}
			}
		}()
		a, w, err := ex.Extract(p)
		done <- result{a, w, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			switch {
			case errors.Is(r.err, selectors.ErrTooLarge):
				return nil, r.warnings, tooLargeToExtract{size: len(p.Body)}
			case errors.Is(r.err, selectors.ErrNotHTML), errors.Is(r.err, selectors.ErrEmptyBody):
				return nil, r.warnings, notHTML{err: r.err, contentType: p.ContentType}
			}
			return nil, r.warnings, fmt.Errorf("extract: %w", unwrapAll(r.err))
		}
		return r.a, r.warnings, nil
	case <-ctx.Done():
		return nil, nil, ctx.Err()
	}
}

// tooLargeToExtract is a page over the extraction budget.
type tooLargeToExtract struct{ size int }

func (e tooLargeToExtract) Error() string {
	return fmt.Sprintf("page of %s is larger than the %s extraction budget; kept in the WARC only",
		humanize.IBytes(uint64(e.size)), humanize.IBytes(selectors.MaxHTMLSize))
}

func (e tooLargeToExtract) Unwrap() error { return selectors.ErrTooLarge }

// notHTML is a page extraction refused: it reads as a person needs it.
type notHTML struct {
	err         error
	contentType string
}

func (e notHTML) Error() string {
	if errors.Is(e.err, selectors.ErrEmptyBody) {
		return "empty page; kept in the WARC only"
	}
	return fmt.Sprintf("not an HTML page (Content-Type %q); kept in the WARC only", e.contentType)
}

func (e notHTML) Unwrap() error { return e.err }

// unwrapAll drops the "extract URL:" prefix selectors puts on its errors:
// the error line names the URL already.
func unwrapAll(err error) error {
	if inner := errors.Unwrap(err); inner != nil && strings.HasPrefix(err.Error(), "extract ") {
		return inner
	}
	return err
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
	if errors.Is(err, archive.ErrDiskFull) || errors.Is(err, archive.ErrWrite) {
		h.setFatal(err)
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if !errors.Is(err, crawler.ErrDeferred) {
		h.failed++
	}
	if h.errKinds == nil {
		h.errKinds = make(map[string]int)
	}
	h.errKinds[errKind(err)]++
	// Under the lock: lines from many goroutines must not interleave.
	fmt.Fprintf(h.errOut, "error: %v\n", err)
}

// nothingArchived is the error of a run that archived nothing, saying
// why when every failure had the same cause.
func (h *pageHandler) nothingArchived() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.errKinds) == 1 && h.errKinds["robots"] > 0 {
		return fmt.Errorf("no page could be archived: robots.txt disallows every URL for user agent %q (set respect_robots = false to ignore it)", h.cfg.Crawl.UserAgent)
	}
	return errors.New("no page could be archived")
}

// errKind sorts errors for the summary, by the causes the crawler,
// archive and selectors packages declare.
func errKind(err error) string {
	var se *crawler.StatusError
	var ne net.Error
	switch {
	case errors.Is(err, archive.ErrWrite), errors.Is(err, archive.ErrDiskFull):
		return "write"
	case errors.Is(err, crawler.ErrDeferred):
		return "deferred"
	case errors.As(err, &se):
		return fmt.Sprintf("http_%dxx", se.Status/100)
	case errors.Is(err, crawler.ErrRobots):
		return "robots"
	case errors.Is(err, crawler.ErrRobotsUnavailable):
		return "robots_unavailable"
	case errors.Is(err, crawler.ErrOffSite):
		return "off_site"
	case errors.Is(err, crawler.ErrTooLarge):
		return "too_large"
	case errors.Is(err, selectors.ErrTooLarge):
		return "too_large_to_extract"
	case errors.Is(err, crawler.ErrTooManyRedirects):
		return "redirects"
	case errors.Is(err, selectors.ErrNotHTML), errors.Is(err, selectors.ErrEmptyBody):
		return "not_html"
	case errors.Is(err, crawler.ErrMalformedURL):
		return "malformed_url"
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return "timeout"
	case errors.As(err, &ne):
		return "network"
	}
	return "other"
}

func printSummary(w io.Writer, dir string, s summary) {
	fmt.Fprintf(w, "archived %d article(s), %d failed", s.Articles, s.Failed)
	if s.Unchanged > 0 {
		fmt.Fprintf(w, ", %d unchanged since archived", s.Unchanged)
	}
	fmt.Fprintf(w, ", in %s\n", s.Duration.Round(time.Millisecond))
	if s.Interrupted > 0 {
		fmt.Fprintf(w, "interrupted: %d URL(s) not archived\n", s.Interrupted)
	}
	files := slices.Clone(s.WARCFiles)
	for _, f := range files {
		fmt.Fprintf(w, "warc: %s\n", filepath.Join(dir, f))
	}
	if s.Articles > 0 {
		fmt.Fprintf(w, "articles: %s\n", filepath.Join(dir, "articles"))
	}
}
