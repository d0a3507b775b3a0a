package discover

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// realPages returns real and realistic HTML pages from the repository and,
// when it is there, the shared ScrapingHub corpus: name → bytes.
func realPages(t *testing.T) map[string][]byte {
	t.Helper()
	pages := make(map[string][]byte)
	for _, root := range []string{"testdata", "../../selectors/testdata", "../../cmd/newsarc/demosite/site", "../../../shared/corpus/scrapinghub"} {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			var b []byte
			switch {
			case strings.HasSuffix(p, ".html"):
				b, err = os.ReadFile(p)
			case strings.HasSuffix(p, ".html.gz"):
				var f *os.File
				if f, err = os.Open(p); err == nil {
					defer f.Close()
					var zr *gzip.Reader
					if zr, err = gzip.NewReader(f); err == nil {
						b, err = io.ReadAll(zr)
					}
				}
			default:
				return nil
			}
			if err != nil {
				t.Fatal(err)
			}
			pages[p] = b
			return nil
		})
	}
	if len(pages) < 50 {
		t.Fatalf("found %d test pages, want at least 50", len(pages))
	}
	return pages
}

// TestScan_MatchesTree checks that the tokenizer finds the links the parser
// finds, on every real page at hand, in the same order.
func TestScan_MatchesTree(t *testing.T) {
	page, _ := url.Parse("https://www.example.ma/2023/06/28/article.html")
	decoded := 0
	for name, b := range realPages(t) {
		got, err := Scan(b, page)
		if errors.Is(err, ErrNeedsDecoding) {
			decoded++
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		doc, err := html.Parse(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		want := Tree(doc, page)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Scan and Tree differ:\nscan %d anchors, base %v, canonical %q, feeds %q\ntree %d anchors, base %v, canonical %q, feeds %q",
				name, len(got.Anchors), got.Base, got.Canonical, got.Feeds, len(want.Anchors), want.Base, want.Canonical, want.Feeds)
			for i := range min(len(got.Anchors), len(want.Anchors)) {
				if got.Anchors[i] != want.Anchors[i] {
					t.Errorf("first difference at anchor %d: %q against %q", i, got.Anchors[i], want.Anchors[i])
					break
				}
			}
		}
	}
	// The legacy-charset pages of selectors/testdata (windows-1256,
	// ISO-8859-6, windows-1252) with non-ASCII hrefs must go to the parser.
	t.Logf("%d pages compared, %d needed decoding first", len(realPages(t)), decoded)
}

func TestScan(t *testing.T) {
	page, _ := url.Parse("https://www.example.ma/news/page.html")
	tests := []struct {
		name, html string
		want       PageLinks
		base       string
	}{
		{
			name: "anchors, areas, entities, whitespace, first href only",
			html: "<p><a href=' /a\n?x=1&amp;y=2 '>a</a><map><area href=\"b.html\"></map><a name=x>no href</a><a href=/c href=/d>c</a>",
			want: PageLinks{Anchors: []string{"/a?x=1&y=2", "b.html", "/c"}},
			base: "https://www.example.ma/news/page.html",
		},
		{
			name: "script, style, comments and textarea hold no links",
			html: `<script>document.write('<a href="/s">')</script><style>a[href="/t"]{}</style><!-- <a href="/u"> --><textarea><a href="/v"></textarea><a href="/w">w</a>`,
			want: PageLinks{Anchors: []string{"/w"}},
			base: "https://www.example.ma/news/page.html",
		},
		{
			name: "first base with an href, anywhere",
			html: `<a href="x">x</a><base target=_blank><base href="https://cdn.example.ma/root/"><base href="/other/">`,
			want: PageLinks{Anchors: []string{"x"}},
			base: "https://cdn.example.ma/root/",
		},
		{
			name: "canonical and feeds",
			html: `<link rel="alternate" type="application/rss+xml; charset=utf-8" href="/feed/"><link rel="Canonical" href="/c1"><link rel=canonical href=/c2><link rel="alternate" type="text/html" href="/amp"><link rel="canonical alternate" type="application/atom+xml" href="/atom">`,
			want: PageLinks{Feeds: []string{"/feed/", "/atom"}, Canonical: "/c1", HasCanonical: true},
			base: "https://www.example.ma/news/page.html",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Scan([]byte(tc.html), page)
			if err != nil {
				t.Fatal(err)
			}
			if got.Base.String() != tc.base {
				t.Errorf("base %v, want %s", got.Base, tc.base)
			}
			got.Base = nil
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestScan_NeedsDecoding(t *testing.T) {
	for name, b := range map[string][]byte{
		"UTF-16LE BOM":           append([]byte{0xFF, 0xFE}, []byte("<\x00a\x00")...),
		"windows-1256 href":      []byte("<meta charset=windows-1256><a href=\"/\xe3\xde\xc7\xe1\">x</a>"),
		"windows-1256 canonical": []byte("<link rel=canonical href=\"/\xe3\xde\xc7\xe1\">"),
	} {
		if _, err := Scan(b, nil); !errors.Is(err, ErrNeedsDecoding) {
			t.Errorf("%s: err %v, want ErrNeedsDecoding", name, err)
		}
	}
	// Non-ASCII text outside links does not matter.
	if _, err := Scan([]byte("<p>\xe3\xde\xc7\xe1</p><a href=/a>a</a>"), nil); err != nil {
		t.Errorf("legacy bytes in text: %v", err)
	}
}

func FuzzScan(f *testing.F) {
	addFiles(f, "article.html", "frontpage.html")
	f.Add([]byte(`<base href="/x/"><a href="../y?utm_source=a#b">y</a><link rel="canonical alternate" type="application/rss+xml" href="//h/f">`))
	f.Add([]byte("<select><a href=/in-select></select><svg><a href=/svg></a></svg><table><a href=/foster>"))
	page, _ := url.Parse("https://www.example.ma/2023/06/28/")
	f.Fuzz(func(t *testing.T, b []byte) {
		pl, err := Scan(b, page)
		if err != nil {
			return
		}
		for _, h := range append(append(pl.Anchors, pl.Feeds...), pl.Canonical) {
			if !utf8.ValidString(h) {
				t.Fatalf("href %q is not UTF-8", h)
			}
			if s, ok := Resolve(pl.Base, h); ok {
				wantCanonical(t, []string{s})
			}
		}
	})
}
