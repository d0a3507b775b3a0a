package selectors_test

import (
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/newsarc/newsarc/selectors"
	"github.com/newsarc/newsarc/selectors/article"
)

// A small article page: a headline, a byline and a date printed under it,
// and the body among a share box and a list of related stories.
const examplePage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Council approves the flood plan | The Daily Planet</title>
<meta property="og:site_name" content="The Daily Planet">
</head><body>
<nav><a href="/">Home</a> <a href="/metro">Metro</a></nav>
<article>
  <h1>Council approves the flood plan</h1>
  <p class="byline">By <a rel="author" href="/staff/jane-doe">Jane Doe</a> and <a rel="author" href="/staff/john-roe">John Roe</a></p>
  <time class="published" datetime="2023-06-28T10:15:00+01:00">June 28, 2023</time>
  <div class="entry-content">
    <p>The city council approved the <a href="/plan">flood plan</a> on Tuesday after a debate that lasted late into the night.</p>
    <div class="share-box"><a href="#">Share</a> <a href="#">Tweet</a></div>
    <p>Work on the new dikes along the river starts in the spring and is expected to last two years.</p>
    <p>The mayor said the plan would protect ten thousand homes in the lower town.</p>
  </div>
  <div class="related-posts"><h3>Related</h3><ul><li><a href="/a">Residents fear the next storm</a></li></ul></div>
</article>
</body></html>`

func ExampleExtractor_Extract() {
	casablanca, err := time.LoadLocation("Africa/Casablanca")
	if err != nil {
		log.Fatal(err)
	}
	e, err := selectors.New(selectors.Config{
		Selectors: selectors.Selectors{Body: ".entry-content", Remove: []string{".share-box"}},
		Timezone:  casablanca,
	})
	if err != nil {
		log.Fatal(err)
	}
	a, warnings, err := e.Extract(selectors.Page{
		URL:         "https://www.dailyplanet.example/metro/2023/06/28/flood-plan.html",
		Body:        []byte(examplePage),
		ContentType: "text/html; charset=utf-8",
		Date:        time.Date(2023, 6, 29, 8, 0, 0, 0, time.UTC),
	})
	if err != nil {
		log.Fatal(err)
	}
	first, _, _ := strings.Cut(a.Body, "\n\n")
	fmt.Println("headline: ", a.Headline, "("+a.Provenance[article.FieldHeadline]+")")
	fmt.Println("byline:   ", strings.Join(a.Byline, ", "), "("+a.Provenance[article.FieldByline]+")")
	fmt.Println("published:", a.Published.Format(time.RFC3339), "("+a.Provenance[article.FieldPublished]+")")
	fmt.Println("body:     ", first, "("+a.Provenance[article.FieldBody]+")")
	fmt.Println("words:    ", a.WordCount, "in", strings.Count(a.Body, "\n\n")+1, "paragraphs")
	fmt.Println("warnings: ", len(warnings))
	// Output:
	// headline:  Council approves the flood plan (title)
	// byline:    Jane Doe, John Roe (text)
	// published: 2023-06-28T10:15:00+01:00 (time)
	// body:      The city council approved the flood plan on Tuesday after a debate that lasted late into the night. (selector)
	// words:     51 in 3 paragraphs
	// warnings:  0
}
