package trafilatura

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/go-shiori/dom"
	"github.com/newsarc/newsarc/third_party/go-trafilatura/internal/etree"
	"golang.org/x/net/html"
)

// newsarc: docCleaning finds each list's elements in one walk (a newsarc
// patch); it must leave the tree that the walk per tag of the code as
// served leaves, whatever order the map gives the tags in. Nested elements
// of different tags to strip are the hard case: etree.Strip moves clones of
// the children, so an element found before its ancestor was stripped is no
// longer in the tree.

// docCleaningAsServed is docCleaning of go-trafilatura v1.12.2, with the
// tags taken in the order order gives instead of the map's.
func docCleaningAsServed(doc *html.Node, opts Options, order func(map[string]struct{}) []string) {
	cleaningList := duplicateMap(tagsToClean)
	strippingList := duplicateMap(tagsToStrip)
	if opts.ExcludeTables {
		for _, t := range []string{"table", "td", "th", "tr"} {
			cleaningList[t] = struct{}{}
		}
	} else {
		for _, figure := range dom.QuerySelectorAll(doc, "figure") {
			for _, child := range dom.GetElementsByTagName(figure, "*") {
				if dom.TagName(child) == "table" {
					figure.Data = "div"
					break
				}
			}
		}
	}
	if opts.IncludeImages {
		for _, t := range []string{"figure", "picture", "source"} {
			delete(cleaningList, t)
		}
		delete(strippingList, "img")
	}
	for _, tagName := range order(strippingList) {
		etree.StripTags(doc, tagName)
	}
	if opts.Focus == FavorRecall && len(dom.GetElementsByTagName(doc, "p")) > 0 {
		docBackup := dom.Clone(doc, true)
		for _, tagName := range order(cleaningList) {
			etree.StripElements(doc, false, tagName)
		}
		if len(dom.GetElementsByTagName(doc, "p")) == 0 {
			*doc = *docBackup
		}
	} else {
		for _, tagName := range order(cleaningList) {
			etree.StripElements(doc, false, tagName)
		}
	}
	removeHtmlCommentNode(doc)
	pruneHTML(doc, opts)
}

func TestDocCleaning_asServed(t *testing.T) {
	pages := []string{
		`<div><font color="red">a <small>b <cite>c <mark>d</mark></cite> e</small> f</font> tail</div>`,
		`<p><abbr title="x">e<mark>f<small>g</small></mark>h</abbr> <time>today</time> i</p><aside>j</aside> k`,
		`<table><tbody><tr><td><font><big>1</big></font></td></tr></tbody><tfoot><tr><td><small>2</small></td></tr></tfoot></table>`,
		`<article><ins><ins>a</ins><font>b<ins>c</ins></font></ins><figure><table><tbody><tr><td>t</td></tr></tbody></table></figure><figure><img src="a.jpg"><figcaption><small>cap</small></figcaption></figure></article>`,
		`<div><data value="1"><dfn><bdi><bdo dir="rtl"><ruby>漢<rt>kan</rt></ruby></bdo></bdi></dfn></data><!-- c --><address><acronym>A</acronym></address><p>p</p></div>`,
	}
	sorted := func(m map[string]struct{}) []string {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		slices.Sort(out)
		return out
	}
	reversed := func(m map[string]struct{}) []string {
		out := sorted(m)
		slices.Reverse(out)
		return out
	}
	for _, opts := range []Options{{}, {IncludeImages: true}, {ExcludeTables: true}, {Focus: FavorRecall}} {
		for _, page := range pages {
			src := "<html><head><title>t</title></head><body>" + page + "</body></html>"
			got := cleaned(t, src, func(doc *html.Node) { docCleaning(doc, opts) })
			for name, order := range map[string]func(map[string]struct{}) []string{"sorted": sorted, "reversed": reversed} {
				want := cleaned(t, src, func(doc *html.Node) { docCleaningAsServed(doc, opts, order) })
				if got != want {
					t.Errorf("docCleaning(%q, %+v)\n got %s\nwant %s (tags %s)", page, opts, got, want, name)
				}
			}
		}
	}
}

func cleaned(t *testing.T, src string, clean func(*html.Node)) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	clean(doc)
	var b bytes.Buffer
	if err := html.Render(&b, doc); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
