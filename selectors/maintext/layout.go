package maintext

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsarc/newsarc/selectors/internal/markup"
)

// layout is go-trafilatura's main text laid over the page: which blocks it
// took, the element that holds most of them, and how much of the text each
// element holds.
type layout struct {
	root      *html.Node
	anchor    *html.Node // the headline's element, nil when unknown
	src       []srcBlock
	paras     []mapped
	taken     map[int]bool        // blocks of some paragraph
	held      map[*html.Node]int  // letters of taken blocks under each element
	total     int                 // letters of all taken blocks
	container *html.Node          // deepest element holding most of the text; nil when nothing matched
	order     map[*html.Node]int  // document order of elements
	boxed     map[*html.Node]bool // inBox of elements asked so far
	classes   map[string]int      // letters of taken blocks under each class token, once made (classHeld)
	kinds     map[string]int      // taken blocks in the container by tag and class, made when first asked
}

// containerShare is the part of the taken text that the container holds.
const containerShare = 0.6

func newLayout(root, anchor *html.Node, src []srcBlock, paras []mapped) *layout {
	l := &layout{root: root, anchor: anchor, src: src, paras: paras, taken: map[int]bool{}, held: map[*html.Node]int{}, order: map[*html.Node]int{}, boxed: map[*html.Node]bool{}}
	i := 0
	var number func(n *html.Node)
	number = func(n *html.Node) {
		if n.Type == html.ElementNode {
			l.order[n] = i
			i++
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			number(c)
		}
	}
	number(root)
	for _, p := range paras {
		for _, b := range p.blocks {
			if l.taken[b] {
				continue
			}
			l.taken[b] = true
			r := src[b].runes
			l.total += r
			for n := src[b].node; n != nil; n = n.Parent {
				l.held[n] += r
			}
		}
	}
	if l.total == 0 {
		return l
	}
	n := root
	for {
		var next *html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if float64(l.held[c]) >= containerShare*float64(l.total) {
				next = c
				break
			}
		}
		if next == nil {
			break
		}
		n = next
	}
	l.container = l.widen(n)
	return l
}

// widen moves the container up from a part of the article to the article:
// from a table or list to what holds it, and from an element to its parent
// when text elements beside it (paragraphs, subheadings) were taken too.
func (l *layout) widen(n *html.Node) *html.Node {
	for n.Parent != nil && n.Parent.Type == html.ElementNode && n.Parent.DataAtom != atom.Body {
		up := false
		switch n.DataAtom {
		case atom.Tbody, atom.Thead, atom.Tr, atom.Table, atom.Ul, atom.Ol, atom.Li, atom.Dl:
			up = true
		}
		for c := n.Parent.FirstChild; c != nil && !up; c = c.NextSibling {
			if c != n && textElems[c.DataAtom] && l.held[c] > 0 {
				up = true
			}
		}
		if !up {
			return n
		}
		n = n.Parent
	}
	return n
}

// textElems are the elements an article's text is written in.
var textElems = map[atom.Atom]bool{
	atom.P: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Blockquote: true, atom.Ul: true, atom.Ol: true, atom.Pre: true, atom.Table: true,
}

// share is the part of the taken text under n.
func (l *layout) share(n *html.Node) float64 {
	if l.total == 0 {
		return 0
	}
	return float64(l.held[n]) / float64(l.total)
}

// outside tells where a piece lies against the container: 0 inside (or
// unknown), -1 before it, +1 after it.
func (l *layout) outside(p piece) int {
	if p.node == nil || l.container == nil || markup.Inside(p.node, l.container) {
		return 0
	}
	if l.order[p.node] < l.order[l.container] {
		return -1
	}
	return 1
}

// branches returns the children of the lowest common ancestor of a and b
// that lead to a and to b.
func branches(a, b *html.Node) (*html.Node, *html.Node) {
	depth := map[*html.Node]*html.Node{} // ancestor of b → its child toward b
	var prev *html.Node
	for n := b; n != nil; n = n.Parent {
		depth[n] = prev
		prev = n
	}
	prev = nil
	for n := a; n != nil; n = n.Parent {
		if c, ok := depth[n]; ok {
			return prev, c
		}
		prev = n
	}
	return nil, nil
}

// sameKind reports elements of one template: same tag, same class.
func sameKind(a, b *html.Node) bool {
	if a == nil || b == nil || a.Type != html.ElementNode || b.Type != html.ElementNode {
		return false
	}
	return a.Data == b.Data && markup.Attr(a, "class") == markup.Attr(b, "class")
}
