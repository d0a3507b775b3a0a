package pagekind

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// FuzzOf feeds Of any page: it must not panic, and it names a signal
// exactly when it finds one.
func FuzzOf(f *testing.F) {
	for _, s := range []string{
		ld(`{"@graph":[{"@type":"WebSite","url":"/"},{"@type":["Article","NewsArticle"]}]}`),
		ld("//<![CDATA[\n{\"@type\":\"CollectionPage\",}\n//]]>"),
		ld(`[[[[[[[[[[{"@type":"NewsArticle"}]]]]]]]]]]`),
		og("website") + cards(4, "NewsArticle"),
		`<div itemscope itemtype="https://schema.org/WebSite"><a itemprop="url" href="http://[::1">x</a></div>`,
		`<h1 itemscope itemtype=" "><div itemscope itemtype="/:">`,
	} {
		f.Add(s)
	}
	page, _ := url.Parse("https://example.org/")
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := html.Parse(strings.NewReader(s))
		if err != nil {
			return
		}
		v := Of(doc, page)
		if (v.Kind == Unknown) != (v.By == "") {
			t.Errorf("verdict %v by %q", v.Kind, v.By)
		}
	})
}
