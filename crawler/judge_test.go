package crawler

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/newsarc/newsarc/crawler/frontier"
)

// judgingHandler records what pages the crawler hands on and, for the
// tentative articles at the paths in notArticle, says they are none.
type judgingHandler struct {
	notArticle map[string]bool

	mu    sync.Mutex
	pages map[string]Page // by path: the latest
}

func (h *judgingHandler) HandlePage(_ context.Context, p *Page) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.pages[p.URL.Path] = *p
	if p.Tentative && h.notArticle[p.URL.Path] {
		return ErrNotArticle
	}
	return nil
}

func (h *judgingHandler) HandleError(_ context.Context, u string, err error) {}

// TestCrawl_judgesPages crawls a site without article patterns twice: each
// page is an article or a listing by its markup, or left to the handler;
// the second run fetches the listings again and skips the articles.
func TestCrawl_judgesPages(t *testing.T) {
	mux := http.NewServeMux()
	serve := func(path, head, body string) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != path {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, "<!doctype html><html><head><title>t</title>%s</head><body>%s</body></html>", head, body)
		})
	}
	serve("/", "", `<a href="/news/a.html">a</a> <a href="/news/b.html">b</a> <a href="/section/">s</a>
		<a href="/page/2/">2</a> <a href="/plain/">p</a> <a href="/thin/">t</a>`)
	serve("/news/a.html", `<meta property="og:type" content="article">`, "<h1>A</h1>")
	serve("/news/b.html", `<script type="application/ld+json">{"@type":"NewsArticle"}</script>`, "<h1>B</h1>")
	serve("/news/c.html", `<meta property="og:type" content="article">`, "<h1>C</h1>")
	serve("/news/d.html", `<meta property="og:type" content="article">`, "<h1>D</h1>")
	serve("/section/", `<script type="application/ld+json">{"@type":"CollectionPage"}</script>`, `<h1>Section</h1><a href="/news/c.html">c</a>`)
	serve("/page/2/", `<meta property="og:type" content="website">`, `<a href="/news/d.html">d</a>`)
	serve("/plain/", "", "<h1>Plain</h1><p>text</p>")
	serve("/thin/", "", "<h1>Thin</h1>")
	srv, hit := server(t, mux)
	u, _ := url.Parse(srv.URL)
	site := &Site{Name: "test", StartURLs: []string{srv.URL + "/"}, AllowedDomains: []string{u.Host}}

	f := NewMemoryFrontier()
	// A visit recorded before kinds were: the page is fetched again to
	// learn its kind.
	if err := f.Finish(t.Context(), frontier.Visit{URL: srv.URL + "/news/a.html", Site: "test", Status: 200, Run: "old", FetchedAt: time.Now().Add(-time.Hour)}); err != nil {
		t.Fatal(err)
	}
	h := &judgingHandler{notArticle: map[string]bool{"/thin/": true, "/page/2/": true}, pages: map[string]Page{}}
	c, err := New(testConfig(), NewTransport(5*time.Second), h)
	if err != nil {
		t.Fatal(err)
	}
	crawlRun := func(id string) CrawlStats {
		t.Helper()
		st, err := c.Crawl(t.Context(), site, Run{ID: id, Worker: "test", Now: time.Now()}, f, f)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	crawlRun("run-1")

	for _, tc := range []struct {
		path               string
		article, tentative bool
		kind               string
	}{
		{"/", false, false, frontier.KindListing},
		{"/news/a.html", true, false, frontier.KindArticle},
		{"/news/b.html", true, false, frontier.KindArticle},
		{"/news/c.html", true, false, frontier.KindArticle},
		{"/news/d.html", true, false, frontier.KindArticle},
		{"/section/", false, false, frontier.KindListing},
		{"/page/2/", true, true, frontier.KindListing}, // og:type website says nothing; the handler said ErrNotArticle
		{"/plain/", true, true, frontier.KindArticle},
		{"/thin/", true, true, frontier.KindListing}, // the handler said ErrNotArticle
	} {
		p, ok := h.pages[tc.path]
		if !ok {
			t.Errorf("%s not handed on", tc.path)
			continue
		}
		if p.Article != tc.article || p.Tentative != tc.tentative {
			t.Errorf("%s: Article %v, Tentative %v; want %v, %v", tc.path, p.Article, p.Tentative, tc.article, tc.tentative)
		}
		if p.Doc == nil && tc.path != "/" {
			t.Errorf("%s: judged without a tree", tc.path)
		}
		v, ok, _ := f.Seen(t.Context(), srv.URL+tc.path)
		if !ok || v.Kind != tc.kind || v.Err != "" {
			t.Errorf("%s: visit %+v, want kind %q and no error", tc.path, v, tc.kind)
		}
	}
	if n := hit.get("/news/a.html"); n != 1 {
		t.Errorf("/news/a.html, visited before kinds were recorded, fetched %d times, want 1", n)
	}

	st := crawlRun("run-2")
	for path, want := range map[string]int{
		"/": 2, "/section/": 2, "/page/2/": 2, "/thin/": 2, // listings
		"/news/a.html": 1, "/news/b.html": 1, "/news/c.html": 1, "/news/d.html": 1, "/plain/": 1, // articles
	} {
		if got := hit.get(path); got != want {
			t.Errorf("after two runs, %s fetched %d times, want %d", path, got, want)
		}
	}
	if st.Skipped != 5 {
		t.Errorf("second run skipped %d articles, want 5", st.Skipped)
	}
}

// TestSite_judges: only a site without article patterns judges its pages;
// named URLs are articles whatever they say.
func TestSite_judges(t *testing.T) {
	for _, tc := range []struct {
		name string
		site Site
		want bool
	}{
		{"no patterns", Site{}, true},
		{"article patterns", Site{ArticleURLs: []*regexp.Regexp{regexp.MustCompile(`/20\d\d/`)}}, false},
		{"seeds only", Site{SeedsOnly: true}, false},
	} {
		if got := tc.site.judges(); got != tc.want {
			t.Errorf("%s: judges() = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestSite_wanted: without article patterns any page may be an article,
// so follow_urls picks the pages whose links are followed, not the links
// queued.
func TestSite_wanted(t *testing.T) {
	follow := []*regexp.Regexp{regexp.MustCompile(`/page/\d+/`)}
	judged := Site{FollowURLs: follow}
	patterned := Site{FollowURLs: follow, ArticleURLs: []*regexp.Regexp{regexp.MustCompile(`/20\d\d/`)}}
	for _, tc := range []struct {
		site *Site
		u    string
		want bool
	}{
		{&judged, "https://example.org/news/a.html", true},
		{&judged, "https://example.org/page/2/", true},
		{&patterned, "https://example.org/news/a.html", false},
		{&patterned, "https://example.org/2026/a.html", true},
		{&patterned, "https://example.org/page/2/", true},
	} {
		if got := tc.site.wanted(tc.u); got != tc.want {
			t.Errorf("wanted(%s) with article patterns %v = %v, want %v", tc.u, tc.site.ArticleURLs, got, tc.want)
		}
	}
}
