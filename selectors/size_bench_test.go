package selectors_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newsarc/newsarc/selectors"
)

// BenchmarkExtract_size extracts generated news pages of growing size
// through the public entry point, to show that extraction time and memory
// grow with the page about linearly: a hostile or broken server can send
// megabytes of comments, links or one endless paragraph, and a crawl must
// stay bounded. Compare the ns/op and B/op of a size with those of the size
// ten times smaller.
func BenchmarkExtract_size(b *testing.B) {
	e, err := selectors.New(selectors.Config{})
	if err != nil {
		b.Fatal(err)
	}
	date := time.Date(2023, 7, 10, 12, 0, 0, 0, time.UTC)
	for _, kind := range []string{"comments", "paragraphs", "links", "textnode", "undated", "times", "bylines"} {
		for _, size := range []struct {
			name string
			n    int
		}{{"100KiB", 100 << 10}, {"1MiB", 1 << 20}, {"10MiB", 10 << 20}} {
			url := "https://news.example.org/world/2023/07/05/river-bus-cairo"
			if kind == "undated" || kind == "bylines" {
				url = "https://news.example.org/world/river-bus-cairo"
			}
			b.Run(kind+"/"+size.name, func(b *testing.B) {
				body := []byte(bigPage(kind, size.n))
				b.ReportAllocs()
				b.SetBytes(int64(len(body)))
				for b.Loop() {
					_, _, err := e.Extract(selectors.Page{
						URL:         url,
						Body:        body,
						ContentType: "text/html; charset=utf-8",
						Date:        date,
					})
					if err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// dateTexts are the visible dates news pages print, in the languages the
// extractor reads, so that every date rule sees work.
var dateTexts = []string{
	"5 juillet 2023 à 11h20", "June 29, 2023 2:35 pm", "il y a 2 jours", "منذ 3 ساعات",
	"28 يونيو 2023", "٢٨ حزيران ٢٠٢٣", "2023-06-28 10:15", "Wed, 28 Jun 2023 10:15:00 GMT",
	"5 hours ago", "Mis à jour le 6 juillet 2023 à 09h00", "Wednesday the 28th of June 2023", "28/06/23",
}

// bigPage returns an article page of at least n bytes. Its header and the
// start of its body are a real article's; what grows is, by kind:
//
//   - comments: a comment section, each comment with an author, a date
//     label and a paragraph holding more dates;
//   - paragraphs: the article body, paragraphs with links and dates;
//   - links: boxes of links to other articles, each with a date;
//   - textnode: one paragraph of a single text node;
//   - undated: comments again, after the article, which prints no date
//     of its own (nor does its URL), so that every date fallback runs to
//     its end;
//   - times: the article body, each paragraph with a <time> whose
//     datetime is not a date, which only go-dateparser could read;
//   - bylines: an article without an author element whose body is one
//     block of lines starting like a byline ("By reader 12<br>").
func bigPage(kind string, n int) string {
	var b strings.Builder
	b.Grow(n + 4096)
	b.WriteString(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>River buses return to Cairo's Nile corridor | The Daily Example</title>
<meta name="description" content="A new fleet of electric river buses links Maadi and Zamalek.">
<link rel="canonical" href="https://news.example.org/world/2023/07/05/river-bus-cairo">
</head><body>
<header class="site-header"><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="topbar-date">Monday 10 July 2023</div></header>
<main><article class="post">
<h1 class="entry-title">River buses return to Cairo's Nile corridor</h1>
`)
	if kind != "bylines" {
		b.WriteString(`<div class="byline">By <a href="/authors/nadia-fahmy" class="author">Nadia Fahmy</a>`)
	}
	if kind != "undated" && kind != "bylines" {
		b.WriteString(` · <span class="posted-on">5 July 2023, 11:20</span>`)
	}
	if kind != "bylines" {
		b.WriteString(`</div>`)
	}
	b.WriteString(`
<div class="entry-content">
<p>A fleet of twelve electric river buses began service on Wednesday between Maadi and Zamalek, the first scheduled boats on that stretch of the Nile since 2019.</p>
<p>The buses carry up to 80 passengers each and stop at six new piers. A single fare costs 15 pounds, the transport ministry said in a statement.</p>
<p>“We want people to see the river as a road again,” said Hala Mansour, who runs the operator, adding that trips take 35 minutes at rush hour, against more than an hour by car.</p>
`)
	closing := "</div></article></main><footer><p>© 2023 The Daily Example</p></footer></body></html>\n"
	if kind == "undated" {
		b.WriteString("</div></article>")
		closing = "</main><footer><p>© 2023 The Daily Example</p></footer></body></html>\n"
	}
	switch kind {
	case "textnode":
		b.WriteString("<p>")
		for i := 0; b.Len() < n-len(closing); i++ {
			fmt.Fprintf(&b, "Passenger %d wrote on %s that the boat from pier %d was late again; ", i, dateTexts[i%len(dateTexts)], i%6)
		}
		b.WriteString("</p>\n")
	case "bylines":
		b.WriteString("<div>")
		for i := 0; b.Len() < n-len(closing)-len("</div>"); i++ {
			fmt.Fprintf(&b, "By reader %d<br>", i)
		}
		b.WriteString("</div>")
	case "times":
		for i := 0; b.Len() < n-len(closing); i++ {
			fmt.Fprintf(&b, "<p><time datetime=\"reply %d by a reader about the boat to Zamalek\">Then</time> boat %d left pier %d.</p>\n", i, 1000+i, i%6)
		}
	case "paragraphs":
		for i := 0; b.Len() < n-len(closing); i++ {
			fmt.Fprintf(&b, "<p>On %s, the operator said, pier %d handled %d passengers, more than <a href=\"/world/2023/06/%02d/piers-%d\">the week before</a>, and the ministry published <a href=\"/data/%d\">its figures</a>.</p>\n",
				dateTexts[i%len(dateTexts)], i%6, 1000+i, i%28+1, i, i)
		}
	case "links":
		b.WriteString("</div>\n")
		for i := 0; b.Len() < n-len(closing); i++ {
			fmt.Fprintf(&b, "<aside class=\"related\"><h3>More from World</h3><ul>")
			for j := 0; j < 10; j++ {
				k := i*10 + j
				fmt.Fprintf(&b, "<li><a href=\"/world/2023/06/%02d/story-%d\">Story %d about the river</a> <span class=\"date\">%s</span></li>", k%28+1, k, k, dateTexts[k%len(dateTexts)])
			}
			b.WriteString("</ul></aside>\n")
		}
		b.WriteString("<div>")
	default: // comments, undated
		if kind == "comments" {
			b.WriteString("</div>")
		}
		b.WriteString("\n<section class=\"comments\"><h2>Comments</h2>\n")
		for i := 0; b.Len() < n-len(closing)-len("</section>"); i++ {
			fmt.Fprintf(&b, "<div class=\"comment\" id=\"comment-%d\"><span class=\"comment-author\"><a href=\"/users/%d\">reader%d</a></span> <time class=\"comment-date\">%s</time><p>I took the boat on %s and again %s; pier %d was crowded.</p></div>\n",
				i, i, i, dateTexts[i%len(dateTexts)], dateTexts[(i+3)%len(dateTexts)], dateTexts[(i+7)%len(dateTexts)], i%6)
		}
		b.WriteString("</section>")
		if kind == "comments" {
			b.WriteString("<div>")
		}
	}
	b.WriteString(closing)
	return b.String()
}
