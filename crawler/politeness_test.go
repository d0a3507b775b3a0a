package crawler

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// articlesSite serves a start page linking to n articles; article calls
// serve for each article request.
func articlesSite(t *testing.T, n int, article func(w http.ResponseWriter, r *http.Request)) *Site {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", http.NotFound)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, `<a href="/2023/%d.html">%d</a>`, i, i)
		}
		page(w, b.String())
	})
	mux.HandleFunc("/2023/", article)
	srv, _ := server(t, mux)
	return siteAt(srv, "/")
}

// Two requests to one host are PerHostDelay apart, from the end of one to
// the start of the next.
func TestCrawl_perHostDelay(t *testing.T) {
	const delay = 150 * time.Millisecond
	var mu sync.Mutex
	var starts []time.Time
	site := articlesSite(t, 3, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		starts = append(starts, time.Now())
		mu.Unlock()
		page(w, "<p>article</p>")
	})
	cfg := testConfig()
	cfg.PerHostDelay = delay
	if _, _, _, err := crawlOnce(t, cfg, site, nil); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	slices.SortFunc(starts, func(a, b time.Time) int { return a.Compare(b) })
	if len(starts) != 3 {
		t.Fatalf("%d article requests, want 3", len(starts))
	}
	for i := 1; i < len(starts); i++ {
		if gap := starts[i].Sub(starts[i-1]); gap < delay {
			t.Errorf("requests %d and %d to one host %s apart, want at least %s", i-1, i, gap, delay)
		}
	}
}

// An interrupt ends the crawl at once, however long the host's delay: the
// requests waiting for their turn give up, the one in flight is cut, and
// none of them is reported as failed.
func TestCrawl_interruptDuringDelay(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	arrived := make(chan struct{})
	var once sync.Once
	// Eight start URLs: the first request is in flight at once, the
	// seven others wait for their turn.
	site := articlesSite(t, 0, func(w http.ResponseWriter, r *http.Request) {
		once.Do(func() { close(arrived) })
		<-r.Context().Done() // in flight until the crawl gives up
	})
	base := strings.TrimSuffix(site.StartURLs[0], "/")
	site.StartURLs = nil
	for i := range 8 {
		site.StartURLs = append(site.StartURLs, fmt.Sprintf("%s/2023/%d.html", base, i))
	}
	cfg := testConfig()
	cfg.PerHostDelay = 10 * time.Second
	cfg.Concurrency = 8
	h := &recordingHandler{}
	c, err := New(cfg, NewTransport(cfg.Timeout), h)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := c.Crawl(ctx, site, Run{ID: "r", Worker: "test", Now: time.Now()}, NewMemoryFrontier(), nil)
		done <- err
	}()
	select {
	case <-arrived:
	case <-time.After(30 * time.Second):
		t.Fatal("no article was requested")
	}
	time.Sleep(50 * time.Millisecond) // the other requests wait for the host by now
	if n := c.InFlight(); n != 1 {
		t.Errorf("InFlight = %d, want 1: the others wait for the host's delay", n)
	}
	cancel()
	cancelled := time.Now()
	select {
	case err = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the crawl still runs 10 s after its context was cancelled")
	}
	if took := time.Since(cancelled); took > time.Second {
		t.Errorf("the crawl took %s to stop, want well under a second", took)
	}
	if err != context.Canceled {
		t.Errorf("Crawl = %v, want context.Canceled", err)
	}
	if c.InFlight() != 0 {
		t.Errorf("InFlight = %d after the crawl", c.InFlight())
	}
	if n := h.errorCount(); n != 0 {
		t.Errorf("%d URLs reported failed for an interrupt: %v", n, h.errs)
	}
}
