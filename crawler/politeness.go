package crawler

import (
	"context"
	"sync"
	"time"
)

// hostLimits space the requests of a crawl to each host: one at a time,
// with a delay between the end of one and the start of the next
// (PerHostDelay, or a longer robots.txt Crawl-delay), as colly's LimitRule
// does. Unlike colly, which sleeps out the delay after each request
// whatever happens, every wait here ends with the crawl's context: an
// interrupted crawl does not sleep the delay of each request queued for
// the host (7 × 3 s at concurrency 8) before it can stop.
type hostLimits struct {
	mu    sync.Mutex
	hosts map[string]*hostLimit // nil: the host has no delay
}

type hostLimit struct {
	slot  chan struct{} // holds a token while a request is on the wire
	delay time.Duration
	next  time.Time // no request starts before; read and set by the slot's holder
}

func newHostLimits() *hostLimits {
	return &hostLimits{hosts: make(map[string]*hostLimit)}
}

// set gives host its delay, unless it has one already: the first request
// to a host knows its robots.txt, so its delay is final.
func (l *hostLimits) set(host string, delay time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, ok := l.hosts[host]; ok {
		return
	}
	var hl *hostLimit
	if delay > 0 {
		hl = &hostLimit{slot: make(chan struct{}, 1), delay: delay}
	}
	l.hosts[host] = hl
}

// wait blocks until a request to host may start, or ctx is done. The
// request, once it has ended, must call done.
func (l *hostLimits) wait(ctx context.Context, host string) (done func(), err error) {
	l.mu.Lock()
	hl := l.hosts[host]
	l.mu.Unlock()
	if hl == nil {
		return func() {}, nil
	}
	select {
	case hl.slot <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if d := time.Until(hl.next); d > 0 {
		t := time.NewTimer(d)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			<-hl.slot
			return nil, ctx.Err()
		}
	}
	return func() {
		hl.next = time.Now().Add(hl.delay)
		<-hl.slot
	}, nil
}
