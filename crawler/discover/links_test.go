package discover

import (
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func mustParseURL(t testing.TB, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func parseHTMLFile(t testing.TB, name string) *html.Node {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(strings.NewReader(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestLinks_article(t *testing.T) {
	doc := parseHTMLFile(t, "article.html")
	// The page says <base href="https://www.example.ma/2023/06/28/">, so
	// the document URL below is not what relative links resolve against.
	got := links(doc, mustParseURL(t, "https://www.example.ma/?p=1024"))
	want := []string{
		"https://www.example.ma/",
		"https://www.example.ma/category/%D8%A7%D9%82%D8%AA%D8%B5%D8%A7%D8%AF/", // two spellings, one link
		"https://www.example.ma/category/sport/",
		article,
		"https://www.example.ma/2023/06/27/%D8%A3%D9%85%D8%B7%D8%A7%D8%B1-1022.html?id=7",
		"https://external.example.com/report.pdf", // rel=nofollow kept
		"https://www.example.ma/2023/06/26/map-1019.html",
		"https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fwww.example.ma%2F",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Links:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
}

func TestLinks(t *testing.T) {
	base := "https://www.example.ma/category/sport/page/2/"
	for _, tc := range []struct {
		name, base, body string
		want             []string
	}{
		{"relative", base, `<a href="../3/">3</a><a href="/2023/06/28/a-1.html">a</a>`,
			[]string{"https://www.example.ma/category/sport/page/3/", "https://www.example.ma/2023/06/28/a-1.html"}},
		{"protocol-relative", base, `<a href="//cdn.example.ma/v/1.html">v</a>`, []string{"https://cdn.example.ma/v/1.html"}},
		{"query-only", base, `<a href="?orderby=date">d</a>`, []string{"https://www.example.ma/category/sport/page/2/?orderby=date"}},
		{"relative base href", base, `<head><base href="/ar/"></head><a href="news.html">n</a>`, []string{"https://www.example.ma/ar/news.html"}},
		{"first base href wins", base, `<base href="https://a.example/"><base href="https://b.example/"><a href="x">x</a>`, []string{"https://a.example/x"}},
		{"base without href ignored", base, `<base target="_blank"><a href="x">x</a>`, []string{"https://www.example.ma/category/sport/page/2/x"}},
		{"nil base keeps absolute only", "", `<a href="/a">a</a><a href="https://www.example.ma/b">b</a>`, []string{"https://www.example.ma/b"}},
		{"schemes skipped", base, `<a href="javascript:alert(1)">j</a><a href="JavaScript:x">j</a><a href="mailto:a@b.c">m</a>` +
			`<a href="tel:+212">t</a><a href="data:text/html,x">d</a><a href="sms:1">s</a><a href="ftp://f.example/">f</a>`, nil},
		{"fragments of the page skipped", base, `<a href="#top">t</a><a href="">e</a><a href="  ">s</a>`, nil},
		{"whitespace in href", base, "<a href=\" /2023/06/28/a-\n1.html\t\">a</a>", []string{"https://www.example.ma/2023/06/28/a-1.html"}},
		{"area and nofollow", base, `<map><area href="/m.html"></map><a rel="nofollow ugc" href="/c.html">c</a>`,
			[]string{"https://www.example.ma/m.html", "https://www.example.ma/c.html"}},
		{"deduplicated across spellings", base, `<a href="/` + slugRaw + `#a">1</a><a href="/` + slugLower + `?utm_source=x">2</a><a href="HTTPS://WWW.EXAMPLE.MA:443/` + slugUpper + `">3</a>`,
			[]string{"https://www.example.ma/" + slugUpper}},
		{"link elements are not links", base, `<link rel="next" href="/page/3/"><a href="/a">a</a>`, []string{"https://www.example.ma/a"}},
		{"userinfo dropped, deduplicated", base, `<a href="https://user:pw@www.example.ma/a">1</a><a href="//editor@www.example.ma/a#x">2</a><a href="/a">3</a>`,
			[]string{"https://www.example.ma/a"}},
		{"broken href skipped", base, `<a href="http://[::1">x</a><a href="/%zz">y</a><a href="/ok">ok</a>`, []string{"https://www.example.ma/ok"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			var b *url.URL
			if tc.base != "" {
				b = mustParseURL(t, tc.base)
			}
			if got := links(doc, b); !slices.Equal(got, tc.want) {
				t.Errorf("Links = %q, want %q", got, tc.want)
			}
		})
	}
}

// resolveCases are hrefs found on a page at resolveBase, and the link
// Resolve makes of each ("" for none).
const resolveBase = "https://www.example.ma/category/sport/"

var resolveCases = []struct{ name, href, want string }{
	{"relative", "../economie/a.html", "https://www.example.ma/category/economie/a.html"},
	{"userinfo", "http://user@www.example.ma/a.html", "http://www.example.ma/a.html"},
	{"userinfo with password", "https://user:pw@www.example.ma/a.html", "https://www.example.ma/a.html"},
	{"userinfo escaped", "http://a%2f@www.example.ma/a.html", "http://www.example.ma/a.html"},
	{"userinfo protocol-relative", "//user:pw@www.example.ma/a.html", "https://www.example.ma/a.html"},
	{"userinfo empty", "//@www.example.ma/a.html", "https://www.example.ma/a.html"},
	{"userinfo without host", "http://user@/a.html", ""},
	{"idn ideographic full stop at end", "//bücher.example\u3002/a", "https://xn--bcher-kva.example/a"},
	{"tracking name behind stray percent", "?%75tm_x%=1&p=2", "https://www.example.ma/category/sport/?p=2"},
	{"no-break space in host", "//0\u00a0000/", ""},
	{"fullwidth solidus in host", "//a\uff0fb.example/", ""},
	// A protocol-relative href is parsed without a scheme, so url.Parse
	// lets a host have two colons, once resolved to https://2:/.
	{"two colons in host", "//2::", ""},
	{"colon and port", "//:e:", ""},
	{"ipv6 zone", "//[fe80::1%25en0]/", ""},
}

func TestResolve(t *testing.T) {
	base := mustParseURL(t, resolveBase)
	for _, tc := range resolveCases {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := Resolve(base, tc.href)
			if ok != (tc.want != "") || got != tc.want {
				t.Fatalf("Resolve(%q) = %q, %v, want %q", tc.href, got, ok, tc.want)
			}
			if c, err := Canonical(got); ok && (err != nil || c != got) {
				t.Errorf("Resolve(%q) = %q, whose canonical form is %q (%v)", tc.href, got, c, err)
			}
		})
	}
	t.Run("base with userinfo", func(t *testing.T) {
		base := mustParseURL(t, "https://user:pw@www.example.ma/category/sport/")
		if got, ok := Resolve(base, "a.html"); got != "https://www.example.ma/category/sport/a.html" {
			t.Errorf("Resolve = %q, %v, want the link without userinfo", got, ok)
		}
	})
}

func TestFeedLinks(t *testing.T) {
	doc := parseHTMLFile(t, "article.html")
	got := feedLinks(doc, mustParseURL(t, "https://www.example.ma/?p=1024"))
	want := []string{
		"https://www.example.ma/feed/",
		"https://www.example.ma/comments/feed/",
		"https://www.example.ma/economie/atom.xml",
	}
	if !slices.Equal(got, want) {
		t.Errorf("FeedLinks = %q, want %q", got, want)
	}
}

func TestCanonicalLink(t *testing.T) {
	for _, tc := range []struct{ name, body, want string }{
		{"relative with tracking", `<link rel="canonical" href="/2023/06/28/` + slugLower + `-1024.html?utm_source=x#top">`, article},
		{"first wins", `<link rel="canonical" href="https://a.example/1"><link rel="canonical" href="https://a.example/2">`, "https://a.example/1"},
		{"rel case and tokens", `<link rel="Canonical nofollow" href="https://a.example/1">`, "https://a.example/1"},
		{"none", `<link rel="shortlink" href="https://a.example/?p=1">`, ""},
		{"not http", `<link rel="canonical" href="ftp://a.example/1">`, ""},
		{"in body", `<p>x</p><link rel="canonical" href="https://a.example/b">`, "https://a.example/b"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			if got := canonicalLink(doc, mustParseURL(t, "https://www.example.ma/?p=1024")); got != tc.want {
				t.Errorf("CanonicalLink = %q, want %q", got, tc.want)
			}
		})
	}
	t.Run("article page", func(t *testing.T) {
		doc := parseHTMLFile(t, "article.html")
		if got := canonicalLink(doc, mustParseURL(t, "https://www.example.ma/?p=1024")); got != article {
			t.Errorf("CanonicalLink = %q, want %q", got, article)
		}
	})
}

func TestLinks_frontpage(t *testing.T) {
	doc := parseHTMLFile(t, "frontpage.html")
	got := links(doc, mustParseURL(t, "https://www.example.ma/"))
	if len(got) < 100 {
		t.Fatalf("Links found %d links on the front page, want over 100", len(got))
	}
	seen := map[string]bool{}
	for _, l := range got {
		if c, err := Canonical(l); err != nil || c != l {
			t.Errorf("link %q is not canonical (%q, %v)", l, c, err)
		}
		if seen[l] {
			t.Errorf("link %q returned twice", l)
		}
		seen[l] = true
		u := mustParseURL(t, l)
		for k := range u.Query() {
			if IsTrackingParam(k) {
				t.Errorf("link %q keeps tracking parameter %s", l, k)
			}
		}
		if strings.Contains(l, "#") {
			t.Errorf("link %q keeps a fragment", l)
		}
	}
}

// The helpers below read a parsed page as the crawler does (Tree, then
// resolve), one kind of link each, so the tests can name what they check.

// links returns the targets of the <a href> and <area href> elements of
// doc, resolved against the document's base URL (its first <base href>,
// itself resolved against base, or else base), in canonical form,
// deduplicated, in document order. Only http and https targets are kept:
// javascript:, mailto:, tel:, data: and other schemes are skipped, and so
// are links to a fragment of the page itself. rel=nofollow links are kept:
// an archive wants what a site hides from search engines too. base may be
// nil, and then relative links are skipped.
func links(doc *html.Node, base *url.URL) []string {
	pl := Tree(doc, base)
	var out []string
	seen := make(map[string]struct{})
	for _, href := range pl.Anchors {
		s, ok := resolve(pl.Base, href)
		if !ok {
			continue
		}
		if _, dup := seen[s]; dup {
			continue
		}
		seen[s] = struct{}{}
		out = append(out, s)
	}
	return out
}

// feedLinks returns the RSS and Atom feeds a page announces with
// <link rel="alternate" type="application/rss+xml"> or
// type="application/atom+xml", resolved and canonical as links does.
func feedLinks(doc *html.Node, base *url.URL) []string {
	pl := Tree(doc, base)
	var out []string
	for _, href := range pl.Feeds {
		if s, ok := resolve(pl.Base, href); ok && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// canonicalLink returns the target of the page's first
// <link rel="canonical" href>, resolved against the document's base URL
// and in canonical form, or "" when there is none or it is not http(s).
func canonicalLink(doc *html.Node, base *url.URL) string {
	pl := Tree(doc, base)
	s, _ := resolve(pl.Base, pl.Canonical)
	return s
}
