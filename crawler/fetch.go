package crawler

import (
	"context"
	"errors"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gocolly/colly/v2"
	"golang.org/x/net/http/httpproxy"
)

// This file is the only one that imports colly. Every request of a crawl,
// an archive or an extract (pages, robots.txt, sitemaps, feeds) is one
// fetcher.get: the same transport, size limits, decoding, time-out and
// per-host politeness.

// fetchHeader carries a request's fetch ID from colly to the transport,
// which takes it off before the request is sent (it is never on the wire,
// so never in a WARC record).
const fetchHeader = "X-Newsarc-Fetch"

// response is what one GET gave: any HTTP status. No redirect is followed.
type response struct {
	URL    *url.URL
	Status int
	Header http.Header
	// Body is decoded from its content codings. When the Content-Type
	// names a charset other than UTF-8, colly has converted a text body
	// and ContentType says utf-8.
	Body        []byte
	ContentType string
	FetchedAt   time.Time
	// Record is what the transport said of the exchange's recording
	// (the response body's Record() any), nil when nothing records it.
	Record any
}

// fetcher drives a colly collector for synchronous GETs from many
// goroutines at once.
type fetcher struct {
	cfg    Config
	col    *colly.Collector
	limits *hostLimits
	// inFlight counts the requests on the wire (past their host's delay),
	// for the line an interrupt prints.
	inFlight *atomic.Int64

	nextID atomic.Uint64
	states sync.Map // fetch ID → *fetchState
}

type fetchState struct {
	resp   *colly.Response // set for any HTTP response
	record any
}

func newFetcher(ctx context.Context, cfg Config, transport http.RoundTripper, inFlight *atomic.Int64) *fetcher {
	f := &fetcher{cfg: cfg, limits: newHostLimits(), inFlight: inFlight}
	col := colly.NewCollector(
		colly.UserAgent(cfg.UserAgent),
		// The transport bounds bodies (limitTransport): colly's limit
		// would cut them without saying so.
		colly.MaxBodySize(0),
		colly.StdlibContext(ctx),
		colly.AllowURLRevisit(), // retries revisit; the frontier deduplicates
	)
	col.IgnoreRobotsTxt = true // the crawler reads robots.txt itself (robots.go)
	col.WithTransport(&limitTransport{inner: transport, max: cfg.MaxBodySize, f: f})
	col.SetRequestTimeout(cfg.Timeout)
	// Each redirect comes back as the response: the crawler decides
	// whether and how its target is fetched.
	col.SetRedirectHandler(func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse })
	keep := func(r *colly.Response) {
		if st, ok := r.Ctx.GetAny("state").(*fetchState); ok && r.StatusCode != 0 {
			st.resp = r
		}
	}
	col.OnResponse(keep)
	col.OnError(func(r *colly.Response, _ error) { keep(r) })
	f.col = col
	return f
}

// get fetches u once, after its host's delay. Any HTTP response is
// returned, whatever its status; an error means no response was read
// (network, time-out, size limit, ctx done).
func (f *fetcher) get(ctx context.Context, u string) (*response, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	done, err := f.limits.wait(ctx, hostOf(u))
	if err != nil {
		return nil, err
	}
	defer done()
	f.inFlight.Add(1)
	defer f.inFlight.Add(-1)
	start := time.Now()
	st := &fetchState{}
	id := strconv.FormatUint(f.nextID.Add(1), 36)
	f.states.Store(id, st)
	defer f.states.Delete(id)
	cctx := colly.NewContext()
	cctx.Put("state", st)
	hdr := http.Header{}
	hdr.Set(fetchHeader, id)
	hdr.Set("User-Agent", f.cfg.UserAgent)
	err = f.col.Request(http.MethodGet, u, nil, cctx, hdr)
	if st.resp != nil {
		resp := f.response(st.resp, st.record)
		f.cfg.Logger.Debug("fetched", "url", u, "status", resp.Status, "bytes", len(resp.Body), "ms", time.Since(start).Milliseconds())
		return resp, nil
	}
	if err == nil {
		err = errors.New("no response")
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err // the URL is named once, by whoever reports it
	}
	return nil, err
}

