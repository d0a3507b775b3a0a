package crawler

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"sync"
	"time"

	"github.com/newsarc/newsarc/crawler/discover"
	"github.com/newsarc/newsarc/crawler/frontier"
)

// Frontier is the queue of URLs to fetch. It outlives a run: what one run
// leaves, the next resumes.
type Frontier interface {
	// Push queues the entries not queued yet and not fetched in run, and
	// returns the URLs it added.
	Push(ctx context.Context, run string, entries []frontier.Entry) ([]string, error)
	// Claim takes up to n queued entries of site for worker, for lease.
	Claim(ctx context.Context, site, worker string, n int, lease time.Duration) ([]frontier.Entry, error)
	// Finish records visits and takes their URLs off the queue.
	Finish(ctx context.Context, visits ...frontier.Visit) error
	// Release gives back what worker still holds.
	Release(ctx context.Context, worker string) (int, error)
}

// History tells what earlier runs fetched.
type History interface {
	Seen(ctx context.Context, url string) (frontier.Visit, bool, error)
}

// Run identifies one crawl run.
type Run struct {
	ID     string
	Worker string // who claims frontier entries; the same on every run of one machine
	Now    time.Time
}

// CrawlStats counts what a crawl of one site did that only the crawler
// sees; pages and failures go to the Handler, which counts them.
type CrawlStats struct {
	Fetched       int // responses handled: pages, sitemaps, feeds, redirects
	Skipped       int // known articles that no sitemap or feed says have changed
	RobotsBlocked int // URLs robots.txt disallows
	Deferred      int // left in the frontier for the next run
}

// crawl is the state of one site's crawl.
type crawl struct {
	c        *Crawler
	site     *Site
	run      Run
	frontier Frontier
	history  History
	f        *fetcher
	robots   *robots
	// commit is for frontier writes: not cancelled by an interrupt, so
	// what was fetched before it is recorded.
	commit   context.Context
	requests sync.WaitGroup // one per request started

	mu       sync.Mutex
	stats    CrawlStats
	failures map[string]int  // consecutive failures per host
	deferred map[string]bool // claimed but left for the next run
	reported map[string]bool // host and cause of deferrals already reported
	chain    map[string]bool // SeedsOnly: URLs fetched, to tell redirect loops
	err      error           // the frontier failed: stop
	done     chan struct{}   // one token per finished request
	memo     *linkMemo
}

// linkMemoSize bounds each generation of the link memo: a few MB at most.
const linkMemoSize = 8192

// hostFailLimit consecutive failures pause a host for the rest of the run.
const hostFailLimit = 5

// claimLease is how long a claimed entry is ours: longer than any fetch
// with its retries.
const claimLease = time.Hour

// errHostPaused defers the URLs of a host that keeps failing.
var errHostPaused = fmt.Errorf("host failed %d times in a row", hostFailLimit)

// Crawl archives site: it seeds the frontier with the start URLs, sitemaps
// (also from robots.txt) and feeds, then fetches what the frontier holds,
// queueing the links it finds, until nothing is left, MaxPages is reached
// or ctx is done. What is left stays in the frontier for the next run. h
// may be nil (no earlier runs).
func (c *Crawler) Crawl(ctx context.Context, site *Site, run Run, f Frontier, h History) (CrawlStats, error) {
	cr := &crawl{
		c: c, site: site, run: run, frontier: f, history: h,
		commit:   context.WithoutCancel(ctx),
		failures: make(map[string]int),
		deferred: make(map[string]bool),
		reported: make(map[string]bool),
		chain:    make(map[string]bool),
		memo:     newLinkMemo(linkMemoSize),
		done:     make(chan struct{}, c.cfg.Concurrency),
	}
	cr.f = newFetcher(ctx, c.cfg, c.transport, &c.inFlight)
	cr.robots = newRobots(c.cfg.UserAgent, func(ctx context.Context, u string) (*response, error) {
		return c.fetch(ctx, cr.f, u)
	}, site.InScope)

	err := cr.seed(ctx)
	if err == nil {
		err = cr.loop(ctx)
	}
	cr.requests.Wait()
	// Entries claimed but not fetched (interrupted, deferred) go back for
	// the next run.
	rctx, cancel := context.WithTimeout(cr.commit, 30*time.Second)
	defer cancel()
	if _, rerr := f.Release(rctx, run.Worker); rerr != nil && err == nil {
		err = fmt.Errorf("release claims: %w", rerr)
	}
	cr.mu.Lock()
	defer cr.mu.Unlock()
	if cr.err != nil {
		return cr.stats, cr.err
	}
	return cr.stats, err
}

