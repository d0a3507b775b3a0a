package crawlbench

import (
	"bytes"
	"net/url"
	"regexp"
	"testing"

	"golang.org/x/net/html"

	"github.com/newsarc/newsarc/crawler/discover"
)

// sink keeps results alive so that the compiler cannot drop the work.
var sink any

// realURLs are links as the synthetic site and real news sites write them.
func realURLs() []struct{ name, url string } {
	site := fixtureSite()
	var ascii, arabic string
	pct := regexp.MustCompile(`%[0-9a-f]{2}`)
	for i := range site.Articles() {
		u := site.ArticleURL(i)
		if pct.MatchString(u) && arabic == "" {
			arabic = u
		} else if !pct.MatchString(u) && ascii == "" {
			ascii = u
		}
	}
	return []struct{ name, url string }{
		{"article-ascii", ascii},
		{"article-arabic-lower-hex", arabic},
		{"listing", "http://127.0.0.1:8080/category/economy/page/7/"},
		{"tracking", ascii + "?utm_source=facebook&utm_medium=social&utm_campaign=share&fbclid=IwAR0abcdef#comments"},
		{"upper-default-port", "HTTP://WWW.Example.MA:80/2023/06/28/./slug-1024.html#top"},
		{"query-kept", "https://www.example.ma/index.php?option=com_content&view=article&id=1024&Itemid=7"},
	}
}

// BenchmarkCanonical canonicalises one raw URL per op, as the crawler does
// for every link it queues.
func BenchmarkCanonical(b *testing.B) {
	for _, c := range realURLs() {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s, err := discover.Canonical(c.url)
				if err != nil {
					b.Fatal(err)
				}
				sink = s
			}
		})
	}
}

// BenchmarkCanonicalURL canonicalises an already parsed URL per op.
func BenchmarkCanonicalURL(b *testing.B) {
	for _, c := range realURLs() {
		u, err := url.Parse(c.url)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sink = discover.CanonicalURL(u)
			}
		})
	}
}

// BenchmarkParseHTML parses one ~90 KB synthetic article page per op: the
// cost that each extra parse of a page adds.
func BenchmarkParseHTML(b *testing.B) {
	page := fixtureSite().ArticleHTML(0)
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		doc, err := html.Parse(bytes.NewReader(page))
		if err != nil {
			b.Fatal(err)
		}
		sink = doc
	}
}

// BenchmarkLinks finds, resolves and canonicalises every link of a parsed
// synthetic article page (about 170) per op; links/op says how many.
func BenchmarkLinks(b *testing.B) {
	site := fixtureSite()
	page := site.ArticleHTML(0)
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		b.Fatal(err)
	}
	base, _ := url.Parse(site.ArticleURL(0))
	// As the crawler reads an article page: the tree's links, each resolved.
	links := func() []string {
		pl := discover.Tree(doc, base)
		var out []string
		for _, h := range pl.Anchors {
			if s, ok := discover.Resolve(pl.Base, h); ok {
				out = append(out, s)
			}
		}
		return out
	}
	n := len(links())
	b.ReportAllocs()
	for b.Loop() {
		sink = links()
	}
	b.ReportMetric(float64(n), "links/op")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/link")
}

// BenchmarkScan reads every link of a synthetic page from its raw bytes
// with the tokenizer and resolves each, as the crawler does for pages that
// are not articles (no tree is built); links/op says how many.
func BenchmarkScan(b *testing.B) {
	site := fixtureSite()
	page := site.ArticleHTML(0)
	base, _ := url.Parse(site.ArticleURL(0))
	scan := func() []string {
		pl, err := discover.Scan(page, base)
		if err != nil {
			b.Fatal(err)
		}
		var out []string
		for _, h := range pl.Anchors {
			if s, ok := discover.Resolve(pl.Base, h); ok {
				out = append(out, s)
			}
		}
		return out
	}
	n := len(scan())
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		sink = scan()
	}
	b.ReportMetric(float64(n), "links/op")
}
