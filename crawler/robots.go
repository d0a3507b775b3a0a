package crawler

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/temoto/robotstxt"

	"github.com/newsarc/newsarc/crawler/discover"
)

// Limits from RFC 9309 and common practice.
const (
	// robotsMaxBytes is the part of a robots.txt file that is parsed
	// (RFC 9309 asks for at least 500 KiB; Google reads 500 KiB).
	robotsMaxBytes = 500 << 10
	// robotsMaxRedirects is the longest redirect chain followed for
	// robots.txt (RFC 9309: at least five).
	robotsMaxRedirects = 5
	// maxCrawlDelay caps what a robots.txt Crawl-delay can ask, as
	// Heritrix does by default: a hostile file must not hold a crawl (and
	// the archive's lock) for days.
	maxCrawlDelay = 300 * time.Second
)

// robots fetches each host's robots.txt once per run, through the crawl's
// own fetch path (recorded, decoded, bounded, retried), and answers for
// our agent.
type robots struct {
	agent string
	// fetch gets a URL with retries.
	fetch func(ctx context.Context, u string) (*response, error)
	// inScope says whether a redirect target may be followed.
	inScope func(*url.URL) bool

	mu    sync.Mutex
	hosts map[string]*hostRobots
}

// hostRobots are the rules of one host.
type hostRobots struct {
	once     sync.Once
	group    *robotstxt.Group // nil: no rules (4xx, empty file)
	delay    time.Duration
	sitemaps []string
	// err is why the rules are unknown (5xx, unreachable, redirected
	// off-site, unreadable): then nothing may be fetched from the host
	// for now (RFC 9309, section 2.3.1.4).
	err error
}

func newRobots(agent string, fetch func(context.Context, string) (*response, error), inScope func(*url.URL) bool) *robots {
	return &robots{agent: agent, fetch: fetch, inScope: inScope, hosts: make(map[string]*hostRobots)}
}

// get returns the rules for scheme://host, fetching them the first time.
func (r *robots) get(ctx context.Context, scheme, host string) *hostRobots {
	key := scheme + "://" + host
	r.mu.Lock()
	h, ok := r.hosts[key]
	if !ok {
		h = &hostRobots{}
		r.hosts[key] = h
	}
	r.mu.Unlock()
	h.once.Do(func() { h.load(ctx, r, key+"/robots.txt") })
	return h
}

func (h *hostRobots) load(ctx context.Context, r *robots, u string) {
	for hops := 0; ; hops++ {
		resp, err := r.fetch(ctx, u)
		if err != nil {
			h.err = fmt.Errorf("%w (%w)", ErrRobotsUnavailable, err)
			return
		}
		if resp.Status < 300 || resp.Status > 399 {
			h.group, h.delay, h.sitemaps, h.err = parseRobots(resp.Status, resp.Body, r.agent)
			return
		}
		// RFC 9309, section 2.3.1.2: follow at least five redirects;
		// here, only within the site, so a redirect cannot send the
		// crawler to another host (or to 169.254.169.254).
		if hops >= robotsMaxRedirects {
			h.err = fmt.Errorf("%w (more than %d redirects)", ErrRobotsUnavailable, robotsMaxRedirects)
			return
		}
		target, err := resp.URL.Parse(resp.Header.Get("Location"))
		if err != nil || resp.Header.Get("Location") == "" {
			h.err = fmt.Errorf("%w (HTTP %d without a usable Location)", ErrRobotsUnavailable, resp.Status)
			return
		}
		next, err := discover.Canonical(target.String())
		if err != nil {
			h.err = fmt.Errorf("%w (redirect to %s)", ErrRobotsUnavailable, target)
			return
		}
		nu, _ := url.Parse(next)
		if !r.inScope(nu) {
			h.err = fmt.Errorf("%w (redirect to %s leaves the site)", ErrRobotsUnavailable, next)
			return
		}
		u = next
	}
}

