package crawler

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// Config is how the crawler behaves on the network. Zero values take the
// defaults of the README's key table.
type Config struct {
	UserAgent     string
	Concurrency   int           // parallel requests in all
	PerHostDelay  time.Duration // between two requests to one host
	RespectRobots bool
	Timeout       time.Duration // per request, body included
	Retries       int           // on time-outs, connection errors, 429 and 5xx
	// RetryBase is the first backoff; it doubles on each retry, with jitter.
	RetryBase time.Duration
	// MaxRetryAfter is the longest Retry-After waited for; a server that
	// asks for more has the URL deferred to the next run.
	MaxRetryAfter time.Duration
	// MaxBodySize bounds a response as sent and once decoded; a longer one
	// fails with ErrTooLarge (its WARC record is kept, truncated).
	MaxBodySize int64
	// MaxRedirects bounds a redirect chain, as browsers do.
	MaxRedirects int
	// MaxLinksPerPage bounds the links queued from one page.
	MaxLinksPerPage int
	Logger          *slog.Logger
	// MaxParseSize bounds the pages parsed into a tree (Page.Doc) for
	// extraction; larger ones are only tokenized for their links. 0: no
	// bound.
	MaxParseSize int64
	// ParseHTML parses an HTML page for link discovery; the tree is handed
	// on in Page.Doc, so that whoever extracts the article does not parse
	// the page again. Nil decodes with the Content-Type and <meta> charset
	// (x/net/html/charset) and parses with x/net/html.
	ParseHTML func(p *Page) (*html.Node, error)
}

// Defaults of the limits (the README's key table, [crawl]).
const (
	DefaultMaxBodySize     = 64 << 20
	DefaultMaxRetryAfter   = 10 * time.Minute
	DefaultMaxRedirects    = 10
	DefaultMaxLinksPerPage = 10000
)

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
	if c.MaxRetryAfter <= 0 {
		c.MaxRetryAfter = DefaultMaxRetryAfter
	}
	if c.MaxBodySize <= 0 {
		c.MaxBodySize = DefaultMaxBodySize
	}
	if c.MaxRedirects <= 0 {
		c.MaxRedirects = DefaultMaxRedirects
	}
	if c.MaxLinksPerPage <= 0 {
		c.MaxLinksPerPage = DefaultMaxLinksPerPage
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

// Page is one fetched page.
type Page struct {
	// Requested is the URL that was asked for, the start of the redirect
	// chain that led here; URL is the one this response came from.
	Requested string
	URL       *url.URL
	Status    int
	Header    http.Header
	// Body is decoded from its content codings. When the charset named in
	// the Content-Type header was not UTF-8, colly has converted the body
	// and ContentType says utf-8.
	Body        []byte
	ContentType string
	FetchedAt   time.Time
	// Record is what the transport said of the exchange's recording: the
	// response body's Record() any (archive.Recorder gives its *Receipt),
	// nil when the transport records nothing.
	Record any

	Site    string
	Depth   int
	Article bool // the page is to be archived as an article
	// Tentative marks an Article that nothing vouches for: the site has no
	// article patterns and the page's markup says neither article nor
	// listing (package pagekind). The handler keeps it as an article only
	// if what it extracts reads as one, and otherwise returns
	// ErrNotArticle.
	Tentative bool
	// CopyOf is set when the page declares another page of the site
	// canonical (rel=canonical): the crawler queues that URL, where the
	// article is archived. "" when the page is its own canonical, or when
	// its canonical URL is outside the site's domains (then the article is
	// archived here, under its own URL).
	CopyOf string
	// Doc is the page parsed by Config.ParseHTML when the crawler parsed it
	// for links (HTML articles, and the pages it judged), nil otherwise.
	// The crawler is done with it when HandlePage is called: the handler
	// may change it.
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
	// HandlePage is called for each page fetched with a 2xx status. An
	// error marks the page failed: it is fetched again next run. The
	// handler reports its own errors; they do not come back to
	// HandleError. ErrNotArticle is no failure: the page is recorded as a
	// listing.
	HandlePage(ctx context.Context, p *Page) error
	// HandleError is called once for each URL that could not be fetched,
	// after retries, and once per host and cause for URLs deferred to the
	// next run. err names the URL that was asked for.
	HandleError(ctx context.Context, rawURL string, err error)
}

// Crawler fetches pages through a transport and hands them to a Handler.
type Crawler struct {
	cfg       Config
	transport http.RoundTripper
	handler   Handler
	inFlight  atomic.Int64 // requests on the wire, of every crawl
}

// InFlight is the number of requests on the wire at this moment: sent (or
// being sent) and not answered yet. Requests waiting for their host's
// delay are not counted. It may be called from any goroutine.
func (c *Crawler) InFlight() int {
	return int(c.inFlight.Load())
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

// fetch gets u, retrying time-outs, connection errors, 429 and 5xx with
// backoff; a Retry-After up to MaxRetryAfter is waited for, a longer one
// returns a *retryAfterError at once.
func (c *Crawler) fetch(ctx context.Context, f *fetcher, u string) (*response, error) {
	for attempt := 1; ; attempt++ {
		resp, err := f.get(ctx, u)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		status := 0
		if resp != nil {
			status = resp.Status
		}
		if !retryable(status, err) {
			return resp, err
		}
		wait, ra := c.backoff(attempt, resp)
		if ra > c.cfg.MaxRetryAfter {
			return resp, &retryAfterError{status: status, after: ra, max: c.cfg.MaxRetryAfter}
		}
		if attempt > c.cfg.Retries {
			return resp, err
		}
		c.cfg.Logger.Info("retrying", "url", u, "attempt", attempt, "wait", wait, "status", status, "err", err)
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return nil, ctx.Err()
		}
	}
}

// retryable reports whether a fetch that gave status (0: no response) or
// err may succeed if tried again.
func retryable(status int, err error) bool {
	if err == nil {
		return status == http.StatusTooManyRequests || status >= 500
	}
	if errors.Is(err, ErrTooLarge) || errors.Is(err, context.Canceled) {
		return false
	}
	var ne net.Error
	return errors.As(err, &ne) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, context.DeadlineExceeded)
}

// backoff is exponential with full jitter, or what Retry-After asks for
// (returned as ra, 0 when the response has none).
func (c *Crawler) backoff(attempt int, resp *response) (wait, ra time.Duration) {
	if resp != nil {
		if v := strings.TrimSpace(resp.Header.Get("Retry-After")); v != "" {
			if s, err := strconv.ParseInt(v, 10, 64); err == nil && s >= 0 {
				ra = time.Duration(min(s, int64(math.MaxInt64/time.Second))) * time.Second
				return ra, ra
			}
			if t, err := http.ParseTime(v); err == nil {
				ra = max(time.Until(t), 0)
				return ra, ra
			}
		}
	}
	d := c.cfg.RetryBase << min(attempt-1, 16)
	return d/2 + rand.N(d/2+1), 0
}

// ParseURL accepts an absolute http or https URL and nothing else.
func ParseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("%w %q: %v", ErrMalformedURL, raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("%w %q: want an http or https URL", ErrMalformedURL, raw)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("%w %q: no host", ErrMalformedURL, raw)
	}
	u.Fragment = ""
	return u, nil
}
