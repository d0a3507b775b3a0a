package pipeline

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsarc/newsarc/selectors/article"
)

// A page of a site without article_urls whose markup says neither article
// nor listing (crawler.Page.Tentative) is judged by what extraction found
// on it: an article has a headline, a publication date and a body of real
// length, and its body is its own text, not the titles of other pages.

// minBodyRunes is the shortest body of an article, in characters: the
// length under which Readability finds no article on a page (its
// charThreshold, 500 in Mozilla's Readability.js and go-readability).
const minBodyRunes = 500

// manyCards paragraphs of a body that are the titles of linked headings
// (the cards of a listing: <h2><a href=…>title</a></h2>) make the body a
// list of other pages. An article's body links inline, not from its
// headings; it may hold a heading or two that link ("read also").
const manyCards = 3

// notArticle says why a, extracted from a tentative article, is not an
// article, or "" when it reads as one. cards are the page's linked
// headings (cardTitles); nil when unknown.
func notArticle(a *article.Article, cards map[string]bool) string {
	switch {
	case a.Headline == "":
		return "no headline"
	case a.Published.IsZero():
		return "no publication date"
	case utf8.RuneCountInString(a.Body) < minBodyRunes:
		return fmt.Sprintf("body of %d characters, under %d", utf8.RuneCountInString(a.Body), minBodyRunes)
	}
	n := 0
	for para := range strings.SplitSeq(a.Body, "\n\n") {
		if cards[normText(para)] {
			n++
		}
	}
	if n >= manyCards {
		return fmt.Sprintf("the body holds %d titles of linked headings", n)
	}
	return ""
}

// cardTitles returns the texts of doc's linked headings: h1–h6 elements
// that hold a link to another page or are inside one. It reads the tree
// before extraction, which may change it.
func cardTitles(doc *html.Node) map[string]bool {
	cards := map[string]bool{}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode || !isHeading(n) {
			continue
		}
		if linksOut(n) || insideLink(n) {
			if t := normText(textOf(n)); t != "" {
				cards[t] = true
			}
		}
	}
	return cards
}

func isHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// linksOut reports whether n holds a link to another page: a link to a
// fragment (a heading's permalink in a live blog) does not count.
func linksOut(n *html.Node) bool {
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.DataAtom == atom.A && hrefOut(d) {
			return true
		}
	}
	return false
}

func insideLink(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.DataAtom == atom.A && hrefOut(p) {
			return true
		}
	}
	return false
}

func hrefOut(a *html.Node) bool {
	for _, at := range a.Attr {
		if at.Namespace == "" && at.Key == "href" {
			h := strings.TrimSpace(at.Val)
			return h != "" && h[0] != '#'
		}
	}
	return false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}

// normText drops invisible characters and folds runs of spaces, so that
// a heading's text compares with the paragraph extraction made of it.
func normText(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
