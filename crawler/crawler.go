package crawler

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gocolly/colly/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// Config is how the crawler behaves on the network.
type Config struct {
	UserAgent     string
	Concurrency   int           // parallel requests in all
	PerHostDelay  time.Duration // pause after each request
	RespectRobots bool
	Timeout       time.Duration // per request
	Retries       int           // on timeouts, connection errors, 429 and 5xx
	// RetryBase is the first backoff; it doubles on each retry, with jitter.
	RetryBase time.Duration
	Logger    *slog.Logger
	// ParseHTML parses an HTML page for link discovery; the tree is handed
	// on in Page.Doc, so that whoever extracts the article does not parse
	// the page again. Nil decodes with the Content-Type and <meta> charset
	// (x/net/html/charset) and parses with x/net/html.
	ParseHTML func(p *Page) (*html.Node, error)
}

func (c Config) withDefaults() Config {
	if c.UserAgent == "" {
		c.UserAgent = "newsarc/1.0"
	}
	if c.Concurrency <= 0 {
		c.Concurrency = 8
	}
	if c.Timeout <= 0 {
		c.Timeout = 30 * time.Second
	}
	if c.RetryBase <= 0 {
		c.RetryBase = time.Second
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.ParseHTML == nil {
		c.ParseHTML = parseHTML
	}
	c.Logger = c.Logger.With("component", "crawler")
	return c
}

// Page is one fetched page, after redirects.
type Page struct {
	// Requested is the URL that was asked for; URL is where it ended up.
	Requested string
	URL       *url.URL
	Status    int
	Header    http.Header
	// Body is decoded from its Content-Encoding. When the charset named in
	// the Content-Type header was not UTF-8, colly has converted the body
	// and ContentType says utf-8.
	Body        []byte
	ContentType string
	FetchedAt   time.Time

	// Set by Crawl (Fetch treats every page as an article of no site).
	Site    string
	Depth   int
	Article bool // the URL matches the site's article_urls
	// Doc is the page parsed by Config.ParseHTML when Crawl parsed it for
	// links (HTML pages, not sitemaps or feeds), nil otherwise. The
	// crawler is done with it when HandlePage is called: the handler may
	// change it.
	Doc *html.Node
}

// parseHTML is the default Config.ParseHTML.
func parseHTML(p *Page) (*html.Node, error) {
	rd, err := charset.NewReader(bytes.NewReader(p.Body), p.ContentType)
	if err != nil {
		return nil, err
	}
	return html.Parse(rd)
}

// Handler receives what the crawler fetches. It is called from several
// goroutines at once.
type Handler interface {
	// HandlePage is called for each page fetched with a 2xx status.
	HandlePage(ctx context.Context, p *Page) error
	// HandleError is called once for each URL that could not be fetched,
	// after retries.
	HandleError(ctx context.Context, rawURL string, err error)
}

// Stats counts what one run did.
type Stats struct {
	Fetched int // pages handed to HandlePage
	Failed  int // URLs given to HandleError
}

// Crawler fetches pages through a transport and hands them to a Handler.
type Crawler struct {
	cfg       Config
	transport http.RoundTripper
	handler   Handler
}

// New returns a Crawler that fetches through transport.
func New(cfg Config, transport http.RoundTripper, h Handler) (*Crawler, error) {
	if transport == nil {
		return nil, errors.New("crawler: nil transport")
	}
	if h == nil {
		return nil, errors.New("crawler: nil handler")
	}
	return &Crawler{cfg: cfg.withDefaults(), transport: transport, handler: h}, nil
}

// StatusError is a response whose status code is not 2xx.
type StatusError struct {
	URL    string
	Status int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("%s: HTTP %d %s", e.URL, e.Status, http.StatusText(e.Status))
}

// Fetch fetches each URL once, following redirects but no links, and
// returns when all are handled or ctx is done.
func (c *Crawler) Fetch(ctx context.Context, urls []string) (Stats, error) {
	col := c.collector(ctx, true)
	col.Limit(&colly.LimitRule{DomainGlob: "*", Parallelism: c.cfg.Concurrency, Delay: c.cfg.PerHostDelay})
	var (
		mu    sync.Mutex
		stats Stats
		tries = make(map[string]int)
	)
	fail := func(u string, err error) {
		mu.Lock()
		stats.Failed++
		mu.Unlock()
		c.handler.HandleError(ctx, u, err)
	}

	col.OnResponse(func(r *colly.Response) {
		p := c.page(r)
		p.Article = true // asked for by name
		if err := c.handler.HandlePage(ctx, p); err != nil {
			fail(p.Requested, err)
			return
		}
		mu.Lock()
		stats.Fetched++
		mu.Unlock()
	})
	col.OnError(func(r *colly.Response, err error) {
		u := r.Request.Ctx.Get("requested")
		if r.StatusCode != 0 && r.StatusCode/100 != 2 {
			err = &StatusError{URL: r.Request.URL.String(), Status: r.StatusCode}
		}
		mu.Lock()
		tries[u]++
		n := tries[u]
		mu.Unlock()
		if ctx.Err() == nil && n <= c.cfg.Retries && retryable(r.StatusCode, err) {
			wait := c.backoff(n, r)
			c.cfg.Logger.Info("retrying", "url", u, "attempt", n, "wait", wait, "err", err)
			select {
			case <-time.After(wait):
			case <-ctx.Done():
				fail(u, ctx.Err())
				return
			}
			if rerr := r.Request.Retry(); rerr == nil {
				return
			}
		}
		fail(u, err)
	})

	seen := make(map[string]bool)
	for _, raw := range urls {
		u, err := ParseURL(raw)
		if err != nil {
			fail(raw, err)
			continue
		}
		if seen[u.String()] {
			continue
		}
		seen[u.String()] = true
		cctx := colly.NewContext()
		cctx.Put("requested", u.String())
		if err := col.Request(http.MethodGet, u.String(), nil, cctx, nil); err != nil {
			if errors.Is(err, colly.ErrRobotsTxtBlocked) {
				err = fmt.Errorf("%s: blocked by robots.txt", u)
			} else {
				err = fmt.Errorf("%s: %w", u, err)
			}
			fail(u.String(), err)
		}
		if ctx.Err() != nil {
			break
		}
	}
	col.Wait()
	return stats, ctx.Err()
}

// collector is colly set up for recording: no body size limit, our user
// agent, the recording transport. Crawl drives it synchronously from its
// own goroutines; Fetch lets colly run them (async).
func (c *Crawler) collector(ctx context.Context, async bool) *colly.Collector {
	col := colly.NewCollector(
		colly.UserAgent(c.cfg.UserAgent),
		colly.MaxBodySize(0), // a truncated body would drop its WARC records
		colly.Async(async),
		colly.StdlibContext(ctx),
		colly.AllowURLRevisit(), // retries revisit; Fetch deduplicates itself
	)
	col.IgnoreRobotsTxt = !c.cfg.RespectRobots
	col.WithTransport(c.transport)
	col.SetRequestTimeout(c.cfg.Timeout)
	return col
}

func (c *Crawler) page(r *colly.Response) *Page {
	ct := r.Headers.Get("Content-Type")
	if mt, params, err := mime.ParseMediaType(ct); err == nil {
		if cs := strings.ToLower(params["charset"]); cs != "" && cs != "utf-8" && cs != "utf8" && strings.HasPrefix(mt, "text/") {
			// colly converted the body to UTF-8 (response.fixCharset).
			params["charset"] = "utf-8"
			ct = mime.FormatMediaType(mt, params)
		}
	}
	return &Page{
		Requested:   r.Request.Ctx.Get("requested"),
		URL:         r.Request.URL,
		Status:      r.StatusCode,
		Header:      *r.Headers,
		Body:        r.Body,
		ContentType: ct,
		FetchedAt:   time.Now().UTC(),
	}
}

func retryable(status int, err error) bool {
	if status == http.StatusTooManyRequests || status >= 500 {
		return true
	}
	if status != 0 {
		return false
	}
	var se *StatusError
	return !errors.As(err, &se) && !errors.Is(err, context.Canceled)
}

// backoff is exponential with full jitter, or what Retry-After asks for.
func (c *Crawler) backoff(attempt int, r *colly.Response) time.Duration {
	if r.Headers != nil {
		if ra := r.Headers.Get("Retry-After"); ra != "" {
			if s, err := strconv.Atoi(ra); err == nil && s >= 0 {
				return time.Duration(s) * time.Second
			}
			if t, err := http.ParseTime(ra); err == nil {
				return max(time.Until(t), 0)
			}
		}
	}
	d := c.cfg.RetryBase << (attempt - 1)
	return d/2 + rand.N(d/2+1)
}

// ParseURL accepts an absolute http or https URL and nothing else.
func ParseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("malformed URL %q: %w", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("malformed URL %q: want an http or https URL", raw)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("malformed URL %q: no host", raw)
	}
	u.Fragment = ""
	return u, nil
}
