package crawlbench

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsarc/newsarc/archive"
	"github.com/newsarc/newsarc/selectors"
)

var fetched = time.Date(2025, 7, 1, 12, 0, 0, 0, time.UTC)

// BenchmarkExtract extracts one synthetic article page per op (Arabic and
// English pages alternate), with no selectors (JSON-LD, meta, generic
// extraction: what a site without a profile gets) and with the selectors
// a WordPress theme needs. MB/s is of page bytes.
func BenchmarkExtract(b *testing.B) {
	site := fixtureSite()
	var pages [][]byte
	var urls []string
	var total int
	for i := range 16 {
		pages = append(pages, site.ArticleHTML(i))
		urls = append(urls, site.ArticleURL(i))
		total += len(pages[i])
	}
	for _, c := range []struct {
		name string
		sel  selectors.Selectors
	}{
		{"generic", selectors.Selectors{}},
		{"selectors", selectors.Selectors{Headline: "h1.entry-title", Byline: ".entry-meta .author a",
			Published: "time.entry-date@datetime", Body: ".entry-content", Remove: []string{".share-box", "#comments", ".read-also", ".ad-slot"}}},
	} {
		b.Run(c.name, func(b *testing.B) {
			ex, err := selectors.New(selectors.Config{Selectors: c.sel, Timezone: time.FixedZone("+01", 3600)})
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(total / len(pages)))
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				a, _, err := ex.Extract(selectors.Page{URL: urls[i%len(urls)], Body: pages[i%len(pages)], ContentType: "text/html; charset=UTF-8", Date: fetched})
				if err != nil {
					b.Fatal(err)
				}
				sink = a
				i++
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(i)/1e6, "ms/page")
		})
	}
}

// BenchmarkExtract_corpus extracts one page of the public extraction corpus
// (../shared/corpus/scrapinghub, 181 real news pages; NEWSARC_CORPUS
// overrides the folder) per op, cycling through them, with no selectors:
// the "≤ 10 ms per page" is this benchmark's ms/page.
func BenchmarkExtract_corpus(b *testing.B) {
	dir := os.Getenv("NEWSARC_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "corpus", "scrapinghub", "html")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.html.gz"))
	if len(files) == 0 {
		b.Skipf("no corpus pages in %s", dir)
	}
	var pages [][]byte
	var total int
	for _, f := range files {
		p, err := gunzipFile(f)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, p)
		total += len(p)
	}
	ex, err := selectors.New(selectors.Config{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(total / len(pages)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		k := i % len(pages)
		u := (&url.URL{Scheme: "https", Host: "corpus.example", Path: "/" + filepath.Base(files[k])}).String()
		a, _, err := ex.Extract(selectors.Page{URL: u, Body: pages[k], ContentType: "text/html; charset=utf-8", Date: fetched})
		if err != nil {
			b.Fatal(err)
		}
		sink = a
		i++
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(i)/1e6, "ms/page")
}

// BenchmarkWriteArticle writes one article JSON per op, atomically
// (temporary file, fsync, rename), as the crawl does for every article.
func BenchmarkWriteArticle(b *testing.B) {
	site := fixtureSite()
	ex, err := selectors.New(selectors.Config{})
	if err != nil {
		b.Fatal(err)
	}
	a, _, err := ex.Extract(selectors.Page{URL: site.ArticleURL(0), Body: site.ArticleHTML(0), ContentType: "text/html; charset=UTF-8", Date: fetched})
	if err != nil {
		b.Fatal(err)
	}
	a.Site, a.FetchedAt = "bench", fetched
	dir := b.TempDir()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := archive.WriteArticle(dir, a); err != nil {
			b.Fatal(err)
		}
	}
}

func gunzipFile(name string) ([]byte, error) {
	raw, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}
