package markup

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ClassWords returns the lowercased words of an element's class and id:
// "entry-date published" gives entry, date, published, entrydate.
func ClassWords(n *html.Node) []string {
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

// classTokens splits a class or id value into its tokens' words, lowercased:
// "entry-date newsDate" gives [[entry date] [news date]]. Sites write
// kebab-case, snake_case and camelCase alike. A word is what the regexp
// `[A-Z]*[a-z]+|[A-Z]+` matches, ASCII letters only ("XMLHttp" gives
// xmlhttp); it is scanned by hand because every element's class and id
// are split several times per page.
func classTokens(v string) [][]string {
	var out [][]string
	for tok := range strings.FieldsSeq(v) {
		var words []string
		for i := 0; i < len(tok); {
			if !isASCIILetter(tok[i]) {
				i++
				continue
			}
			j := i
			for j < len(tok) && 'A' <= tok[j] && tok[j] <= 'Z' {
				j++
			}
			for j < len(tok) && 'a' <= tok[j] && tok[j] <= 'z' {
				j++
			}
			words = append(words, strings.ToLower(tok[i:j]))
			i = j
		}
		if len(words) > 0 {
			out = append(out, words)
		}
	}
	return out
}

func isASCIILetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// HasClassWord reports an element whose class or id holds a word of set.
func HasClassWord(n *html.Node, set map[string]bool) bool {
	for _, w := range ClassWords(n) {
		if set[w] {
			return true
		}
	}
	return false
}

// HasDateClass reports an element whose class or id says it prints a date:
// a date word, or a word glued to "date" the way old CMSs write them
// ("createdate", "newsdate"). A "today" element prints the day the page
// was served, not the article's.
func HasDateClass(n *html.Node) bool {
	date := false
	for _, w := range ClassWords(n) {
		if todayWords[w] {
			return false
		}
		date = date || dateWords[w] || strings.HasSuffix(w, "date") || strings.HasPrefix(w, "date")
	}
	return date
}

// HasAuthorClass reports an element whose class or id says it prints the
// article's authors. The classes of <html> and <body> name the page's
// template ("single-author", "author-page-enabled"), not an element.
func HasAuthorClass(n *html.Node) bool {
	return n.DataAtom != atom.Html && n.DataAtom != atom.Body && HasClassWord(n, authorWords)
}

// IsAuthorElement reports a link with rel=author or an element whose class
// or id says author or byline.
func IsAuthorElement(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "rel" && strings.Contains(" "+a.Val+" ", " author ") {
			return true
		}
	}
	return HasAuthorClass(n)
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
	authorWords = map[string]bool{
		"author": true, "authors": true, "byline": true, "writer": true, "auteur": true,
		"autor": true, "authorname": true, "postauthor": true, "entryauthor": true,
		"bylineauthor": true, "articleauthor": true, "signature": true,
		"reporter": true, "journalist": true, "kateb": true,
	}
)
