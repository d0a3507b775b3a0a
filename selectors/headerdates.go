package selectors

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsarc/newsarc/selectors/article"
	"github.com/newsarc/newsarc/selectors/dates"
	"github.com/newsarc/newsarc/selectors/internal/markup"
	"github.com/newsarc/newsarc/selectors/internal/pagetext"
)

// maxDateCandidates bounds the values of one kind that a date step parses
// on a page: <time datetime> values, meta values, elements whose class says
// date. An article prints its dates a few times, near its headline; a page
// with thousands of them is a listing or a hostile server, and each value
// that only go-dateparser could read costs about a millisecond.
const maxDateCandidates = 40

// headerDates reads <time datetime> elements, then visible date text, in the
// article's header region.
func (x *extraction) headerDates() (pub, mod dated) {
	region := x.region()
	parsed := 0
	eachElement(region.Nodes, func(n *html.Node) bool {
		if n.Data != "time" || x.insideJunk(n, x.anchor) {
			return true
		}
		v := markup.Attr(n, "datetime")
		if v == "" {
			return true // text of a <time> is read with the other text below
		}
		parsed++
		t, ok := x.parseDate(v)
		if ok && !t.After(x.now.Add(futureSlack)) {
			if isUpdate(n) {
				mod = pick(mod, dated{t, article.SourceTime})
			} else {
				pub = pick(pub, dated{t, article.SourceTime})
			}
		}
		return (pub.t.IsZero() || mod.t.IsZero()) && parsed < maxDateCandidates
	})
	for _, l := range x.dateTexts(region) {
		if !pub.t.IsZero() && !mod.t.IsZero() {
			break
		}
		p, m := x.textDates(l.text, l.update)
		pub, mod = pick(pub, p), pick(mod, m)
	}
	return pub, mod
}

func pick(have, d dated) dated {
	if have.t.IsZero() {
		return d
	}
	return have
}

// isUpdate reports a <time> that shows the last update: by its class or
// itemprop, or the label between it and the previous <time> ("Publié le
// <time> · Mis à jour le <time>").
func isUpdate(n *html.Node) bool {
	if markup.HasClassWord(n, publishedWords) {
		// "entry-date updated": WordPress themes mark the publication
		// date "updated" for the hAtom microformat.
		return false
	}
	if isUpdateClass(n) || n.Parent != nil && isUpdateClass(n.Parent) {
		return true
	}
	var label []string
	size := 0
	for p := n.PrevSibling; p != nil && size < 80 && p.DataAtom != atom.Time; p = p.PrevSibling {
		var b strings.Builder
		pagetext.Write(&b, p)
		label = append(label, b.String())
		size += b.Len()
	}
	return rxUpdateLabel.MatchString(strings.Join(label, " "))
}

// publishedWords are class words of the publication date.
var publishedWords = map[string]bool{
	"published": true, "entrydate": true, "postdate": true, "pubdate": true, "datepublished": true,
	"publishdate": true, "publish": true,
}

// maxDateText bounds the text read as a date label.
const maxDateText = 200

// dateLabel is a short text that may print a date; update is set when its
// element's class says it is the last update ("span.updated").
type dateLabel struct {
	text   string
	update bool
}

// dateTexts returns short texts of the header region that may print the
// date: elements whose class or id says so, then the headline's neighbours.
func (x *extraction) dateTexts(region *goquery.Selection) []dateLabel {
	var out []dateLabel
	add := func(n *html.Node) {
		if n == nil || n.Type != html.ElementNode || n == x.anchor || x.insideJunk(n, x.anchor) {
			return
		}
		// Texts are read only as far as a label can go: a container
		// left open by broken markup can hold the rest of the page.
		t, ok := pagetext.Short(n, maxDateText)
		if !ok {
			t, ok = pagetext.ShortOwn(n, maxDateText)
		}
		if ok && t != "" {
			out = append(out, dateLabel{t, isUpdateClass(n) && !markup.HasClassWord(n, publishedWords)})
		}
	}
	var marked []*html.Node
	eachElement(region.Nodes, func(n *html.Node) bool {
		// A byline often carries the date: "Par X<br>Publié le …".
		if n.DataAtom == atom.Time || markup.HasDateClass(n) || markup.HasAuthorClass(n) {
			marked = append(marked, n)
		}
		return len(marked) < maxDateCandidates
	})
	for _, n := range x.byProximity(marked) {
		add(n)
	}
	if a := x.anchor; a != nil {
		for n, i := a.NextSibling, 0; n != nil && i < 3; n = n.NextSibling {
			if n.Type == html.ElementNode {
				add(n)
				i++
			}
		}
		add(prevElement(a))
		if a.Parent != nil {
			add(nextElement(a.Parent))
		}
	}
	return out
}

// textDates finds the published and last-updated dates in one label:
// "Publié le 5 juillet 2023 à 11h20 | Mis à jour le 6 juillet 2023 à 09h00".
// Every date of a label marked as an update is the last update.
func (x *extraction) textDates(text string, update bool) (pub, mod dated) {
	ms := dates.Find(text, x.e.tz, x.now)
	if len(ms) == 0 && utf8.RuneCountInString(text) <= 80 {
		if t, ok := x.parseDate(text); ok {
			ms = []dates.Match{{Time: t, End: len(text)}}
		}
	}
	prev := 0
	for _, m := range ms {
		label := text[prev:m.Start]
		prev = m.End
		if m.Time.After(x.now.Add(futureSlack)) {
			continue
		}
		d := dated{m.Time, article.SourceText}
		if update || rxUpdateLabel.MatchString(label) {
			mod = pick(mod, d)
		} else {
			pub = pick(pub, d)
		}
	}
	return pub, mod
}

func prevElement(n *html.Node) *html.Node {
	for p := n.PrevSibling; p != nil; p = p.PrevSibling {
		if p.Type == html.ElementNode {
			return p
		}
	}
	return nil
}

func nextElement(n *html.Node) *html.Node {
	for p := n.NextSibling; p != nil; p = p.NextSibling {
		if p.Type == html.ElementNode {
			return p
		}
	}
	return nil
}

// byProximity orders elements by their distance to the headline: those
// after it first, nearest first, then those before it, nearest first. A
// date above the headline is more often the day the page was served (a top
// bar) than the article's.
func (x *extraction) byProximity(nodes []*html.Node) []*html.Node {
	if x.anchor == nil || len(nodes) < 2 {
		return nodes
	}
	var after, before []*html.Node
	for _, n := range nodes {
		if markup.Precedes(n, x.anchor) && !markup.Inside(x.anchor, n) {
			before = append(before, n)
		} else {
			after = append(after, n)
		}
	}
	slices.Reverse(before)
	return append(after, before...)
}

// eachElement calls f on the elements under roots (not on roots), in
// document order, until f returns false. Unlike goquery's Find it does not
// gather them first: the date steps stop after a few.
func eachElement(roots []*html.Node, f func(*html.Node) bool) {
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && !f(c) || !walk(c) {
				return false
			}
		}
		return true
	}
	for _, r := range roots {
		if !walk(r) {
			return
		}
	}
}