// parseRobots reads a robots.txt response for agent (RFC 9309): a 2xx
// body is parsed, 4xx means no rules, anything else (429, 5xx) means the
// rules are unavailable: nothing may be fetched for now. Lines the parser
// would reject the whole file for (rules before any User-agent line, a
// Crawl-delay that is no number) are ignored, as the RFC asks, rather
// than the file.
func parseRobots(status int, body []byte, agent string) (*robotstxt.Group, time.Duration, []string, error) {
	switch {
	case status >= 200 && status < 300:
	case status >= 400 && status < 500 && status != http.StatusTooManyRequests:
		return nil, 0, nil, nil
	default:
		return nil, 0, nil, fmt.Errorf("%w (HTTP %d)", ErrRobotsUnavailable, status)
	}
	if len(body) > robotsMaxBytes {
		body = body[:robotsMaxBytes]
		if i := bytes.LastIndexByte(body, '\n'); i >= 0 {
			body = body[:i+1] // no rule cut in half
		}
	}
	clean := cleanRobots(body)
	data, err := robotstxt.FromBytes(clean)
	if err != nil {
		// A line cleanRobots did not foresee: ask the parser line by line.
		data, err = robotstxt.FromBytes(dropUnparsable(clean))
	}
	if err != nil {
		return nil, 0, nil, fmt.Errorf("%w (unreadable: %v)", ErrRobotsUnavailable, err)
	}
	g := data.FindGroup(agent)
	delay := min(g.CrawlDelay, maxCrawlDelay)
	return g, delay, data.Sitemaps, nil
}

// cleanRobots drops the lines robotstxt.FromBytes fails a whole file for.
// Lines are split, and keys read, as its scanner reads them: a line ends
// at CR or LF, a key at the first ':' or space.
func cleanRobots(body []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(body))
	inGroup := false
	for len(body) > 0 {
		var line []byte
		line, body = nextLine(body)
		content, _, _ := bytes.Cut(line, []byte("#"))
		content = bytes.TrimLeft(bytes.TrimRight(content, "\r\n"), " \t")
		key, value := content, []byte(nil)
		if i := bytes.IndexAny(content, ": \t"); i >= 0 {
			key, value = content[:i], content[i+1:]
		}
		switch strings.ToLower(string(key)) {
		case "user-agent", "useragent":
			inGroup = true
		case "allow", "disallow":
			if !inGroup {
				continue
			}
		case "crawl-delay", "crawldelay":
			d, err := strconv.ParseFloat(string(bytes.TrimSpace(bytes.TrimPrefix(bytes.TrimSpace(value), []byte(":")))), 64)
			if !inGroup || err != nil || d < 0 || math.IsInf(d, 0) || math.IsNaN(d) {
				continue
			}
		}
		out.Write(line)
	}
	return out.Bytes()
}

// dropUnparsable keeps the lines of body the parser accepts inside a
// group. Its errors are per line (a token pair never spans an end of
// line), so testing each line alone finds every one it fails a file for.
// It runs only when a whole file failed, which cleanRobots makes rare.
func dropUnparsable(body []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(body))
	for len(body) > 0 {
		var line []byte
		line, body = nextLine(body)
		probe := append([]byte("User-agent: *\n"), line...)
		if _, err := robotstxt.FromBytes(probe); err == nil {
			out.Write(line)
		}
	}
	return out.Bytes()
}

// nextLine splits the first line off body as the parser's scanner does:
// a line ends at CR or LF, which it keeps.
func nextLine(body []byte) (line, rest []byte) {
	end := bytes.IndexAny(body, "\r\n")
	if end < 0 {
		return body, nil
	}
	return body[:end+1], body[end+1:]
}

// allowed reports whether path (with its query) may be fetched.
func (h *hostRobots) allowed(pathQuery string) bool {
	return h.group == nil || h.group.Test(pathQuery)
}
