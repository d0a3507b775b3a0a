package maintext

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsarc/newsarc/selectors/internal/markup"
)

// words is n words of filler text, so that a block passes the word
// bounds of the rules (minChunkWords, minGapWords).
func words(n int, w string) string {
	return strings.TrimSpace(strings.Repeat(w+" ", n))
}

// correctCase is a synthetic page, the paragraphs go-trafilatura would
// give for it, and what Correct should make of them.
type correctCase struct {
	name     string
	page     string
	headline bool // pass the page's first h1 as the headline
	paras    []string
	want     []string
}

var chunkOne = words(40, "alpha")
var chunkTwo = words(110, "beta")
var longGap = words(30, "gamma")

var correctCases = []correctCase{
	{
		name:     "page text with the spaces around links",
		headline: true,
		page: `<html><body><article><h1>Council approves the flood plan</h1><div class="entry-content">
<p>The city council approved the <a href="/plan">flood plan</a> on Tuesday after a long debate.</p>
<p>Work on the new dikes starts in the spring and lasts two years.</p>
</div></article></body></html>`,
		paras: []string{"The city council approved theflood planon Tuesday after a long debate.", "Work on the new dikes starts in the spring and lasts two years."},
		want:  []string{"The city council approved the flood plan on Tuesday after a long debate.", "Work on the new dikes starts in the spring and lasts two years."},
	},
	{
		name: "pieces of a block split at a link",
		page: `<html><body><div class="story"><p>The minister, <a href="/jd">Jane Doe</a>, said the budget would grow next year.</p>
<p>Unions welcomed the news but asked for more.</p></div></body></html>`,
		paras: []string{"The minister,", ", said the budget would grow next year.", "Unions welcomed the news but asked for more."},
		want:  []string{"The minister, Jane Doe, said the budget would grow next year.", "Unions welcomed the news but asked for more."},
	},
	{
		name: "paragraph glued from two blocks",
		page: `<html><body><div class="story"><p>First block of the article body.</p><p>Second block of the article body.</p>
<p>Third block, its own paragraph.</p></div></body></html>`,
		paras: []string{"First block of the article body. Second block of the article body.", "Third block, its own paragraph."},
		want:  []string{"First block of the article body.", "Second block of the article body.", "Third block, its own paragraph."},
	},
	{
		name:  "paragraph not on the page",
		page:  `<html><body><div class="story"><p>A paragraph of the page that is long enough.</p></div></body></html>`,
		paras: []string{"A paragraph of the page that is long enough.", "A paragraph go-trafilatura made up."},
		want:  []string{"A paragraph of the page that is long enough.", "A paragraph go-trafilatura made up."},
	},
	{
		name: "box of related links",
		page: `<html><body><article><div class="entry-content">
<p>The port reopened on Monday after three days of strikes by dock workers.</p>
<div class="related-posts"><p>Residents fear the next storm season</p></div>
<p>Ships waiting offshore began to unload their cargo in the afternoon.</p>
<p>The union said talks with the port authority would go on this week.</p>
</div></article></body></html>`,
		paras: []string{"The port reopened on Monday after three days of strikes by dock workers.", "Residents fear the next storm season",
			"Ships waiting offshore began to unload their cargo in the afternoon.", "The union said talks with the port authority would go on this week."},
		want: []string{"The port reopened on Monday after three days of strikes by dock workers.",
			"Ships waiting offshore began to unload their cargo in the afternoon.", "The union said talks with the port authority would go on this week."},
	},
	{
		name: "runs of links and cards of other articles",
		page: `<html><body><div class="story">
<p>The festival opens on Friday with a concert in the old town square.</p>
<p><a href="/live">CLICK HERE FOR THE LIVE VIDEO</a></p>
<p>Tickets are sold at the town hall and online from Monday morning.</p>
<p><a href="/a">Music</a></p><p><a href="/b">Cinema</a></p><p><a href="/c">Theatre</a></p>
<p>Organisers expect more visitors than last year, when forty thousand came.</p>
<h3><a href="/1">First other story title</a></h3><p>Short teaser one.</p>
<h3><a href="/2">Second other story title</a></h3><p>Short teaser two.</p>
<h3><a href="/3">Third other story title</a></h3><p>Short teaser three.</p>
<p>` + longGap + `</p>
</div></body></html>`,
		paras: []string{"The festival opens on Friday with a concert in the old town square.", "CLICK HERE FOR THE LIVE VIDEO",
			"Tickets are sold at the town hall and online from Monday morning.", "Music", "Cinema", "Theatre",
			"Organisers expect more visitors than last year, when forty thousand came.",
			"First other story title", "Short teaser one.", "Second other story title", "Short teaser two.", "Third other story title", "Short teaser three.",
			longGap},
		want: []string{"The festival opens on Friday with a concert in the old town square.",
			"Tickets are sold at the town hall and online from Monday morning.",
			"Organisers expect more visitors than last year, when forty thousand came.", longGap},
	},
	{
		name:     "chunks of a body split between ads",
		headline: true,
		page: `<html><body><article><h1>A long story in two chunks</h1>
<div class="article__body"><p>` + chunkOne + `</p><p>` + chunkOne + `</p></div>
<div class="ad-slot">Advertisement</div>
<div class="article__body"><p>` + chunkTwo + `</p></div>
</article></body></html>`,
		paras: []string{chunkOne, chunkOne},
		want:  []string{chunkOne, chunkOne, chunkTwo},
	},
	{
		name: "long paragraph left out inside the container",
		page: `<html><body><div class="story"><p>The opening paragraph that go-trafilatura kept.</p>
<p>` + longGap + `</p><p>The closing paragraph that go-trafilatura kept.</p></div></body></html>`,
		paras: []string{"The opening paragraph that go-trafilatura kept.", "The closing paragraph that go-trafilatura kept."},
		want:  []string{"The opening paragraph that go-trafilatura kept.", longGap, "The closing paragraph that go-trafilatura kept."},
	},
	{
		name:     "header above the body's container",
		headline: true,
		page: `<html><body><article><header><h1>Rain floods the valley</h1>
<p class="standfirst">Hundreds of homes were evacuated overnight.</p>
<div class="post-info"><span class="author">Jane Doe</span> <span class="date">5 July 2023</span></div></header>
<div class="content"><p>The river rose two metres in a single night, the highest in a century.</p>
<p>Firefighters worked until dawn to move families to the school gym.</p></div></article></body></html>`,
		paras: []string{"Hundreds of homes were evacuated overnight.", "Jane Doe 5 July 2023",
			"The river rose two metres in a single night, the highest in a century.", "Firefighters worked until dawn to move families to the school gym."},
		want: []string{"The river rose two metres in a single night, the highest in a century.", "Firefighters worked until dawn to move families to the school gym."},
	},
	{
		name:     "table layout with a menu above the headline",
		headline: true,
		page: `<html><body><table><tr><td class="main">
<p>News section</p>
<h1>The new bridge opens to traffic</h1>
<p class="meta">By <span class="author">Ali Hassan</span></p>
<p>The bridge links the two banks of the river and took four years to build.</p>
<p>It carries four lanes of traffic and a path for bicycles and walkers.</p>
<p>The first cars crossed it at six in the morning, to applause.</p>
</td></tr></table></body></html>`,
		paras: []string{"News section", "The new bridge opens to traffic", "By Ali Hassan",
			"The bridge links the two banks of the river and took four years to build.",
			"It carries four lanes of traffic and a path for bicycles and walkers.", "The first cars crossed it at six in the morning, to applause."},
		want: []string{"The bridge links the two banks of the river and took four years to build.",
			"It carries four lanes of traffic and a path for bicycles and walkers.", "The first cars crossed it at six in the morning, to applause."},
	},
	{
		name: "title among the first pieces",
		page: `<html><body><div class="story"><p>Economy</p><h1>Prices rise again</h1>
<p>Consumer prices rose for the third month in a row, the statistics office said.</p>
<p>Food and energy led the rise.</p></div></body></html>`,
		paras: []string{"Economy", "Prices rise again", "Consumer prices rose for the third month in a row, the statistics office said.", "Food and energy led the rise."},
		want:  []string{"Consumer prices rose for the third month in a row, the statistics office said.", "Food and energy led the rise."},
	},
	{
		name: "closing lines and a list of links at the end",
		page: `<html><body><div class="story">
<p>The library will stay open late on Thursdays from next month.</p>
<p>Readers asked for longer hours in a survey last year.</p>
<p>More stories</p>
<ul><li><a href="/1">The museum gets a new wing</a> on Monday in the city</li><li><a href="/2">Schools reopen</a> after the long summer holiday</li><li><a href="/3">A new bus line</a> to the airport from May</li></ul>
<p>© 2023 The Daily Planet</p>
</div></body></html>`,
		paras: []string{"The library will stay open late on Thursdays from next month.", "Readers asked for longer hours in a survey last year.",
			"More stories", "The museum gets a new wing on Monday in the city", "Schools reopen after the long summer holiday", "A new bus line to the airport from May", "© 2023 The Daily Planet"},
		want: []string{"The library will stay open late on Thursdays from next month.", "Readers asked for longer hours in a survey last year."},
	},
	{
		name:     "body paragraph in the headline's group",
		headline: true,
		page: `<html><body><main><div class="col-top"><h1>The harbour gets a new crane</h1>
<div class="story-text"><p class="story-para">The port authority bought the largest crane on the coast, it said on Monday.</p></div></div>
<div class="col-main"><div class="story-text"><p class="story-para">The crane arrives by ship from the builder's yard in March.</p>
<p class="story-para">It lifts twice the load of the cranes the harbour uses today.</p>
<p class="story-para">Dock workers will train on it for two weeks before it opens.</p></div></div></main></body></html>`,
		paras: []string{"The port authority bought the largest crane on the coast, it said on Monday.", "The crane arrives by ship from the builder's yard in March.",
			"It lifts twice the load of the cranes the harbour uses today.", "Dock workers will train on it for two weeks before it opens."},
		want: []string{"The port authority bought the largest crane on the coast, it said on Monday.", "The crane arrives by ship from the builder's yard in March.",
			"It lifts twice the load of the cranes the harbour uses today.", "Dock workers will train on it for two weeks before it opens."},
	},
	{
		name:     "lead with a topic link whose class has a date word",
		headline: true,
		page: `<html><body><article class="story"><h1>Rail strike called off</h1>
<p>PARIS — <a class="meta-org" href="/topic/unions">The rail unions</a> called off next week's strike after talks ended late on Sunday.</p>
<p>Trains will run as planned from Monday morning.</p>
<p>The talks on wages resume at the end of the month.</p></article></body></html>`,
		paras: []string{"PARIS — The rail unions called off next week's strike after talks ended late on Sunday.", "Trains will run as planned from Monday morning.",
			"The talks on wages resume at the end of the month."},
		want: []string{"PARIS — The rail unions called off next week's strike after talks ended late on Sunday.", "Trains will run as planned from Monday morning.",
			"The talks on wages resume at the end of the month."},
	},
	{
		name:  "nothing found",
		page:  `<html><body><p>Some text.</p></body></html>`,
		paras: nil,
		want:  nil,
	},
}

