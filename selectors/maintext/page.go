package maintext

import (
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Page is a page laid out in blocks once, to correct several candidate
// texts of it: go-trafilatura's and a second opinion.
type Page struct {
	root, headline *html.Node
	src            []srcBlock
}

// NewPage lays out the page under root; headline is the headline's
// element, nil when unknown.
func NewPage(root, headline *html.Node) *Page {
	return &Page{root: root, headline: headline, src: sourceBlocks(root)}
}

// Text is a candidate text corrected by the page: its paragraphs, and its
// prose, the letters and digits of its paragraphs outside links.
type Text struct {
	Paragraphs []string
	Prose      int
}

// Correct is the package's Correct on the page laid out once.
func (p *Page) Correct(paras []string) Text {
	l := newLayout(p.root, p.headline, p.src, align(p.src, paras))
	var t Text
	seen := map[int]bool{}
	for _, pc := range l.trim(l.filter(l.extend(l.pieces()))) {
		t.Paragraphs = append(t.Paragraphs, pc.text)
		switch {
		case pc.block < 0:
			t.Prose += utf8.RuneCountInString(compactKey(pc.text))
		case !seen[pc.block]:
			seen[pc.block] = true
			t.Prose += p.src[pc.block].runes - p.src[pc.block].link
		}
	}
	return t
}

// Prose is the letters and digits of the whole page outside links, which
// bound the prose of any text found on the page.
func (p *Page) Prose() int {
	n := 0
	for _, b := range p.src {
		n += b.runes - b.link
	}
	return n
}
