package main

import (
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
)

// judgedSite is a news site crawled with no article_urls: a home page
// that links to page 2 of its listing and to a section page, and articles
// that say what they are in JSON-LD, in og:type, or not at all. After
// publish, new articles appear on page 2 and in the section only.
type judgedSite struct {
	srv *httptest.Server

	mu        sync.Mutex
	hits      map[string]int
	published bool
}

func newJudgedSite(t *testing.T) *judgedSite {
	s := &judgedSite{hits: map[string]int{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *judgedSite) hit(p string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[p]
}

func (s *judgedSite) publish() {
	s.mu.Lock()
	s.published = true
	s.mu.Unlock()
}

func judgedArticle(n int) string { return fmt.Sprintf("/news/2026/story-%d.html", n) }

const (
	judgedPage2   = "/latest/?page=2"
	judgedSection = "/section/politics/"
)

func (s *judgedSite) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.RequestURI()]++
	published := s.published
	s.mu.Unlock()
	page := func(head, body string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Example News</title>%s</head><body>
<header><a href="/">Example News</a> <a href="%s">Politics</a></header>%s<footer>© Example News</footer></body></html>`, head, judgedSection, body)
	}
	// A listing shows a headline, cards with dates and teasers, and a pager.
	listing := func(head, title string, stories []int, more string) {
		var b strings.Builder
		fmt.Fprintf(&b, "<main><h1>%s</h1>\n", title)
		for _, n := range stories {
			fmt.Fprintf(&b, `<div class="card"><h2><a href="%s">Council approves railway plan, part %d</a></h2><p class="date">3 March 2026</p>
<p>The regional council voted on Tuesday on the future of the valley line, which carries thousands of passengers every day.</p></div>
`, judgedArticle(n), n)
		}
		b.WriteString(more + "</main>")
		page(head, b.String())
	}
	switch p := r.URL.Path; {
	case p == "/":
		listing(`<meta property="og:type" content="website"><script type="application/ld+json">{"@context":"https://schema.org","@type":"WebSite","url":"`+s.srv.URL+`/","name":"Example News"}</script>`,
			"Example News", []int{1, 2}, `<a href="`+judgedPage2+`">Older stories</a>`)
	case p == "/latest/" && r.URL.Query().Get("page") == "2":
		// No markup for machines: the page is judged by what extraction finds.
		stories := []int{3}
		if published {
			stories = []int{4, 6, 3}
		}
		listing("", "Latest news, page 2", stories, `<a href="/">Newer stories</a>`)
	case p == judgedSection:
		stories := []int{2}
		if published {
			stories = []int{5, 2}
		}
		listing(`<script type="application/ld+json">{"@context":"https://schema.org","@type":"CollectionPage","name":"Politics"}</script>`, "Politics", stories, "")
	case strings.HasPrefix(p, "/news/2026/story-"):
		var n int
		fmt.Sscanf(p, "/news/2026/story-%d.html", &n)
		if n < 1 || n > 6 || p != judgedArticle(n) {
			http.NotFound(w, r)
			return
		}
		head := ""
		switch n % 3 {
		case 1:
			head = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Council approves railway plan, part ` + fmt.Sprint(n) + `","datePublished":"2026-03-03T10:00:00Z"}</script>`
		case 2:
			head = `<meta property="og:type" content="article">`
		} // 0: nothing but the page itself
		var body strings.Builder
		for i := range 5 {
			fmt.Fprintf(&body, "<p>Part %d, paragraph %d: the regional council voted on Tuesday on the future of the valley line, which carries thousands of passengers every day.</p>\n", n, i)
		}
		page(head, fmt.Sprintf(`<article><h1>Council approves railway plan, part %d</h1><p class="meta">By Jane Roe, <time datetime="2026-03-03T10:00:00Z">3 March 2026</time></p>
%s</article><aside><h2>Read next</h2><h3><a href="%s">Council approves railway plan, part %d</a></h3></aside>`, n, body.String(), judgedArticle(1), 1))
	default:
		http.NotFound(w, r)
	}
}

// TestRun_crawlJudgesPages crawls a site whose config names no
// article_urls, twice: listings (page 2 and a section page) never become
// article JSON and are fetched again on the second run, which finds the
// articles published on them since; articles are not fetched again.
func TestRun_crawlJudgesPages(t *testing.T) {
	site := newJudgedSite(t)
	cfg := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(cfg, []byte(fmt.Sprintf(`
[crawl]
per_host_delay = "0s"

[[sites]]
name = "judged"
start_urls = ["%s/"]
`, site.srv.URL)), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	ctx := context.Background()
	urls := func() map[string]bool {
		got := map[string]bool{}
		for u := range jsonFiles(t, out) {
			got[strings.TrimPrefix(u, site.srv.URL)] = true
		}
		return got
	}
	want := func(run string, stories ...int) {
		t.Helper()
		got := urls()
		for _, n := range stories {
			if !got[judgedArticle(n)] {
				t.Errorf("%s: no article JSON for %s", run, judgedArticle(n))
			}
		}
		for _, p := range []string{"/", judgedPage2, judgedSection} {
			if got[p] {
				t.Errorf("%s: listing %s archived as an article", run, p)
			}
		}
		if len(got) != len(stories) {
			t.Errorf("%s: article JSON for %v, want %d articles", run, got, len(stories))
		}
	}

	code, stdout, stderr := runCLI(t, ctx, "--config", cfg, "--out", out, "--log-level", "warn", "crawl")
	if code != exitOK || strings.Contains(stderr, "error:") {
		t.Fatalf("first crawl: exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	want("first crawl", 1, 2, 3)

	site.publish()
	code, stdout, stderr = runCLI(t, ctx, "--config", cfg, "--out", out, "--log-level", "warn", "crawl")
	if code != exitOK || strings.Contains(stderr, "error:") {
		t.Fatalf("second crawl: exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	want("second crawl", 1, 2, 3, 4, 5, 6)
	if !strings.Contains(stdout, "articles: 3 new, 0 changed") {
		t.Errorf("second crawl summary: %s", stdout)
	}
	for p, n := range map[string]int{
		"/": 2, judgedPage2: 2, judgedSection: 2, // listings, every run
		judgedArticle(1): 1, judgedArticle(2): 1, judgedArticle(3): 1, // articles, once
		judgedArticle(4): 1, judgedArticle(5): 1, judgedArticle(6): 1,
	} {
		if got := site.hit(p); got != n {
			t.Errorf("%s fetched %d times in two runs, want %d", p, got, n)
		}
	}

	// What state.db remembers of each page for the next run.
	db, err := sql.Open("sqlite", filepath.Join(out, "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for p, kind := range map[string]string{"/": "listing", judgedPage2: "listing", judgedSection: "listing", judgedArticle(3): "article", judgedArticle(5): "article"} {
		var got string
		if err := db.QueryRowContext(ctx, "SELECT kind FROM seen WHERE url = ?", site.srv.URL+p).Scan(&got); err != nil || got != kind {
			t.Errorf("seen %s: kind %q (%v), want %q", p, got, err, kind)
		}
	}
}
