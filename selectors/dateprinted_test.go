package selectors

import (
	"testing"
	"time"

	"github.com/newsarc/newsarc/selectors/article"
)

// A structured published date more than a day from the <time datetime>
// the article's header prints is another item's (a re-saved page, the
// WebPage around the story): the printed date wins. Within a day the
// structured instant stays, and a date read from loose header text, which
// may be relative or a date the story mentions, never overrules it.
func TestExtractor_Extract_printedDateOverrulesFarStructured(t *testing.T) {
	ld := func(date string) string {
		return `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Night buses stay","datePublished":"` + date + `"}</script>`
	}
	page := func(head, header string) string {
		return `<html><head>` + head + `</head><body><article><h1>Night buses stay</h1>` + header + paragraphs + `</article></body></html>`
	}
	tests := []struct {
		name, html       string
		published, pubBy string
	}{
		{"re-saved page",
			page(ld("2019-03-02T10:00:00Z"), `<p class="meta">By Jane Doe, <time datetime="2022-05-03T09:00:00+02:00">3 May 2022</time></p>`),
			"2022-05-03T09:00:00+02:00", article.SourceTime},
		{"meta date of the page, newer than the story",
			page(`<meta property="article:published_time" content="2022-05-10T08:00:00Z">`, `<time datetime="2022-05-03T09:00:00+02:00">3 May 2022</time>`),
			"2022-05-03T09:00:00+02:00", article.SourceTime},
		{"within a day: the structured instant stays",
			page(ld("2022-05-03T23:30:00Z"), `<time datetime="2022-05-04">4 May 2022</time>`),
			"2022-05-03T23:30:00Z", article.SourceJSONLD},
		{"header text far away does not overrule",
			page(ld("2022-05-03T08:00:00Z"), `<p class="date">Looking back at 12 June 2019</p>`),
			"2022-05-03T08:00:00Z", article.SourceJSONLD},
		{"a printed update stays an update",
			page(ld("2022-05-03T08:00:00Z"), `<p>Updated <time class="updated" datetime="2022-06-20T10:00:00Z">20 June</time></p>`),
			"2022-05-03T08:00:00Z", article.SourceJSONLD},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := extractGeneric(t, "https://example.org/night-buses", tt.html)
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
