package pipeline_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/newsarc/newsarc/crawler"
	"github.com/newsarc/newsarc/pipeline"
)

// A crawl of a two-page site into a fresh archive, then an incremental
// run that finds the article archived already.
func ExampleCrawl() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/":
			fmt.Fprint(w, `<html><body><a href="/2026/12/02/rain.html">Rain</a></body></html>`)
		case "/2026/12/02/rain.html":
			fmt.Fprint(w, `<html lang="en"><head><title>Rain expected</title></head><body><article>
<h1>Rain expected across the north</h1><p class="byline">By Salma Idrissi</p>`+
				strings.Repeat("<p>Forecasters expect heavy rain across the north of the country this week.</p>", 5)+
				`</article></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir, _ := os.MkdirTemp("", "newsarc-example")
	defer os.RemoveAll(dir)

	cfg := &pipeline.Config{
		Dir:         dir,
		WARCMaxSize: 1 << 30,
		Compression: "gzip",
		Software:    "newsarc/example",
		Crawl:       crawler.Config{UserAgent: "newsarc-example", Concurrency: 2, RespectRobots: true, Timeout: 10 * time.Second},
		Sites: []*pipeline.Site{{Site: crawler.Site{
			Name:           "example",
			StartURLs:      []string{srv.URL + "/"},
			AllowedDomains: []string{strings.TrimPrefix(srv.URL, "http://")},
			ArticleURLs:    []*regexp.Regexp{regexp.MustCompile(`^https?://[^/]+/\d{4}/`)},
		}}},
	}
	for range 2 {
		sum, err := pipeline.Crawl(context.Background(), cfg, cfg.Sites, pipeline.Output{})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%d pages fetched; articles: %d new, %d not fetched again; %d WARC file(s)\n",
			sum.Pages, sum.ArticlesNew, sum.Skipped, len(sum.WARCFiles))
	}
	// Output:
	// 2 pages fetched; articles: 1 new, 0 not fetched again; 1 WARC file(s)
	// 1 pages fetched; articles: 0 new, 1 not fetched again; 1 WARC file(s)
}
