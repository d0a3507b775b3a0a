package selectors

import (
	"slices"
	"testing"
)

// Names the page prints for other things than this article are no byline:
// the authors on cards of other stories (a "more stories" grid that no
// junk class marks) and the source of a quotation. The article's own
// credit is still read, with several authors side by side, and on a page
// that runs several whole articles one after another the first one's.
func TestExtractor_Extract_bylineNotFromCardsOrQuotes(t *testing.T) {
	story := `<p>` + lorem + `</p><p>` + lorem + `</p>`
	card := func(headline, author string) string {
		return `<div class="story-card"><a href="/2024/05/` + author[:4] + `"><img src="/i.jpg" alt=""></a><h3><a href="/2024/05/` + author[:4] + `">` + headline +
			`</a></h3><span class="author">` + author + `</span></div>`
	}
	cards := `<section class="more-stories"><h2>More stories</h2>` +
		card("Harbour works start again after a long winter", "Mary Poe") +
		card("Tram fares rise by ten cents in the new year", "John Roe") +
		card("The library opens on Sundays from next month", "Ann Lee") + `</section>`
	tests := []struct {
		name, html string
		want       []string
	}{
		{"cards of other stories after the article",
			`<body><main><article><h1>Night buses reach the north</h1>` + story + `</article>` + cards + `</main></body>`,
			nil},
		{"cards inside the article element",
			`<body><article><h1>Night buses reach the north</h1>` + story + cards + `</article></body>`,
			nil},
		{"a quotation's source",
			`<body><article><h1>Night buses reach the north</h1>` + story +
				`<blockquote><p>Ridership grew by a third in one year, the fastest growth we have seen.</p><cite class="author">Amina Bennani</cite></blockquote></article></body>`,
			nil},
		{"the article's own credit beside the cards",
			`<body><main><article><h1>Night buses reach the north</h1><p class="byline">By <span class="author">Jane Doe</span> and <span class="author">Omar Haddad</span></p>` + story + `</article>` + cards + `</main></body>`,
			[]string{"Jane Doe", "Omar Haddad"}},
		{"an author box per author",
			`<body><article><h1>Night buses reach the north</h1>` +
				`<div class="author-box"><a href="/author/jane"><img src="/j.jpg" alt=""></a><h4><a href="/author/jane" class="author">Jane Doe</a></h4><p>Jane Doe covers the city council and its transport plans.</p></div>` +
				`<div class="author-box"><a href="/author/omar"><img src="/o.jpg" alt=""></a><h4><a href="/author/omar" class="author">Omar Haddad</a></h4><p>Omar Haddad writes about the northern districts.</p></div>` +
				story + `</article></body>`,
			// The boxes, titled with the names they credit, are not
			// cards of other stories, and side by side they are one
			// credit.
			[]string{"Jane Doe", "Omar Haddad"}},
		{"several whole articles in a row",
			`<body><div class="stream">` +
				`<article class="post"><h1>Night buses reach the north</h1><span class="author">Jane Doe</span>` + story + `</article>` +
				`<article class="post"><h1>Tram fares rise by ten cents</h1><span class="author">John Roe</span>` + story + `</article></div></body>`,
			[]string{"Jane Doe"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := extractGeneric(t, "https://planet.example/2024/05/night-buses", tt.html)
			if !slices.Equal(a.Byline, tt.want) {
				t.Errorf("authors %q, want %q", a.Byline, tt.want)
			}
		})
	}
}
