package maintext

import "testing"

func TestStandfirst(t *testing.T) {
	const body = `<div class="body"><p>` + "The first paragraph of the article body is long enough to read as body text, " +
		"far longer than any standfirst a page prints under its headline, with more words about the council, " +
		"the budget, the vote and the people who asked for it at the meeting on Tuesday night in the town hall, " +
		"and about the work on the new school that starts in the spring and lasts two years.</p></div>"
	tests := []struct {
		name, page, want string
	}{
		{"class of a standfirst", `<article><header><h1>Council approves the budget</h1>
<p class="article__dek">The vote ends a year of argument over the price of the new school.</p></header>` + body + `</article>`,
			"The vote ends a year of argument over the price of the new school."},
		{"schema.org description", `<article itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">Council approves the budget</h1>
<div itemprop="description">Le vote met fin à un an de débat sur le prix de la nouvelle école.</div>` + body + `</article>`,
			"Le vote met fin à un an de débat sur le prix de la nouvelle école."},
		{"summary after the body began", `<article><h1>Council approves the budget</h1>` + body +
			`<p class="summary">The vote ends a year of argument over the price of the new school.</p></article>`, ""},
		{"card of another article", `<article><h1>Council approves the budget</h1>
<a href="/other"><div class="entry-summary"><h3>Another story of the site</h3><span>3.8k likes and comments on this one</span></div></a>` + body + `</article>`, ""},
		{"newsletter offer", `<article><h1>Council approves the budget</h1>
<div class="intro">Sign up for our newsletter to get the council's news every week.</div>` + body + `</article>`, ""},
		{"caption of the lead image", `<article><h1>Council approves the budget</h1>
<figure><img src="a.jpg"><figcaption class="description">The council in session on Tuesday night, in the town hall.</figcaption></figure>` + body + `</article>`, ""},
		{"no summary", `<article><h1>Council approves the budget</h1>` + body + `</article>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, h1 := parse(t, "<html><body>"+tt.page+"</body></html>", true)
			if got := Standfirst(h1); got != tt.want {
				t.Errorf("Standfirst = %q, want %q", got, tt.want)
			}
		})
	}
	if Standfirst(nil) != "" {
		t.Error("Standfirst(nil) is not empty")
	}
}
