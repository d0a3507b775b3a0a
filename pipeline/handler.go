package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"net/http"
	"path/filepath"
	"slices"
	"sync"
	"time"

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

// counts is what the handler saw: pages, the outcome of each article, and
// failures by kind. The crawler counts what only it sees (pages not
// fetched again, URLs deferred, robots.txt refusals).
type counts struct {
	Pages             int // 2xx pages handed on
	Articles          int // JSON files written
	ArticlesNew       int
	ArticlesChanged   int
	ArticlesUnchanged int // the catalog holds the article with this payload
	Copies            int // pages whose rel=canonical names another URL
	Failed            int // URLs not archived (deferred ones not counted)
	Errors            map[string]int
}

// handler extracts each fetched article page and writes its JSON,
// pointing at the WARC record the recorder wrote for it. With a catalog it
// also tells new, changed and unchanged articles apart.
type handler struct {
	cfg     *Config
	log     *slog.Logger
	report  func(error) // Output.ReportError
	catalog catalog     // nil when the archive keeps no state
	stop    func()      // ends the run when the archive cannot be written

	mu      sync.Mutex
	n       counts
	tallies map[string]*selectors.WarningTally // per configured site
	fatal   error                              // the archive cannot be written: stop
}

func newHandler(cfg *Config, out Output, cat catalog, stop func()) *handler {
	return &handler{cfg: cfg, log: out.Log, report: out.ReportError, catalog: cat, stop: stop,
		n: counts{Errors: map[string]int{}}, tallies: map[string]*selectors.WarningTally{}}
}

// counts returns a copy of what the handler counted so far, and the error
// that stopped the run, if any.
func (h *handler) counts() (counts, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	c := h.n
	c.Errors = make(map[string]int, len(h.n.Errors))
	for k, v := range h.n.Errors {
		c.Errors[k] = v
	}
	return c, h.fatal
}

func (h *handler) count(f func(*counts)) {
	h.mu.Lock()
	f(&h.n)
	h.mu.Unlock()
}

// HandlePage archives p's article; a page it could not archive is
// reported here, once, and its error marks the visit failed.
func (h *handler) HandlePage(ctx context.Context, p *crawler.Page) error {
	err := h.page(ctx, p)
	if err != nil && ctx.Err() == nil && !errors.Is(err, crawler.ErrNotArticle) {
		h.HandleError(ctx, p.Requested, &crawler.URLError{URL: p.Requested, Err: err})
	}
	return err
}

func (h *handler) page(ctx context.Context, p *crawler.Page) error {
	h.count(func(c *counts) { c.Pages++ })
	if !p.Article {
		return nil // a listing page: in the WARC, no JSON
	}
	if p.CopyOf != "" && !p.Tentative {
		return h.copyOf(p)
	}
	a, err := h.extract(ctx, p)
	if err != nil {
		return err // crawler.ErrNotArticle: a listing after all
	}
	if p.CopyOf != "" {
		return h.copyOf(p)
	}
	// From here on the page was fetched and extracted: its record, JSON
	// and catalog entry are written even if the run is interrupted.
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), commitTimeout)
	defer cancel()
	if err := h.locate(cctx, p, a); err != nil {
		return err
	}
	return h.commit(cctx, p, a)
}

// copyOf counts p, an AMP, print or tracking copy of an article whose
// canonical URL the crawler queues: archived once, under that URL. The
// copy stays in the WARC.
func (h *handler) copyOf(p *crawler.Page) error {
	h.count(func(c *counts) { c.Copies++ })
	h.log.Debug("copy of another article: no JSON", "url", p.URL.String(), "canonical", p.CopyOf)
	return nil
}

