package pagetext

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Paragraphs returns the text of n as paragraphs: every block element and
// every <br> ends one, inline elements join their text, white space is
// collapsed. Table cells of a row stay on one line.
func Paragraphs(n *html.Node) []string {
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
	if p := Clean(w.cur.String()); p != "" {
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
		if hidden[n.DataAtom] {
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
	block := n.Type == html.ElementNode && blocks[n.DataAtom]
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
