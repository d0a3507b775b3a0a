package pagekind

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func ld(json string) string { return `<script type="application/ld+json">` + json + `</script>` }

func og(typ string) string { return `<meta property="og:type" content="` + typ + `">` }

// cards are n teasers, each a microdata item of type typ.
func cards(n int, typ string) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `<article itemscope itemtype="https://schema.org/%s"><h2 itemprop="headline"><a itemprop="url" href="/news/%d.html">Story %d</a></h2></article>`, typ, i, i)
	}
	return b.String()
}

func TestOf(t *testing.T) {
	page, _ := url.Parse("https://www.example.org/politics/ministers-agree.html")
	home, _ := url.Parse("https://www.example.org/")
	for _, tc := range []struct {
		name       string
		url        *url.URL // default page
		head, body string
		want       Kind
	}{
		// JSON-LD
		{name: "jsonld NewsArticle", head: ld(`{"@context":"https://schema.org","@type":"NewsArticle","headline":"H"}`), want: Article},
		{name: "jsonld Article", head: ld(`{"@context":"https://schema.org","@type":"Article"}`), want: Article},
		{name: "jsonld BlogPosting", head: ld(`{"@type":"BlogPosting"}`), want: Article},
		{name: "jsonld ReportageNewsArticle", head: ld(`{"@type":"ReportageNewsArticle"}`), want: Article},
		{name: "jsonld type as URL", head: ld(`{"@type":"http://schema.org/NewsArticle"}`), want: Article},
		{name: "jsonld type with prefix", head: ld(`{"@type":"schema:BlogPosting"}`), want: Article},
		{name: "jsonld array of types", head: ld(`{"@type":["Article","NewsArticle"],"url":"https://www.example.org/politics/ministers-agree.html"}`), want: Article},
		{name: "jsonld top-level array", head: ld(`[{"@type":"Organization","name":"Example"},{"@type":"NewsArticle","headline":"H"}]`), want: Article},
		{name: "jsonld graph", head: ld(`{"@context":"https://schema.org","@graph":[
			{"@type":"WebPage","@id":"https://www.example.org/politics/ministers-agree.html"},
			{"@type":"WebSite","@id":"https://www.example.org/#website","url":"https://www.example.org/"},
			{"@type":"Organization","@id":"https://www.example.org/#org"},
			{"@type":"BreadcrumbList","itemListElement":[]},
			{"@type":"Article","@id":"https://www.example.org/politics/ministers-agree.html#article","isPartOf":{"@type":"WebSite"}}]}`), want: Article},
		{name: "jsonld mainEntity", head: ld(`{"@type":"WebPage","mainEntity":{"@type":"NewsArticle","headline":"H"}}`), want: Article},
		{name: "jsonld trailing comma and CDATA", head: ld("//<![CDATA[\n{\"@type\":\"NewsArticle\",\"headline\":\"H\",}\n//]]>"), want: Article},
		{name: "jsonld article twice is one", head: ld(`{"@type":"NewsArticle","url":"/a"}`) + ld(`{"@type":"NewsArticle","url":"/a"}`) + ld(`{"@type":"NewsArticle","@id":"/a#article"}`), want: Article},
		{name: "jsonld CollectionPage", head: ld(`{"@type":"CollectionPage","name":"Politics"}`), want: Listing},
		{name: "jsonld CollectionPage in graph with its articles", head: ld(`{"@graph":[{"@type":"CollectionPage"},{"@type":"NewsArticle","headline":"A"}]}`), want: Listing},
		{name: "jsonld SearchResultsPage", head: ld(`{"@type":"SearchResultsPage"}`), want: Listing},
		{name: "jsonld ProfilePage", head: ld(`{"@type":"ProfilePage","mainEntity":{"@type":"Person","name":"Jane Roe"}}`), want: Listing},
		{name: "jsonld ItemList", head: ld(`{"@type":"ItemList","itemListElement":[{"@type":"ListItem","item":{"@type":"NewsArticle","headline":"A"}}]}`), want: Listing},
		{name: "jsonld BreadcrumbList is no ItemList", head: ld(`{"@type":"BreadcrumbList","itemListElement":[]}`), want: Unknown},
		{name: "jsonld many articles", head: ld(`[{"@type":"NewsArticle","headline":"A"},{"@type":"NewsArticle","headline":"B"},{"@type":"BlogPosting","headline":"C"}]`), want: Listing},
		{name: "jsonld WebSite of the home page", url: home, head: ld(`{"@type":"WebSite","url":"https://example.org","potentialAction":{"@type":"SearchAction"}}`), want: Listing},
		{name: "jsonld WebSite of another page", head: ld(`{"@type":"WebSite","url":"https://www.example.org/"}`), want: Unknown},
		{name: "jsonld WebSite of this page beats og:type article", url: home, head: ld(`{"@graph":[{"@type":"WebSite","url":"https://www.example.org/"}]}`) + og("article"), want: Listing},
		{name: "jsonld broken", head: ld(`{"@type":"NewsArticle"`), want: Unknown},
		{name: "jsonld organization only", head: ld(`{"@type":"Organization","name":"Example"}`), want: Unknown},
		{name: "jsonld article beats og:type website", head: ld(`{"@type":"NewsArticle"}`) + og("website"), want: Article},
		{name: "jsonld collection beats og:type article", head: ld(`{"@type":"CollectionPage"}`) + og("article"), want: Listing},

		// Microdata
		{name: "microdata NewsArticle", body: `<div itemscope itemtype="http://schema.org/NewsArticle"><h1 itemprop="headline">H</h1><p>text</p></div>`, want: Article},
		{name: "microdata article without h1", body: `<div itemscope itemtype="https://schema.org/BlogPosting"><h2>H</h2></div>`, want: Article},
		{name: "microdata main article among teasers", body: `<main><article itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">H</h1>` + cards(2, "NewsArticle") + `</article></main><aside>` + cards(5, "NewsArticle") + `</aside>`, want: Article},
		{name: "microdata cards", body: `<h1>Politics</h1>` + cards(6, "NewsArticle"), want: Listing},
		{name: "microdata cards under a logo h1", body: `<header><h1><a href="/">Example</a></h1></header>` + cards(4, "BlogPosting"), want: Listing},
		{name: "microdata CollectionPage", body: `<div itemscope itemtype="https://schema.org/CollectionPage"><h1>Politics</h1>` + cards(1, "NewsArticle") + `</div>`, want: Listing},
		{name: "microdata ItemList", body: `<ol itemscope itemtype="https://schema.org/ItemList"><li itemprop="itemListElement">A</li></ol>`, want: Listing},
		{name: "microdata WebSite of the home page", url: home, body: `<div itemscope itemtype="https://schema.org/WebSite"><link itemprop="url" href="https://www.example.org/"></div>`, want: Listing},
		{name: "microdata WebSite of another page", body: `<div itemscope itemtype="https://schema.org/WebSite"><link itemprop="url" href="/"></div>`, want: Unknown},

		// Open Graph
		{name: "og:type article", head: og("article"), want: Article},
		{name: "og:type Article", head: og(" Article "), want: Article},
		{name: "og:type website says nothing", head: og("website"), want: Unknown},
		{name: "og:type in name", head: `<meta name="og:type" content="article">`, want: Article},
		{name: "og:type other", head: og("video.other"), want: Unknown},

		{name: "nothing", body: `<h1>Ministers agree</h1><p>text</p>`, want: Unknown},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u := tc.url
			if u == nil {
				u = page
			}
			doc, err := html.Parse(strings.NewReader("<!doctype html><html><head>" + tc.head + "</head><body>" + tc.body + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			v := Of(doc, u)
			if v.Kind != tc.want {
				t.Errorf("Of = %v (%s), want %v", v.Kind, v.By, tc.want)
			}
			if (v.Kind == Unknown) != (v.By == "") {
				t.Errorf("verdict %v by %q: a signal is named exactly when there is one", v.Kind, v.By)
			}
		})
	}
}

func TestOf_nilURL(t *testing.T) {
	doc, _ := html.Parse(strings.NewReader(`<script type="application/ld+json">{"@type":"WebSite","url":"/"}</script>`))
	if v := Of(doc, nil); v.Kind != Unknown {
		t.Errorf("Of(nil URL) = %v, want Unknown", v)
	}
}
