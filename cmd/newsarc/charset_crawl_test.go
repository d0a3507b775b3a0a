package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// Listing pages are only tokenized for their links, from their raw bytes.
// A listing in a legacy charset named only by <meta charset>, with Arabic
// written straight into its hrefs, must still lead to its articles at
// their UTF-8 URLs, as must a UTF-8 listing with raw Arabic hrefs.
func TestRun_crawlListingCharsets(t *testing.T) {
	slugs := map[string]string{ // listing → the Arabic slug it links to
		"/utf8/":   "الرباط-تستضيف",
		"/cp1256/": "فاس-تحتفل",
	}
	var mu sync.Mutex
	fetched := map[string]bool{}
	article := func(w http.ResponseWriter, title string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>%s</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":%q,"datePublished":"2023-07-05T10:00:00+01:00"}</script></head>
<body><article><h1>%s</h1><p>%s</p></article></body></html>`, title, title, title, strings.Repeat("نص المقال الكامل عن الحدث في المدينة. ", 20))
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		fetched[r.URL.Path] = true
		mu.Unlock()
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, `<html><body><a href="/utf8/">utf8</a> <a href="/cp1256/">cp1256</a></body></html>`)
		case "/utf8/":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, `<html><head><meta charset="utf-8"></head><body><a href="/2023/07/05/%s.html">مقال</a></body></html>`, slugs["/utf8/"])
		case "/cp1256/":
			// No charset in the header: only the <meta> names it.
			w.Header().Set("Content-Type", "text/html")
			page := fmt.Sprintf(`<html><head><meta charset="windows-1256"></head><body><a href="/2023/07/05/%s.html">مقال</a></body></html>`, slugs["/cp1256/"])
			b, err := charmap.Windows1256.NewEncoder().String(page)
			if err != nil {
				t.Error(err)
			}
			w.Write([]byte(b))
		default:
			p, _ := url.PathUnescape(r.URL.EscapedPath())
			for _, slug := range slugs {
				if p == "/2023/07/05/"+slug+".html" {
					article(w, slug)
					return
				}
			}
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	cfg := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(cfg, []byte(fmt.Sprintf(`
[crawl]
per_host_delay = "0s"
timeout = "5s"
[[sites]]
name = "charsets"
start_urls = ["%s/"]
article_urls = ['/\d{4}/\d{2}/\d{2}/']
`, srv.URL)), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	code, stdout, stderr := runCLI(t, context.Background(), "--config", cfg, "--out", out, "--log-level", "warn", "crawl")
	if code != exitOK {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	mu.Lock()
	defer mu.Unlock()
	for listing, slug := range slugs {
		if !fetched["/2023/07/05/"+slug+".html"] {
			t.Errorf("the article linked from %s (%s) was not fetched; fetched %v", listing, slug, fetched)
		}
	}
	if n := countJSON(t, out); n != len(slugs) {
		t.Errorf("%d article files, want %d", n, len(slugs))
	}
}
