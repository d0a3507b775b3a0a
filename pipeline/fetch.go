package pipeline

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/newsarc/newsarc/crawler"
	"github.com/newsarc/newsarc/selectors"
)

// Fetch gets one page for extraction through the crawler, as Archive
// would fetch it (robots.txt, scope, limits, retries, redirects), without
// recording it. The page's Date is the response's Date header, else the
// time it was fetched; its Doc is the tree the crawler parsed, as the
// extractor of its host reads it.
func Fetch(ctx context.Context, cfg *Config, rawURL string) (selectors.Page, error) {
	cfg = cfg.prepared()
	h := &capturePage{}
	now := time.Now()
	run := crawler.Run{ID: NewRunID(now), Worker: "extract", Now: now}
	c, err := crawler.New(cfg.Crawl, crawler.NewTransport(cfg.Crawl.Timeout), h)
	if err != nil {
		return selectors.Page{}, err
	}
	if err := crawlSeeds(ctx, c, cfg, []string{rawURL}, h, crawler.NewMemoryFrontier(), run); err != nil {
		return selectors.Page{}, err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.page == nil {
		if h.err == nil {
			h.err = fmt.Errorf("%s: not fetched", rawURL)
		}
		return selectors.Page{}, h.err
	}
	p := h.page
	date := p.FetchedAt
	if d, err := http.ParseTime(p.Header.Get("Date")); err == nil {
		date = d
	}
	return selectors.Page{URL: p.URL.String(), Body: p.Body, ContentType: p.ContentType, Date: date, Doc: p.Doc}, nil
}

// capturePage keeps the page (or the error) of a one-URL crawl.
type capturePage struct {
	mu   sync.Mutex
	page *crawler.Page
	err  error
}

func (h *capturePage) HandlePage(_ context.Context, p *crawler.Page) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.page == nil {
		h.page = p
	}
	return nil
}

func (h *capturePage) HandleError(_ context.Context, _ string, err error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.err == nil {
		h.err = err
	}
}
