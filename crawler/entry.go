package crawler

// What becomes of one claimed entry: fetched, skipped, blocked, deferred
// to the next run, redirected, failed; and its visit recorded.

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"runtime/debug"
	"time"

	"github.com/newsarc/newsarc/crawler/discover"
	"github.com/newsarc/newsarc/crawler/frontier"
)

// start decides whether e is fetched now and, if so, starts the request.
func (cr *crawl) start(ctx context.Context, e frontier.Entry) bool {
	u, err := url.Parse(e.URL)
	if err != nil {
		cr.fail(ctx, e, 0, fmt.Errorf("%w: %v", ErrMalformedURL, err))
		return false
	}
	cr.mu.Lock()
	paused := cr.failures[u.Host] >= hostFailLimit
	cr.mu.Unlock()
	if paused {
		cr.deferEntry(ctx, e, u.Host, errHostPaused)
		return false
	}
	if e.Kind == frontier.KindPage && cr.history != nil && cr.site.isArticle(e.URL) {
		if v, ok := cr.unchanged(ctx, e); ok {
			cr.mu.Lock()
			cr.stats.Skipped++
			cr.mu.Unlock()
			cr.skip(e.URL, "not due", "detail", "archived before; no sitemap or feed says it changed since", "last_fetched", v.FetchedAt)
			// Off the queue; its visit stays what it was.
			cr.finish(v)
			return false
		}
	}
	delay := cr.c.cfg.PerHostDelay
	if cr.c.cfg.RespectRobots {
		rb := cr.robots.get(ctx, u.Scheme, u.Host)
		if ctx.Err() != nil {
			return false
		}
		if rb.err != nil {
			// Not knowing the rules, we do not fetch: the next run asks again.
			cr.deferEntry(ctx, e, u.Host, rb.err)
			return false
		}
		if !rb.allowed(u.RequestURI()) {
			cr.block(ctx, e, ErrRobots)
			return false
		}
		delay = max(delay, rb.delay)
	}
	cr.f.limit(u.Host, delay)
	cr.requests.Go(func() {
		defer cr.requestDone()
		defer func() {
			// A bug met on one page (in the handler, say) fails that page,
			// not the crawl.
			if r := recover(); r != nil {
				cr.c.cfg.Logger.Error("internal error", "url", e.URL, "panic", r, "stack", string(debug.Stack()))
				cr.fail(ctx, e, 0, fmt.Errorf("internal error: %v", r))
			}
		}()
		cr.fetchEntry(ctx, e)
	})
	return true
}

// fetchEntry fetches e (with retries) and deals with what came back.
func (cr *crawl) fetchEntry(ctx context.Context, e frontier.Entry) {
	resp, err := cr.c.fetch(ctx, cr.f, e.URL)
	if ctx.Err() != nil {
		return // interrupted: left in the frontier (Release) for the next run
	}
	var ra *retryAfterError
	switch {
	case errors.As(err, &ra):
		cr.deferEntry(ctx, e, hostOf(e.URL), err)
	case err != nil:
		status := 0
		if resp != nil {
			status = resp.Status
		}
		cr.fail(ctx, e, status, err)
	case resp.Status >= 300 && resp.Status <= 399 && resp.Header.Get("Location") != "":
		cr.redirect(ctx, e, resp)
	case resp.Status/100 == 2:
		cr.handle(ctx, e, resp)
	default:
		cr.fail(ctx, e, resp.Status, &StatusError{URL: e.URL, Status: resp.Status})
	}
}

// unchanged reports whether an article fetched by an earlier run has no
// sign of having changed since. When the site judges its pages, only a
// page its visit says was an article is one: a listing, or a page visited
// before kinds were recorded, is fetched again.
func (cr *crawl) unchanged(ctx context.Context, e frontier.Entry) (frontier.Visit, bool) {
	v, ok, err := cr.history.Seen(ctx, e.URL)
	if err != nil || !ok || v.Status/100 != 2 || v.Err != "" {
		return frontier.Visit{}, false
	}
	if cr.site.judges() && v.Kind != frontier.KindArticle {
		return frontier.Visit{}, false
	}
	return v, e.Hint.IsZero() || !e.Hint.After(v.FetchedAt)
}

// block records that e is not fetched because of why (ErrRobots,
// ErrOffSite, a trap).
func (cr *crawl) block(ctx context.Context, e frontier.Entry, why error) {
	if errors.Is(why, ErrRobots) {
		cr.mu.Lock()
		cr.stats.RobotsBlocked++
		cr.mu.Unlock()
	}
	cr.finish(frontier.Visit{URL: e.URL, Err: why.Error()})
	if cr.site.SeedsOnly {
		// Asked for by name: say why it was not fetched.
		cr.c.handler.HandleError(ctx, e.Requested(), urlError(e.Requested(), why))
		return
	}
	reason := why.Error()
	if errors.Is(why, ErrRobots) {
		reason = "robots"
	}
	cr.skip(e.URL, reason)
}

