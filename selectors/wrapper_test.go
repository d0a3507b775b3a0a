package selectors

import (
	"slices"
	"testing"

	"github.com/newsarc/newsarc/selectors/article"
)

// A junk word in the class of the wrapper that holds the whole article
// ("page-wrapper is-below-header-ad") does not hide its headline, byline
// and date from the metadata rules, as it does not hide its text from
// the body: an element holding most of the page's prose is not a box.
// The same byline in a box of other stories is still skipped.
func TestExtractor_Extract_junkWordOnWrapper(t *testing.T) {
	page := `<html><head><title>Night buses for the north - City News</title></head><body>
<nav><a href="/">Home</a> <a href="/city">City</a></nav>
<div class="page-wrapper is-below-header-ad"><main-story><h1>Night buses will run to the northern districts</h1>
<p class="byline">By Jane Doe</p><time datetime="2023-05-02T09:00:00+02:00">2 May 2023</time>
<p>` + lorem + `</p><p>` + lorem + `</p></main-story>
<div class="related"><p class="byline">By Max Other</p><p>Another story about buses.</p></div></div>
</body></html>`
	a := extractGeneric(t, "https://city.example/2023/05/buses", page)
	if want := "Night buses will run to the northern districts"; a.Headline != want {
		t.Errorf("headline %q, want %q", a.Headline, want)
	}
	if want := []string{"Jane Doe"}; !slices.Equal(a.Byline, want) {
		t.Errorf("byline %q, want %q", a.Byline, want)
	}
	if a.Published.Format("2006-01-02") != "2023-05-02" {
		t.Errorf("published %v, want 2023-05-02", a.Published)
	}
}

// extractGeneric extracts page, fetched from url, with no selectors.
func extractGeneric(t *testing.T, url, page string) *article.Article {
	t.Helper()
	e, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := e.Extract(Page{URL: url, Body: []byte(page), ContentType: "text/html", Date: fetchedAt})
	if err != nil {
		t.Fatal(err)
	}
	return a
}
