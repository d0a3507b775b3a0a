package pipeline

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newsarc/newsarc/crawler"
)

// newsSite serves a small news site: a front page linking two articles
// and a section page, a robots.txt that keeps /private/ out, a PDF and a
// page that is gone.
func newsSite(t testing.TB, robots string) *httptest.Server {
	return newsSiteHook(t, robots, nil)
}

// newsSiteHook is newsSite calling hook, when not nil, before each
// response.
func newsSiteHook(t testing.TB, robots string, hook func(*http.Request)) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, robots)
	})
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		page(w, "Front page", `<ul>
<li><a href="/2026/11/30/budget-vote.html">Budget vote</a></li>
<li><a href="/2026/12/01/harbour-works.html">Harbour works</a></li>
<li><a href="/section/economy">Economy</a></li>
<li><a href="/private/draft.html">Draft</a></li>
</ul>`)
	})
	mux.HandleFunc("/section/economy", func(w http.ResponseWriter, r *http.Request) {
		page(w, "Economy", `<a href="/2026/11/30/budget-vote.html">Budget vote</a>`)
	})
	mux.HandleFunc("/2026/11/30/budget-vote.html", func(w http.ResponseWriter, r *http.Request) {
		articlePage(w, "Parliament votes the budget", "Amina Benali", "2026-11-30T09:00:00+01:00",
			"The parliament voted the budget on Monday after a long debate in the chamber.")
	})
	mux.HandleFunc("/2026/12/01/harbour-works.html", func(w http.ResponseWriter, r *http.Request) {
		articlePage(w, "Harbour works begin", "Karim Idrissi", "2026-12-01T08:30:00+01:00",
			"Works on the harbour began this week and are planned to last two years.")
	})
	mux.HandleFunc("/private/draft.html", func(w http.ResponseWriter, r *http.Request) {
		articlePage(w, "Draft", "Nobody", "2026-12-01T08:30:00+01:00", "Not for the archive.")
	})
	mux.HandleFunc("/report.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.7\n")
	})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if hook != nil {
			hook(r)
		}
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func page(w http.ResponseWriter, title, body string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, "<!doctype html><html lang=en><head><title>%s</title></head><body>%s</body></html>", title, body)
}

func articlePage(w http.ResponseWriter, headline, author, published, para string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Date", "Tue, 01 Dec 2026 12:00:00 GMT")
	body := strings.Repeat("<p>"+para+"</p>\n", 4)
	fmt.Fprintf(w, `<!doctype html><html lang=en><head><title>%[1]s | Example News</title>
<meta property="og:type" content="article">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":%[1]q,
"author":{"@type":"Person","name":%[2]q},"datePublished":%[3]q}</script></head>
<body><article><h1>%[1]s</h1><p class=byline>By %[2]s</p>%[4]s</article></body></html>`, headline, author, published, body)
}

// testConfig is a configuration for srv's site, archived into dir.
func testConfig(t testing.TB, srv *httptest.Server, dir string) *Config {
	t.Helper()
	host := strings.TrimPrefix(srv.URL, "http://")
	return &Config{
		Dir:         dir,
		WARCMaxSize: 1 << 30,
		Compression: "gzip",
		Software:    "newsarc/test",
		Crawl: crawler.Config{UserAgent: "newsarc-test", Concurrency: 2, RespectRobots: true,
			Timeout: 10 * time.Second, RetryBase: time.Millisecond},
		Sites: []*Site{{Site: crawler.Site{
			Name:           "example",
			StartURLs:      []string{srv.URL + "/"},
			AllowedDomains: []string{host},
			ArticleURLs:    []*regexp.Regexp{regexp.MustCompile(`/20\d\d/`)},
		}}},
	}
}
