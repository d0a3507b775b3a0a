package crawler

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/gocolly/colly/v2"

	"github.com/newsarc/newsarc/crawler/discover"
)

// Frontier is the queue of URLs to fetch. It outlives a run: what one run
// leaves, the next resumes.
type Frontier interface {
	// Push queues the entries not queued yet and not fetched in run.
	Push(ctx context.Context, run string, entries []Entry) (int, error)
	// Claim takes up to n queued entries of site for worker, for lease.
	Claim(ctx context.Context, site, worker string, n int, lease time.Duration) ([]Entry, error)
	// Finish records visits and takes their URLs off the queue.
	Finish(ctx context.Context, visits ...Visit) error
	// Release gives back what worker still holds.
	Release(ctx context.Context, worker string) (int, error)
}

// History tells what earlier runs fetched.
type History interface {
	Seen(ctx context.Context, url string) (Visit, bool, error)
}

// Run identifies one crawl run.
type Run struct {
	ID     string
	Worker string // who claims frontier entries; the same on every run of one machine
	Now    time.Time
}

// CrawlStats counts what a crawl of one site did.
type CrawlStats struct {
	Fetched   int // responses handed on or parsed
	Failed    int
	Skipped   int // known articles that no sitemap or feed says have changed
	Blocked   int // disallowed by robots.txt, out of scope, or traps
	Discovery int // URLs queued
}

// crawl is the state of one site's crawl.
type crawl struct {
	c        *Crawler
	site     *Site
	run      Run
	frontier Frontier
	history  History
	robots   *robots
	col      *colly.Collector
	requests sync.WaitGroup // one per request started

	mu       sync.Mutex
	stats    CrawlStats
	tries    map[string]int
	limited  map[string]bool // hosts with a colly LimitRule
	failures map[string]int  // consecutive failures per host
	deferred map[string]bool // claimed but not fetched this run
	err      error           // the frontier failed: stop
	done     chan struct{}   // one token per finished request
	memo     *linkMemo
}

// linkMemoSize bounds each generation of the link memo: a few MB at most.
const linkMemoSize = 8192

// hostFailLimit consecutive failures pause a host for the rest of the run.
const hostFailLimit = 5

// Crawl archives site: it seeds the frontier with the start URLs, sitemaps
// (also from robots.txt) and feeds, then fetches what the frontier holds,
// queueing the links it finds, until nothing is left, MaxPages is reached
// or ctx is done. What is left stays in the frontier for the next run.
func (c *Crawler) Crawl(ctx context.Context, site *Site, run Run, f Frontier, h History) (CrawlStats, error) {
	cr := &crawl{
		c: c, site: site, run: run, frontier: f, history: h,
		robots:   newRobots(c.transport, c.cfg.UserAgent, c.cfg.Timeout),
		tries:    make(map[string]int),
		limited:  make(map[string]bool),
		failures: make(map[string]int),
		deferred: make(map[string]bool),
		memo:     newLinkMemo(linkMemoSize),
		done:     make(chan struct{}, c.cfg.Concurrency),
	}
	cr.col = c.collector(ctx, false)
	cr.col.IgnoreRobotsTxt = true // checked here, once per host, with Crawl-delay
	cr.col.SetRedirectHandler(cr.checkRedirect)
	cr.col.OnResponse(func(r *colly.Response) { cr.onResponse(ctx, r) })
	cr.col.OnError(func(r *colly.Response, err error) { cr.onError(ctx, r, err) })

	if err := cr.seed(ctx); err != nil {
		return cr.stats, err
	}
	err := cr.loop(ctx)
	cr.requests.Wait()
	// Entries claimed but not fetched go back for the next run.
	if _, rerr := f.Release(context.WithoutCancel(ctx), run.Worker); rerr != nil && err == nil {
		err = rerr
	}
	cr.mu.Lock()
	defer cr.mu.Unlock()
	if cr.err != nil {
		return cr.stats, cr.err
	}
	return cr.stats, err
}

