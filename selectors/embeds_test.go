package selectors

import (
	"strings"
	"testing"
)

// Social embeds: a post the story quotes (a tweet embedded between its
// paragraphs) is part of what the reader reads, and the body keeps it, as
// the bodies of the shared corpus do (14 of 17 embedded posts there). The
// publisher's own feed widgets (a timeline, a page box) are not the
// article, inside its container or beside it.
func TestExtractor_Extract_socialEmbeds(t *testing.T) {
	story := []string{
		"The council voted on Tuesday to approve a new bridge across the river, ending a debate that lasted three years and split the town.",
		"Supporters said the bridge would cut commuting times in half for people on the eastern bank, where most new housing has been built.",
		"Opponents argued that the cost, estimated at forty million, would strain a budget already stretched by school repairs.",
		"Construction is expected to begin in the spring and take about two years, the city engineer told the meeting.",
	}
	const quoted = "Proud of the council tonight. The vote passed eight to three and work starts in spring."
	tweet := `<blockquote class="twitter-tweet"><p lang="en" dir="ltr">` + quoted + `</p>&mdash; Mayor Ann Lee (@annlee) <a href="https://twitter.com/annlee/status/1">March 3, 2023</a></blockquote>`
	const feedText = "Tweets by the newsroom about the city and everything in it"
	const pageText = "The newsroom on Facebook: the latest headlines from our town every day"
	feeds := `<a class="twitter-timeline" href="https://twitter.com/newsroom">` + feedText + `</a>` +
		`<div class="fb-page" data-href="https://facebook.com/newsroom"><blockquote cite="https://facebook.com/newsroom" class="fb-xfbml-parse-ignore"><a href="https://facebook.com/newsroom">` + pageText + `</a></blockquote></div>`
	paras := func(ps []string) string {
		var b strings.Builder
		for _, p := range ps {
			b.WriteString("<p>" + p + "</p>")
		}
		return b.String()
	}
	head := `<html lang="en"><head><title>Council approves the bridge</title></head><body><nav><a href="/">Home</a></nav><main><article><h1>Council approves the bridge</h1><div class="article-body">`
	tests := []struct{ name, page string }{
		{"feed widgets beside the text",
			head + paras(story[:2]) + tweet + paras(story[2:]) + `</div><div class="follow">` + feeds + `</div></article></main></body></html>`},
		{"feed widgets inside the text's container",
			head + paras(story[:2]) + tweet + paras(story[2:]) + `<div>` + feeds + `</div></div></article></main></body></html>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := extractGeneric(t, "https://example.org/news/bridge", tt.page)
			for _, want := range append([]string{quoted}, story...) {
				if !strings.Contains(a.Body, want) {
					t.Errorf("body misses %q: %.400q", want, a.Body)
				}
			}
			if i, j := strings.Index(a.Body, story[1]), strings.Index(a.Body, quoted); i < 0 || j < i {
				t.Errorf("the quoted post is not where the story quotes it: %.400q", a.Body)
			}
			for _, junk := range []string{feedText, pageText} {
				if strings.Contains(a.Body, junk) {
					t.Errorf("body keeps the feed widget %q: %.400q", junk, a.Body)
				}
			}
		})
	}
}
