package selectors

import (
	"errors"
	"strings"
	"testing"
)

func TestNew_invalidSelector(t *testing.T) {
	tests := []struct {
		name    string
		sel     Selectors
		key     string
		wantMsg string // prefix of the message
	}{
		{"body", Selectors{Body: "div["}, "body", `selectors.body: invalid CSS selector "div[": `},
		{"headline", Selectors{Headline: "h1..title"}, "headline", `selectors.headline: invalid CSS selector "h1..title": `},
		{"byline", Selectors{Byline: ".author >"}, "byline", `selectors.byline: invalid CSS selector ".author >": `},
		{"published empty attr", Selectors{Published: "time@"}, "published", `selectors.published: invalid CSS selector "time@": empty attribute name after @`},
		{"modified", Selectors{Modified: "time:nth-child(x)"}, "modified", `selectors.modified: invalid CSS selector "time:nth-child(x)": `},
		{"remove index", Selectors{Remove: []string{".ok", "#comments["}}, "remove[1]", `selectors.remove[1]: invalid CSS selector "#comments[": `},
		{"remove attr", Selectors{Remove: []string{".share@class"}}, "remove[0]", `selectors.remove[0]: invalid CSS selector ".share@class": remove takes elements, not an @attribute`},
		{"first of several", Selectors{Headline: "h1[", Body: "div["}, "headline", `selectors.headline: `},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := New(Config{Selectors: tt.sel})
			if err == nil {
				t.Fatalf("New accepted %+v", tt.sel)
			}
			if e != nil {
				t.Errorf("New returned an extractor with an error")
			}
			if !strings.HasPrefix(err.Error(), tt.wantMsg) {
				t.Errorf("error = %q, want prefix %q", err, tt.wantMsg)
			}
			var se *SelectorError
			if !errors.As(err, &se) || se.Key != tt.key {
				t.Errorf("error %v is not a *SelectorError for key %s", err, tt.key)
			}
		})
	}
}

func TestNew_validSelectors(t *testing.T) {
	_, err := New(Config{Selectors: Selectors{
		Headline:  "h1.entry-title, h1.post-title",
		Byline:    `.entry-meta .author a[rel="author"]`,
		Published: "time.entry-date@datetime",
		Modified:  `meta[itemprop="dateModified"]@content`,
		Body:      `a[href^="mailto:x@y"] ~ div`,
		Remove:    []string{".share-box", "#comments", "  "},
	}})
	if err != nil {
		t.Fatal(err)
	}
}

func TestSplitAttr(t *testing.T) {
	tests := []struct{ in, css, attr string }{
		{"time.entry-date@datetime", "time.entry-date", "datetime"},
		{"time.entry-date @ datetime", "time.entry-date", "datetime"},
		{`meta[property="article:published_time"]@content`, `meta[property="article:published_time"]`, "content"},
		{`a[href^="mailto:x@y"]`, `a[href^="mailto:x@y"]`, ""},
		{"h1", "h1", ""},
		{"time@", "time", "@"},
		{"div@data-x", "div", "data-x"},
	}
	for _, tt := range tests {
		css, attr := splitAttr(tt.in)
		if css != tt.css || attr != tt.attr {
			t.Errorf("splitAttr(%q) = %q, %q; want %q, %q", tt.in, css, attr, tt.css, tt.attr)
		}
	}
}
