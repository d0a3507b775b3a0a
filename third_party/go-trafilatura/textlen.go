package trafilatura

import (
	"unicode/utf8"

	"github.com/go-shiori/dom"
	"golang.org/x/net/html"
)

// newsarc patch 8: trimmedTextLength.

// trimmedTextLength is utf8.RuneCountInString(trim(dom.TextContent(n)))
// when that is below limit, and a number from limit up to it otherwise.
// The link density tests asked it of every section and then of each
// section inside, copying and trimming the text of the whole subtree each
// time; this counts it in place and stops at limit.
//
// trim keeps the characters that are not spaces and one space between
// runs of them, so its length is their number plus the number of runs of
// spaces between them. A byte that is not UTF-8 could, joined to the text
// of the next node, decode otherwise in TextContent's copy: the subtree is
// then counted as before.
func trimmedTextLength(n *html.Node, limit int) int {
	c := textCounter{limit: limit}
	if !c.walk(n) {
		return utf8.RuneCountInString(trim(dom.TextContent(n)))
	}
	return c.count
}

type textCounter struct {
	limit, count int
	started      bool // a character that is not a space has been counted
	pending      bool // spaces since the last such character
}

// walk counts the text under n; it returns false on a byte that is not
// UTF-8, and stops early once the count reaches the limit.
func (c *textCounter) walk(n *html.Node) bool {
	if n.Type == html.TextNode {
		s := n.Data
		for i := 0; i < len(s); {
			if s[i] >= utf8.RuneSelf {
				if r, size := utf8.DecodeRuneInString(s[i:]); r == utf8.RuneError && size == 1 {
					return false
				}
			}
			size, space := spaceAt(s, i)
			i += size
			if space {
				c.pending = true
				continue
			}
			if c.pending && c.started {
				c.count++
			}
			c.count++
			c.started, c.pending = true, false
		}
		if c.count >= c.limit {
			return true
		}
	}
	for k := n.FirstChild; k != nil && c.count < c.limit; k = k.NextSibling {
		if !c.walk(k) {
			return false
		}
	}
	return true
}
