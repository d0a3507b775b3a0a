package discover

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func openTestdata(t testing.TB, name string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func locs(entries []SitemapURL) []string {
	var out []string
	for _, e := range entries {
		out = append(out, e.Loc)
	}
	return out
}

func date(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestParseSitemap(t *testing.T) {
	for _, tc := range []struct {
		file           string
		sitemaps, urls []string
		check          func(t *testing.T, sm *Sitemap)
	}{
		{file: "sitemap_index.xml",
			sitemaps: []string{
				"https://www.example.ma/post-sitemap.xml", "https://www.example.ma/post-sitemap2.xml",
				"https://www.example.ma/page-sitemap.xml", "https://www.example.ma/category-sitemap.xml",
				"https://www.example.ma/author-sitemap.xml",
			},
			check: func(t *testing.T, sm *Sitemap) {
				wantLastMod(t, sm.Sitemaps[0].LastMod, date("2023-06-28T10:15:30Z"))
				wantLastMod(t, sm.Sitemaps[3].LastMod, date("2023-06-28T00:00:00Z"))
				wantLastMod(t, sm.Sitemaps[4].LastMod, time.Time{})
			}},
		{file: "post-sitemap.xml",
			urls: []string{
				"https://www.example.ma/",
				article,
				"https://www.example.ma/2023/06/27/%D8%A7%D9%84%D8%AD%D9%83%D9%88%D9%85%D8%A9-%D8%AA%D8%B5%D8%A7%D8%AF%D9%82-%D8%B9%D9%84%D9%89-%D9%85%D8%B4%D8%B1%D9%88%D8%B9-%D9%82%D8%A7%D9%86%D9%88%D9%86-%D8%A7%D9%84%D9%85%D8%A7%D9%84%D9%8A%D8%A9-1023.html",
				"https://www.example.ma/2023/06/27/%D8%A3%D9%85%D8%B7%D8%A7%D8%B1-%D8%B1%D8%B9%D8%AF%D9%8A%D8%A9-%D8%A8%D8%B9%D8%AF%D8%AF-%D9%85%D9%86-%D8%A7%D9%84%D9%85%D9%86%D8%A7%D8%B7%D9%82-1022.html",
				"https://www.example.ma/2023/06/26/le-maroc-accueille-la-conference-1021.html",
			},
			check: func(t *testing.T, sm *Sitemap) {
				wantLastMod(t, sm.URLs[0].LastMod, time.Time{})
				wantLastMod(t, sm.URLs[1].LastMod, date("2023-06-28T10:15:30Z"))
				wantLastMod(t, sm.URLs[3].LastMod, date("2023-06-27T08:05:00.123+01:00"))
				wantLastMod(t, sm.URLs[4].LastMod, date("2023-06-26T17:30:00+01:00"))
			}},
		{file: "news-sitemap.xml",
			urls: []string{article, "https://www.example.ma/2023/06/28/le-roi-inaugure-le-port-1025.html"},
			check: func(t *testing.T, sm *Sitemap) {
				if got, want := sm.URLs[0].NewsTitle, "تحليلية: ماذا يعني قانون المالية الجديد للأسر؟"; got != want {
					t.Errorf("NewsTitle = %q, want %q", got, want)
				}
				if got, want := sm.URLs[1].NewsTitle, "Le roi inaugure le port & la gare"; got != want {
					t.Errorf("NewsTitle = %q, want %q", got, want)
				}
				wantLastMod(t, sm.URLs[0].NewsPublished, date("2023-06-28T10:15:00+01:00"))
				wantLastMod(t, sm.URLs[1].NewsPublished, date("2023-06-28T00:00:00Z"))
			}},
		{file: "post-sitemap2.xml.gz",
			urls: []string{
				"https://www.example.ma/2022/01/03/%D8%AD%D9%88%D8%A7%D8%B1-12.html",
				"https://www.example.ma/2022/01/02/bilan-11.html",
				"https://www.example.ma/2022/01/01/voeux-10.html",
			}},
		{file: "sitemap.txt",
			urls: []string{
				article,
				"https://www.example.ma/2023/06/27/le-maroc-accueille-la-conference-1021.html",
				"https://www.example.ma/2023/06/26/interview-1020.html",
			}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			sm, err := ParseSitemap(openTestdata(t, tc.file), mustParseURL(t, "https://www.example.ma/"+tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if got := locs(sm.Sitemaps); !slices.Equal(got, tc.sitemaps) {
				t.Errorf("Sitemaps = %q\nwant %q", got, tc.sitemaps)
			}
			if got := locs(sm.URLs); !slices.Equal(got, tc.urls) {
				t.Errorf("URLs = %q\nwant %q", got, tc.urls)
			}
			if tc.check != nil && !t.Failed() {
				tc.check(t, sm)
			}
		})
	}
}

func wantLastMod(t *testing.T, got, want time.Time) {
	t.Helper()
	if !got.Equal(want) {
		t.Errorf("time = %v, want %v", got, want)
	}
}

func TestParseSitemap_errors(t *testing.T) {
	gz, err := os.ReadFile(filepath.Join("testdata", "post-sitemap2.xml.gz"))
	if err != nil {
		t.Fatal(err)
	}
	truncated, err := os.ReadFile(filepath.Join("testdata", "sitemap-truncated.xml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		body     []byte
		want     string // in the error
		is       error
		nURLs    int   // read before the error
		maxURLs  int   // 0: MaxURLs
		maxBytes int64 // 0: MaxBytes
	}{
		{name: "truncated", body: truncated, want: "line 13: unexpected EOF", nURLs: 2},
		{name: "truncated gzip", body: gz[:len(gz)/2], want: "unexpected EOF"},
		{name: "bad gzip header", body: []byte("\x1f\x8bnot gzip at all"), want: "gzip: invalid header"},
		{name: "feed, not sitemap", body: []byte(`<?xml version="1.0"?><rss version="2.0"><channel/></rss>`), want: "root element <rss> is not <urlset> or <sitemapindex>"},
		{name: "html error page", body: []byte("<!DOCTYPE html>\n<html><body>Not found</body></html>"), want: "root element <html>"},
		{name: "xml with no root", body: []byte(`<?xml version="1.0"?>`), want: "no root element"},
		{name: "text that is not a sitemap", body: []byte("{\"error\": \"not found\"}\n"), want: "none of its 1 lines is a URL"},
		{name: "control character", body: []byte("<urlset><url><loc>https://a.example/1</loc></url><url><loc>https://a.example/2\x00</loc></url></urlset>"), want: "illegal character code U+0000", nURLs: 1},
		{name: "empty", body: []byte(" \n"), want: "empty"},
		{name: "too many urls", body: textSitemap(MaxURLs + 1), want: "more than 50000 urls", is: ErrTooManyURLs, nURLs: MaxURLs},
		{name: "too many xml urls", body: xmlSitemap(11), want: "more than 50000 urls", is: ErrTooManyURLs, nURLs: 10, maxURLs: 10},
		{name: "too large", body: hugeText(8 << 10), want: "input over 50 MB", is: ErrTooLarge, nURLs: 1, maxBytes: 8 << 10},
		{name: "too large gzip", body: gzipBytes(t, hugeText(8<<10)), want: "input over 50 MB", is: ErrTooLarge, nURLs: 1, maxBytes: 8 << 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			maxURLs, maxBytes := cmp.Or(tc.maxURLs, MaxURLs), cmp.Or(tc.maxBytes, MaxBytes)
			name := "https://www.example.ma/sitemap-" + strings.ReplaceAll(tc.name, " ", "-") + ".xml"
			sm, err := parseSitemap(bytes.NewReader(tc.body), mustParseURL(t, name), maxURLs, maxBytes)
			if err == nil {
				t.Fatalf("no error, want %q", tc.want)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "sitemap "+name+": ") || !strings.Contains(msg, tc.want) {
				t.Errorf("error %q: want it to name %s and say %q", msg, name, tc.want)
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %v is not %v", err, tc.is)
			}
			if sm == nil {
				t.Fatal("nil sitemap with the error, want what was read")
			}
			if got := len(sm.URLs); got != tc.nURLs {
				t.Errorf("read %d urls before the error, want %d", got, tc.nURLs)
			}
		})
	}
}

func textSitemap(n int) []byte {
	var b bytes.Buffer
	for i := range n {
		fmt.Fprintf(&b, "https://www.example.ma/2023/06/28/article-%d.html\n", i)
	}
	return b.Bytes()
}

func xmlSitemap(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
	for i := range n {
		fmt.Fprintf(&b, "<url><loc>https://www.example.ma/2023/06/28/article-%d.html</loc></url>\n", i)
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// hugeText is a text sitemap with one URL and then more than n bytes of
// blank lines.
func hugeText(n int64) []byte {
	b, _ := io.ReadAll(io.MultiReader(strings.NewReader("https://www.example.ma/a.html\n"), io.LimitReader(filler(' '), n)))
	return b
}

// filler reads as endless lines of 1023 copies of itself.
type filler byte

func (f filler) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(f)
		if i%1024 == 1023 {
			p[i] = '\n'
		}
	}
	return len(p), nil
}

func gzipBytes(t testing.TB, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestParseSitemap_lenient(t *testing.T) {
	// Seen in the wild: & not escaped, a tag closed by its parent's end tag,
	// an HTML entity, a BOM, a namespace prefix never declared.
	const body = "\xef\xbb\xbf<urlset>\n<url><loc>https://a.example/?p=1&lang=ar</loc></url>\n" +
		"<url><loc>https://a.example/2</url>\n" +
		"<url><loc>https://a.example/caf&eacute;</loc><news:news><news:title>Caf&eacute;</news:title></news:news></url></urlset>"
	sm, err := ParseSitemap(strings.NewReader(body), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"https://a.example/?p=1&lang=ar", "https://a.example/2", "https://a.example/caf%C3%A9"}
	if got := locs(sm.URLs); !slices.Equal(got, want) {
		t.Errorf("URLs = %q, want %q", got, want)
	}
	if got := sm.URLs[len(sm.URLs)-1].NewsTitle; got != "Café" {
		t.Errorf("NewsTitle = %q, want Café", got)
	}
}

func TestParseSitemap_noBase(t *testing.T) {
	sm, err := ParseSitemap(strings.NewReader("<urlset><url><loc>/relative.html</loc></url><url><loc>https://a.example/x</loc></url></urlset>"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := locs(sm.URLs), []string{"https://a.example/x"}; !slices.Equal(got, want) {
		t.Errorf("URLs = %q, want %q", got, want)
	}
}

func TestParseW3CTime(t *testing.T) {
	plus1 := time.FixedZone("", 3600)
	for in, want := range map[string]time.Time{
		"2023":                            time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC),
		"2023-06":                         time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC),
		"2023-06-28":                      time.Date(2023, 6, 28, 0, 0, 0, 0, time.UTC),
		"2023-06-28T10:15+01:00":          time.Date(2023, 6, 28, 10, 15, 0, 0, plus1),
		"2023-06-28T10:15:30+01:00":       time.Date(2023, 6, 28, 10, 15, 30, 0, plus1),
		"2023-06-28T10:15:30.45+01:00":    time.Date(2023, 6, 28, 10, 15, 30, 450e6, plus1),
		"2023-06-28T10:15:30Z":            time.Date(2023, 6, 28, 10, 15, 30, 0, time.UTC),
		"2023-06-28T10:15:30+0100":        time.Date(2023, 6, 28, 10, 15, 30, 0, plus1),
		"2023-06-28 10:15:30":             time.Date(2023, 6, 28, 10, 15, 30, 0, time.UTC),
		"2023-06-28T10:15:30":             time.Date(2023, 6, 28, 10, 15, 30, 0, time.UTC),
		"Wed, 28 Jun 2023 10:15:30 +0100": time.Date(2023, 6, 28, 10, 15, 30, 0, plus1),
		"yesterday":                       {},
		"":                                {},
		"2023-13-45":                      {},
	} {
		if got := parseW3CTime(in); !got.Equal(want) {
			t.Errorf("parseW3CTime(%q) = %v, want %v", in, got, want)
		}
	}
}