// deferEntry leaves e claimed, so that this run does not fetch it, and the
// final Release gives it back to the next run. It is reported once per
// host and cause. With no next run (SeedsOnly), it fails instead.
func (cr *crawl) deferEntry(ctx context.Context, e frontier.Entry, host string, cause error) {
	if cr.site.SeedsOnly {
		cr.fail(ctx, e, 0, cause)
		return
	}
	key := host + "\x00" + causeKey(cause)
	cr.mu.Lock()
	cr.deferred[e.URL] = true
	cr.stats.Deferred++
	first := !cr.reported[key]
	cr.reported[key] = true
	cr.mu.Unlock()
	cr.skip(e.URL, "deferred", "detail", cause)
	if first {
		cr.c.handler.HandleError(ctx, e.Requested(), urlError(e.Requested(), &deferredError{cause: cause}))
	}
}

// causeKey groups deferrals for reporting.
func causeKey(err error) string {
	switch {
	case errors.Is(err, ErrRobotsUnavailable):
		return "robots"
	case errors.Is(err, errHostPaused):
		return "paused"
	}
	var ra *retryAfterError
	if errors.As(err, &ra) {
		return "retry-after"
	}
	return err.Error()
}

// redirect queues the target of a 3xx response like a link: it is kept
// inside the site's domains, deduplicated with the URLs found elsewhere,
// not fetched again when it is an article already archived, and the chain
// is bounded by MaxRedirects.
func (cr *crawl) redirect(ctx context.Context, e frontier.Entry, resp *response) {
	cr.mu.Lock()
	cr.stats.Fetched++
	cr.mu.Unlock()
	loc := resp.Header.Get("Location")
	target, err := resp.URL.Parse(loc)
	if err != nil || (target.Scheme != "http" && target.Scheme != "https") {
		cr.fail(ctx, e, resp.Status, fmt.Errorf("HTTP %d redirect to %q, which is no http(s) URL", resp.Status, loc))
		return
	}
	to := discover.CanonicalURL(target).String()
	if e.Hops+1 > cr.c.cfg.MaxRedirects {
		cr.fail(ctx, e, resp.Status, fmt.Errorf("%w (more than %d)", ErrTooManyRedirects, cr.c.cfg.MaxRedirects))
		return
	}
	if ok, why := cr.inScope(to); !ok {
		if cr.site.SeedsOnly || errors.Is(why, ErrOffSite) && e.Hops == 0 && e.Depth == 0 {
			cr.fail(ctx, e, resp.Status, fmt.Errorf("redirect to %s: %w", to, why))
			return
		}
		cr.c.cfg.Logger.Info("redirect not followed", "url", e.URL, "to", to, "reason", why)
		cr.finish(frontier.Visit{URL: e.URL, Status: resp.Status, FetchedAt: resp.FetchedAt})
		return
	}
	if cr.site.SeedsOnly {
		cr.mu.Lock()
		loop := to == e.URL || cr.chain[to]
		cr.chain[e.URL] = true
		cr.mu.Unlock()
		if loop {
			cr.fail(ctx, e, resp.Status, fmt.Errorf("redirect loop: %s was fetched already", to))
			return
		}
	}
	next := frontier.Entry{URL: to, Site: cr.site.Name, Depth: e.Depth, Kind: e.Kind, Hint: e.Hint, Hops: e.Hops + 1, Via: e.Requested()}
	if err := cr.push(fromRedirect, e.URL, []frontier.Entry{next}); err != nil {
		cr.setErr(err)
	}
	cr.finish(frontier.Visit{URL: e.URL, Status: resp.Status, FetchedAt: resp.FetchedAt})
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
func (cr *crawl) finish(v frontier.Visit) {
	v.Site = cr.site.Name
	v.Run = cr.run.ID
	if v.FetchedAt.IsZero() {
		v.FetchedAt = time.Now().UTC()
	}
	if err := cr.frontier.Finish(cr.commit, v); err != nil {
		cr.setErr(fmt.Errorf("record visit of %s: %w", v.URL, err))
	}
}

func (cr *crawl) requestDone() {
	cr.done <- struct{}{}
}

// fail records that e could not be fetched and tells the handler, naming
// the URL that was asked for. Failures that say the host is in trouble
// (no answer, 429, 5xx) count toward pausing it.
func (cr *crawl) fail(ctx context.Context, e frontier.Entry, status int, err error) {
	host := hostOf(e.URL)
	cr.mu.Lock()
	if hostTrouble(status, err) {
		cr.failures[host]++
		if cr.failures[host] == hostFailLimit {
			cr.c.cfg.Logger.Warn("host keeps failing: its other URLs are left for the next run", "host", host, "err", err)
		}
	}
	cr.mu.Unlock()
	cr.finish(frontier.Visit{URL: e.URL, Status: status, Err: err.Error()})
	cr.c.handler.HandleError(ctx, e.Requested(), urlError(e.Requested(), err))
}

func hostTrouble(status int, err error) bool {
	if status != 0 {
		return status == http.StatusTooManyRequests || status >= 500
	}
	return retryable(0, err)
}
