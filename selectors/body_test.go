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