func (cr *crawl) seed(ctx context.Context) error {
	var seeds []Entry
	add := func(raw, kind string) {
		u, err := discover.Canonical(raw)
		if err != nil {
			cr.c.handler.HandleError(ctx, raw, err)
			return
		}
		seeds = append(seeds, Entry{URL: u, Site: cr.site.Name, Kind: kind})
	}
	for _, u := range cr.site.StartURLs {
		add(u, KindPage)
	}
	for _, u := range cr.site.Sitemaps {
		add(u, KindSitemap)
	}
	for _, u := range cr.site.Feeds {
		add(u, KindFeed)
	}
	// Sitemaps that robots.txt names.
	hosts := make(map[string]bool)
	for _, s := range seeds {
		pu, err := url.Parse(s.URL)
		if err != nil || hosts[pu.Host] {
			continue
		}
		hosts[pu.Host] = true
		for _, sm := range cr.robots.get(ctx, pu.Scheme, pu.Host).sitemaps {
			if u, err := discover.Canonical(sm); err == nil && cr.inDomains(u) {
				seeds = append(seeds, Entry{URL: u, Site: cr.site.Name, Kind: KindSitemap})
			}
		}
	}
	return cr.push(ctx, seeds)
}

func (cr *crawl) push(ctx context.Context, entries []Entry) error {
	if len(entries) == 0 {
		return nil
	}
	n, err := cr.frontier.Push(ctx, cr.run.ID, entries)
	if err != nil {
		return fmt.Errorf("queue %d urls: %w", len(entries), err)
	}
	cr.mu.Lock()
	cr.stats.Discovery += n
	cr.mu.Unlock()
	return nil
}

