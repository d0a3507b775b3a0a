package selectors

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsarc/newsarc/selectors/byline"
	"github.com/newsarc/newsarc/selectors/dates"
	"github.com/newsarc/newsarc/selectors/internal/markup"
	"github.com/newsarc/newsarc/selectors/internal/pagetext"
)

// The byline as the page prints it: author elements and prefixed text.

// maxBylineText bounds the text of an element read as a byline; an author
// box with a biography is longer.
const maxBylineText = 120

// textByline reads the authors from the page: links with rel=author and
// elements whose class says author or byline, in the header region first,
// then on the whole page; then a short text starting with "By", "Par" or
// "بقلم" near the headline. The first that credits a person wins, else the
// first that credits an organisation.
func (x *extraction) textByline() byline.Credit {
	region := x.region()
	steps := []func() byline.Credit{func() byline.Credit { return x.authorElements(region) }}
	if region.Get(0) != x.root {
		steps = append(steps, func() byline.Credit { return x.authorElements(x.doc.Selection) })
	}
	for _, n := range region.Nodes {
		steps = append(steps, func() byline.Credit { return x.prefixedByline(n) })
	}
	return firstCredit(steps...)
}

// prefixedByline finds the first short text under n that starts like a
// byline ("Par Karim Idrissi, le 30 juin 2023") and credits a person, else
// the first that credits an organisation ("By The Associated Press").
func (x *extraction) prefixedByline(n *html.Node) byline.Credit {
	// n's own text is read once, and only as far as a byline goes: an
	// element can hold thousands of lines that start like one.
	var whole *byline.Credit
	wholeCredit := func() byline.Credit {
		if whole == nil {
			whole = &byline.Credit{}
			if t, short := pagetext.Short(n, maxBylineText); short && byline.HasPrefix(t) {
				*whole = x.namesInText(t)
			}
		}
		return *whole
	}
	var org byline.Credit
	person := func(c byline.Credit) bool {
		if len(c.People) > 0 {
			return true
		}
		if org.Empty() {
			org = c
		}
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			t := pagetext.Clean(c.Data)
			if t == "" || utf8.RuneCountInString(t) > maxBylineText || !byline.HasPrefix(t) {
				continue
			}
			// The names may be in the next elements: "By <a>Jane</a>". The
			// element must start with the prefix: "said by the ministry"
			// inside a paragraph is not a byline.
			if found := wholeCredit(); person(found) {
				return found
			}
			if c == firstText(n) && !wordsBefore(n, c) {
				if found := x.namesInText(t); person(found) {
					return found
				}
			}
		case html.ElementNode:
			if pagetext.IsHidden(c.DataAtom) && !markup.IsAuthorButton(c) || x.insideBylineJunk(c) {
				continue
			}
			if found := x.prefixedByline(c); person(found) {
				return found
			}
			// "<span>By </span><a>Jane Doe</a>": the prefix is alone in its
			// element, the names are in the next ones.
			if !prefixOnly(c) {
				continue
			}
			if found := wholeCredit(); person(found) {
				return found
			}
			if found := x.prefixThenNext(c); person(found) {
				return found
			}
		}
	}
	return org
}

// prefixThenNext reads the names in the element after a prefix that stands
// alone in its own: "<span>by</span> <h3><a>Jane Doe</a></h3>", where the
// box around both starts with something else (the series' title).
func (x *extraction) prefixThenNext(prefix *html.Node) byline.Credit {
	next := prefix.NextSibling
	for next != nil && next.Type == html.TextNode && strings.TrimSpace(next.Data) == "" {
		next = next.NextSibling
	}
	if next == nil || next.Type != html.ElementNode || pagetext.IsHidden(next.DataAtom) ||
		x.insideBylineJunk(next) {
		return byline.Credit{}
	}
	p, _ := pagetext.Short(prefix, 20)
	t, short := pagetext.Short(next, maxBylineText)
	if !short || t == "" {
		return byline.Credit{}
	}
	return x.namesInText(p + " " + t)
}

