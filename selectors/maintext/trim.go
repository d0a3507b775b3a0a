package maintext

import (
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsarc/newsarc/selectors/internal/lines"
	"github.com/newsarc/newsarc/selectors/internal/markup"
	"github.com/newsarc/newsarc/selectors/internal/pagetext"
)

// headerWords are class and id words of what a page prints above the
// article: its title, standfirst, byline and date.
var headerWords = map[string]bool{
	"header": true, "heading": true, "headline": true, "title": true, "hero": true,
	"dek": true, "deck": true, "standfirst": true, "subtitle": true, "subheadline": true,
	"subhead": true, "subheading": true, "summary": true, "excerpt": true, "teaser": true,
	"strapline": true, "strap": true, "kicker": true, "chapo": true, "chapeau": true,
	"sapo": true, "description": true, "byline": true, "meta": true, "date": true,
	"author": true, "tagline": true, "lede": true, "lead": true, "info": true, "infos": true,
	"postinfo": true, "details": true,
}

// headerLike reports a piece before the container that is part of the
// article's header: a heading, the description again, or an element
// whose class says title, standfirst, byline or date.
func (l *layout) headerLike(p piece) bool {
	if isHeading(p.node) {
		return true
	}
	if l.bodyParagraph(p.node) {
		return false
	}
	if l.anchor != nil {
		// The headline's group, not the body's.
		if lca, _ := branches(p.node, l.anchor); lca != nil && !markup.Inside(l.container, lca.Parent) {
			return true
		}
	}
	mine, _ := branches(p.node, l.container)
	for n := p.node; n != nil; n = n.Parent {
		if markup.HasClassWord(n, headerWords) || n.DataAtom == atom.Header || isHeading(n) {
			return true
		}
		if n == mine {
			break
		}
	}
	return holdsByline(p.node)
}

// minBodyKind is how many of the container's taken blocks share a tag and
// class for that class to be the one the page writes its paragraphs in.
const minBodyKind = 2

// bodyParagraph reports a block written in the element and class the
// container's paragraphs are written in: a part of the body that the page
// lays out above the container, in the headline's group (the first
// paragraphs beside the title, the rest in a later column or section), is
// body whatever its ancestors' classes say.
func (l *layout) bodyParagraph(n *html.Node) bool {
	if n == nil || l.container == nil || markup.Attr(n, "class") == "" {
		return false
	}
	if l.kinds == nil {
		l.kinds = map[string]int{}
		for b, sb := range l.src {
			if l.taken[b] && markup.Inside(sb.node, l.container) && markup.Attr(sb.node, "class") != "" {
				l.kinds[kindKey(sb.node)]++
			}
		}
	}
	return l.kinds[kindKey(n)] >= minBodyKind
}

func kindKey(n *html.Node) string {
	return n.Data + " " + markup.Attr(n, "class")
}

// holdsByline reports a short element that holds the byline or the date:
// "<div class=post-info><span class=author>…</span> <span class=date>…".
func holdsByline(n *html.Node) bool {
	var b strings.Builder
	pagetext.Write(&b, n)
	if len(strings.Fields(b.String())) > maxBylineWords {
		return false
	}
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			// A link's date word names what it links to ("meta-org",
			// "meta-loc": topic pages); the date a link prints is in a
			// <time> or in a labelled element around it.
			if c.Type == html.ElementNode && (c.DataAtom == atom.Time || markup.IsAuthorElement(c) ||
				c.DataAtom != atom.A && markup.HasDateClass(c) || walk(c)) {
				return true
			}
		}
		return false
	}
	return walk(n)
}

// maxBylineWords bounds the text of a byline and date line.
const maxBylineWords = 30

func isHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// trim drops header pieces before the container and pieces after it that
// are not in a block of the container's own kind.
func (l *layout) trim(ps []piece) []piece {
	var out []piece
	for _, p := range ps {
		switch l.outside(p) {
		case -1:
			if l.headerLike(p) {
				continue
			}
		case 1:
			if mine, theirs := branches(p.node, l.container); !sameKind(mine, theirs) {
				continue
			}
		}
		out = append(out, p)
	}
	return trimListTail(l, l.trimAboveHeadline(trimTitle(out)))
}

// maxAboveHeadline is the part of the text that may lie above the headline
// for it to be read as the page's header: more, and the headline found is
// not the article's.
const maxAboveHeadline = 0.3

