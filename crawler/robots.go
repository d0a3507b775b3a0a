package crawler

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

// robots fetches each host's robots.txt once per run, through the same
// transport as every page (so it is archived), and answers for our agent.
type robots struct {
	client *http.Client
	agent  string

	mu    sync.Mutex
	hosts map[string]*hostRobots
}

type hostRobots struct {
	once     sync.Once
	group    *robotstxt.Group
	sitemaps []string
	err      error
}

func newRobots(transport http.RoundTripper, agent string, timeout time.Duration) *robots {
	return &robots{
		client: &http.Client{Transport: transport, Timeout: timeout},
		agent:  agent,
		hosts:  make(map[string]*hostRobots),
	}
}

// get returns the rules for scheme://host, fetching them the first time.
func (r *robots) get(ctx context.Context, scheme, host string) *hostRobots {
	r.mu.Lock()
	h, ok := r.hosts[host]
	if !ok {
		h = &hostRobots{}
		r.hosts[host] = h
	}
	r.mu.Unlock()
	h.once.Do(func() { h.fetch(ctx, r, scheme+"://"+host+"/robots.txt") })
	return h
}

func (h *hostRobots) fetch(ctx context.Context, r *robots, u string) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		h.err = err
		return
	}
	req.Header.Set("User-Agent", r.agent)
	resp, err := r.client.Do(req)
	if err != nil {
		h.err = fmt.Errorf("fetch %s: %w", u, err)
		return
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 512<<10))
	if err != nil {
		h.err = fmt.Errorf("read %s: %w", u, err)
		return
	}
	// 4xx: no rules; 5xx: everything disallowed for now (robotstxt's reading
	// of the standard).
	data, err := robotstxt.FromStatusAndBytes(resp.StatusCode, body)
	if err != nil {
		h.err = fmt.Errorf("parse %s: %w", u, err)
		return
	}
	h.group = data.FindGroup(r.agent)
	h.sitemaps = data.Sitemaps
}

// allowed reports whether path (with its query) may be fetched.
func (h *hostRobots) allowed(pathQuery string) bool {
	return h.group == nil || h.group.Test(pathQuery)
}

// delay is the Crawl-delay asked of our agent, or 0.
func (h *hostRobots) delay() time.Duration {
	if h.group == nil {
		return 0
	}
	return h.group.CrawlDelay
}