// insideBylineJunk is markup.InsideBylineJunk(n, x.anchor), each element
// of the page tested once, and an element holding most of the page's
// prose not junk (x.junkBoxes).
func (x *extraction) insideBylineJunk(n *html.Node) bool {
	return x.junkBoxes().InsideByline(n, x.anchor)
}

// insideJunk is markup.InsideJunk(n, anchor) as insideBylineJunk asks it:
// the body's notion of a box (a junk class on an element that holds less
// than half of the text) for the headline, byline and date rules.
func (x *extraction) insideJunk(n, anchor *html.Node) bool {
	return x.junkBoxes().Inside(n, anchor)
}

func (x *extraction) junkBoxes() *markup.Boxes {
	if x.boxes == nil {
		x.boxes = markup.NewBoxes(x.root)
	}
	return x.boxes
}

// prefixOnly reports an element whose text is a byline's prefix and
// nothing else: "<span>By </span>".
func prefixOnly(n *html.Node) bool {
	t, short := pagetext.Short(n, 20)
	return short && byline.HasPrefix(t) && byline.Clean(t) == nil
}

// authorElements reads the innermost author elements of scope: the first
// one that credits a person, with its siblings ("By <a rel=author>A</a>
// and <a rel=author>B</a>" gives both), else the first that credits an
// organisation. An outer element is skipped because it often holds the
// date and other labels too.
func (x *extraction) authorElements(scope *goquery.Selection) byline.Credit {
	return firstCredit(
		func() byline.Credit { return x.authorElementsOf(scope, true) },
		// The inner ones are labels ("<div class=td-author-by>By</div> <a
		// href=/author/x>Name</a>"): the name is in an outer one, the
		// lowest that names a person (not the box that adds "Watch live"
		// to it).
		func() byline.Credit { return x.authorElementsOf(scope, false) },
	)
}

func (x *extraction) authorElementsOf(scope *goquery.Selection, innermost bool) byline.Credit {
	var c, org byline.Credit
	var parent *html.Node
	scope.Find("*").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		n := s.Get(0)
		if !markup.IsAuthorElement(n) || x.insideBylineJunk(n) || innermost && hasAuthorDescendant(n) || x.creditsOther(n) {
			return true
		}
		if parent != nil && n.Parent != parent && !parallelBoxes(n.Parent, parent, x.anchor) {
			return true
		}
		found := x.namesIn(n)
		if parent == nil {
			if len(found.People) == 0 {
				if org.Empty() {
					org = found
				}
				return true
			}
			if !innermost && x.personInside(n) {
				return true // the inner one comes next
			}
			parent = n.Parent
		}
		c = c.Add(found)
		return true
	})
	if c.Empty() {
		return org
	}
	return c
}

// parallelBoxes reports two elements that are the same part of sibling
// boxes of one kind: going up in step, within cardDepth levels, each pair
// has the same tag and class until both meet in one parent, and neither
// box holds the headline (its element given; boxes that do are whole
// articles in a row, each with its own credit). An author box per author
// ("div.author-card" with a photo, the name and a role, one beside the
// other) credits every author it prints, not the first alone.
func parallelBoxes(a, b, headline *html.Node) bool {
	for i := 0; i < cardDepth && a != nil && b != nil; i, a, b = i+1, a.Parent, b.Parent {
		if a == b {
			return i > 0
		}
		if a.Type != html.ElementNode || b.Type != html.ElementNode || a.Data != b.Data ||
			markup.Attr(a, "class") != markup.Attr(b, "class") ||
			markup.Inside(headline, a) || markup.Inside(headline, b) {
			return false
		}
	}
	return false
}

// creditsOther reports an author element that credits something other
// than the article: the source of a quotation, or the author on one of a
// row of cards of other stories (a "more stories" grid that no class word
// marks as junk). A card is an ancestor, up to cardDepth levels and not
// the one that holds the headline, that carries a heading or a headline
// link and has a sibling of the same tag and class with an author of its
// own.
func (x *extraction) creditsOther(n *html.Node) bool {
	for p := n.Parent; p != nil && p.Type == html.ElementNode; p = p.Parent {
		if p.DataAtom == atom.Blockquote || p.DataAtom == atom.Q {
			return true
		}
	}
	c := n.Parent
	for i := 0; i < cardDepth && c != nil && c.Type == html.ElementNode && c.DataAtom != atom.Body; i, c = i+1, c.Parent {
		if markup.Inside(x.anchor, c) {
			return false
		}
		if twinWithAuthor(c) && holdsHeadline(c, n) {
			return true
		}
	}
	return false
}

