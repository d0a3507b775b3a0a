package selectors

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsarc/newsarc/selectors/article"
)

// paragraphs is article text long enough to be the page's main text.
var paragraphs = strings.Repeat(`<p>The council voted on Tuesday to keep the night buses running through the winter, after a petition signed by four thousand residents asked it to.</p>`, 6)

// labels follow an article: the date after them is out of reach of the
// header's date steps.
const labels = `<ul class="labels"><li><a href="/label/transport">Transport</a></li><li><a href="/label/council">Council</a></li></ul>`

// TestExtractor_Extract_dateFallback covers go-htmldate, the last date
// step: the page without its boxes first, then the whole page, then the
// free-text search, and never over a date of the steps before it.
func TestExtractor_Extract_dateFallback(t *testing.T) {
	tests := []struct {
		name, html       string
		published, pubBy string
	}{
		{
			// A blog theme puts the post in a widget; its date, after the
			// post, is inside the box that the first pass removes.
			name: "post inside a widget box",
			html: `<body><div class="widget Blog"><article><h1>Night buses stay</h1>` + paragraphs +
				`</article>` + labels + `<div class="post-footer"><span class="date-header">March 3, 2021</span></div></div></body>`,
			published: "2021-03-03T00:00:00Z", pubBy: article.SourceGeneric,
		},
		{
			name: "article inside a share wrapper, dated by a time element",
			html: `<body><div class="post-share-wrapper"><article><h1>Night buses stay</h1>` + paragraphs +
				`</article>` + labels + `<p>Filed <time>2021-03-03</time></p></div></body>`,
			published: "2021-03-03T00:00:00Z", pubBy: article.SourceGeneric,
		},
		{
			// No box, no date class: only the free-text search reads it.
			name: "date printed in the text only",
			html: `<body class="single share-enabled"><h1>Night buses stay</h1>` + paragraphs +
				`<p>Written by the desk, 3 March 2021.</p></body>`,
			published: "2021-03-03T00:00:00Z", pubBy: article.SourceGeneric,
		},
		{
			name:      "structured date first, whatever the page prints",
			html:      `<head><meta property="article:published_time" content="2021-03-01T08:00:00+01:00"></head><body><div class="widget"><h1>Night buses stay</h1>` + paragraphs + `<span class="date">March 3, 2021</span></div></body>`,
			published: "2021-03-01T08:00:00+01:00", pubBy: article.SourceMeta,
		},
		{
			name: "the article's own date before those of the boxes",
			html: `<body><div class="post"><article><h1>Night buses stay</h1>` + paragraphs + `</article>` + labels +
				`<p class="post-date">March 3, 2021</p></div><aside class="related"><span class="date">February 9, 2021</span></aside></body>`,
			published: "2021-03-03T00:00:00Z", pubBy: article.SourceGeneric,
		},
		{
			// go-htmldate gives a copyright year as 1 January.
			name: "a copyright year is no day",
			html: `<body><h1>Night buses stay</h1>` + paragraphs + `<footer>© 2021 The Example Courier</footer></body>`,
		},
		{
			name: "a year in an image path is no day",
			html: `<body><h1>Night buses stay</h1>` + paragraphs + `<img src="/uploads/2021/bus.jpg" alt="A bus"></body>`,
		},
		{
			name: "a month and a year are no day",
			html: `<body><h1>Night buses stay</h1>` + paragraphs + `<p>From the March 2021 issue.</p></body>`,
		},
		{
			// go-htmldate reads the year of this date, and a time.
			name: "a CJK date read as its year is no day",
			html: `<body><h1>Night buses stay</h1>` + paragraphs + `<p>編集部 2021年3月2日 12:00</p></body>`,
		},
		{
			name: "the first of a month in CJK is a day",
			html: `<body><h1>Night buses stay</h1>` + paragraphs +
				`<h4>2021年03月01日-</h4></body>`,
			published: "2021-03-01T00:00:00Z", pubBy: article.SourceGeneric,
		},
		{
			name: "the first of a month is a day",
			html: `<body><h1>Night buses stay</h1>` + paragraphs +
				`<p>Written by the desk, 1 March 2021.</p></body>`,
			published: "2021-03-01T00:00:00Z", pubBy: article.SourceGeneric,
		},
	}
	e, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _, err := e.Extract(Page{URL: "https://example.org/night-buses", Body: []byte("<html>" + tt.html + "</html>"), Date: fetchedAt})
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if !a.Published.IsZero() {
				got = a.Published.Format(time.RFC3339)
			}
			if got != tt.published || a.Provenance[article.FieldPublished] != tt.pubBy {
				t.Errorf("published = %q from %q, want %q from %q", got, a.Provenance[article.FieldPublished], tt.published, tt.pubBy)
			}
		})
	}
}

// TestExtractor_Extract_dateFallbackConcurrent runs go-htmldate's
// free-text search, which reaches go-dateparser, in parallel with itself
// and with the dates package's own go-dateparser fallback: under -race it
// shows that the two are serialised.
func TestExtractor_Extract_dateFallbackConcurrent(t *testing.T) {
	e, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	pages := []string{
		// go-htmldate's free-text search hands this label to go-dateparser.
		`<html lang="ja"><body><h1>Night buses stay</h1>` + paragraphs + `<p>編集部 2021年3月3日 12:00</p></body></html>`,
		// The header label is read by the dates package's go-dateparser fallback.
		`<html><body><article><h1>Night buses stay</h1><span class="date">3 mars 21</span>` + paragraphs + `</article></body></html>`,
	}
	extract := func(src string) time.Time {
		a, _, err := e.Extract(Page{URL: "https://example.org/night-buses", Body: []byte(src), Date: fetchedAt})
		if err != nil {
			t.Error(err)
			return time.Time{}
		}
		return a.Published
	}
	want := make([]time.Time, len(pages))
	for i, src := range pages {
		want[i] = extract(src)
	}
	if d := want[1].Format(time.DateOnly); d != "2021-03-03" {
		t.Fatalf("header label read as %s, want 2021-03-03", d)
	}
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			for range 5 {
				if got := extract(pages[i%len(pages)]); !got.Equal(want[i%len(pages)]) {
					t.Errorf("page %d: published %v, alone %v", i%len(pages), got, want[i%len(pages)])
				}
			}
		})
	}
	wg.Wait()
}
