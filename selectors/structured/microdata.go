package structured

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/newsarc/newsarc/selectors/internal/pagetext"
)

// readMicrodata reads the page's first Article item (itemtype NewsArticle,
// Article, BlogPosting…), or nil.
func readMicrodata(doc *goquery.Document) *Item {
	var scope *goquery.Selection
	doc.Find("[itemscope][itemtype]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		for t := range strings.FieldsSeq(s.AttrOr("itemtype", "")) {
			t = strings.ToLower(t[strings.LastIndexByte(t, '/')+1:])
			if articleTypes[t] >= 2 {
				scope = s
				return false
			}
		}
		return true
	})
	if scope == nil {
		return nil
	}
	d := &Item{}
	props(scope, func(name string, s *goquery.Selection) {
		switch name {
		case "headline":
			setOnce(&d.Headline, itemValue(s))
		case "name":
			if d.Headline == "" && s.Is("h1") {
				d.Headline = itemValue(s)
			}
		case "author", "creator":
			if _, ok := s.Attr("itemscope"); ok {
				var n string
				props(s, func(name string, p *goquery.Selection) {
					if name == "name" {
						setOnce(&n, authorValue(p))
					}
				})
				switch {
				case n == "":
				case isOrganization(s):
					d.OrgAuthors = append(d.OrgAuthors, n)
				default:
					d.Authors = append(d.Authors, n)
				}
				return
			}
			if v := authorValue(s); v != "" {
				d.Authors = append(d.Authors, v)
			}
		case "datepublished", "datecreated":
			setOnce(&d.Published, itemValue(s))
		case "datemodified":
			setOnce(&d.Modified, itemValue(s))
		case "description":
			setOnce(&d.Description, itemValue(s))
		case "image":
			if _, ok := s.Attr("itemscope"); ok {
				props(s, func(name string, p *goquery.Selection) {
					if name == "url" || name == "contenturl" {
						setOnce(&d.Image, itemValue(p))
					}
				})
				return
			}
			setOnce(&d.Image, itemValue(s))
		case "articlesection":
			setOnce(&d.Section, itemValue(s))
		case "keywords":
			d.Keywords = SplitKeywords(append(d.Keywords, itemValue(s)))
		case "inlanguage":
			setOnce(&d.Language, itemValue(s))
		}
	})
	return d
}

// props calls f for each itemprop of the item at scope, in document order,
// leaving out the properties of nested items.
func props(scope *goquery.Selection, f func(name string, s *goquery.Selection)) {
	root := scope.Get(0)
	scope.Find("[itemprop]").Each(func(_ int, s *goquery.Selection) {
		if owner(s.Get(0)) != root {
			return
		}
		for name := range strings.FieldsSeq(s.AttrOr("itemprop", "")) {
			f(strings.ToLower(name[strings.LastIndexByte(name, '/')+1:]), s)
		}
	})
}

// owner is the item an itemprop element belongs to: its closest itemscope
// ancestor.
func owner(n *html.Node) *html.Node {
	for p := n.Parent; p != nil; p = p.Parent {
		for _, a := range p.Attr {
			if a.Key == "itemscope" {
				return p
			}
		}
	}
	return nil
}

// itemValue is an itemprop's value as the microdata spec defines it.
func itemValue(s *goquery.Selection) string {
	switch goquery.NodeName(s) {
	case "meta":
		return pagetext.Clean(s.AttrOr("content", ""))
	case "time":
		if v, ok := s.Attr("datetime"); ok {
			return pagetext.Clean(v)
		}
	case "a", "link", "area":
		return strings.TrimSpace(s.AttrOr("href", ""))
	case "img", "audio", "video", "source", "embed", "iframe":
		return strings.TrimSpace(s.AttrOr("src", ""))
	case "data", "meter":
		return pagetext.Clean(s.AttrOr("value", ""))
	}
	if v, ok := s.Attr("content"); ok {
		return pagetext.Clean(v)
	}
	return pagetext.Of(s)
}

func isOrganization(s *goquery.Selection) bool {
	return strings.Contains(strings.ToLower(s.AttrOr("itemtype", "")), "organization")
}

func setOnce(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

// authorValue is the name an author itemprop shows: the text of a link to
// the author's page, not its href.
func authorValue(s *goquery.Selection) string {
	if goquery.NodeName(s) == "a" || goquery.NodeName(s) == "link" && s.AttrOr("content", "") == "" {
		return pagetext.Of(s)
	}
	return itemValue(s)
}
