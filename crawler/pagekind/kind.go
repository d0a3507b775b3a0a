package pagekind

import (
	"fmt"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Kind is what a page is.
type Kind int

// Kinds of pages.
const (
	Unknown Kind = iota // the page's markup says nothing of it
	Article
	Listing
)

func (k Kind) String() string {
	switch k {
	case Article:
		return "article"
	case Listing:
		return "listing"
	}
	return "unknown"
}

// Verdict is what a page says it is, and the markup that says so.
type Verdict struct {
	Kind Kind
	// By names the signal, e.g. "json-ld CollectionPage" or "og:type
	// website"; "" when Kind is Unknown.
	By string
}

// manyItems article items make a page a list of articles. An article page
// describes one article, sometimes twice (two scripts, a microdata item
// besides the JSON-LD); a page that describes three or more lists them.
const manyItems = 3

// Schema.org's Article and its subtypes (https://schema.org/Article), by
// lowercased name.
var articleTypes = set(
	"article", "advertisercontentarticle", "newsarticle", "analysisnewsarticle",
	"askpublicnewsarticle", "backgroundnewsarticle", "opinionnewsarticle",
	"reportagenewsarticle", "reviewnewsarticle", "report", "satiricalarticle",
	"scholarlyarticle", "medicalscholarlyarticle", "socialmediaposting",
	"blogposting", "liveblogposting", "discussionforumposting", "techarticle",
	"apireference",
)

// Schema.org page types that are about many things, or about a person,
// not one article: CollectionPage and its subtypes, SearchResultsPage,
// ProfilePage (an author's page).
var collectionTypes = set(
	"collectionpage", "mediagallery", "imagegallery", "videogallery",
	"searchresultspage", "profilepage",
)

// Of says what the page doc, fetched from pageURL, is by its own markup,
// strongest signal first:
//
//  1. a schema.org collection page type (JSON-LD or microdata): Listing;
//  2. a schema.org WebSite item whose url is this page (the home page): Listing;
//  3. manyItems or more distinct JSON-LD article items: Listing;
//  4. a microdata article item holding an h1: Article (the main content;
//     the other items are teasers around it);
//  5. manyItems or more top-level microdata article items: Listing;
//  6. a JSON-LD or microdata article item: Article;
//  7. og:type "article": Article;
//  8. a schema.org ItemList: Listing.
//
// A WebSite item of another URL says which site the page is on, not what
// it is. Nor does og:type "website", Open Graph's default, which many
// sites put on every page: a page that says no more is Unknown, and
// extraction judges it, so that no article is lost to a careless tag. pageURL may be nil; then rule 2 never applies.
func Of(doc *html.Node, pageURL *url.URL) Verdict {
	p := read(doc, pageURL)
	ld, md := p.jsonLD(), p.microdata()
	switch {
	case ld.collection != "":
		return Verdict{Listing, "json-ld " + ld.collection}
	case md.collection != "":
		return Verdict{Listing, "microdata " + md.collection}
	case ld.home || md.home:
		return Verdict{Listing, "schema.org WebSite of this URL"}
	case ld.articles >= manyItems:
		return Verdict{Listing, fmt.Sprintf("json-ld: %d articles", ld.articles)}
	case md.main != "":
		return Verdict{Article, "microdata " + md.main + " holding the h1"}
	case md.articles >= manyItems:
		return Verdict{Listing, fmt.Sprintf("microdata: %d articles", md.articles)}
	case ld.article != "":
		return Verdict{Article, "json-ld " + ld.article}
	case md.article != "":
		return Verdict{Article, "microdata " + md.article}
	case p.ogType == "article":
		return Verdict{Article, "og:type article"}
	case ld.list || md.list:
		return Verdict{Listing, "schema.org ItemList"}
	}
	return Verdict{}
}

// facts are what one kind of markup (JSON-LD, microdata) says.
type facts struct {
	collection string // the first collection page type
	home       bool   // a WebSite item whose url is this page
	article    string // the first article type
	articles   int    // distinct article items (microdata: not nested in another)
	main       string // microdata: the type of the article item holding an h1
	list       bool   // an ItemList item
}

// page is what Of reads of a tree.
type page struct {
	url     *url.URL
	ogType  string       // lowercased
	scripts []string     // JSON-LD
	scopes  []*html.Node // microdata items with a type, in document order
}

func read(doc *html.Node, u *url.URL) *page {
	p := &page{url: u}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Script:
			if t, _ := attr(n, "type"); isJSONLD(t) {
				p.scripts = append(p.scripts, text(n))
			}
		case atom.Meta:
			if p.ogType == "" && (hasAttr(n, "property", "og:type") || hasAttr(n, "name", "og:type")) {
				c, _ := attr(n, "content")
				p.ogType = strings.ToLower(strings.TrimSpace(c))
			}
		}
		if _, ok := attr(n, "itemscope"); ok {
			if t, _ := attr(n, "itemtype"); strings.TrimSpace(t) != "" {
				p.scopes = append(p.scopes, n)
			}
		}
	}
	return p
}

