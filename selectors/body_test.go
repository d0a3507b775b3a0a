package selectors

import (
	"fmt"
	"strings"
	"testing"
)

// chapterPage is a story written in bare <div>s, one line each (an online
// editor's markup), with a note box of two <p> after it: go-trafilatura
// reads the paragraphs of the note box as the text.
func chapterPage(lines int) string {
	var b strings.Builder
	b.WriteString(`<html><head><title>Chapter 12</title></head><body><div class="chapter"><h1>Chapter 12</h1><div class="chapter-content">`)
	for i := range lines {
		fmt.Fprintf(&b, "<div><span>Line %d of the chapter, where the travellers walk on through the valley and talk about the road ahead of them.</span></div>\n", i)
	}
	b.WriteString(`</div></div><div class="author-note"><p>Notes from the writer, who thanks the readers for their patience this week.</p>
<p>The next chapter comes out on Friday, as usual, unless the writer falls ill again.</p></div></body></html>`)
	return b.String()
}

// divStory is chapterPage's story in bare <div>s, with a small shape in
// <p>s before or after it instead of the note box.
func divStory(before, after string) string {
	var b strings.Builder
	b.WriteString(`<html><head><title>Night buses reach the north</title></head><body><div class="story"><h1>Night buses reach the north</h1>` + before + `<div class="story-content">`)
	for i := range 30 {
		fmt.Fprintf(&b, "<div><span>Part %d of the story, where the council votes to run the night buses on to the northern districts of the city.</span></div>\n", i)
	}
	b.WriteString(`</div></div>` + after + `</body></html>`)
	return b.String()
}

func TestExtractor_Extract_secondOpinion(t *testing.T) {
	e, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		page string
		want string // in the body
		not  string // not in the body
	}{
		{
			name: "story in divs beside a note box",
			page: chapterPage(30),
			want: "Line 29 of the chapter",
		},
		{
			// The page holds less than secondFactor times the note's
			// prose: go-trafilatura's text stands.
			name: "note box as long as the story",
			page: chapterPage(3),
			want: "Notes from the writer",
			not:  "Line 1 of the chapter",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _, err := e.Extract(Page{URL: "https://example.org/story/12", Body: []byte(tt.page), ContentType: "text/html", Date: fetchedAt})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(a.Body, tt.want) || tt.not != "" && strings.Contains(a.Body, tt.not) {
				t.Errorf("body = %q, want %q in it and not %q", a.Body, tt.want, tt.not)
			}
		})
	}
}

// The small shapes the held-out pages showed taken for the text, beside a
// story in bare <div>s: a teaser of another story, the site's footer, the
// dek and byline. The first pass (go-trafilatura and the correction
// layer) reads the story in each; these guard that, whichever layer does
// it. TestExtractor_Extract_secondOpinion has the shape it needs help on.
func TestExtractor_Extract_smallShapeBesideStory(t *testing.T) {
	tests := []struct {
		name string
		page string
		want string // in the body
		not  string // not in the body
	}{
		{
			// A teaser of another article holds all the page's <p>s.
			name: "inline teaser of another article",
			page: divStory("", `<div class="box"><h3><a href="/2024/05/tram-fares">Tram fares rise</a></h3><p>The operator says fares rise by ten cents in the new year, the first rise since the network opened.</p><p>Riders with a monthly pass pay the same until the spring, when the new prices apply to them too.</p></div>`),
			want: "Part 29 of the story",
			not:  "Riders with a monthly pass",
		},
		{
			name: "footer of links",
			page: divStory("", `<div class="box"><p>The Daily Planet is published by Planet Media, an independent company owned by its readers since its founding.</p><p><a href="/about">About us</a> · <a href="/contact">Contact the newsroom</a> · <a href="/privacy">Privacy and cookies</a> · <a href="/terms">Terms of use</a></p></div>`),
			want: "Part 29 of the story",
			not:  "Contact the newsroom",
		},
		{
			// Headline, dek and byline are in <p>s; the story is not.
			name: "dek and byline only",
			page: divStory(`<p class="dek">The service starts in June and runs every night of the week, from midnight to five, on four of the busiest lines.</p><p class="byline">By Jane Doe, city reporter, who rides the night bus home</p>`, ""),
			want: "Part 29 of the story",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := extractGeneric(t, "https://example.org/story/12", tt.page)
			if !strings.Contains(a.Body, tt.want) || tt.not != "" && strings.Contains(a.Body, tt.not) {
				t.Errorf("body = %q, want %q in it and not %q", a.Body, tt.want, tt.not)
			}
		})
	}
}