func (cr *crawl) seed(ctx context.Context) error {
	var starts, configured []frontier.Entry
	add := func(to *[]frontier.Entry, raw, kind string) {
		u, err := discover.Canonical(raw)
		if err != nil {
			cr.c.handler.HandleError(ctx, raw, urlError(raw, fmt.Errorf("%w: %v", ErrMalformedURL, err)))
			return
		}
		*to = append(*to, frontier.Entry{URL: u, Site: cr.site.Name, Kind: kind})
	}
	for _, u := range cr.site.StartURLs {
		add(&starts, u, frontier.KindPage)
	}
	if cr.site.SeedsOnly {
		return cr.push(fromStart, "", starts)
	}
	for _, u := range cr.site.Sitemaps {
		add(&configured, u, frontier.KindSitemap)
	}
	for _, u := range cr.site.Feeds {
		add(&configured, u, frontier.KindFeed)
	}
	// Queued in this order, so claimed in it: start URLs, then the
	// configured sitemaps and feeds, then the sitemaps robots.txt names.
	if err := cr.push(fromStart, "", starts); err != nil {
		return err
	}
	if err := cr.push(fromConfig, "", configured); err != nil {
		return err
	}
	hosts := make(map[string]bool)
	for _, s := range append(starts, configured...) {
		pu, err := url.Parse(s.URL)
		if err != nil || hosts[pu.Host] {
			continue
		}
		hosts[pu.Host] = true
		var named []frontier.Entry
		for _, sm := range cr.robots.get(ctx, pu.Scheme, pu.Host).sitemaps {
			if ok, _ := cr.inScope(sm); ok {
				named = append(named, frontier.Entry{URL: sm, Site: cr.site.Name, Kind: frontier.KindSitemap})
			}
		}
		if err := cr.push(fromRobots, pu.Scheme+"://"+pu.Host+"/robots.txt", named); err != nil {
			return err
		}
	}
	return nil
}

// Where a queued URL was found: the "from" of its "queued" log record.
const (
	fromStart    = "start URL"
	fromConfig   = "config" // a sitemap or feed the site's config names
	fromRobots   = "robots.txt"
	fromLink     = "link"
	fromSitemap  = "sitemap"
	fromFeed     = "feed"
	fromRedirect = "redirect"
)

// foundIn is where the URLs found in a fetched entry of kind come from.
func foundIn(kind string) string {
	switch kind {
	case frontier.KindSitemap:
		return fromSitemap
	case frontier.KindFeed:
		return fromFeed
	}
	return fromLink
}

