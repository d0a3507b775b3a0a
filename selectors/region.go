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
	// A headline alone in its table or box: its byline and date are in the
	// next one. A box's text is read only as far as the room needed, not
	// the whole of an ancestor that holds the page.
	room := len(nodeText(x.doc.FindNodes(x.anchor))) + minRegionText
	for third.Parent != nil && third.Parent.Type == html.ElementNode && third.Parent.DataAtom != atom.Body &&
		textShorterThan(third, room) {
		third = third.Parent
	}
	return x.doc.FindNodes(third)
}

// textShorterThan reports whether nodeText of n is shorter than size bytes.
// A text of more than size runes that cleanText keeps is not.
func textShorterThan(n *html.Node, size int) bool {
	t, ok := shortText(n, size)
	return ok && len(t) < size
}

// minRegionText is the text beyond the headline's that the header region
// holds at least: room for a byline and a date.
const minRegionText = 40

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

// hasDateClass reports an element whose class or id says it prints a date:
// a date word, or a word glued to "date" the way old CMSs write them
// ("createdate", "newsdate"). A "today" element prints the day the page
// was served, not the article's.
func hasDateClass(n *html.Node) bool {
	date := false
	for _, w := range classWords(n) {
		if todayWords[w] {
			return false
		}
		date = date || dateWords[w] || strings.HasSuffix(w, "date") || strings.HasPrefix(w, "date")
	}
	return date
}

// isUpdateClass reports an element whose class says it prints the last
// update: "updated", "modifydate".
func isUpdateClass(n *html.Node) bool {
	for _, w := range classWords(n) {
		if updateWords[w] || strings.HasSuffix(w, "date") && (strings.HasPrefix(w, "modif") || strings.HasPrefix(w, "update") || strings.HasPrefix(w, "last")) {
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
	todayWords = map[string]bool{
		"today": true, "todaydate": true, "datetoday": true, "currentdate": true, "datenow": true,
		"topbar": true, "clock": true,
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
