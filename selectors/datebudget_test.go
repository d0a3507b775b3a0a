package selectors

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsarc/newsarc/selectors/article"
	"github.com/newsarc/newsarc/selectors/internal/markup"
	"github.com/newsarc/newsarc/selectors/structured"
)

// The date steps read a bounded part of a page (maxDateCandidates values,
// short labels, the first maxDateScanText of text for go-htmldate and
// maxDateSearchText for its free-text search), so that a page of megabytes
// costs about what its start costs. These tests check
// the bounds and that the bounded readers give what the unbounded ones did.

// TestClonePrefix checks that go-htmldate's copy is the page when the page
// is within the budget, and its start when it is not.
func TestClonePrefix(t *testing.T) {
	for _, c := range allCases(t) {
		e, err := New(c.cfg)
		if err != nil {
			t.Fatal(err)
		}
		page, err := e.Parse(c.page.Body, c.page.ContentType)
		if err != nil {
			t.Fatal(err)
		}
		whole := render(t, markup.Clone(page))
		if got := render(t, clonePrefix(page, &scanBudget{elements: maxDateScanElements, text: maxDateScanText})); got != whole {
			t.Errorf("%s: the copy within the budget is not the page", c.name)
		}
		text := visibleText(page)
		for _, b := range []scanBudget{{elements: 1 << 20, text: 1000}, {elements: 50, text: 1 << 20}, {elements: 1 << 20, text: 1}} {
			budget := b
			cut := clonePrefix(page, &budget)
			got := visibleText(cut)
			if len(got) > b.text || !strings.HasPrefix(text, got) || !utf8.ValidString(got) && utf8.ValidString(text) {
				t.Errorf("%s: budget %+v: copy's text (%d bytes) is not a start of the page's within the budget", c.name, b, len(got))
			}
			if n := countElements(cut); n > b.elements {
				t.Errorf("%s: budget %+v: copy holds %d elements", c.name, b, n)
			}
		}
	}
}

// TestExtraction_headerDates_bounded checks that the <time datetime> values
// of the header region are read up to maxDateCandidates, then no further.
func TestExtraction_headerDates_bounded(t *testing.T) {
	for _, unreadable := range []int{maxDateCandidates - 1, maxDateCandidates} {
		var b strings.Builder
		b.WriteString(`<html><body><article><h1>Le titre de l'article</h1>`)
		for i := range unreadable {
			fmt.Fprintf(&b, `<p><time datetime="réponse %d d'un lecteur">alors</time> texte.</p>`, i)
		}
		b.WriteString(`<p><time datetime="2023-07-05T11:20:00+02:00">5 juillet</time></p></article></body></html>`)
		x := extractionOf(t, b.String())
		pub, _ := x.headerDates()
		if found := !pub.t.IsZero(); found != (unreadable < maxDateCandidates) {
			t.Errorf("%d unreadable values before the date: found %v (%v)", unreadable, found, pub.t)
		}
	}
}

// TestExtraction_dateField_boundedMeta checks the same bound on the values
// of the meta tags of a date.
func TestExtraction_dateField_boundedMeta(t *testing.T) {
	for _, unreadable := range []int{maxDateCandidates - 1, maxDateCandidates} {
		var b strings.Builder
		b.WriteString(`<html><head>`)
		for i := range unreadable {
			fmt.Fprintf(&b, `<meta property="article:published_time" content="version %d">`, i)
		}
		b.WriteString(`<meta name="date" content="2023-07-05T11:20:00+02:00"></head><body><h1>Titre</h1></body></html>`)
		x := extractionOf(t, b.String())
		x.dateField(article.FieldPublished, nil, &x.a.Published, func(d *structured.Item) string { return d.Published }, structured.PublishedKeys)
		if found := !x.a.Published.IsZero(); found != (unreadable < maxDateCandidates) {
			t.Errorf("%d unreadable values before the date: found %v (%v)", unreadable, found, x.a.Published)
		}
	}
}

func extractionOf(t *testing.T, src string) *extraction {
	t.Helper()
	e, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	p := Page{URL: "https://example.org/article", Body: []byte(src), ContentType: "text/html", Date: fetchedAt}
	root, err := e.Parse(p.Body, p.ContentType)
	if err != nil {
		t.Fatal(err)
	}
	x := newExtraction(e, p, root)
	x.extractHeadline()
	return x
}

func render(t *testing.T, n *html.Node) string {
	t.Helper()
	var b strings.Builder
	if err := html.Render(&b, n); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// visibleText is the text that clonePrefix counts, in document order.
func visibleText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode && (n.Parent == nil || n.Parent.DataAtom != atom.Script && n.Parent.DataAtom != atom.Style) {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func countElements(n *html.Node) int {
	c := 0
	if n.Type == html.ElementNode {
		c++
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c += countElements(k)
	}
	return c
}

// TestExtraction_htmlDate_boundedSearch checks that go-htmldate's free-text
// search reads the first maxDateSearchText of text, then no further.
func TestExtraction_htmlDate_boundedSearch(t *testing.T) {
	const sentence = "The council voted to keep the night buses running through the winter, after residents asked it to."
	for _, before := range []int{maxDateSearchText / 2, maxDateSearchText + len(sentence)} {
		var b strings.Builder
		b.WriteString(`<html><body><h1>Night buses stay</h1>`)
		for text := 0; text < before; text += len(sentence) {
			b.WriteString("<p>" + sentence + "</p>")
		}
		b.WriteString(`<p>Written by the desk, 3 March 2021.</p></body></html>`)
		x := extractionOf(t, b.String())
		d, found := x.htmlDate()
		if want := before < maxDateSearchText; found != want {
			t.Errorf("date after %d bytes of text: found %v (%v), want %v", before, found, d, want)
		}
	}
}
