package selectors

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// paragraphs returns the text of n as paragraphs: every block element and
// every <br> ends one, inline elements join their text, white space is
// collapsed. Table cells of a row stay on one line.
func paragraphs(n *html.Node) []string {
	w := paraWriter{}
	w.walk(n)
	w.flush()
	return w.out
}

type paraWriter struct {
	cur strings.Builder
	out []string
}

func (w *paraWriter) flush() {
	if p := cleanText(w.cur.String()); p != "" {
		w.out = append(w.out, p)
	}
	w.cur.Reset()
}

func (w *paraWriter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.cur.WriteString(n.Data)
		return
	case html.CommentNode, html.DoctypeNode:
		return
	case html.ElementNode:
		if skipText[n.DataAtom] {
			return
		}
		switch n.DataAtom {
		case atom.Br, atom.Hr:
			w.flush()
			return
		case atom.Td, atom.Th:
			w.cur.WriteByte(' ')
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				w.walk(c)
			}
			w.cur.WriteByte(' ')
			return
		case atom.Img:
			return
		}
	}
	block := n.Type == html.ElementNode && blockElems[n.DataAtom]
	if block {
		w.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	if block {
		w.flush()
	}
}

// cloneTree deep-copies n, so junk can be removed without touching the page.
// Elements built by go-trafilatura carry only their tag name; the copy gets
// the atom too, which the walkers switch on.
func cloneTree(n *html.Node) *html.Node {
	c := cloneNode(n)
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c.AppendChild(cloneTree(k))
	}
	return c
}

// cloneNode copies n without its children.
func cloneNode(n *html.Node) *html.Node {
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
