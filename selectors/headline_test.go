package selectors

import "testing"

const lorem = "The city council voted on Tuesday to extend the night bus network to the northern districts, after a year in which ridership grew by a third and residents petitioned for later services."

// On a page without og:title or structured data, the page's one displayed
// h1 outranks a <title> the page prints nowhere (a rewrite for search
// engines); a title it prints, several h1s, a logo h1 in the banner, a
// hidden h1 or one that no text follows (a widget's, after the article)
// leave the title.
func TestExtractor_Extract_soleH1(t *testing.T) {
	body := `<p>` + lorem + `</p><p>` + lorem + `</p>`
	page := func(title, content string) string {
		return `<html><head><title>` + title + `</title></head><body>` + content + `</body></html>`
	}
	tests := []struct {
		name, html, want string
	}{
		{"rewritten title",
			page("Ten tips for cheap flights | Travel Site",
				`<header><a href="/">Travel Site</a></header><main><h1>How we flew to Lisbon for forty euros</h1>`+body+`</main>`),
			"How we flew to Lisbon for forty euros"},
		{"h1 in the article's own header",
			page("Ten tips for cheap flights - Travel Site",
				`<article><header><h1>How we flew to Lisbon for forty euros</h1></header>`+body+`</article>`),
			"How we flew to Lisbon for forty euros"},
		{"the page prints its title",
			page("Ten tips for cheap flights | Travel Site",
				`<main><h1>Travel section</h1><h2 class="story-title">Ten tips for cheap flights</h2>`+body+`</main>`),
			"Ten tips for cheap flights"},
		{"two h1s",
			page("Ten tips for cheap flights | Travel Site",
				`<main><h1>Travel</h1><h1>How we flew to Lisbon for forty euros</h1>`+body+`</main>`),
			"Ten tips for cheap flights"},
		{"logo h1 in the banner",
			page("Ten tips for cheap flights | Travel Site",
				`<header><h1>The Daily Traveller</h1></header><main>`+body+`</main>`),
			"Ten tips for cheap flights"},
		{"structured headline the page prints nowhere",
			`<html><head><title>New Harbour Bridge - City Wiki</title><script type="application/ld+json">{"@type":"Article","headline":"bridge in the old port district"}</script></head><body>` +
				`<main><h1>New Harbour Bridge</h1>` + body + `</main></body></html>`,
			"New Harbour Bridge"},
		{"structured headline the page prints",
			`<html><head><title>Bridge - City Wiki</title><script type="application/ld+json">{"@type":"Article","headline":"The bridge opens at last"}</script></head><body>` +
				`<main><h1>Bridge</h1><h2>The bridge opens at last</h2>` + body + `</main></body></html>`,
			"The bridge opens at last"},
		{"hidden h1",
			page("Ten tips for cheap flights | Travel Site",
				`<div class="modal hide"><h1>Thanks for visiting</h1></div><main>`+body+`</main>`),
			"Ten tips for cheap flights"},
		{"a widget's heading after the article",
			page("Ten tips for cheap flights | Travel Site",
				`<main><h2>Ten tips</h2>`+body+`</main><footer><p>Travel Site, 2024</p></footer>`+
					`<div id="translate-box"><div class="top"><h1>Original text</h1></div><span>Suggest a better translation</span></div>`),
			"Ten tips for cheap flights"},
	}
	e, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _, err := e.Extract(Page{URL: "https://travel.example/2024/05/lisbon", Body: []byte(tt.html), ContentType: "text/html", Date: fetchedAt})
			if err != nil {
				t.Fatal(err)
			}
			if a.Headline != tt.want {
				t.Errorf("headline %q, want %q", a.Headline, tt.want)
			}
		})
	}
}

// A JSON-LD headline that carries its publisher's name ("Headline -
// Publisher", written as the <title> is) loses the name, whether or not an
// h1 is there to prefer.
func TestExtractor_Extract_structuredHeadlineSiteName(t *testing.T) {
	ld := `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Night buses reach the north - The Daily Planet","publisher":{"@type":"Organization","name":"The Daily Planet"}}</script>`
	body := `<p>` + lorem + `</p><p>` + lorem + `</p>`
	for name, page := range map[string]string{
		"no h1":      `<html><head>` + ld + `</head><body><main>` + body + `</main></body></html>`,
		"logo in h1": `<html><head>` + ld + `</head><body><header><h1>The Daily Planet</h1></header><main>` + body + `</main></body></html>`,
	} {
		t.Run(name, func(t *testing.T) {
			a := extractGeneric(t, "https://planet.example/2024/05/night-buses", page)
			if a.Headline != "Night buses reach the north" {
				t.Errorf("headline %q, want it without the publisher", a.Headline)
			}
		})
	}
}
