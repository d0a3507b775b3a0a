package selectors

import (
	"testing"

	"github.com/newsarc/newsarc/selectors/article"
)

// TestExtractor_Extract_standfirstDescription checks that the standfirst
// under the headline is the description when the page has no meta
// description, and only then.
func TestExtractor_Extract_standfirstDescription(t *testing.T) {
	const dek = "The vote ends a year of argument over the price of the new school."
	page := func(head string) []byte {
		return []byte(`<html><head>` + head + `</head><body><article><header><h1>Council approves the budget</h1>
<p class="standfirst">` + dek + `</p></header><div class="body">
<p>The council approved the budget for next year on Tuesday night, after a debate that lasted four hours.</p>
<p>The new school takes the largest part of it, and work on it starts in the spring.</p>
<p>Parents who came to the meeting welcomed the vote but asked for a date for the opening.</p></div></article></body></html>`)
	}
	e, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, head, want, source string
	}{
		{"no meta description", "", dek, article.SourceText},
		{"meta description", `<meta name="description" content="The budget passed.">`, "The budget passed.", article.SourceMeta},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _, err := e.Extract(Page{URL: "https://example.org/budget", Body: page(tt.head), ContentType: "text/html", Date: fetchedAt})
			if err != nil {
				t.Fatal(err)
			}
			if a.Description != tt.want || a.Provenance[article.FieldDescription] != tt.source {
				t.Errorf("description = %q from %q, want %q from %q", a.Description, a.Provenance[article.FieldDescription], tt.want, tt.source)
			}
		})
	}
}
