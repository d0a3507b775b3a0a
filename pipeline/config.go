package pipeline

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"

	"golang.org/x/net/html"
	"golang.org/x/net/http/httpproxy"

	"github.com/newsarc/newsarc/archive"
	"github.com/newsarc/newsarc/archive/state"
	"github.com/newsarc/newsarc/crawler"
	"github.com/newsarc/newsarc/selectors"
)

// Config is what a run needs, in the types the packages take. It holds no
// run's state: the same Config serves any number of runs.
type Config struct {
	Dir         string // the archive: warc/, articles/, state.db
	WARCMaxSize int64
	MinFree     int64
	Compression string // "gzip" or "none"
	Software    string // for the warcinfo record, e.g. "newsarc/1.2.0"
	// Crawl is the fetch configuration; its ParseHTML is set by the run
	// (pages are parsed as their site's extractor reads them).
	Crawl    crawler.Config
	MaxDepth int // for every site; 0 = no limit
	MaxPages int // per site and run; 0 = no limit
	Sites    []*Site
	// Generic extracts the pages of hosts no site holds; nil: one with no
	// selectors, shared by the process.
	Generic *selectors.Extractor
}

// Site is one configured site: what the crawler needs, and its extractor.
type Site struct {
	crawler.Site
	Extractor *selectors.Extractor
}

// Output is where a run reports, besides the summary it returns.
type Output struct {
	Log *slog.Logger // nil: discarded
	// Errors gets one line per URL that could not be archived:
	// "error: URL: cause". Nil: discarded.
	Errors io.Writer
	// ReportError, when not nil, takes the error of each URL that could
	// not be archived instead of Errors, one call at a time: for a caller
	// that words the lines itself (as JSON, say). The error names the URL
	// (a *crawler.URLError, but for a malformed URL); ErrorKind classes it.
	ReportError func(err error)
	// Progress, when not nil, gets a status line redrawn every second
	// (give it a terminal, not a log). Each Write is one whole redraw:
	// "\r\033[K" (back to the start, clear the line) and the new line, no
	// newline; a last Write of "\r\033[K" alone clears it.
	Progress io.Writer
	// Stopping, when not nil, is called once, as soon as the run's context
	// is cancelled (SIGINT, SIGTERM), with the number of requests then in
	// flight, which the run now cuts short.
	Stopping func(inFlight int)
}

func (o Output) withDefaults() Output {
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	if o.Errors == nil {
		o.Errors = io.Discard
	}
	if o.ReportError == nil {
		w := o.Errors
		o.ReportError = func(err error) { fmt.Fprintf(w, "error: %v\n", err) }
	}
	return o
}

var (
	// ErrLocked: another process holds the archive's lock or its state
	// database; try again later.
	ErrLocked = errors.New("another crawl holds the archive lock")
	// ErrInterrupted ends a run whose context was cancelled (SIGINT,
	// SIGTERM): what was fetched is archived, the rest waits.
	ErrInterrupted = errors.New("interrupted")
)

// Site returns the configured site called name, or nil.
func (c *Config) Site(name string) *Site {
	for _, s := range c.Sites {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// SiteFor returns the configured site whose domains hold host, or nil.
func (c *Config) SiteFor(host string) *Site {
	for _, s := range c.Sites {
		if s.InDomains(host) {
			return s
		}
	}
	return nil
}

// SiteNameFor names the site a host's records and articles are filed
// under: the configured site that holds it, or the host itself.
func (c *Config) SiteNameFor(host string) string {
	if s := c.SiteFor(host); s != nil {
		return s.Name
	}
	return archive.SiteName(strings.ToLower(host))
}

// ExtractorFor returns the extractor of the site that holds host, or the
// generic one.
func (c *Config) ExtractorFor(host string) *selectors.Extractor {
	if s := c.SiteFor(host); s != nil && s.Extractor != nil {
		return s.Extractor
	}
	if c.Generic != nil {
		return c.Generic
	}
	return plainExtractor()
}

// plainExtractor is the extractor with no selectors; it keeps no state
// between pages, so one serves every run.
var plainExtractor = sync.OnceValue(func() *selectors.Extractor {
	ex, err := selectors.New(selectors.Config{})
	if err != nil {
		panic(err) // no selectors: nothing to compile, nothing to fail
	}
	return ex
})

// prepared is a copy of c ready for a run: the crawler parses pages as
// their extractor will read them, so that the tree it hands on in
// crawler.Page.Doc is the one extraction would build.
func (c *Config) prepared() *Config {
	p := *c
	p.Crawl.ParseHTML = func(pg *crawler.Page) (*html.Node, error) {
		return p.ExtractorFor(pg.URL.Hostname()).Parse(pg.Body, pg.ContentType)
	}
	if p.Crawl.MaxParseSize == 0 {
		p.Crawl.MaxParseSize = selectors.MaxHTMLSize
	}
	return &p
}

// crawlerSite is s as the crawler takes it, with the run's limits.
func (c *Config) crawlerSite(s *Site) *crawler.Site {
	cs := s.Site
	cs.MaxDepth, cs.MaxPages = c.MaxDepth, c.MaxPages
	return &cs
}

// newRecorder returns the WARC recorder of the archive dir. Requests go
// through the proxy the environment names (HTTP_PROXY, NO_PROXY…).
func (c *Config) newRecorder(log *slog.Logger) (*archive.Recorder, error) {
	return archive.NewRecorder(archive.Config{
		Dir:         c.Dir,
		MaxSize:     c.WARCMaxSize,
		Compression: c.Compression,
		MinFree:     c.MinFree,
		Software:    c.Software,
		Timeout:     c.Crawl.Timeout,
		SiteFor:     c.SiteNameFor,
		Proxy:       httpproxy.FromEnvironment().ProxyFunc(),
		Logger:      log,
	})
}

// stateErr words a state.db that another process holds so that it wraps
// ErrLocked.
func stateErr(err error) error {
	if errors.Is(err, state.ErrBusy) && !errors.Is(err, ErrLocked) {
		return fmt.Errorf("%w: %v", ErrLocked, err)
	}
	return err
}
