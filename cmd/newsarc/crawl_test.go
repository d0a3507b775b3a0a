package main

import (
	"compress/gzip"
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/newsarc/newsarc/archive/state"
	"github.com/newsarc/newsarc/internal/warctest"
)

// newsSite is an httptest news site of about 50 pages: paginated listings,
// a sitemap index with a gzip sitemap and a Google News sitemap, an RSS
// feed, robots.txt with a Disallow and a Sitemap line, traps, a 429 with
// Retry-After, a 500 that heals, a redirect chain and an off-site link.
type newsSite struct {
	srv *httptest.Server

	mu       sync.Mutex
	hits     map[string]int
	versions map[int]int // article number → version of its text
	lastmod  map[int]string
}

const siteArticles = 30

func newNewsSite(t *testing.T) *newsSite {
	s := &newsSite{hits: map[string]int{}, versions: map[int]int{}, lastmod: map[int]string{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func articlePath(n int) string {
	return fmt.Sprintf("/2023/07/%02d/tramway-%d.html", 1+n%28, n)
}

func (s *newsSite) hit(p string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[p]
}

func (s *newsSite) articleHits() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for p, c := range s.hits {
		if strings.HasPrefix(p, "/2023/") {
			n += c
		}
	}
	return n
}

// update changes article n's text and says so in the sitemap.
func (s *newsSite) update(n int) {
	s.mu.Lock()
	s.versions[n]++
	s.lastmod[n] = "2099-01-01T00:00:00+00:00"
	s.mu.Unlock()
}

func (s *newsSite) serve(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	s.mu.Lock()
	s.hits[p]++
	n := s.hits[p]
	s.mu.Unlock()
	html := func(body string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Le Matin Test</title>"+
			"<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed/\"></head><body>"+
			"<nav><a href=\"/\">Accueil</a> <a href=\"/category/maroc/\">Maroc</a> <a href=\"https://off-site.example.org/\">Partenaire</a></nav>%s"+
			"<footer>© 2023</footer></body></html>", body)
	}
	listing := func(from, to int, next string) {
		var b strings.Builder
		for i := from; i < to && i < siteArticles; i++ {
			fmt.Fprintf(&b, "<h2><a href=\"%s?utm_source=home\">Article %d</a></h2>\n", articlePath(i), i)
		}
		if next != "" {
			fmt.Fprintf(&b, "<a href=\"%s\">Suivant</a>", next)
		}
		b.WriteString(`<a href="/private/secret.html">Privé</a> <a href="/search;jsessionid=0123456789ABCDEF0123456789ABCDEF">Recherche</a>`)
		b.WriteString(`<a href="/tag/x?a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9&j=10">Tags</a> <a href="/ancien/1">Ancien</a>`)
		fmt.Fprintf(&b, `<a href="%s/amp/">AMP</a>`, articlePath(2))
		html(b.String())
	}
	switch {
	case p == "/robots.txt":
		fmt.Fprintf(w, "User-agent: *\nDisallow: /private/\nSitemap: %s/sitemap_index.xml\n", s.srv.URL)
	case p == "/":
		listing(0, 8, "/page/2/")
	case strings.HasPrefix(p, "/page/"):
		var page int
		fmt.Sscanf(p, "/page/%d/", &page)
		next := ""
		if page < 3 {
			next = fmt.Sprintf("/page/%d/", page+1)
		}
		listing((page-1)*8, page*8, next)
	case p == "/category/maroc/":
		listing(24, 30, "")
	case p == "/sitemap_index.xml":
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>%[1]s/post-sitemap.xml.gz</loc></sitemap><sitemap><loc>%[1]s/news-sitemap.xml</loc></sitemap></sitemapindex>`, s.srv.URL)
	case p == "/post-sitemap.xml.gz":
		w.Header().Set("Content-Type", "application/x-gzip")
		zw := gzip.NewWriter(w)
		fmt.Fprint(zw, `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		s.mu.Lock()
		for i := 0; i < siteArticles; i++ {
			lm := s.lastmod[i]
			if lm == "" {
				lm = "2023-07-20T10:00:00+01:00"
			}
			fmt.Fprintf(zw, "<url><loc>%s%s</loc><lastmod>%s</lastmod></url>\n", s.srv.URL, articlePath(i), lm)
		}
		s.mu.Unlock()
		fmt.Fprint(zw, `</urlset>`)
		zw.Close()
	case p == "/news-sitemap.xml":
		w.Header().Set("Content-Type", "application/xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>%s%s</loc><news:news><news:publication><news:name>Le Matin Test</news:name><news:language>fr</news:language></news:publication>
<news:publication_date>2023-07-29T08:00:00+01:00</news:publication_date><news:title>Article 29</news:title></news:news></url></urlset>`, s.srv.URL, articlePath(29))
	case p == "/feed/":
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		var b strings.Builder
		for i := 20; i < siteArticles; i++ {
			fmt.Fprintf(&b, "<item><title>Article %d</title><link>%s</link><pubDate>Thu, 20 Jul 2023 10:00:00 +0100</pubDate></item>", i, articlePath(i))
		}
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Le Matin Test</title><link>%s/</link>%s</channel></rss>`, s.srv.URL, b.String())
	case p == "/ancien/1":
		http.Redirect(w, r, "/ancien/2", http.StatusMovedPermanently)
	case p == "/ancien/2":
		http.Redirect(w, r, articlePath(3), http.StatusFound)
	case p == articlePath(2)+"/amp/":
		// An AMP copy of article 2: another URL and payload, the same article.
		html(fmt.Sprintf(`<link rel="canonical" href="%s"><article><h1>Le tramway, épisode 2</h1><p>Version AMP.</p></article>`, articlePath(2)))
	case strings.HasPrefix(p, "/2023/"):
		var i int
		fmt.Sscanf(p[strings.LastIndex(p, "-")+1:], "%d.html", &i)
		if p != articlePath(i) {
			http.NotFound(w, r)
			return
		}
		if i == 7 && n == 1 {
			w.Header().Set("Retry-After", "1")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		if i == 8 && n == 1 {
			http.Error(w, "database down", http.StatusInternalServerError)
			return
		}
		s.mu.Lock()
		v := s.versions[i]
		s.mu.Unlock()
		html(fmt.Sprintf(`<article><h1 class="entry-title">Le tramway, épisode %d</h1>
<div class="entry-meta">Par <span class="author"><a href="/auteur/claire/">Claire Dubois</a></span> <time class="entry-date" datetime="2023-07-%02dT11:20:00+01:00">%d juillet 2023</time></div>
<div class="entry-content"><p>Épisode %d (version %d) : la ligne T3 du tramway de Casablanca a transporté ses premiers voyageurs ce mercredi matin.</p>
<p>Longue de quatorze kilomètres, elle compte vingt-deux stations et doit accueillir cent mille passagers par jour.</p></div>
<p>À lire aussi : <a href="%s">l'épisode suivant</a></p></article>`, i, 1+i%28, 1+i%28, i, v, articlePath((i+1)%siteArticles)))
	default:
		http.NotFound(w, r)
	}
}

func (s *newsSite) config(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	err := os.WriteFile(path, []byte(fmt.Sprintf(`
[crawl]
user_agent = "newsarc-test/1.0"
concurrency = 4
per_host_delay = "0s"
timeout = "5s"
retries = 2
max_depth = 5

[[sites]]
name = "lematin"
start_urls = ["%s/"]
article_urls = ['/\d{4}/\d{2}/\d{2}/']
timezone = "Africa/Casablanca"

[sites.selectors]
headline = "h1.entry-title"
byline = ".byline a"   # the site has .entry-meta .author a: a layout change
`, s.srv.URL)), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	return path
}

func countJSON(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	filepath.WalkDir(filepath.Join(dir, "articles"), func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".json") {
			n++
		}
		return nil
	})
	return n
}

func TestRun_crawl(t *testing.T) {
	site := newNewsSite(t)
	cfg := site.config(t)
	out := t.TempDir()
	ctx := context.Background()

	code, stdout, stderr := runCLI(t, ctx, "--config", cfg, "--out", out, "--log-level", "warn", "crawl")
	if code != exitOK {
		t.Fatalf("first crawl: exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	if n := countJSON(t, out); n != siteArticles {
		t.Errorf("%d article files after the first crawl, want %d\n%s\n%s", n, siteArticles, stdout, stderr)
	}
	if !strings.Contains(stdout, fmt.Sprintf("articles: %d new, 0 changed", siteArticles)) {
		t.Errorf("summary: %s", stdout)
	}
	for i := range siteArticles {
		want := 1
		if i == 7 || i == 8 { // the 429 and the 500, then success
			want = 2
		}
		if got := site.hit(articlePath(i)); got != want {
			t.Errorf("%s fetched %d times, want %d", articlePath(i), got, want)
		}
	}
	for _, p := range []string{"/private/secret.html", "/search", "/tag/x"} {
		if site.hit(p) != 0 {
			t.Errorf("%s fetched: robots.txt and trap rules should have kept it out", p)
		}
	}
	if site.hit(articlePath(2)+"/amp/") != 1 || !strings.Contains(stdout, "1 copies under other URLs") {
		t.Errorf("the AMP copy was fetched %d times, want once and counted as a copy:\n%s", site.hit(articlePath(2)+"/amp/"), stdout)
	}
	for _, p := range []string{"/robots.txt", "/sitemap_index.xml", "/post-sitemap.xml.gz", "/news-sitemap.xml", "/feed/", "/page/3/", "/category/maroc/", "/ancien/1", "/ancien/2"} {
		if site.hit(p) != 1 {
			t.Errorf("%s fetched %d times, want once", p, site.hit(p))
		}
	}
	warcs, _ := filepath.Glob(filepath.Join(out, "warc", "lematin", "*.warc.gz"))
	warctest.Validate(t, warcs...)
	// The byline selector matches nothing: one warning for the run, with
	// the share of pages (copies are not counted).
	if n := strings.Count(stderr, `selector byline \".byline a\" matched nothing on 30 of 30 pages (100%)`); n != 1 {
		t.Errorf("%d warnings for the broken byline selector, want one with the share of pages:\n%s", n, stderr)
	}
	if strings.Contains(stderr, "selector headline") {
		t.Errorf("a warning for the headline selector, which matches:\n%s", stderr)
	}

	// Second run: listings again, no unchanged article.
	before := site.articleHits()
	code, stdout, stderr = runCLI(t, ctx, "--config", cfg, "--out", out, "--log-level", "warn", "crawl", "--json")
	if code != exitOK {
		t.Fatalf("second crawl: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if got := site.articleHits() - before; got != 0 {
		t.Errorf("second crawl fetched %d unchanged articles, want 0", got)
	}
	if site.hit("/") != 2 || site.hit("/page/2/") != 2 {
		t.Errorf("listing pages are not fetched again: / %d, /page/2/ %d", site.hit("/"), site.hit("/page/2/"))
	}
	if !strings.Contains(stdout, `"articles_new": 0`) {
		t.Errorf("--json summary: %s", stdout)
	}

	// Third run: the sitemap says article 5 changed; it alone is archived again.
	site.update(5)
	before = site.articleHits()
	code, stdout, stderr = runCLI(t, ctx, "--config", cfg, "--out", out, "--log-level", "warn", "crawl", "lematin")
	if code != exitOK {
		t.Fatalf("third crawl: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if got := site.articleHits() - before; got != 1 || !strings.Contains(stdout, "0 new, 1 changed") {
		t.Errorf("third crawl fetched %d articles, want 1 (the changed one):\n%s", got, stdout)
	}
	if n := countJSON(t, out); n != siteArticles {
		t.Errorf("%d article files, want %d (a new version replaces the JSON)", n, siteArticles)
	}
	// What a user sees with sqlite3.
	db, err := sql.Open("sqlite", filepath.Join(out, "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var runs, versions int
	err = db.QueryRowContext(ctx, "SELECT count(*) FROM runs WHERE status = 'done'").Scan(&runs)
	if runs != 3 {
		t.Errorf("%d runs recorded as done, want 3 (err %v)", runs, err)
	}
	err = db.QueryRowContext(ctx, "SELECT max(version) FROM articles WHERE url = ?", site.srv.URL+articlePath(5)).Scan(&versions)
	if versions != 2 {
		t.Errorf("article 5 has %d versions in the catalog, want 2 (err %v)", versions, err)
	}
}

func TestRun_crawlLocked(t *testing.T) {
	site := newNewsSite(t)
	out := t.TempDir()
	unlock, err := state.Lock(out)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	code, _, stderr := runCLI(t, context.Background(), "--config", site.config(t), "--out", out, "crawl")
	if code != exitLocked || !strings.Contains(stderr, out) {
		t.Errorf("exit %d, want 75 naming the archive\n%s", code, stderr)
	}
	if site.hit("/") != 0 {
		t.Errorf("a locked-out crawl fetched pages")
	}
}

// A disk that fills up stops the run with a clear error, state committed.
func TestRun_crawlDiskFull(t *testing.T) {
	site := newNewsSite(t)
	cfg := site.config(t)
	b, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, append([]byte("[archive]\nmin_free = \"1000PB\"\n"), b...), 0o644)
	out := t.TempDir()
	code, stdout, stderr := runCLI(t, context.Background(), "--config", cfg, "--out", out, "crawl")
	if code != exitFatal || !strings.Contains(stderr, "disk full") || !strings.Contains(stderr, out) {
		t.Fatalf("exit %d, want 1 with a disk-full error naming %s\nstdout: %s\nstderr: %s", code, out, stdout, stderr)
	}
	if site.hit("/") != 0 {
		t.Errorf("pages fetched with no room to archive them")
	}
	db, err := sql.Open("sqlite", filepath.Join(out, "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var status string
	db.QueryRow("SELECT status FROM runs").Scan(&status)
	if status != "failed" {
		t.Errorf("run status %q, want failed", status)
	}
}

// A host whose every page fails is left alone after a few failures in a
// row, not hammered page after page.
func TestRun_crawlFailingHost(t *testing.T) {
	site := newNewsSite(t)
	inner := site.srv.Config.Handler
	var mu sync.Mutex
	articleHits := 0
	site.srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/2023/") {
			mu.Lock()
			articleHits++
			mu.Unlock()
			http.Error(w, "overloaded", http.StatusServiceUnavailable)
			return
		}
		inner.ServeHTTP(w, r)
	})
	out := t.TempDir()
	code, stdout, stderr := runCLI(t, context.Background(), "--config", site.config(t), "--out", out, "--log-level", "warn", "crawl")
	if code != exitOK {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	// 5 failures in a row pause the host; up to 4 more were already in
	// flight; each page is tried 3 times (retries = 2).
	mu.Lock()
	defer mu.Unlock()
	if limit := (5 + 4) * 3; articleHits > limit {
		t.Errorf("%d article requests to a failing host, want at most %d", articleHits, limit)
	}
	if !strings.Contains(stderr, "host keeps failing") {
		t.Errorf("no warning that the host was paused:\n%s", stderr)
	}
}
