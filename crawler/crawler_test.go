package crawler

import (
	"context"
	"errors"
	"fmt"
	"github.com/newsarc/newsarc/crawler/frontier"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// recordingHandler keeps what the crawler hands it.
type recordingHandler struct {
	mu     sync.Mutex
	pages  []*Page
	errs   map[string][]error // by the URL reported
	reject string             // HandlePage fails for this path
}

func (h *recordingHandler) HandlePage(_ context.Context, p *Page) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.reject != "" && p.URL.Path == h.reject {
		return errors.New("rejected")
	}
	h.pages = append(h.pages, p)
	return nil
}

func (h *recordingHandler) HandleError(_ context.Context, u string, err error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.errs == nil {
		h.errs = make(map[string][]error)
	}
	h.errs[u] = append(h.errs[u], err)
}

// failures counts the errors reported.
func (h *recordingHandler) failures() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	n := 0
	for _, errs := range h.errs {
		n += len(errs)
	}
	return n
}

// paths lists the paths of the pages handed on, sorted.
func (h *recordingHandler) paths() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []string
	for _, p := range h.pages {
		out = append(out, p.URL.Path)
	}
	slices.Sort(out)
	return out
}

func (h *recordingHandler) pageAt(path string) *Page {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, p := range h.pages {
		if p.URL.Path == path {
			return p
		}
	}
	return nil
}

// errFor returns the first error reported for u.
func (h *recordingHandler) errFor(u string) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.errs[u]) == 0 {
		return nil
	}
	return h.errs[u][0]
}

func (h *recordingHandler) errorCount() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	n := 0
	for _, e := range h.errs {
		n += len(e)
	}
	return n
}

// hits counts requests per path.
type hits struct {
	mu sync.Mutex
	n  map[string]int
}

func (h *hits) add(p string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.n == nil {
		h.n = make(map[string]int)
	}
	h.n[p]++
	return h.n[p]
}

func (h *hits) get(p string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.n[p]
}

func (h *hits) total(prefix string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	n := 0
	for p, c := range h.n {
		if strings.HasPrefix(p, prefix) {
			n += c
		}
	}
	return n
}

// server serves mux, counting every request by path.
func server(t *testing.T, mux http.Handler) (*httptest.Server, *hits) {
	t.Helper()
	h := &hits{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.add(r.URL.Path)
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, h
}

// testConfig is fast: no delay, short backoff.
func testConfig() Config {
	return Config{UserAgent: "newsarc-test/1.0", Concurrency: 4, RespectRobots: true, Timeout: 5 * time.Second,
		Retries: 2, RetryBase: 5 * time.Millisecond}
}

// crawlOnce runs one crawl of site over frontier f (a new one when nil).
func crawlOnce(t *testing.T, cfg Config, site *Site, f *MemoryFrontier) (CrawlStats, *recordingHandler, *MemoryFrontier, error) {
	t.Helper()
	if f == nil {
		f = NewMemoryFrontier()
	}
	h := &recordingHandler{}
	c, err := New(cfg, NewTransport(cfg.Timeout), h)
	if err != nil {
		t.Fatal(err)
	}
	run := Run{ID: fmt.Sprintf("run-%d", time.Now().UnixNano()), Worker: "test", Now: time.Now()}
	st, err := c.Crawl(context.Background(), site, run, f, f)
	return st, h, f, err
}

// siteAt is a site of srv: its host and port, articles under /20xx/.
func siteAt(srv *httptest.Server, start ...string) *Site {
	u, _ := url.Parse(srv.URL)
	var starts []string
	for _, s := range start {
		starts = append(starts, srv.URL+s)
	}
	return &Site{Name: "test", StartURLs: starts, AllowedDomains: []string{u.Host},
		ArticleURLs: []*regexp.Regexp{regexp.MustCompile(`/20\d\d/`)}}
}

func page(w http.ResponseWriter, body string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, "<!doctype html><html><head><title>t</title></head><body>%s</body></html>", body)
}

