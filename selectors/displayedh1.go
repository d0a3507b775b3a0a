package selectors

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/PuerkitoBio/goquery"

	"github.com/newsarc/newsarc/selectors/internal/pagetext"
)

// soleH1 is the text of the page's only displayed h1 outside the page's
// banner, navigation, footer, asides and junk, or "" when there is no such
// h1, several, it holds a site name (a logo) or no text follows it (a
// widget's label after the page's end, "Original text"). On a page without
// og:title or structured data, that h1 is the headline the page displays,
// where the <title> may be a rewrite for search engines. A header inside
// an article, main or section is the article's own: its h1 counts (HTML's
// header is the page's banner only outside those).
func (x *extraction) soleH1(names []string) string {
	found := ""
	var at *html.Node
	n := 0
	x.doc.Find("h1").Each(func(_ int, s *goquery.Selection) {
		if outsideContent(s) || hidden(s) || x.insideJunk(s.Get(0), nil) {
			return
		}
		if h := pagetext.Of(s); h != "" {
			found, at = h, s.Get(0)
			n++
		}
	})
	if n != 1 || isSiteName(found, names) || !textFollows(at) {
		return ""
	}
	return found
}

// followText is the text, in letters outside links, that follows a
// page's headline at least: a sentence or two of its article.
const followText = 200

// textFollows reports whether followText letters of text outside links,
// scripts and styles come after n in the page.
func textFollows(n *html.Node) bool {
	letters := 0
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		switch {
		case n.Type == html.TextNode:
			for _, r := range n.Data {
				if unicode.IsLetter(r) {
					letters++
				}
			}
			return letters >= followText
		case n.Type == html.ElementNode && (n.DataAtom == atom.A || pagetext.IsHidden(n.DataAtom)):
			return false
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	for ; n != nil; n = n.Parent {
		for c := n.NextSibling; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
	}
	return false
}

// strayHeadline reports whether a structured headline is not the page's:
// the page prints it nowhere, as a heading or in its <title>, while its
// title holds its one h1 (a description or a site-wide value filled into
// the headline field, the h1 being the page's own).
func (x *extraction) strayHeadline(headline, h1 string) bool {
	t := pagetext.Fold(x.title())
	fh := pagetext.Fold(headline)
	return t != "" && fh != "" && !strings.Contains(t, fh) && strings.Contains(t, pagetext.Fold(h1)) && !x.displays(headline)
}

// outsideContent reports whether s is in the page's banner, navigation,
// footer or an aside, as HTML's sectioning defines them.
func outsideContent(s *goquery.Selection) bool {
	if s.Closest("nav, aside, [role=navigation], [role=complementary], [role=banner], [role=contentinfo]").Length() > 0 {
		return true
	}
	for _, tag := range []string{"header", "footer"} {
		if c := s.Closest(tag); c.Length() > 0 && c.Closest("article, main, section, [role=main]").Length() == 0 {
			return true
		}
	}
	return false
}

// hiddenClasses are the class names CSS frameworks hide elements with
// (Bootstrap's d-none, sr-only, visually-hidden; the common hide, hidden,
// is-hidden).
var hiddenClasses = map[string]bool{"hide": true, "hidden": true, "is-hidden": true, "d-none": true, "sr-only": true, "visually-hidden": true}

// hidden reports whether s or an ancestor is hidden by its markup: the
// hidden attribute, aria-hidden, an inline display:none, or a class that
// CSS frameworks hide with.
func hidden(s *goquery.Selection) bool {
	for n := s.Get(0); n != nil; n = n.Parent {
		for _, a := range n.Attr {
			switch a.Key {
			case "hidden":
				return true
			case "aria-hidden":
				if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
					return true
				}
			case "style":
				if strings.Contains(strings.ReplaceAll(strings.ToLower(a.Val), " ", ""), "display:none") {
					return true
				}
			case "class":
				for c := range strings.FieldsSeq(strings.ToLower(a.Val)) {
					if hiddenClasses[c] {
						return true
					}
				}
			}
		}
	}
	return false
}

// displays reports whether the page prints headline as a heading or a
// title-classed element, outside junk.
func (x *extraction) displays(headline string) bool {
	want := pagetext.Fold(headline)
	if want == "" {
		return false
	}
	found := false
	x.doc.Find(headingSelector).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if h := pagetext.Of(s); len(h) < 400 && pagetext.Fold(h) == want && !x.insideJunk(s.Get(0), nil) {
			found = true
		}
		return !found
	})
	return found
}
