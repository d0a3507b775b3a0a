package trafilatura

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/go-shiori/dom"
	"golang.org/x/net/html"
)

// newsarc patch 8: trimmedTextLength counts what the link density tests
// counted by copying and trimming the text; below the limit it must give
// the same number, at or above it a number from the limit up to it.

// textTree builds a tree from s: "<" opens an element, ">" closes one and
// "|" ends a text node, so that spaces, runes and broken bytes fall on
// either side of node boundaries.
func textTree(s string) *html.Node {
	root := &html.Node{Type: html.ElementNode, Data: "div"}
	cur := root
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			cur.AppendChild(&html.Node{Type: html.TextNode, Data: text.String()})
			text.Reset()
		}
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '<':
			flush()
			n := &html.Node{Type: html.ElementNode, Data: "span"}
			cur.AppendChild(n)
			cur = n
		case '>':
			flush()
			if cur.Parent != nil {
				cur = cur.Parent
			}
		case '|':
			flush()
		default:
			text.WriteByte(s[i])
		}
	}
	flush()
	return root
}

func checkTrimmedTextLength(t *testing.T, s string, limit int) {
	n := textTree(s)
	want := utf8.RuneCountInString(trim(dom.TextContent(n)))
	got := trimmedTextLength(n, limit)
	if want < limit && got != want || want >= limit && (got < limit || got > want) {
		t.Fatalf("trimmedTextLength(%q, %d) = %d, text length %d", s, limit, got, want)
	}
}

func TestTrimmedTextLength(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a |b ", "a|b", "a |<b> c>  d", "<<x>>", "\xe2\x80|\x99 x", "é \u00a0|\u3000 è",
		"  many <spaces> |and\n\tlines  ", "\xff", "ab<cd<ef>gh>ij"} {
		for _, limit := range []int{0, 1, 2, 3, 5, 100} {
			checkTrimmedTextLength(t, s, limit)
		}
	}
}

func FuzzTrimmedTextLength(f *testing.F) {
	for _, s := range []string{"", "a |<b> c>  d", "\xe2\x80|\x99 x", "é \u00a0|\u3000 è", "x\u0085|y"} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, s string, limit int) {
		checkTrimmedTextLength(t, s, limit)
	})
}