// TestCrawl_loop runs the dispatch loop over a small site: links to the
// configured depth, a sitemap named by robots.txt, robots rules, a
// redirect queued like a link, retries with Retry-After, failures named.
func TestCrawl_loop(t *testing.T) {
	mux := http.NewServeMux()
	var srvURL string
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "User-agent: *\nDisallow: /private/\nSitemap: %s/sitemap.xml\n", srvURL)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		page(w, `<a href="/2023/a.html">a</a> <a href="/2023/b.html#x">b</a> <a href="/private/p.html">p</a>
			<a href="/page/2/">next</a> <a href="/old">old</a> <a href="https://elsewhere.example/">off</a>
			<a href="/2023/gone.html">gone</a> <a href="/2023/limited.html">limited</a>`)
	})
	mux.HandleFunc("/page/2/", func(w http.ResponseWriter, r *http.Request) {
		page(w, `<a href="/2023/c.html">c</a> <a href="/page/3/">deeper</a>`)
	})
	mux.HandleFunc("/page/3/", func(w http.ResponseWriter, r *http.Request) {
		page(w, `<a href="/2023/too-deep.html">x</a>`)
	})
	for _, p := range []string{"/2023/a.html", "/2023/b.html", "/2023/c.html", "/2023/from-sitemap.html", "/2023/moved.html", "/2023/too-deep.html"} {
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) { page(w, "<h1>article</h1><p>text</p>") })
	}
	var limited sync.Once
	mux.HandleFunc("/2023/limited.html", func(w http.ResponseWriter, r *http.Request) {
		first := false
		limited.Do(func() { first = true })
		if first {
			w.Header().Set("Retry-After", "1")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		page(w, "<p>ok</p>")
	})
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/2023/moved.html", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprintf(w, `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>%s/2023/from-sitemap.html</loc></url></urlset>`, srvURL)
	})
	mux.HandleFunc("/private/", func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("fetched %s, which robots.txt disallows", r.URL)
	})
	srv, hit := server(t, mux)
	srvURL = srv.URL
	site := siteAt(srv, "/")
	site.MaxDepth = 2

	start := time.Now()
	st, h, f, err := crawlOnce(t, testConfig(), site, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"/", "/2023/a.html", "/2023/b.html", "/2023/c.html", "/2023/from-sitemap.html", "/2023/limited.html", "/2023/moved.html", "/page/2/", "/page/3/"}
	if got := h.paths(); !slices.Equal(got, want) {
		t.Errorf("pages %v\nwant %v", got, want)
	}
	if p := h.pageAt("/2023/moved.html"); p == nil || p.Requested != srv.URL+"/old" || !p.Article {
		t.Errorf("redirect target: %+v, want requested %s/old, an article", p, srv.URL)
	}
	if p := h.pageAt("/"); p == nil || p.Article {
		t.Errorf("the start page is no article")
	}
	if err := h.errFor(srv.URL + "/2023/gone.html"); err == nil || !strings.Contains(err.Error(), srv.URL+"/2023/gone.html: HTTP 404") {
		t.Errorf("404: %v, want an error naming the URL and the status", err)
	}
	if hit.get("/robots.txt") != 1 {
		t.Errorf("robots.txt fetched %d times", hit.get("/robots.txt"))
	}
	if hit.get("/2023/limited.html") != 2 || time.Since(start) < time.Second {
		t.Errorf("429 with Retry-After: 1 fetched %d times in %s, want twice, a second apart", hit.get("/2023/limited.html"), time.Since(start))
	}
	if hit.get("/2023/too-deep.html") != 0 {
		t.Errorf("a page beyond max_depth was fetched")
	}
	if st.RobotsBlocked != 1 || h.failures() != 1 {
		t.Errorf("stats %+v, errors %v: want 1 robots-blocked, 1 failed", st, h.errs)
	}
	if left := f.Pending(); len(left) != 0 {
		t.Errorf("left in the frontier: %v", left)
	}

	// A second run of the same frontier fetches the articles it knows
	// again only when something says they changed: here nothing does.
	st2, h2, _, err := crawlOnce(t, testConfig(), site, f)
	if err != nil {
		t.Fatal(err)
	}
	if got := h2.paths(); slices.ContainsFunc(got, func(p string) bool { return strings.HasPrefix(p, "/2023/a") }) {
		t.Errorf("second run fetched known articles again: %v", got)
	}
	if st2.Skipped == 0 {
		t.Errorf("second run skipped nothing: %+v", st2)
	}
}

// MaxPages stops the run; what is left stays queued.
func TestCrawl_maxPages(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		for i := range 20 {
			fmt.Fprintf(&b, `<a href="/2023/%d.html">%d</a>`, i, i)
		}
		page(w, b.String())
	})
	srv, _ := server(t, mux)
	site := siteAt(srv, "/")
	site.MaxPages = 5
	_, h, f, err := crawlOnce(t, testConfig(), site, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(h.paths()); n != 5 {
		t.Errorf("%d pages fetched, want 5", n)
	}
	if left := len(f.Pending()); left != 16 {
		t.Errorf("%d entries left queued, want 16", left)
	}
}