// push queues entries found at via (the page, sitemap, feed or robots.txt
// that names them; "" for the site's own) and logs, at debug level, each
// URL the frontier took: one not queued or fetched in this run already.
func (cr *crawl) push(from, via string, entries []frontier.Entry) error {
	if len(entries) == 0 {
		return nil
	}
	added, err := cr.frontier.Push(cr.commit, cr.run.ID, entries)
	if err != nil {
		return fmt.Errorf("queue %d urls: %w", len(entries), err)
	}
	log := cr.c.cfg.Logger
	if len(added) == 0 || !log.Enabled(cr.commit, slog.LevelDebug) {
		return nil
	}
	took := make(map[string]bool, len(added))
	for _, u := range added {
		took[u] = true
	}
	for _, e := range entries {
		if !took[e.URL] {
			continue
		}
		delete(took, e.URL) // once, though the batch may hold it twice
		args := []any{"url", e.URL, "from", from}
		if via != "" {
			args = append(args, "via", via)
		}
		if e.Kind != "" && e.Kind != frontier.KindPage {
			args = append(args, "kind", e.Kind)
		}
		log.Debug("queued", append(args, "depth", e.Depth)...)
	}
	return nil
}

// skip logs, at debug level, why u is not queued or not fetched.
func (cr *crawl) skip(u, reason string, args ...any) {
	if log := cr.c.cfg.Logger; log.Enabled(cr.commit, slog.LevelDebug) {
		log.Debug("skipped", append([]any{"url", u, "reason", reason}, args...)...)
	}
}

// loop claims entries and starts their requests, at most Concurrency at
// once, until the frontier has nothing left for this site.
func (cr *crawl) loop(ctx context.Context) error {
	inflight, started := 0, 0
	// Entries that start no request (deferred, blocked, unchanged) take no
	// slot: after a claim of only those, the next one asks for more, so a
	// run that skips 50 000 known articles or defers a paused host's URLs
	// does not claim them a few at a time.
	extra := 0
	for {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if cr.failed() {
			return nil
		}
		if max := cr.site.MaxPages; max > 0 && started >= max {
			cr.c.cfg.Logger.Debug("max_pages reached: the rest of the frontier is left for the next run", "site", cr.site.Name, "max_pages", max)
			break
		}
		want := cr.c.cfg.Concurrency - inflight
		if want == 0 {
			inflight -= cr.wait(ctx, 1)
			continue
		}
		entries, err := cr.frontier.Claim(ctx, cr.site.Name, cr.run.Worker, want+extra, claimLease)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("claim from frontier: %w", err)
		}
		fresh, began := 0, 0
		for i, e := range entries {
			// Entries not started here stay claimed: the final Release
			// gives them back.
			if ctx.Err() != nil || cr.failed() {
				break
			}
			if cr.site.MaxPages > 0 && started >= cr.site.MaxPages {
				for _, left := range entries[i:] {
					cr.skip(left.URL, "max pages", "max_pages", cr.site.MaxPages)
				}
				break
			}
			if cr.isDeferred(e.URL) {
				continue
			}
			fresh++
			for inflight >= cr.c.cfg.Concurrency && ctx.Err() == nil {
				inflight -= cr.wait(ctx, 1)
			}
			if ctx.Err() != nil {
				break
			}
			if cr.start(ctx, e) {
				inflight++
				started++
				began++
			}
		}
		if began == 0 && fresh > 0 {
			extra = min(max(2*extra, 16), 1024)
		} else {
			extra = 0
		}
		if fresh == 0 {
			if inflight == 0 {
				break
			}
			// What is in flight may queue more.
			inflight -= cr.wait(ctx, 1)
		}
	}
	for inflight > 0 && ctx.Err() == nil {
		inflight -= cr.wait(ctx, inflight)
	}
	return ctx.Err()
}

// wait blocks until at least one request ends (up to max), and says how many did.
func (cr *crawl) wait(ctx context.Context, max int) int {
	n := 0
	select {
	case <-cr.done:
		n++
	case <-ctx.Done():
		return 0
	}
	for n < max {
		select {
		case <-cr.done:
			n++
		default:
			return n
		}
	}
	return n
}

func (cr *crawl) failed() bool {
	cr.mu.Lock()
	defer cr.mu.Unlock()
	return cr.err != nil
}

func (cr *crawl) isDeferred(u string) bool {
	cr.mu.Lock()
	defer cr.mu.Unlock()
	return cr.deferred[u]
}
