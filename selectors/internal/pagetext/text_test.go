package pagetext

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestClean(t *testing.T) {
	if got := Clean("  \u200fمرحبا\u00a0\n بكم\u200b  "); got != "مرحبا بكم" {
		t.Errorf("Clean = %q", got)
	}
}

// FuzzShort checks that Short and ShortOwn give Of and Own when those are short, and refuse them when they are not.
func FuzzShort(f *testing.F) {
	for _, s := range []string{
		`<p>Publié le <b>5 juillet 2023</b> à 11h20</p>`,
		`<div class="meta">Par X<br>Publié le 5 juillet<div>` + strings.Repeat("mot ", 100) + `</div></div>`,
		"<span>\u200b a \u00a0 b\u00ad\u200e</span><script>x</script> c",
		"<p>a\xffb</p><p>  </p><ul><li>x</li><li>y</li></ul>",
	} {
		f.Add(s, 40)
	}
	pages, _ := filepath.Glob("../../testdata/*/*.html")
	for _, p := range pages[:min(len(pages), 4)] {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b), 200)
		}
	}
	f.Fuzz(func(t *testing.T, src string, limit int) {
		if limit < 0 || limit > 1000 {
			return
		}
		root, err := html.Parse(strings.NewReader(src))
		if err != nil {
			return
		}
		checked := 0
		eachElement(root, func(n *html.Node) bool {
			checked++
			full := Of(goquery.NewDocumentFromNode(n).Selection)
			got, ok := Short(n, limit)
			if short := utf8.RuneCountInString(full) <= limit; ok != short || ok && got != full {
				t.Fatalf("Short(<%s>, %d) = %q, %v; Of %q", n.Data, limit, got, ok, full)
			}
			own := Own(n)
			got, ok = ShortOwn(n, limit)
			if short := utf8.RuneCountInString(own) <= limit; ok != short || ok && got != own {
				t.Fatalf("ShortOwn(<%s>, %d) = %q, %v; Own %q", n.Data, limit, got, ok, own)
			}
			return checked < 200
		})
	})
}

// eachElement calls f on the elements under root in document order until f
// returns false.
func eachElement(root *html.Node, f func(*html.Node) bool) bool {
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && !f(c) || !eachElement(c, f) {
			return false
		}
	}
	return true
}

func parse(t *testing.T, src string) *html.Node {
	t.Helper()
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func TestOf(t *testing.T) {
	root := parse(t, `<html><head><title>T</title></head><body><p>a</p><p>b<br>c</p>`+
		`<script>var x</script><span>d</span><!-- e --><button>f</button>g</body></html>`)
	if got, want := Of(goquery.NewDocumentFromNode(root).Selection), "a b c dg"; got != want {
		t.Errorf("Of = %q, want %q", got, want)
	}
}

func TestParagraphs(t *testing.T) {
	root := parse(t, `<html><body><h1>Title</h1><div>One <a href="/x">link</a> here.<br>Two</div>`+
		`<table><tr><td>cell</td><td>row</td></tr></table><p> </p><p>x<img src="a.png">y</p><hr><noscript>no</noscript></body></html>`)
	got := Paragraphs(root)
	want := []string{"Title", "One link here.", "Two", "cell row", "xy"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Paragraphs = %q, want %q", got, want)
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"  Hello, World! ":    "hello world",
		"أيضًا — «مرحبا»":     "أيضا مرحبا",
		"L'Été 2023...":       "l été 2023",
		"":                    "",
		"— « » —":             "",
		"ÉCOLE\u200bprimaire": "école primaire",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIsBlock(t *testing.T) {
	if !IsBlock(atom.P) || IsBlock(atom.Span) || !IsHidden(atom.Script) || IsHidden(atom.P) {
		t.Error("IsBlock or IsHidden")
	}
}
