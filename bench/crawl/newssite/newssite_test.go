package newssite

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestSite_everyLinkServed(t *testing.T) {
	for _, cfg := range []Config{{Articles: 48, PerPage: 5}, {Articles: 12, PerPage: 10}} {
		t.Run(strconv.Itoa(cfg.Articles), func(t *testing.T) { checkLinks(t, cfg) })
	}
}

// checkLinks fetches every path of a site, checks sizes, and follows every
// link of the non-article pages: all must be served.
func checkLinks(t *testing.T, cfg Config) {
	var site *Site
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { site.ServeHTTP(w, r) }))
	defer srv.Close()
	site = New(srv.URL, cfg)

	articleURL := regexp.MustCompile(`/\d{4}/\d{2}/\d{2}/`)
	linked := map[string]bool{}
	articles := 0
	for _, p := range site.Paths() {
		resp, err := http.Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: %s", p, resp.Status)
		}
		if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			continue
		}
		if n := len(body); n < 55_000 || n > 150_000 {
			t.Errorf("%s: %d bytes, want 60–120 KB", p, n)
		}
		if articleURL.MatchString(p) {
			articles++
		} else {
			collectLinks(t, body, srv.URL, linked)
		}
	}
	if articles != cfg.Articles {
		t.Errorf("%d article paths, want %d", articles, cfg.Articles)
	}
	// The listings alone reach every article, as wget finds them.
	for i := range site.Articles() {
		if !linked[site.ArticleURL(i)] {
			t.Errorf("article %s is linked from no listing", site.ArticleURL(i))
		}
	}
	for u := range linked {
		resp, err := http.Head(u)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK && !strings.Contains(u, "/search") && !strings.Contains(u, "/wp-admin/") {
			t.Errorf("link %s: %s", u, resp.Status)
		}
	}
}

func collectLinks(t *testing.T, body []byte, base string, into map[string]bool) {
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode || n.Data != "a" {
			continue
		}
		for _, a := range n.Attr {
			if a.Key != "href" {
				continue
			}
			href, _, _ := strings.Cut(a.Val, "#")
			if strings.HasPrefix(href, "/") {
				href = base + href
			}
			if strings.HasPrefix(href, base) {
				into[href] = true
			}
		}
	}
}

func TestSite_deterministic(t *testing.T) {
	a := New("http://x", Config{Seed: 7, Articles: 50, CacheBytes: 1})
	b := New("http://x", Config{Seed: 7, Articles: 50, CacheBytes: 1})
	c := New("http://x", Config{Seed: 8, Articles: 50, CacheBytes: 1})
	for _, p := range []string{"/", "/category/sport/", "/feed/", "/sitemap_index.xml", a.articles[7].decoded} {
		if !bytes.Equal(a.render(p).body, b.render(p).body) {
			t.Errorf("%s differs between two sites of one seed", p)
		}
	}
	if bytes.Equal(a.ArticleHTML(3), c.ArticleHTML(3)) {
		t.Error("two seeds give the same article")
	}
}

func TestWire(t *testing.T) {
	site := New("http://x", Config{Articles: 24})
	modes := map[string]int{}
	for _, p := range site.Paths() {
		for _, ae := range []string{"", "gzip"} {
			req := httptest.NewRequest(http.MethodGet, p, nil)
			req.Header.Set("Accept-Encoding", ae)
			rec := httptest.NewRecorder()
			site.ServeHTTP(rec, req)
			switch {
			case rec.Header().Get("Content-Encoding") == "gzip":
				modes["gzip"]++
			case rec.Header().Get("Content-Length") != "":
				modes["length"]++
			default:
				modes["chunked"]++
			}
		}
	}
	for _, m := range []string{"gzip", "length", "chunked"} {
		if modes[m] == 0 {
			t.Errorf("no %s response: %v", m, modes)
		}
	}
}