// loop claims entries and starts their requests, at most Concurrency at
// once, until the frontier has nothing left for this site.
func (cr *crawl) loop(ctx context.Context) error {
	inflight, started := 0, 0
	for {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if cr.failed() {
			return nil
		}
		if max := cr.site.MaxPages; max > 0 && started >= max {
			break
		}
		want := cr.c.cfg.Concurrency - inflight
		if want == 0 {
			inflight -= cr.wait(ctx, 1)
			continue
		}
		entries, err := cr.frontier.Claim(ctx, cr.site.Name, cr.run.Worker, want, time.Hour)
		if err != nil {
			return fmt.Errorf("claim from frontier: %w", err)
		}
		fresh := 0
		for _, e := range entries {
			if cr.isDeferred(e.URL) {
				continue
			}
			fresh++
			if cr.start(ctx, e) {
				inflight++
				started++
			}
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

func (cr *crawl) deferURL(u string) {
	cr.mu.Lock()
	cr.deferred[u] = true
	cr.mu.Unlock()
}

// start decides whether e is fetched now and, if so, starts the request.
func (cr *crawl) start(ctx context.Context, e Entry) bool {
	u, err := url.Parse(e.URL)
	if err != nil {
		cr.finish(ctx, Visit{URL: e.URL, Err: err.Error()})
		return false
	}
	cr.mu.Lock()
	paused := cr.failures[u.Host] >= hostFailLimit
	cr.mu.Unlock()
	if paused {
		cr.deferURL(e.URL) // the next run tries again
		return false
	}
	if e.Kind == KindPage && cr.site.isArticle(e.URL) {
		if v, ok := cr.unchanged(ctx, e); ok {
			cr.mu.Lock()
			cr.stats.Skipped++
			cr.mu.Unlock()
			// Off the queue; its visit stays what it was.
			cr.finish(ctx, v)
			return false
		}
	}
	rb := cr.robots.get(ctx, u.Scheme, u.Host)
	if rb.err != nil {
		// Not knowing the rules, we do not fetch: the next run asks again.
		cr.fail(ctx, e, 0, fmt.Errorf("%s: robots.txt unavailable: %w", e.URL, rb.err))
		return false
	}
	if !rb.allowed(u.RequestURI()) {
		cr.block(ctx, e, "blocked by robots.txt")
		return false
	}
	cr.politeness(u.Host, rb.delay())
	cctx := colly.NewContext()
	cctx.Put("requested", e.URL)
	cctx.Put("entry", e)
	// The collector is synchronous: Request returns when the fetch, its
	// retries and callbacks are over, so this goroutine's end is the one
	// sure sign that the request is done, whatever path colly took.
	cr.requests.Go(func() {
		defer cr.requestDone()
		err := cr.col.Request(http.MethodGet, e.URL, nil, cctx, nil)
		if cctx.GetAny("handled") == nil {
			if err == nil {
				err = errors.New("colly returned no response")
			}
			cr.fail(ctx, e, 0, fmt.Errorf("%s: %w", e.URL, err))
		}
	})
	return true
}

// unchanged reports whether an article fetched by an earlier run has no
// sign of having changed since.
func (cr *crawl) unchanged(ctx context.Context, e Entry) (Visit, bool) {
	v, ok, err := cr.history.Seen(ctx, e.URL)
	if err != nil || !ok || v.Status/100 != 2 {
		return Visit{}, false
	}
	return v, e.Hint.IsZero() || !e.Hint.After(v.FetchedAt)
}

func (cr *crawl) block(ctx context.Context, e Entry, reason string) {
	cr.mu.Lock()
	cr.stats.Blocked++
	cr.mu.Unlock()
	cr.finish(ctx, Visit{URL: e.URL, Err: reason})
	cr.c.cfg.Logger.Debug("not fetched", "url", e.URL, "reason", reason)
}

// politeness gives each host its own colly LimitRule: one request at a
// time with the delay, or Concurrency at once when there is no delay.
func (cr *crawl) politeness(host string, robotsDelay time.Duration) {
	cr.mu.Lock()
	defer cr.mu.Unlock()
	if cr.limited[host] {
		return
	}
	cr.limited[host] = true
	d := max(cr.c.cfg.PerHostDelay, robotsDelay)
	par := 1
	if d == 0 {
		par = cr.c.cfg.Concurrency
	}
	cr.col.Limit(&colly.LimitRule{DomainGlob: host, Parallelism: par, Delay: d})
}

// checkRedirect hands each redirect back as the response: its target is
// queued like any link (onError), so it is kept inside the site's
// domains, deduplicated with the URLs found elsewhere, and not fetched
// again when it is an article already archived.
func (cr *crawl) checkRedirect(req *http.Request, via []*http.Request) error {
	return http.ErrUseLastResponse
}

// redirect queues the target of a 3xx response; it reports false when r
// is no redirect.
func (cr *crawl) redirect(ctx context.Context, e Entry, r *colly.Response) bool {
	if r.StatusCode < 300 || r.StatusCode > 399 || r.Headers == nil || r.Headers.Get("Location") == "" {
		return false
	}
	target, err := r.Request.URL.Parse(r.Headers.Get("Location"))
	if err != nil {
		return false
	}
	cr.mu.Lock()
	cr.stats.Fetched++
	cr.mu.Unlock()
	to := discover.CanonicalURL(target).String()
	if ok, why := cr.inScope(to); ok {
		if err := cr.push(ctx, []Entry{{URL: to, Site: cr.site.Name, Depth: e.Depth, Kind: e.Kind, Hint: e.Hint}}); err != nil {
			cr.setErr(err)
		}
	} else {
		cr.c.cfg.Logger.Info("redirect not followed", "url", e.URL, "to", to, "reason", why)
	}
	cr.finish(ctx, Visit{URL: e.URL, Status: r.StatusCode, FetchedAt: time.Now().UTC()})
	return true
}

func (cr *crawl) setErr(err error) {
	cr.mu.Lock()
	if cr.err == nil {
		cr.err = err
	}
	cr.mu.Unlock()
}

// finish records v as dealt with in this run and takes its URL off the
// queue. An unchanged article keeps the time it was fetched, so a sitemap
// or feed that says it changed since can still queue it again (Push).
func (cr *crawl) finish(ctx context.Context, v Visit) {
	v.Site = cr.site.Name
	v.Run = cr.run.ID
	if v.FetchedAt.IsZero() {
		v.FetchedAt = time.Now().UTC()
	}
	if err := cr.frontier.Finish(ctx, v); err != nil {
		cr.setErr(fmt.Errorf("record visit of %s: %w", v.URL, err))
	}
}

func (cr *crawl) requestDone() {
	cr.done <- struct{}{}
}

func (cr *crawl) fail(ctx context.Context, e Entry, status int, err error) {
	host := hostOf(e.URL)
	cr.mu.Lock()
	cr.stats.Failed++
	cr.failures[host]++
	if cr.failures[host] == hostFailLimit {
		cr.c.cfg.Logger.Warn("host keeps failing: paused for this run", "host", host, "err", err)
	}
	cr.mu.Unlock()
	cr.finish(ctx, Visit{URL: e.URL, Status: status, Err: err.Error()})
	cr.c.handler.HandleError(ctx, e.URL, err)
}

func (cr *crawl) onError(ctx context.Context, r *colly.Response, err error) {
	r.Ctx.Put("handled", true)
	e, _ := r.Ctx.GetAny("entry").(Entry)
	if cr.redirect(ctx, e, r) {
		return
	}
	if r.StatusCode != 0 && r.StatusCode/100 != 2 {
		err = &StatusError{URL: r.Request.URL.String(), Status: r.StatusCode}
	}
	cr.mu.Lock()
	cr.tries[e.URL]++
	n := cr.tries[e.URL]
	cr.mu.Unlock()
	if ctx.Err() == nil && n <= cr.c.cfg.Retries && retryable(r.StatusCode, err) {
		wait := cr.c.backoff(n, r)
		select {
		case <-time.After(wait):
			// Synchronous: the retry's own callbacks report its outcome.
			r.Request.Retry()
			return
		case <-ctx.Done():
		}
	}
	if ctx.Err() != nil {
		return // interrupted: left in the frontier (Release) for the next run
	}
	cr.fail(ctx, e, r.StatusCode, err)
}

func (cr *crawl) onResponse(ctx context.Context, r *colly.Response) {
	r.Ctx.Put("handled", true)
	e, _ := r.Ctx.GetAny("entry").(Entry)
	p := cr.c.page(r)
	host := p.URL.Host
	cr.mu.Lock()
	cr.failures[host] = 0
	cr.stats.Fetched++
	cr.mu.Unlock()
	final := p.URL.String()
	if c, err := discover.Canonical(final); err == nil {
		final = c
	}

	var found []Entry
	var herr error
	switch e.Kind {
	case KindSitemap:
		found, herr = cr.sitemap(e, p)
	case KindFeed:
		found, herr = cr.feed(e, p)
	default:
		if cr.site.isArticle(final) || (final != e.URL && cr.site.isArticle(e.URL)) {
			p.Article = true
		}
		found = cr.links(e, p, final)
		p.Site = cr.site.Name
		p.Depth = e.Depth
		herr = cr.c.handler.HandlePage(ctx, p)
	}
	if err := cr.push(ctx, found); err != nil {
		cr.setErr(err)
	}
	v := Visit{URL: e.URL, Status: p.Status, FetchedAt: p.FetchedAt}
	if herr != nil {
		cr.mu.Lock()
		cr.stats.Failed++
		cr.mu.Unlock()
		v.Err = herr.Error()
		cr.c.handler.HandleError(ctx, e.URL, herr)
	}
	cr.finish(ctx, v)
}

// links returns the in-scope links of an HTML page worth queueing. An
// article is parsed into a tree, which is handed on in p.Doc for
// extraction; other pages are only tokenized.
func (cr *crawl) links(e Entry, p *Page, final string) []Entry {
	if mt, _, _ := mime.ParseMediaType(p.ContentType); mt != "text/html" && mt != "application/xhtml+xml" {
		return nil
	}
	var pl discover.PageLinks
	var err error
	if !p.Article {
		pl, err = discover.Scan(p.Body, p.URL)
	}
	if p.Article || err != nil {
		doc, err := cr.c.cfg.ParseHTML(p)
		if err != nil || doc == nil {
			return nil
		}
		p.Doc = doc
		pl = discover.Tree(doc, p.URL)
	}
	var out []Entry
	depth := e.Depth + 1
	follow := (cr.site.follows(final) || cr.site.follows(e.URL)) && (cr.site.MaxDepth == 0 || depth <= cr.site.MaxDepth)
	if follow {
		org := origin(pl.Base)
		onPage := make(map[string]bool, len(pl.Anchors)/4)
		for _, href := range pl.Anchors {
			k, memo := cr.memo.key(org, href)
			if memo {
				if m, ok := cr.memo.get(k); ok && (!m.queue || m.depth <= depth) {
					continue
				}
			}
			l, ok := discover.Resolve(pl.Base, href)
			queue := ok && cr.queueable(l)
			if memo {
				cr.memo.put(k, memoEntry{queue: queue, depth: depth})
			}
			if queue && !onPage[l] {
				onPage[l] = true
				out = append(out, Entry{URL: l, Site: cr.site.Name, Depth: depth, Kind: KindPage})
			}
		}
	}
	// The page's canonical URL is where its article is archived.
	if c, ok := discover.Resolve(pl.Base, pl.Canonical); ok && c != final {
		if ok, _ := cr.inScope(c); ok {
			out = append(out, Entry{URL: c, Site: cr.site.Name, Depth: e.Depth, Kind: KindPage})
		}
	}
	if e.Depth == 0 && follow {
		for _, href := range pl.Feeds {
			if l, ok := discover.Resolve(pl.Base, href); ok {
				if ok, _ := cr.inScope(l); ok {
					out = append(out, Entry{URL: l, Site: cr.site.Name, Kind: KindFeed})
				}
			}
		}
	}
	return out
}

// queueable reports whether a link to u is queued: in scope and wanted.
func (cr *crawl) queueable(u string) bool {
	ok, _ := cr.inScope(u)
	return ok && cr.site.wanted(u)
}

// inDomains reports whether the URL u is on one of the site's domains.
func (cr *crawl) inDomains(u string) bool {
	pu, err := url.Parse(u)
	return err == nil && cr.site.InDomains(pu.Hostname())
}

// inScope says whether u may be queued, and why not.
func (cr *crawl) inScope(u string) (bool, string) {
	pu, err := url.Parse(u)
	if err != nil {
		return false, "malformed"
	}
	if !cr.site.InDomains(pu.Hostname()) {
		return false, "off-site"
	}
	if reason, trapped := discover.Trap(pu, cr.run.Now); trapped {
		return false, reason
	}
	return true, ""
}

func (cr *crawl) sitemap(e Entry, p *Page) ([]Entry, error) {
	sm, err := discover.ParseSitemap(bytes.NewReader(p.Body), p.URL)
	if sm == nil {
		return nil, fmt.Errorf("sitemap %s: %w", e.URL, err)
	}
	var out []Entry
	for _, c := range sm.Sitemaps {
		if ok, _ := cr.inScope(c.Loc); ok {
			out = append(out, Entry{URL: c.Loc, Site: cr.site.Name, Depth: e.Depth, Kind: KindSitemap, Hint: c.LastMod})
		}
	}
	for _, su := range sm.URLs {
		if ok, _ := cr.inScope(su.Loc); !ok {
			continue
		}
		hint := su.LastMod
		if hint.IsZero() {
			hint = su.NewsPublished
		}
		out = append(out, Entry{URL: su.Loc, Site: cr.site.Name, Depth: e.Depth, Kind: KindPage, Hint: hint})
	}
	if err != nil {
		return out, fmt.Errorf("sitemap %s: %w", e.URL, err)
	}
	return out, nil
}

func (cr *crawl) feed(e Entry, p *Page) ([]Entry, error) {
	items, err := discover.ParseFeed(bytes.NewReader(p.Body), p.URL)
	var out []Entry
	for _, it := range items {
		if ok, _ := cr.inScope(it.Link); !ok {
			continue
		}
		hint := it.Updated
		if hint.IsZero() {
			hint = it.Published
		}
		out = append(out, Entry{URL: it.Link, Site: cr.site.Name, Depth: e.Depth + 1, Kind: KindPage, Hint: hint})
	}
	if err != nil {
		return out, fmt.Errorf("feed %s: %w", e.URL, err)
	}
	return out, nil
}
