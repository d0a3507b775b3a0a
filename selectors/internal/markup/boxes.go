package markup

import (
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsarc/newsarc/selectors/internal/pagetext"
)

// wrapperShare is the part of a page's prose above which an element with
// a junk class is the page's or the article's wrapper
// ("page-wrapper is-below-header-ad"), not a box beside the article: the
// body's rule (maintext's junkShare) for the metadata rules.
const wrapperShare = 0.5

// Boxes answers InsideJunk and InsideBylineJunk for the elements of one
// tree that does not change, testing each element once per question, with
// one more rule: an element holding half of the page's prose or more is
// not a box, whatever its class says. The byline, headline and date rules
// ask of every element they read, and so of each element's ancestors
// again and again.
type Boxes struct {
	root  *html.Node
	total int                // letters of the page's prose, -1 until asked
	held  map[*html.Node]int // letters of prose under the junk elements asked of
	known map[boxKey]map[*html.Node]bool
}

// boxKey is a question Boxes answers: junk for an anchor, for the byline
// or not.
type boxKey struct {
	anchor *html.Node
	byline bool
}

// NewBoxes answers for the page under root.
func NewBoxes(root *html.Node) *Boxes {
	return &Boxes{root: root, total: -1, held: map[*html.Node]int{}, known: map[boxKey]map[*html.Node]bool{}}
}

// prose counts the letters of text under n outside links and hidden
// elements.
func prose(n *html.Node) int {
	switch {
	case n.Type == html.TextNode:
		k := 0
		for _, r := range n.Data {
			if unicode.IsLetter(r) {
				k++
			}
		}
		return k
	case n.Type == html.ElementNode && (n.DataAtom == atom.A || pagetext.IsHidden(n.DataAtom)):
		return 0
	}
	k := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		k += prose(c)
	}
	return k
}

// Inside is InsideJunk(n, anchor), wrappers not junk.
func (b *Boxes) Inside(n, anchor *html.Node) bool {
	return b.inside(n, anchor, false)
}

// InsideByline is InsideBylineJunk(n, anchor), wrappers not junk.
func (b *Boxes) InsideByline(n, anchor *html.Node) bool {
	return b.inside(n, anchor, true)
}

// wrapper reports an element that holds half of the page's prose or more.
// Only junk elements are asked, and they are few: the prose is counted
// for them, not for every element of the page.
func (b *Boxes) wrapper(n *html.Node) bool {
	if b.total < 0 {
		b.total = prose(b.root)
	}
	k, ok := b.held[n]
	if !ok {
		k = prose(n)
		b.held[n] = k
	}
	return b.total > 0 && float64(k) >= wrapperShare*float64(b.total)
}

func (b *Boxes) inside(n, anchor *html.Node, byline bool) bool {
	if n == nil {
		return false
	}
	k := boxKey{anchor, byline}
	known := b.known[k]
	if known == nil {
		known = map[*html.Node]bool{}
		b.known[k] = known
	}
	v, ok := known[n]
	if !ok {
		v = isJunk(n, byline) && !Inside(anchor, n) && !b.wrapper(n) || b.inside(n.Parent, anchor, byline)
		known[n] = v
	}
	return v
}