func TestCorrect(t *testing.T) {
	for _, c := range correctCases {
		t.Run(c.name, func(t *testing.T) {
			root, headline := parse(t, c.page, c.headline)
			before := render(t, root)
			got := Correct(root, headline, c.paras)
			if !slices.Equal(got, c.want) {
				t.Errorf("Correct =\n%q\nwant\n%q", got, c.want)
			}
			if render(t, root) != before {
				t.Error("Correct changed the page")
			}
		})
	}
}

// TestCorrect_dump checks go-trafilatura's last resort, the page's whole
// text as one paragraph (with the text of form controls): it is written as
// the page's blocks.
func TestCorrect_dump(t *testing.T) {
	var page, dump strings.Builder
	var want []string
	page.WriteString(`<html><body><div class="story">`)
	for i := range 20 {
		p := "Paragraph " + string(rune('a'+i)) + " of the page, " + words(16, "text")
		page.WriteString("<p>" + p + "</p><button>Share</button>")
		dump.WriteString(p + " Share ")
		want = append(want, p)
	}
	page.WriteString(`</div></body></html>`)
	root, _ := parse(t, page.String(), false)
	if got := Correct(root, nil, []string{dump.String()}); !slices.Equal(got, want) {
		t.Errorf("Correct =\n%q\nwant\n%q", got, want)
	}
}

func parse(t testing.TB, page string, withHeadline bool) (root, headline *html.Node) {
	t.Helper()
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	if withHeadline {
		headline = markup.FindElement(root, atom.H1)
	}
	return root, headline
}

func render(t testing.TB, n *html.Node) string {
	t.Helper()
	var b strings.Builder
	if err := html.Render(&b, n); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
