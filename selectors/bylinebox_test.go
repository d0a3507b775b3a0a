package selectors

import (
	"slices"
	"testing"
)

// A byline sits in boxes whose tag or class is junk elsewhere: the button
// that opens the author's card, a page builder's "widget" frame named for
// the authors, the column of credits an <aside> with an <address> holds.
// Inside the byline's own box they are the byline; the same tags and words
// around other text stay junk.
func TestExtractor_Extract_bylineInItsOwnBox(t *testing.T) {
	story := `<p>` + lorem + `</p><p>` + lorem + `</p>`
	tests := []struct {
		name, credit string
		want         []string
	}{
		{
			name: "button with the author's card",
			credit: `<div class="story-meta"><div class="author__byline"><div class="js-tooltip-parent">
<button class="plain-button"><p>By <a href="/author/jdoe/"><span>Jane Doe</span></a></p>
<section class="author-card"><h2><a href="/author/jdoe/">Jane Doe</a></h2><p>Transport reporter</p>
<ul><li><a href="/2023/04/trams">Trams return to the old town after ten years</a></li></ul></section>
</button></div></div></div>`,
			want: []string{"Jane Doe"},
		},
		{
			name:   "widget frame named for the authors",
			credit: `<div class="widget article__authors"><span class="label">Author</span> <a href="/profile/jane-doe">Jane Doe</a></div>`,
			want:   []string{"Jane Doe"},
		},
		{
			name: "aside with the article's address",
			credit: `<aside class="meta-column"><address><p>By <a rel="author" href="/profile/jane-doe">Jane Doe</a>
and <a rel="author" href="/profile/max-roe">Max Roe</a></p></address><p>Tue 2 May 2023</p></aside>`,
			want: []string{"Jane Doe", "Max Roe"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := `<html><head><title>Night buses for the north | City News</title></head><body>
<nav><a href="/">Home</a> <a href="/city">City</a></nav>
<article><h1>Night buses will run to the northern districts</h1>` + tt.credit + story + `</article>
<aside class="more"><button class="share">Share</button><a href="/2023/05/bikes">Bike lanes for the bridge</a></aside>
</body></html>`
			a := extractGeneric(t, "https://city.example/2023/05/buses", page)
			if !slices.Equal(a.Byline, tt.want) {
				t.Errorf("byline %q, want %q", a.Byline, tt.want)
			}
		})
	}
}
