package maintext

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsarc/newsarc/selectors/internal/markup"
	"github.com/newsarc/newsarc/selectors/internal/pagetext"
)

// srcBlock is one paragraph of the page as a reader sees it laid out: the
// text of a block element up to the next block boundary or <br>, with the
// element it sits in. go-trafilatura returns a rebuilt tree that has lost
// the page's classes and sometimes the spaces around links; its paragraphs
// are matched back to these blocks so that the page's own markup decides
// what is article text and its own text is what is written.
type srcBlock struct {
	key   string     // letters and digits of all the text, lowercased: what is matched
	all   string     // key with the text of form controls and other hidden elements
	text  string     // the visible text without inline junk (tooltips, share labels)
	node  *html.Node // innermost block element around the text
	runes int        // letters and digits
	link  int        // letters and digits inside links
}

// sourceBlocks lays out the page under n as paragraphs, the way paragraphs
// does, keeping for each the element it came from.
func sourceBlocks(n *html.Node) []srcBlock {
	w := blockWalker{cur: n}
	w.walk(n)
	w.flush()
	return w.out
}

type blockWalker struct {
	// key and all are written as compactKey would make them of the
	// visible text and of all the text; clean is the visible text.
	key, all   strings.Builder
	clean      strings.Builder
	runes      int        // in key
	hidden     int        // open elements whose text is not shown
	node       *html.Node // block element of the paragraph being written
	cur        *html.Node // innermost open block element
	inlineJunk int        // open inline junk elements since cur
	inLink     int
	link       int
	out        []srcBlock
}

func (w *blockWalker) flush() {
	key, all := w.key.String(), w.all.String()
	if all != "" {
		node := w.node
		if node == nil {
			node = w.cur
		}
		w.out = append(w.out, srcBlock{
			key:   key,
			all:   all,
			text:  pagetext.Clean(w.clean.String()),
			node:  node,
			runes: w.runes,
			link:  w.link,
		})
	}
	w.key.Reset()
	w.all.Reset()
	w.clean.Reset()
	w.node = nil
	w.runes, w.link = 0, 0
}

func (w *blockWalker) text(s string) {
	visible := w.hidden == 0
	if visible && w.inlineJunk == 0 {
		w.clean.WriteString(s)
	}
	for _, r := range s {
		if !pagetext.IsWordRune(r) {
			continue
		}
		r = pagetext.ToLower(r)
		w.all.WriteRune(r)
		if !visible {
			continue
		}
		w.key.WriteRune(r)
		w.runes++
		if w.node == nil {
			w.node = w.cur
		}
		if w.inLink > 0 {
			w.link++
		}
	}
}

func (w *blockWalker) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.CommentNode, html.DoctypeNode:
		return
	case html.ElementNode:
		if pagetext.IsHidden(n.DataAtom) {
			// go-trafilatura's last resort, the page's whole text, has
			// the text of buttons, options and noscript.
			if n.DataAtom != atom.Script && n.DataAtom != atom.Style && n.DataAtom != atom.Head {
				w.hidden++
				w.children(n)
				w.hidden--
			}
			return
		}
		switch n.DataAtom {
		case atom.Br, atom.Hr:
			w.flush()
			return
		case atom.Img:
			return
		case atom.Td, atom.Th:
			// Cells of a row are one paragraph; a paragraph that starts
			// in a cell belongs to the cell, whose class says what it is.
			cur := w.cur
			w.cur = n
			w.text(" ")
			w.children(n)
			w.text(" ")
			w.cur = cur
			return
		}
	}
	if n.Type != html.ElementNode || !pagetext.IsBlock(n.DataAtom) {
		junk := n.Type == html.ElementNode && markup.IsJunk(n)
		if junk {
			w.inlineJunk++
		}
		if n.DataAtom == atom.A {
			w.inLink++
		}
		w.children(n)
		if n.DataAtom == atom.A {
			w.inLink--
		}
		if junk {
			w.inlineJunk--
		}
		return
	}
	w.flush()
	cur, junk := w.cur, w.inlineJunk
	w.cur, w.inlineJunk = n, 0
	w.children(n)
	w.flush()
	w.cur, w.inlineJunk = cur, junk
}

func (w *blockWalker) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
}

// compactKey keeps the letters and digits of s, lowercased: two texts that
// differ only in spacing and punctuation have the same key.
func compactKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if pagetext.IsWordRune(r) {
			b.WriteRune(pagetext.ToLower(r))
		}
	}
	return b.String()
}
