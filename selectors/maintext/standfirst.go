package maintext

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsarc/newsarc/selectors/internal/lines"
	"github.com/newsarc/newsarc/selectors/internal/markup"
	"github.com/newsarc/newsarc/selectors/internal/pagetext"
)

// summaryWords are the class and id words of a standfirst: the header
// words that name a summary of the article, not its byline, date or
// label. "lead" and "teaser" are not among them: lead images and teasers of
// other articles use them.
var summaryWords = map[string]bool{
	"dek": true, "deck": true, "standfirst": true, "subtitle": true, "subheadline": true,
	"subhead": true, "strapline": true, "chapo": true, "chapeau": true, "sapo": true,
	"summary": true, "excerpt": true, "description": true, "abstract": true, "lede": true,
	"intro": true,
}

// Bounds of the search for a standfirst: the group of the headline is at
// most standfirstLevels elements above it, and a standfirst has at least
// minStandfirstWords words (fewer are a label or a kicker).
const (
	standfirstLevels   = 3
	minStandfirstWords = 6
)

// Standfirst returns the standfirst printed under the headline (its element
// given), "" when there is none: the first element after the headline in
// the headline's group that is marked up as the article's summary
// (schema.org's itemprop=description, or a standfirst class), of a
// standfirst's length, not a byline and not in a figure. The search stops
// at another h1 and at a paragraph longer than a standfirst: the body has
// begun. Correct leaves the standfirst out of the body, as the bodies of
// the shared corpus do; this is what the page says the article is about.
func Standfirst(headline *html.Node) string {
	if headline == nil {
		return ""
	}
	group := headline
	for i := 0; i < standfirstLevels && group.Parent != nil && group.Parent.DataAtom != atom.Body && group.Parent.Type == html.ElementNode; i++ {
		group = group.Parent
	}
	var found string
	after := false
	var walk func(n *html.Node) bool // false: stop
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || pagetext.IsHidden(c.DataAtom) {
				continue
			}
			if c == headline {
				after = true
				continue
			}
			if c.DataAtom == atom.Figure || c.DataAtom == atom.Figcaption {
				continue
			}
			if after {
				if c.DataAtom == atom.H1 {
					return false
				}
				if summaryElement(c) {
					text := elementText(c)
					if w := len(strings.Fields(text)); w >= minStandfirstWords && w <= maxStandfirstWords && plainSummary(c, text) {
						found = text
						return false
					}
				}
				if c.DataAtom == atom.P && len(strings.Fields(elementText(c))) > maxStandfirstWords {
					return false
				}
			}
			if !walk(c) {
				return false
			}
		}
		return true
	}
	walk(group)
	return found
}

// plainSummary reports a summary element that is the article's own
// summary: not a byline, not a newsletter offer, not a card of another
// article (a title inside, or a link around it), not a label of links.
func plainSummary(n *html.Node, text string) bool {
	if holdsByline(n) || lines.IsCallToAction(text) {
		return false
	}
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.A {
			return false
		}
	}
	blocks := sourceBlocks(n)
	runes, link := 0, 0
	for _, b := range blocks {
		if isHeading(b.node) && b.node != n {
			return false
		}
		runes += b.runes
		link += b.link
	}
	return 2*link < runes
}

// summaryElement reports an element marked up as the article's summary.
func summaryElement(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "itemprop" && strings.Contains(" "+a.Val+" ", " description ") {
			return true
		}
	}
	return markup.HasClassWord(n, summaryWords)
}

func elementText(n *html.Node) string {
	var b strings.Builder
	pagetext.Write(&b, n)
	return pagetext.Clean(b.String())
}
