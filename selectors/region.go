package selectors

import (
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsarc/newsarc/selectors/internal/markup"
	"github.com/newsarc/newsarc/selectors/internal/pagetext"
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
	room := len(pagetext.Of(x.doc.FindNodes(x.anchor))) + minRegionText
	for third.Parent != nil && third.Parent.Type == html.ElementNode && third.Parent.DataAtom != atom.Body &&
		textShorterThan(third, room) {
		third = third.Parent
	}
	return x.doc.FindNodes(third)
}

// textShorterThan reports whether pagetext.Of of n is shorter than size bytes.
// A text of more than size runes that pagetext.Clean keeps is not.
func textShorterThan(n *html.Node, size int) bool {
	t, ok := pagetext.Short(n, size)
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

// isUpdateClass reports an element whose class says it prints the last
// update: "updated", "modifydate".
func isUpdateClass(n *html.Node) bool {
	for _, w := range markup.ClassWords(n) {
		if updateWords[w] || strings.HasSuffix(w, "date") && (strings.HasPrefix(w, "modif") || strings.HasPrefix(w, "update") || strings.HasPrefix(w, "last")) {
			return true
		}
	}
	return false
}

// updateWords are class words of the last update.
var updateWords = map[string]bool{
	"updated": true, "modified": true, "update": true, "datemodified": true, "lastmod": true,
}

// rxUpdateLabel finds the words that mark a date as the last update.
var rxUpdateLabel = regexp.MustCompile(`(?i)(updated|update|modified|edited|mis à jour|mise à jour|actualisé|modifié|تحديث|تم التحديث|آخر تحديث|اخر تحديث|عدل|تعديل)`)