// trimAboveHeadline drops what a table layout puts in the same container
// as the article above its headline (menu, section name), the headline,
// and the byline and date line right under it.
func (l *layout) trimAboveHeadline(ps []piece) []piece {
	if l.anchor == nil {
		return ps
	}
	cut, above, total := -1, 0, 0
	for i, p := range ps {
		n := len(p.text)
		total += n
		if p.node != nil && cut < 0 && (markup.Inside(p.node, l.anchor) || markup.Precedes(l.anchor, p.node)) {
			cut = i
			if markup.Inside(p.node, l.anchor) {
				cut = i + 1
			}
		}
		if cut < 0 {
			above += n
		}
	}
	if cut < 0 || float64(above) > maxAboveHeadline*float64(total) {
		return ps
	}
	ps = ps[cut:]
	for i := 0; i < 2 && len(ps) > 1 && ps[0].node != nil; i++ {
		if !holdsByline(ps[0].node) && !headerBox(ps[0], ps[1], l.container) {
			break
		}
		ps = ps[1:]
	}
	return ps
}

// headerBox reports a piece in an element of its own whose class (or that
// of an ancestor inside the container) says standfirst, byline or date,
// an element that does not hold the next piece too.
func headerBox(p, next piece, container *html.Node) bool {
	if len(strings.Fields(p.text)) > maxStandfirstWords {
		return false
	}
	for n := p.node; n != nil && n != container; n = n.Parent {
		if n.Type == html.ElementNode && markup.HasClassWord(n, standfirstWords) {
			return next.node == nil || !markup.Inside(next.node, n)
		}
	}
	return false
}

// standfirstWords are the header words that never name the body's lead
// paragraph: "summary", "lead" and "intro" do, on many sites.
var standfirstWords = map[string]bool{
	"dek": true, "deck": true, "standfirst": true, "subtitle": true, "subheadline": true,
	"subhead": true, "strapline": true, "strap": true, "kicker": true, "chapo": true,
	"chapeau": true, "sapo": true, "tagline": true, "byline": true, "meta": true,
}

// maxStandfirstWords bounds a standfirst.
const maxStandfirstWords = 60

// trimTitle drops an h1 among the first pieces, the page's title, with the
// short labels above it (section, kicker).
func trimTitle(ps []piece) []piece {
	for i := 0; i < len(ps) && i < 3; i++ {
		if ps[i].node == nil || ps[i].node.DataAtom != atom.H1 {
			continue
		}
		for _, p := range ps[:i] {
			if len(strings.Fields(p.text)) > maxKickerWords {
				return slices.Delete(ps, i, i+1)
			}
		}
		return ps[i+1:]
	}
	return ps
}

// maxKickerWords bounds a label printed above a headline.
const maxKickerWords = 6

// trimListTail drops a list of links that ends the body ("More stories"),
// with its title.
func trimListTail(l *layout, ps []piece) []piece {
	// Closing lines first (copyright, credits), then a last line of links
	// only: print, send, share.
	for k := len(ps) - 1; k > 0; k-- {
		if !lines.IsClosing(ps[k].text) && !(ps[k].block >= 0 && linky(l.src[ps[k].block]) && len(strings.Fields(ps[k].text)) <= 8) {
			break
		}
		ps = ps[:k]
	}
	n := len(ps)
	for n > 0 && isListItem(ps[n-1].node) && ps[n-1].block >= 0 && 10*l.src[ps[n-1].block].link >= 3*l.src[ps[n-1].block].runes {
		n--
	}
	if len(ps)-n < 3 {
		return ps
	}
	if n > 0 && len(strings.Fields(ps[n-1].text)) <= 8 && !strings.ContainsAny(lastRune(ps[n-1].text), ".!?:;") {
		n--
	}
	return ps[:n]
}

func isListItem(n *html.Node) bool {
	for ; n != nil && n.Type == html.ElementNode; n = n.Parent {
		if n.DataAtom == atom.Li {
			return true
		}
		if pagetext.IsBlock(n.DataAtom) && n.DataAtom != atom.A && n.DataAtom != atom.Div && n.DataAtom != atom.P {
			return false
		}
	}
	return false
}

func lastRune(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return ""
	}
	return string(r[len(r)-1])
}
