package selectors

import (
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// region is the part of the page that holds the article's header: the
// closest <article>, <main> or Article item around the headline (at most
// five levels up), else the headline's third ancestor. Without a headline
// element it is the first <article>, else the whole page.
func (x *extraction) region() *goquery.Selection {
	if x.anchor == nil {
		if a := x.doc.Find("article").First(); a.Length() > 0 {
			return a
		}
		return x.doc.Selection
	}
	n := x.anchor
	var third *html.Node
	for i := 1; i <= 5 && n.Parent != nil && n.Parent.Type == html.ElementNode; i++ {
		n = n.Parent
		if i == 3 {
			third = n
		}
		if n.DataAtom == atom.Article || n.DataAtom == atom.Main || isArticleItem(n) {
			return x.doc.FindNodes(n)
		}
		if n.DataAtom == atom.Body {
			break
		}
	}
	if third == nil {
		third = n
	}
	return x.doc.FindNodes(third)
}

func isArticleItem(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "itemtype" {
			t := strings.ToLower(a.Val)
			return strings.Contains(t, "article") || strings.Contains(t, "blogposting")
		}
	}
	return false
}

// classWords returns the lowercased words of an element's class and id:
// "entry-date published" gives entry, date, published, entrydate.
func classWords(n *html.Node) []string {
	var out []string
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" && a.Key != "itemprop" {
			continue
		}
		for _, words := range classTokens(a.Val) {
			out = append(out, words...)
			if len(words) > 1 {
				out = append(out, strings.Join(words, ""))
			}
		}
	}
	return out
}

func hasClassWord(n *html.Node, set map[string]bool) bool {
	for _, w := range classWords(n) {
		if set[w] {
			return true
		}
	}
	return false
}

// Class and id words of elements that print the article's date or authors.
var (
	dateWords = map[string]bool{
		"date": true, "time": true, "datetime": true, "published": true, "publish": true,
		"pubdate": true, "posted": true, "postdate": true, "timestamp": true, "meta": true,
		"byline": true, "info": true, "details": true, "dateline": true, "updated": true,
		"modified": true, "datepublished": true, "datemodified": true, "entrydate": true,
		"postmeta": true, "entrymeta": true, "articleinfo": true, "timeago": true, "ago": true,
		"tarikh": true,
	}
	updateWords = map[string]bool{
		"updated": true, "modified": true, "update": true, "datemodified": true, "lastmod": true,
	}
	authorWords = map[string]bool{
		"author": true, "authors": true, "byline": true, "writer": true, "auteur": true,
		"autor": true, "authorname": true, "postauthor": true, "entryauthor": true,
		"bylineauthor": true, "articleauthor": true, "signature": true,
		"reporter": true, "journalist": true, "kateb": true,
	}
)

// rxUpdateLabel finds the words that mark a date as the last update.
var rxUpdateLabel = regexp.MustCompile(`(?i)(updated|update|modified|edited|mis à jour|mise à jour|actualisé|modifié|تحديث|تم التحديث|آخر تحديث|اخر تحديث|عدل|تعديل)`)
