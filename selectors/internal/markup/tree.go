package markup

import (
	"slices"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Inside reports whether n is a or under a.
func Inside(n, a *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == a {
			return true
		}
	}
	return false
}

// Attr is the value of n's attribute key, "" when n has none.
func Attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// Precedes reports whether a starts before b in document order.
func Precedes(a, b *html.Node) bool {
	if a == b {
		return false
	}
	pa, pb := ancestry(a), ancestry(b)
	i := 0
	for i < len(pa) && i < len(pb) && pa[i] == pb[i] {
		i++
	}
	if i == len(pa) {
		return true // a holds b
	}
	if i == len(pb) {
		return false
	}
	for c := pa[i]; c != nil; c = c.NextSibling {
		if c == pb[i] {
			return true
		}
	}
	return false
}

// ancestry is n's ancestors from the root down to n.
func ancestry(n *html.Node) []*html.Node {
	var out []*html.Node
	for ; n != nil; n = n.Parent {
		out = append(out, n)
	}
	slices.Reverse(out)
	return out
}

// FindElement returns the first element of kind a under n, depth first.
func FindElement(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := FindElement(c, a); f != nil {
			return f
		}
	}
	return nil
}

// Clone deep-copies n, so junk can be removed without touching the page.
// Elements built by go-trafilatura carry only their tag name; the copy gets
// the atom too, which the walkers switch on.
func Clone(n *html.Node) *html.Node {
	c := CloneNode(n)
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c.AppendChild(Clone(k))
	}
	return c
}

// CloneNode copies n without its children.
func CloneNode(n *html.Node) *html.Node {
	c := &html.Node{
		Type:      n.Type,
		DataAtom:  n.DataAtom,
		Data:      n.Data,
		Namespace: n.Namespace,
		Attr:      append([]html.Attribute(nil), n.Attr...),
	}
	if c.Type == html.ElementNode && c.DataAtom == 0 {
		c.DataAtom = atom.Lookup([]byte(c.Data))
	}
	return c
}