func (f *fetcher) response(r *colly.Response, record any) *response {
	ct := r.Headers.Get("Content-Type")
	if mt, params, err := mime.ParseMediaType(ct); err == nil {
		if cs := strings.ToLower(params["charset"]); cs != "" && cs != "utf-8" && cs != "utf8" && strings.HasPrefix(mt, "text/") {
			// colly converted the body to UTF-8 (response.fixCharset).
			params["charset"] = "utf-8"
			ct = mime.FormatMediaType(mt, params)
		}
	}
	return &response{
		URL:         r.Request.URL,
		Status:      r.StatusCode,
		Header:      *r.Headers,
		Body:        r.Body,
		ContentType: ct,
		FetchedAt:   time.Now().UTC(),
		Record:      record,
	}
}

// limit gives host its delay: then one request at a time, delay apart.
// The first call for a host wins.
func (f *fetcher) limit(host string, delay time.Duration) {
	f.limits.set(host, delay)
}

// limitTransport bounds and decodes every response before colly reads it,
// and hands the transport's record of the exchange to the fetch that
// asked for it.
type limitTransport struct {
	inner http.RoundTripper
	max   int64
	f     *fetcher
}

func (t *limitTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	id := req.Header.Get(fetchHeader)
	req = req.Clone(req.Context())
	req.Header.Del(fetchHeader)
	if req.Header.Get("Accept-Encoding") == "" {
		// Asked for explicitly, so net/http leaves the body to us.
		req.Header.Set("Accept-Encoding", "gzip, deflate, br, zstd")
	}
	resp, err := t.inner.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if st, ok := t.f.states.Load(id); ok {
		if r, ok := resp.Body.(interface{ Record() any }); ok {
			st.(*fetchState).record = r.Record()
		}
	}
	raw := &rawBody{rc: resp.Body, left: t.max, limit: t.max}
	body, err := decodeContent(raw, resp.Header.Get("Content-Encoding"), t.max)
	if err != nil {
		// Read what was sent (within the limit), so its record is whole.
		io.Copy(io.Discard, raw)
		raw.Close()
		return nil, err
	}
	resp.Body = &decodedBody{ReadCloser: body, raw: raw}
	resp.Header.Del("Content-Encoding")
	resp.Header.Del("Content-Length")
	resp.ContentLength = -1
	resp.Uncompressed = true // colly must not gunzip it again
	return resp, nil
}

// rawBody is a response body as it came, cut after limit bytes with an
// error wrapping ErrTooLarge. Closing it before its end is what marks the
// record truncated.
type rawBody struct {
	rc    io.ReadCloser
	left  int64
	limit int64
}

func (b *rawBody) Read(p []byte) (int, error) {
	if b.limit <= 0 {
		return b.rc.Read(p)
	}
	n, err := readLimited(b.rc, p, &b.left)
	if errors.Is(err, errPastLimit) {
		err = tooLarge(b.limit, false)
	}
	return n, err
}

func (b *rawBody) Close() error { return b.rc.Close() }

// decodedBody closes the decoders and the raw body under them.
type decodedBody struct {
	io.ReadCloser
	raw io.Closer
}

func (b *decodedBody) Close() error {
	b.ReadCloser.Close()
	return b.raw.Close()
}

// NewTransport returns the transport for fetching without recording
// (`newsarc extract URL`): proxies from the environment, as curl and wget
// read them, and the time-outs of a crawl.
func NewTransport(timeout time.Duration) http.RoundTripper {
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	// Read now, not cached for the process as http.ProxyFromEnvironment is.
	proxy := httpproxy.FromEnvironment().ProxyFunc()
	return &http.Transport{
		Proxy:                 func(r *http.Request) (*url.URL, error) { return proxy(r.URL) },
		DialContext:           (&net.Dialer{Timeout: timeout, KeepAlive: 30 * time.Second}).DialContext,
		TLSHandshakeTimeout:   timeout,
		ResponseHeaderTimeout: timeout,
		DisableCompression:    true,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       90 * time.Second,
	}
}