// cardDepth is how far above its author element a card's box may be: a
// card nests its parts a few levels deep, a page's layout many more.
const cardDepth = 4

// maxTwins bounds the siblings compared on each side of a card.
const maxTwins = 8

// twinWithAuthor reports a sibling of c, near it, with c's tag and class
// and an author element inside.
func twinWithAuthor(c *html.Node) bool {
	class := markup.Attr(c, "class")
	twin := func(s *html.Node) bool {
		return s.Type == html.ElementNode && s.DataAtom == c.DataAtom && s.Data == c.Data &&
			markup.Attr(s, "class") == class && hasAuthorDescendant(s)
	}
	for s, i := c.PrevSibling, 0; s != nil && i < maxTwins; s, i = s.PrevSibling, i+1 {
		if twin(s) {
			return true
		}
	}
	for s, i := c.NextSibling, 0; s != nil && i < maxTwins; s, i = s.NextSibling, i+1 {
		if twin(s) {
			return true
		}
	}
	return false
}

// holdsHeadline reports a heading or a link under c, outside the author
// element a, whose text is a headline's: longer than a name (four words,
// or eight CJK characters, which are not spaced) and not the name a
// prints (an author box per author titles each with its name).
func holdsHeadline(c, a *html.Node) bool {
	name, _ := pagetext.Short(a, maxBylineText)
	name = pagetext.Fold(name)
	found := false
	eachElement([]*html.Node{c}, func(e *html.Node) bool {
		if e == a || markup.Inside(e, a) || markup.Inside(a, e) {
			return true
		}
		switch e.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.A:
			t, _ := pagetext.Short(e, maxBylineText)
			found = headlineLike(t) && (name == "" || !strings.Contains(pagetext.Fold(t), name))
		}
		return !found
	})
	return found
}

func headlineLike(t string) bool {
	return len(strings.Fields(t)) >= 4 || hasCJK(t) && utf8.RuneCountInString(t) >= 8
}

// personInside reports an author element under n that names a person.
func (x *extraction) personInside(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if markup.IsAuthorElement(c) && !x.insideBylineJunk(c) && len(x.namesIn(c).People) > 0 ||
			x.personInside(c) {
			return true
		}
	}
	return false
}

func hasAuthorDescendant(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (markup.IsAuthorElement(c) || hasAuthorDescendant(c)) {
			return true
		}
	}
	return false
}

// namesIn reads the credit of a byline element, without the dates it often
// carries ("By Jane Doe, June 29, 2023"), and with the site's name as its
// newsroom.
func (x *extraction) namesIn(n *html.Node) byline.Credit {
	t, short := pagetext.Short(n, maxBylineText)
	if !short {
		return byline.Credit{} // a box that holds more than a byline
	}
	return x.namesInText(t)
}

func (x *extraction) namesInText(t string) byline.Credit {
	if t == "" || utf8.RuneCountInString(t) > maxBylineText {
		return byline.Credit{}
	}
	ms := dates.Find(t, x.e.tz, x.now)
	for i := len(ms) - 1; i >= 0; i-- {
		t = t[:ms[i].Start] + " , " + t[ms[i].End:]
	}
	return x.own(byline.Parse(t))
}

// wordsBefore reports an element before c among n's children that prints
// words: "<span>x</span> by definition" does not start with "by". An icon
// or a bullet before a byline prints none.
func wordsBefore(n, c *html.Node) bool {
	for s := n.FirstChild; s != nil && s != c; s = s.NextSibling {
		if s.Type != html.ElementNode || pagetext.IsHidden(s.DataAtom) {
			continue
		}
		t, short := pagetext.Short(s, maxBylineText)
		if !short || strings.IndexFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			return true
		}
	}
	return false
}

// firstText is n's first non-blank text child.
func firstText(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return c
		}
	}
	return nil
}
