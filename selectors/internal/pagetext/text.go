package pagetext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Clean collapses white space, drops invisible format characters (bidi
// marks, zero-width spaces, soft hyphens) and trims.
func Clean(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case invisible(r):
			continue
		case IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func invisible(r rune) bool {
	switch {
	case r == '\u200b', r == '\u200e', r == '\u200f', r == '\ufeff', r == '\u00ad', r == '\u061c',
		r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}

// Of is the visible text of a selection, with block boundaries and
// <br> read as spaces (goquery's Text glues "<p>a</p><p>b</p>" into "ab").
func Of(s *goquery.Selection) string {
	var b strings.Builder
	for _, n := range s.Nodes {
		Write(&b, n)
		b.WriteByte(' ')
	}
	return Clean(b.String())
}

// Write writes the text of n as Of reads it, without cleaning it.
func Write(b *strings.Builder, n *html.Node) {
	walk(b, n, func(s string) bool {
		b.WriteString(s)
		return true
	})
}

// walk writes the spaces of n's elements to b and hands its visible text
// to text, in document order, until text returns false; it reports
// whether it got to the end.
func walk(b *strings.Builder, n *html.Node, text func(string) bool) bool {
	switch n.Type {
	case html.TextNode:
		return text(n.Data)
	case html.ElementNode:
		if hidden[n.DataAtom] {
			return true
		}
		if n.DataAtom == atom.Br {
			b.WriteByte(' ')
			return true
		}
	case html.CommentNode:
		return true
	}
	block := n.Type == html.ElementNode && blocks[n.DataAtom]
	if block {
		b.WriteByte(' ')
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !walk(b, c, text) {
			return false
		}
	}
	if block {
		b.WriteByte(' ')
	}
	return true
}

// hidden are elements whose content is never visible text.
var hidden = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true,
	atom.Select: true, atom.Textarea: true, atom.Button: true, atom.Head: true,
}

// blocks start and end a paragraph of text.
var blocks = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Dd: true, atom.Details: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true,
	atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Header: true, atom.Hr: true, atom.Li: true,
	atom.Main: true, atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true,
	atom.Section: true, atom.Table: true, atom.Tr: true, atom.Ul: true, atom.Summary: true,
	atom.Caption: true, atom.Thead: true, atom.Tbody: true, atom.Tfoot: true,
	atom.Td: true, atom.Th: true, atom.Body: true, atom.Center: true,
}

// IsHidden reports an element whose content is never visible text: script,
// style, form controls and the like.
func IsHidden(a atom.Atom) bool { return hidden[a] }

// IsBlock reports an element that starts and ends a paragraph of text.
func IsBlock(a atom.Atom) bool { return blocks[a] }

// Fold keeps the letters and digits of s, lowercased, words separated by
// one space.
func Fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if IsWordRune(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(ToLower(r))
			continue
		}
		if !unicode.IsMark(r) {
			space = true
		}
	}
	return b.String()
}

// Short is Of's text of n when that text has at most limit runes, and
// false when it is longer. It stops reading at the first rune past limit that
// Clean keeps (neither space nor invisible), so that asking whether a
// container of a whole page is a short label costs limit runes, not the page.
func Short(n *html.Node, limit int) (string, bool) {
	w := shortWriter{limit: limit}
	w.write(n)
	if w.over {
		return "", false
	}
	t := Clean(w.b.String())
	if utf8.RuneCountInString(t) > limit {
		return "", false
	}
	return t, true
}

// shortWriter is Write that gives up once the text cannot be short.
type shortWriter struct {
	b     strings.Builder
	kept  int // runes that Clean keeps
	limit int
	over  bool
}

func (w *shortWriter) text(s string) {
	for i, r := range s {
		if !invisible(r) && !IsSpace(r) {
			if w.kept++; w.kept > w.limit {
				w.b.WriteString(s[:i])
				w.over = true
				return
			}
		}
	}
	w.b.WriteString(s)
}

// write follows Write: the same text, the same spaces.
func (w *shortWriter) write(n *html.Node) {
	walk(&w.b, n, func(s string) bool {
		w.text(s)
		return !w.over
	})
}

// ShortOwn is Own of n when it has at most limit runes, with the
// same early stop as Short.
func ShortOwn(n *html.Node, limit int) (string, bool) {
	w := shortWriter{limit: limit}
	for c := n.FirstChild; c != nil && !w.over; c = c.NextSibling {
		if c.Type == html.TextNode {
			w.text(c.Data)
			w.b.WriteByte(' ')
		}
	}
	if w.over {
		return "", false
	}
	t := Clean(w.b.String())
	if utf8.RuneCountInString(t) > limit {
		return "", false
	}
	return t, true
}

// Own is the text of n's own text children, without its elements'.
func Own(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
			b.WriteByte(' ')
		}
	}
	return Clean(b.String())
}
