package selectors

import (
	"regexp"
	"strconv"
	"time"
	"unicode/utf8"

	dps "github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-htmldate"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsarc/newsarc/selectors/dates"
	"github.com/newsarc/newsarc/selectors/internal/markup"
)

// htmlDate asks go-htmldate for the original publication date, on a copy
// of the page without what lies past its first 256 KiB of text
// (clonePrefix), in three passes that each run only when the one before
// found nothing:
//
//  1. without the boxes around the article (related posts, comments,
//     sidebars), whose dates are not this article's, and without
//     go-htmldate's free-text search;
//  2. the whole page, still without the free-text search: a class word
//     that marks a box around an article also marks the box that holds
//     the article on some pages ("div.widget", "…-share-…" wrappers), and
//     pass 1 then reads no article at all;
//  3. the start of the whole page (maxDateSearchText) with the free-text
//     search, which dates a page by the dates its text prints.
//
// A result without a zone is a local time.
func (x *extraction) htmlDate() (time.Time, bool) {
	opts := htmldate.Options{
		UseOriginalDate:     true,
		SkipExtensiveSearch: true,
		ExtractTime:         true,
		MaxDate:             x.now.Add(futureSlack),
	}
	if x.base != nil {
		opts.URL = x.base.String()
	}
	page := clonePrefix(x.root, &scanBudget{elements: maxDateScanElements, text: maxDateScanText})
	if body := markup.FindElement(page, atom.Body); body != nil {
		markup.RemoveJunk(body, x.e.removed) // the head's meta tags stay
	}
	r, err := htmldate.FromDocument(page, opts)
	if err == nil && r.IsZero() {
		r, err = x.pageDate(opts)
	}
	if err != nil || r.IsZero() {
		return time.Time{}, false
	}
	t := r.DateTime
	if !r.HasTimezone {
		t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, x.e.tz)
	}
	if !r.HasTime {
		t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, x.e.tz)
	}
	return t, true
}

// pageDate runs passes 2 and 3 of htmlDate on the whole page. What they
// find must be a day the page prints (printsDay): read page-wide, a year or
// a month is the site's, not the article's.
func (x *extraction) pageDate(opts htmldate.Options) (htmldate.Result, error) {
	page := clonePrefix(x.root, &scanBudget{elements: maxDateScanElements, text: maxDateScanText})
	r, err := htmldate.FromDocument(page, opts)
	if err != nil || !r.IsZero() && x.printsDay(r) {
		return r, err
	}
	opts.SkipExtensiveSearch = false
	opts.DateParserConfig = x.dateParserConfig()
	page = clonePrefix(x.root, &scanBudget{elements: maxDateSearchElements, text: maxDateSearchText})
	dates.Exclusive(func() { r, err = htmldate.FromDocument(page, opts) })
	if err != nil || !x.printsDay(r) {
		return htmldate.Result{}, err
	}
	return r, nil
}

// dateParserConfig is go-htmldate's configuration of go-dateparser for
// its free-text search, limited to the language the page declares and
// English, when it declares one: guessing the language of every text
// segment among all of go-dateparser's locales is most of the search's
// cost.
func (x *extraction) dateParserConfig() *dps.Configuration {
	cfg := &dps.Configuration{PreferredDateSource: dps.Past, StrictParsing: true} // go-htmldate's own
	if l, _ := x.declaredLang(); l != "" {
		cfg.Languages = []string{l}
		if l != "en" {
			cfg.Languages = append(cfg.Languages, "en")
		}
	}
	return cfg
}

// printsDay reports whether go-htmldate's result is a day that the text it
// read prints. Its free-text search falls back to a year alone ("© 2022",
// "/2017/" in an image path, a CJK date it cannot read) or a month and a
// year, and gives them as the 1st of the month; a 1st that the text does
// not print (as a date the own rules read, or a CJK "2021年3月1日") is
// such a guess: the site's year, not the article's day.
func (x *extraction) printsDay(r htmldate.Result) bool {
	t := r.DateTime
	if t.Day() != 1 {
		return true
	}
	src := truncate(r.SrcString, maxDateText)
	for _, m := range dates.Find(src, time.UTC, x.now) {
		if sameDay(m.Time, t) {
			return true
		}
	}
	for _, m := range rxDateCJK.FindAllStringSubmatch(src, -1) {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		if sameDay(time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC), t) {
			return true
		}
	}
	return false
}

// rxDateCJK reads a Chinese, Japanese or Korean date: 2021年3月1日, 2021년 3월 1일.
var rxDateCJK = regexp.MustCompile(`(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]`)

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// The part of a page that go-htmldate reads: the start, where an article
// prints its date, and far more (an article of 5,000 words is 30 KB of
// text). go-htmldate reads the text of every element whose class suggests
// a date, nested ones again and again, and each candidate it parses costs;
// past these bounds a page holds comments, listings or a hostile server's
// filler, whose dates are not the article's.
const (
	maxDateScanText     = 1 << 18 // bytes of text, outside scripts and styles
	maxDateScanElements = 1 << 15
)

// The part of a page that go-htmldate's free-text search reads: a quarter
// of the above, still twice the text of a long article. The search hands
// every short text with digits to go-dateparser, at up to a millisecond
// each, and dates the page by the earliest date it finds; far from the
// headline, a text cites other days.
const (
	maxDateSearchText     = maxDateScanText / 4
	maxDateSearchElements = maxDateScanElements / 4
)

// scanBudget is what is left of the bounds above during a copy.
type scanBudget struct{ elements, text int }

// clonePrefix copies n as markup.Clone does, in document order, until the
// budget is spent; the nodes after that point are left out and the text
// node that spends it is cut. Scripts and styles cost nothing: they hold
// JSON-LD, which go-htmldate reads whole, and no visible date.
func clonePrefix(n *html.Node, b *scanBudget) *html.Node {
	c := markup.CloneNode(n)
	switch n.Type {
	case html.ElementNode:
		b.elements--
	case html.TextNode:
		if p := n.Parent; p == nil || p.DataAtom != atom.Script && p.DataAtom != atom.Style {
			if len(c.Data) > b.text {
				cut := b.text
				for cut > 0 && !utf8.RuneStart(c.Data[cut]) {
					cut--
				}
				c.Data = c.Data[:cut]
			}
			b.text -= len(n.Data)
		}
	}
	for k := n.FirstChild; k != nil && b.elements > 0 && b.text > 0; k = k.NextSibling {
		c.AppendChild(clonePrefix(k, b))
	}
	return c
}