// An interrupted crawl leaves what it did not fetch in the frontier, and
// reports nothing as failed.
func TestCrawl_interrupted(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		for i := range 10 {
			fmt.Fprintf(&b, `<a href="/2023/%d.html">%d</a>`, i, i)
		}
		page(w, b.String())
	})
	mux.HandleFunc("/2023/", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv, _ := server(t, mux)
	f := NewMemoryFrontier()
	h := &recordingHandler{}
	c, _ := New(testConfig(), NewTransport(5*time.Second), h)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	_, err := c.Crawl(ctx, siteAt(srv, "/"), Run{ID: "r", Worker: "w", Now: time.Now()}, f, f)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want the context's", err)
	}
	if n := h.errorCount(); n != 0 {
		t.Errorf("%d errors reported for an interrupted run: %v", n, h.errs)
	}
	if left := len(f.Pending()); left != 10 {
		t.Errorf("%d entries left, want the 10 articles", left)
	}
}

// A page the handler fails stays failed: the next run fetches it again.
func TestCrawl_handlerError(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { page(w, `<a href="/2023/bad.html">bad</a>`) })
	mux.HandleFunc("/2023/bad.html", func(w http.ResponseWriter, r *http.Request) { page(w, "x") })
	srv, _ := server(t, mux)
	f := NewMemoryFrontier()
	h := &recordingHandler{reject: "/2023/bad.html"}
	c, _ := New(testConfig(), NewTransport(5*time.Second), h)
	st, err := c.Crawl(context.Background(), siteAt(srv, "/"), Run{ID: "r", Worker: "w", Now: time.Now()}, f, f)
	if err != nil {
		t.Fatal(err)
	}
	// The handler's own error is its to report: it does not come back
	// to HandleError.
	if h.errFor(srv.URL+"/2023/bad.html") != nil {
		t.Errorf("stats %+v, errors %v", st, h.errs)
	}
	v, ok, _ := f.Seen(context.Background(), srv.URL+"/2023/bad.html")
	if !ok || v.Err == "" {
		t.Errorf("visit %+v: want the failure recorded", v)
	}
	cr := &crawl{history: f, site: siteAt(srv)}
	if _, unchanged := cr.unchanged(context.Background(), frontier.Entry{URL: srv.URL + "/2023/bad.html"}); unchanged {
		t.Errorf("a failed page counts as archived")
	}
}

func TestParseURL(t *testing.T) {
	for _, tt := range []struct {
		in, want, err string
	}{
		{"https://www.example.ma/2023/06/28/x.html#top", "https://www.example.ma/2023/06/28/x.html", ""},
		{"  http://example.org/a  ", "http://example.org/a", ""},
		{"ftp://example.org/", "", "want an http or https URL"},
		{"/relative", "", "want an http or https URL"},
		{"http://", "", "no host"},
		{"http://exa mple.org/", "", "malformed URL"},
	} {
		u, err := ParseURL(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) || !strings.Contains(err.Error(), strings.TrimSpace(tt.in)) || !errors.Is(err, ErrMalformedURL) {
				t.Errorf("ParseURL(%q) err = %v, want %q naming the input", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || u.String() != tt.want {
			t.Errorf("ParseURL(%q) = %v, %v; want %s", tt.in, u, err, tt.want)
		}
	}
}

func TestSite_InScope(t *testing.T) {
	s := &Site{AllowedDomains: []string{"example.ma", "news.example.org:8080", "[::1]:9000"}}
	for _, tt := range []struct {
		u  string
		ok bool
	}{
		{"https://example.ma/", true},
		{"http://www.example.ma/a", true},
		{"https://www.example.ma:8443/a", false}, // another port is another service
		{"http://example.ma.evil.com/", false},
		{"http://notexample.ma/", false},
		{"http://news.example.org:8080/", true},
		{"http://news.example.org/", false},
		{"http://[::1]:9000/", true},
		{"http://[::1]/", false},
	} {
		u, _ := url.Parse(tt.u)
		if got := s.InScope(u); got != tt.ok {
			t.Errorf("InScope(%s) = %v, want %v", tt.u, got, tt.ok)
		}
	}
}
