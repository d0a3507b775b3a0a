package selectors

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/newsarc/newsarc/selectors/article"
	"github.com/newsarc/newsarc/selectors/byline"
	"github.com/newsarc/newsarc/selectors/dates"
	"github.com/newsarc/newsarc/selectors/internal/markup"
	"github.com/newsarc/newsarc/selectors/internal/pagetext"
	"github.com/newsarc/newsarc/selectors/structured"
)

// extractByline: selector (each match one author) → JSON-LD authors →
// microdata → meta author / article:author (not URLs) → rel=author and
// byline-looking elements near the headline.
func (x *extraction) extractByline() {
	if r := x.e.byline; r != nil {
		if s := x.selectAll(r); s.Length() > 0 {
			var names []string
			s.Each(func(_ int, m *goquery.Selection) {
				names = append(names, byline.Clean(r.value(m))...)
			})
			if names = dedupeNames(names); len(names) > 0 {
				x.setByline(names, article.SourceSelector)
				return
			}
			x.warn(r, WarnNoValue, 0, "")
		}
	}
	for _, d := range []struct {
		s      *structured.Item
		source string
	}{{x.ld, article.SourceJSONLD}, {x.md, article.SourceMicrodata}} {
		if d.s != nil && x.setByline(cleanAll(d.s.Authors), d.source) {
			return
		}
	}
	for _, k := range structured.AuthorKeys {
		if x.setByline(cleanAll(x.meta[k]), article.SourceMeta) {
			return
		}
	}
	x.setByline(x.textByline(), article.SourceText)
}

// CleanByline turns a byline as printed ("By Jane Doe and John Roe",
// "بقلم: محمد العلوي") into author names, as byline.Clean does; it returns
// nil when no name is left.
func CleanByline(s string) []string {
	return byline.Clean(s)
}

func (x *extraction) setByline(names []string, source string) bool {
	if source != article.SourceSelector {
		// Sites put their own name in meta author and JSON-LD, and before
		// the author's ("مغرب بريس - محمد الراجي"): not a person.
		site := x.siteNames()
		for i, n := range names {
			names[i] = cutSiteName(n, site)
		}
		names = slices.DeleteFunc(names, func(n string) bool { return n == "" || isSiteName(n, site) })
	}
	if len(names) == 0 {
		return false
	}
	x.a.Byline = names
	x.set(article.FieldByline, source)
	return true
}

func cleanAll(in []string) []string {
	var out []string
	for _, s := range in {
		out = append(out, byline.Clean(s)...)
	}
	return dedupeNames(out)
}

func dedupeNames(in []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range in {
		if k := pagetext.Fold(n); !seen[k] {
			seen[k] = true
			out = append(out, n)
		}
	}
	return out
}

// maxBylineText bounds the text of an element read as a byline; an author
// box with a biography is longer.
const maxBylineText = 120

// textByline reads the authors from the page: links with rel=author and
// elements whose class says author or byline, in the header region first,
// then on the whole page; then a short text starting with "By", "Par" or
// "بقلم" near the headline.
func (x *extraction) textByline() []string {
	region := x.region()
	if names := x.authorElements(region); len(names) > 0 {
		return names
	}
	if region.Get(0) != x.root {
		if names := x.authorElements(x.doc.Selection); len(names) > 0 {
			return names
		}
	}
	for _, n := range region.Nodes {
		if names := x.prefixedByline(n); len(names) > 0 {
			return names
		}
	}
	return nil
}

// prefixedByline finds the first short text under n that starts like a
// byline ("Par Karim Idrissi, le 30 juin 2023") and reads its names.
func (x *extraction) prefixedByline(n *html.Node) []string {
	// n's own text is read once, and only as far as a byline goes: an
	// element can hold thousands of lines that start like one.
	var whole string
	read, short := false, false
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			t := pagetext.Clean(c.Data)
			if t == "" || utf8.RuneCountInString(t) > maxBylineText || !byline.HasPrefix(t) {
				continue
			}
			// The names may be in the next elements: "By <a>Jane</a>". The
			// element must start with the prefix: "said by the ministry"
			// inside a paragraph is not a byline.
			if !read {
				whole, short = pagetext.Short(n, maxBylineText)
				read = true
			}
			if short && byline.HasPrefix(whole) {
				if names := x.namesInText(whole); len(names) > 0 {
					return names
				}
			}
			if c == firstText(n) {
				if names := x.namesInText(t); len(names) > 0 {
					return names
				}
			}
		case html.ElementNode:
			if pagetext.IsHidden(c.DataAtom) || markup.InsideJunk(c, x.anchor) {
				continue
			}
			if names := x.prefixedByline(c); len(names) > 0 {
				return names
			}
		}
	}
	return nil
}

// authorElements reads the innermost author elements of scope: the first
// one that holds a name, with its siblings ("By <a rel=author>A</a> and
// <a rel=author>B</a>" gives both). An outer element is skipped because it
// often holds the date and other labels too.
func (x *extraction) authorElements(scope *goquery.Selection) []string {
	if names := x.authorElementsOf(scope, true); len(names) > 0 {
		return names
	}
	// The inner ones are labels ("<div class=td-author-by>By</div> <a
	// href=/author/x>Name</a>"): the name is in the outer one.
	return x.authorElementsOf(scope, false)
}

func (x *extraction) authorElementsOf(scope *goquery.Selection, innermost bool) []string {
	var names []string
	var parent *html.Node
	scope.Find("*").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		n := s.Get(0)
		if !markup.IsAuthorElement(n) || markup.InsideJunk(n, x.anchor) || innermost && hasAuthorDescendant(n) {
			return true
		}
		if parent != nil && n.Parent != parent {
			return true
		}
		found := x.namesIn(s)
		if len(found) > 0 && parent == nil {
			parent = n.Parent
		}
		names = append(names, found...)
		return true
	})
	return dedupeNames(names)
}

func hasAuthorDescendant(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (markup.IsAuthorElement(c) || hasAuthorDescendant(c)) {
			return true
		}
	}
	return false
}

// namesIn cleans the text of a byline element, without the dates it often
// carries ("By Jane Doe, June 29, 2023").
func (x *extraction) namesIn(s *goquery.Selection) []string {
	return x.namesInText(pagetext.Of(s))
}

func (x *extraction) namesInText(t string) []string {
	if t == "" || utf8.RuneCountInString(t) > maxBylineText {
		return nil
	}
	ms := dates.Find(t, x.e.tz, x.now)
	for i := len(ms) - 1; i >= 0; i-- {
		t = t[:ms[i].Start] + " , " + t[ms[i].End:]
	}
	return byline.Clean(t)
}

// firstText is n's first non-blank text child.
func firstText(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return c
		}
	}
	return nil
}