// microdata reads the page's items (https://html.spec.whatwg.org/#microdata).
func (p *page) microdata() facts {
	var f facts
	articles := map[*html.Node]string{}
	for _, n := range p.scopes {
		t, _ := attr(n, "itemtype")
		for raw := range strings.FieldsSeq(t) {
			name, lower := typeName(raw)
			switch {
			case collectionTypes[lower]:
				f.collection = cmpOr(f.collection, name)
			case lower == "website":
				f.home = f.home || p.isThisPage(itemURL(n))
			case lower == "itemlist":
				f.list = true
			case articleTypes[lower]:
				if _, ok := articles[n]; !ok {
					articles[n] = name
				}
			}
		}
	}
	for _, n := range p.scopes {
		name, ok := articles[n]
		if !ok || nestedIn(n, articles) {
			continue // an item inside an article is part of it
		}
		f.article = cmpOr(f.article, name)
		f.articles++
		if f.main == "" && holdsH1(n) {
			f.main = name
		}
	}
	return f
}

// nestedIn reports whether n is inside one of items.
func nestedIn(n *html.Node, items map[*html.Node]string) bool {
	for a := n.Parent; a != nil; a = a.Parent {
		if _, ok := items[a]; ok {
			return true
		}
	}
	return false
}

func holdsH1(n *html.Node) bool {
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.DataAtom == atom.H1 {
			return true
		}
	}
	return false
}

// itemURL is the value of the first url property of the item at scope.
func itemURL(scope *html.Node) string {
	for d := range scope.Descendants() {
		if d.Type != html.ElementNode {
			continue
		}
		prop, _ := attr(d, "itemprop")
		if !hasToken(prop, "url") {
			continue
		}
		for _, k := range []string{"href", "content", "src"} {
			if v, ok := attr(d, k); ok {
				return v
			}
		}
		return text(d)
	}
	return ""
}

// isThisPage reports whether raw, resolved against the page's URL, is the
// page: the same host (a "www." prefix aside) and port, the same path (a
// trailing slash aside), whatever the scheme and query.
func (p *page) isThisPage(raw string) bool {
	raw = strings.TrimSpace(raw)
	if raw == "" || p.url == nil {
		return false
	}
	u, err := p.url.Parse(raw)
	if err != nil {
		return false
	}
	return hostKey(u) == hostKey(p.url) && strings.TrimRight(u.Path, "/") == strings.TrimRight(p.url.Path, "/")
}

func hostKey(u *url.URL) string {
	h := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	if port := u.Port(); port != "" && port != "80" && port != "443" {
		h += ":" + port
	}
	return h
}

// typeName is the name of a schema.org type however it is written
// ("NewsArticle", "schema:NewsArticle", "https://schema.org/NewsArticle"),
// and its lowercased form.
func typeName(t string) (name, lower string) {
	t = strings.TrimSpace(t)
	name = t[strings.LastIndexAny(t, "/:")+1:]
	return name, strings.ToLower(name)
}

func isJSONLD(t string) bool {
	t, _, _ = strings.Cut(t, ";")
	t = strings.TrimSpace(t)
	return strings.EqualFold(t, "application/ld+json") || strings.EqualFold(t, "application/json+ld")
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasAttr(n *html.Node, key, val string) bool {
	v, ok := attr(n, key)
	return ok && strings.EqualFold(strings.TrimSpace(v), val)
}

func hasToken(list, tok string) bool {
	for f := range strings.FieldsSeq(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// text is the text n holds.
func text(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}