// extract runs the extractor of p's site on p. A tentative article that
// does not read as one (notArticle) is crawler.ErrNotArticle.
func (h *handler) extract(ctx context.Context, p *crawler.Page) (*article.Article, error) {
	host := p.URL.Hostname()
	date := p.FetchedAt
	if d, err := http.ParseTime(p.Header.Get("Date")); err == nil {
		date = d
	}
	var cards map[string]bool
	if p.Tentative && p.Doc != nil {
		cards = cardTitles(p.Doc) // before Extract, which may change the tree
	}
	h.log.Debug("extracting", "url", p.URL.String(), "bytes", len(p.Body))
	a, warnings, err := Extract(ctx, h.cfg.ExtractorFor(host), selectors.Page{URL: p.URL.String(), Body: p.Body, ContentType: p.ContentType, Date: date, Doc: p.Doc})
	if err != nil {
		return nil, err
	}
	if p.Tentative {
		if why := notArticle(a, cards); why != "" {
			h.log.Debug("not an article: a listing", "url", p.URL.String(), "reason", why)
			return nil, crawler.ErrNotArticle
		}
	}
	for _, w := range warnings {
		h.log.Debug("selector", "url", p.URL.String(), "warning", w)
	}
	a.Site = h.cfg.SiteNameFor(host)
	a.FetchedAt = p.FetchedAt
	if site := h.cfg.SiteFor(host); site != nil && p.CopyOf == "" {
		h.tally(site.Name).Add(warnings)
	}
	return a, nil
}

// locate points a at p's WARC record, once it is written and synced: a
// page whose record cannot be located is not archived.
func (h *handler) locate(ctx context.Context, p *crawler.Page, a *article.Article) error {
	receipt, ok := p.Record.(*archive.Receipt)
	if !ok {
		return errors.New("page not recorded: no WARC record to point at")
	}
	ref, err := receipt.Wait(ctx)
	if err != nil {
		if errors.Is(err, archive.ErrWrite) {
			return h.setFatal(err)
		}
		return fmt.Errorf("warc record: %w", err)
	}
	a.WARC = &article.WARCRef{File: filepath.ToSlash(ref.File), RecordID: ref.RecordID, Offset: ref.Offset, PayloadDigest: ref.PayloadDigest}
	return nil
}

// commit writes a's JSON and catalog entry, unless the catalog holds the
// article with this payload already.
func (h *handler) commit(ctx context.Context, p *crawler.Page, a *article.Article) error {
	if h.catalog != nil {
		latest, ok, err := h.catalog.LatestArticle(ctx, a.ID)
		if err != nil {
			return h.setFatal(stateErr(err))
		}
		if ok && latest.PayloadDigest == a.WARC.PayloadDigest {
			h.count(func(c *counts) { c.ArticlesUnchanged++ })
			h.log.Debug("skipped", "url", p.URL.String(), "reason", "unchanged", "id", a.ID, "version", latest.Version)
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
		version, _, err = h.catalog.AddArticle(ctx, state.Article{
			ID: a.ID, URL: a.URL, CanonicalURL: a.CanonicalURL, Site: a.Site, Headline: a.Headline,
			Published: a.Published, FetchedAt: a.FetchedAt, JSONPath: filepath.ToSlash(path),
			WARCFile: a.WARC.File, WARCOffset: a.WARC.Offset, RecordID: a.WARC.RecordID, PayloadDigest: a.WARC.PayloadDigest,
		})
		if err != nil {
			return h.setFatal(stateErr(err))
		}
	}
	h.count(func(c *counts) {
		c.Articles++
		if version > 1 {
			c.ArticlesChanged++
		} else {
			c.ArticlesNew++
		}
	})
	h.log.Info("archived", "url", p.URL.String(), "id", a.ID, "version", version, "json", path)
	return nil
}

// setFatal stops the run: what cannot be written must not be fetched.
func (h *handler) setFatal(err error) error {
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

// HandleError counts and reports a URL that could not be archived.
func (h *handler) HandleError(_ context.Context, _ string, err error) {
	if errors.Is(err, archive.ErrDiskFull) || errors.Is(err, archive.ErrWrite) {
		h.setFatal(err)
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if !errors.Is(err, crawler.ErrDeferred) {
		h.n.Failed++
	}
	h.n.Errors[ErrorKind(err)]++
	// Under the lock: lines from many goroutines must not interleave.
	h.report(err)
}

func (h *handler) tally(site string) *selectors.WarningTally {
	h.mu.Lock()
	defer h.mu.Unlock()
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
func (h *handler) reportSelectors() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, site := range slices.Sorted(maps.Keys(h.tallies)) {
		for _, e := range h.tallies[site].Entries() {
			h.log.Warn(e.String(), "site", site, "field", e.Field, "selector", e.Selector, "pages", e.Pages, "of", e.Total)
		}
	}
}
