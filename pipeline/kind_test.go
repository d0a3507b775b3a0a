package pipeline

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsarc/newsarc/selectors"
)

// prose is n paragraphs of an article's own text, about 150 characters each.
func prose(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "<p>Paragraph %d: the regional council met on Tuesday to discuss the future of the line, which carries thousands of passengers every day across the valley.</p>\n", i)
	}
	return b.String()
}

// headingCards are n teasers of a listing: a linked heading, a date, a
// teaser paragraph.
func headingCards(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `<div class="card"><h2><a href="/news/story-%d.html">Ministers agree a new plan for railway line %d</a></h2>
<p class="date">3 March 2026</p><p>The regional council met on Tuesday to discuss the future of the line, which carries thousands of passengers across the valley.</p></div>
`, i, i)
	}
	return b.String()
}

func doc(head, body string) string {
	return "<!doctype html><html lang=en><head><meta charset=utf-8><title>Example News</title>" + head + "</head><body>" +
		`<nav><a href="/">Home</a> <a href="/politics/">Politics</a></nav>` + body + "<footer>© Example</footer></body></html>"
}

const byline = `<p class="meta">By Jane Roe, <time datetime="2026-03-03T10:00:00Z">3 March 2026</time></p>`

// TestNotArticle judges pages that say nothing of their kind by what
// extraction finds on them.
func TestNotArticle(t *testing.T) {
	for _, tc := range []struct {
		name, page string
		why        string // "" for an article, else part of the reason it is none
	}{
		{"headline, date and body", doc("", `<div class="post"><h1>Ministers agree a new plan for the railway</h1>`+byline+prose(5)+`</div>`), ""},
		{"with a box of related cards", doc("", `<div class="post"><h1>Ministers agree a new plan for the railway</h1>`+byline+prose(5)+
			`</div><div class="related"><h2>Related</h2>`+headingCards(4)+`</div>`), ""},
		{"with read-also links in the body", doc("", `<div class="post"><h1>Ministers agree a new plan for the railway</h1>`+byline+
			strings.ReplaceAll(prose(6), "</p>\n<p>Paragraph 3", `</p><p><a href="/news/x.html">Valley towns ask for more trains</a></p><p><a href="/news/y.html">The line opened in 1902</a></p><p><a href="/news/z.html">Fares rise in May</a></p><p>Paragraph 3`)+`</div>`), ""},
		{"live blog with permalinked headings", doc("", `<div class="post"><h1>Live: the railway vote</h1>`+byline+
			`<h2><a href="#u1">10:00 The vote opens</a></h2>`+prose(2)+`<h2><a href="#u2">11:00 The count</a></h2>`+prose(2)+`<h2><a href="#u3">12:00 Result</a></h2>`+prose(1)+`</div>`), ""},
		{"no date", doc("", `<div class="post"><h1>Ministers agree a new plan for the railway</h1>`+prose(5)+`</div>`), "no publication date"},
		{"short body", doc("", `<div class="post"><h1>Ministers agree a new plan for the railway</h1>`+byline+prose(2)+`</div>`), "under 500"},
		{"listing with a headline and many linked cards", doc("", `<main><h1>Politics</h1>`+headingCards(12)+`<a href="/politics/page/2/">Next</a></main>`), "linked headings"},
		{"listing of links", doc("", `<h1>Latest news</h1><ul>`+strings.Repeat(`<li><a href="/news/s.html">Ministers agree a new plan for the railway line</a> <time datetime="2026-03-03">3 March 2026</time></li>`, 20)+`</ul>`), "under 500"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ex := plainExtractor()
			root, err := ex.Parse([]byte(tc.page), "text/html; charset=utf-8")
			if err != nil {
				t.Fatal(err)
			}
			cards := cardTitles(root)
			a, _, err := Extract(t.Context(), ex, selectors.Page{URL: "https://example.org/politics/x.html", Body: []byte(tc.page),
				ContentType: "text/html; charset=utf-8", Date: time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC), Doc: root})
			if err != nil {
				t.Fatal(err)
			}
			why := notArticle(a, cards)
			if (why == "") != (tc.why == "") || !strings.Contains(why, tc.why) {
				t.Errorf("notArticle = %q, want %q\nheadline %q, published %v, body (%d bytes):\n%s", why, tc.why, a.Headline, a.Published, len(a.Body), a.Body)
			}
		})
	}
}

func TestCardTitles(t *testing.T) {
	root, err := plainExtractor().Parse([]byte(`<h1>Politics</h1><h2><a href="/a">A  story&nbsp;</a></h2>
		<a href="/b"><h3>B <b>story</b></h3></a><h2><a href="#c">C</a></h2><h2>D</h2><p><a href="/e">E</a></p>`), "")
	if err != nil {
		t.Fatal(err)
	}
	got := cardTitles(root)
	if len(got) != 2 || !got["A story"] || !got["B story"] {
		t.Errorf("cardTitles = %v, want the linked headings A story and B story", got)
	}
}
