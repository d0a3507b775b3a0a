package discover

import (
	"bufio"
	"bytes"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// addFiles seeds f with the named testdata files.
func addFiles(f *testing.F, names ...string) {
	for _, name := range names {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// wantCanonical fails unless every URL is absolute http(s), canonical, and
// listed once.
func wantCanonical(t *testing.T, urls []string) {
	t.Helper()
	seen := make(map[string]bool, len(urls))
	for _, s := range urls {
		c, err := Canonical(s)
		if err != nil || c != s {
			t.Fatalf("returned %q, whose canonical form is %q (%v)", s, c, err)
		}
		if seen[s] {
			t.Fatalf("returned %q twice", s)
		}
		seen[s] = true
	}
}

func FuzzCanonical(f *testing.F) {
	for _, tc := range canonicalCases {
		f.Add(tc.in)
	}
	for _, tc := range canonicalErrorCases {
		f.Add(tc.in)
	}
	for _, tc := range resolveCases {
		f.Add(tc.href)
	}
	b, err := os.ReadFile(filepath.Join("testdata", "sitemap.txt"))
	if err != nil {
		f.Fatal(err)
	}
	for sc := bufio.NewScanner(bytes.NewReader(b)); sc.Scan(); {
		f.Add(sc.Text())
	}
	now := time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)
	base, _ := url.Parse("https://user:pw@www.example.ma/2023/06/28/")
	f.Fuzz(func(t *testing.T, raw string) {
		// raw is also an href found on a page, and every link discovered
		// must be canonical already.
		if s, ok := Resolve(base, raw); ok {
			if c, err := Canonical(s); err != nil || c != s {
				t.Fatalf("Resolve(%q) = %q, whose canonical form is %q (%v)", raw, s, c, err)
			}
		}
		u, perr := url.Parse(strings.TrimSpace(raw))
		var c *url.URL
		if perr == nil {
			c = CanonicalURL(u)
			if again := CanonicalURL(c); *again != *c {
				t.Fatalf("CanonicalURL(%q) = %#v, but CanonicalURL of that is %#v", raw, *c, *again)
			}
		}
		got, err := Canonical(raw)
		if err != nil {
			// What Canonical rejects, CanonicalURL must not turn into a
			// URL that could be fetched.
			if perr == nil && (c.Scheme == "http" || c.Scheme == "https") && c.Host != "" && c.Opaque == "" {
				t.Fatalf("CanonicalURL(%q) = %q, but Canonical fails: %v", raw, c, err)
			}
			return
		}
		if again, err := Canonical(got); err != nil || again != got {
			t.Fatalf("Canonical(%q) = %q, but Canonical of that is %q (%v)", raw, got, again, err)
		}
		if perr != nil {
			t.Fatalf("Canonical accepted %q that url.Parse rejects: %v", raw, perr)
		}
		if s := c.String(); s != got {
			t.Fatalf("CanonicalURL(%q) = %q, Canonical = %q", raw, s, got)
		}
		if n := urlLen(c); n != len(got) {
			t.Fatalf("urlLen(%q) = %d, want %d", got, n, len(got))
		}
		Trap(c, now)
	})
}

func FuzzParseSitemap(f *testing.F) {
	addFiles(f, "sitemap_index.xml", "post-sitemap.xml", "news-sitemap.xml", "post-sitemap2.xml.gz",
		"sitemap-truncated.xml", "sitemap.txt")
	base, _ := url.Parse("https://www.example.ma/sitemap.xml")
	f.Fuzz(func(t *testing.T, data []byte) {
		sm, err := ParseSitemap(bytes.NewReader(data), base)
		if sm == nil {
			t.Fatalf("nil sitemap (error %v)", err)
		}
		if len(sm.URLs)+len(sm.Sitemaps) > MaxURLs {
			t.Fatalf("%d entries, over MaxURLs", len(sm.URLs)+len(sm.Sitemaps))
		}
		for _, e := range append(sm.URLs, sm.Sitemaps...) {
			if c, err := Canonical(e.Loc); err != nil || c != e.Loc {
				t.Fatalf("loc %q is not canonical (%q, %v)", e.Loc, c, err)
			}
		}
	})
}

func FuzzParseFeed(f *testing.F) {
	addFiles(f, "rss-ar.xml", "atom.xml", "rss-relative.xml", "rdf.xml")
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","url":"/a"}]}`))
	base, _ := url.Parse("https://www.example.ma/feed/")
	f.Fuzz(func(t *testing.T, data []byte) {
		items, err := ParseFeed(bytes.NewReader(data), base)
		if err != nil && items != nil {
			t.Fatalf("items %v with error %v", items, err)
		}
		links := make([]string, len(items))
		for i, it := range items {
			links[i] = it.Link
		}
		wantCanonical(t, links)
	})
}

func FuzzLinks(f *testing.F) {
	addFiles(f, "article.html")
	f.Add([]byte(`<base href="/x/"><a href="../y?utm_source=a#b">y</a><link rel="canonical alternate" type="application/rss+xml" href="//h/f">`))
	base, _ := url.Parse("https://www.example.ma/2023/06/28/")
	f.Fuzz(func(t *testing.T, page []byte) {
		doc, err := html.Parse(bytes.NewReader(page))
		if err != nil {
			return
		}
		wantCanonical(t, links(doc, base))
		wantCanonical(t, feedLinks(doc, base))
		if c := canonicalLink(doc, base); c != "" {
			wantCanonical(t, []string{c})
		}
	})
}
