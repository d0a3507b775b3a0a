package markup

import (
	"bytes"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsarc/newsarc/selectors/internal/pagetext"
)

// ClassWords returns the lowercased words of an element's class and id:
// "entry-date published" gives entry, date, published, entrydate.
func ClassWords(n *html.Node) []string {
	var out []string
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" && a.Key != "itemprop" {
			continue
		}
		for _, words := range nameTokens(n, a) {
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
		if words := tokenWords(tok); len(words) > 0 {
			out = append(out, words)
		}
	}
	return out
}

// utilityMarks are the characters of utility classes, which name a style
// and not a part of the page: a variant ("print:hidden", "md:flex"), an
// arbitrary value ("w-[204px]"), an atomic rule ("Mstart(150px)--modal").
// A component's class has none: CSS would have to escape them.
const utilityMarks = ":()[]"

// nameTokens is classTokens of an element's class, id or itemprop, without
// the tokens that do not say what the element is: utility classes and an
// id made from the element's own title ("sharing-your-work" on a section
// titled "Sharing your work", as documentation generators write them).
func nameTokens(n *html.Node, a html.Attribute) [][]string {
	v := a.Val
	if a.Key == "class" && strings.ContainsAny(v, utilityMarks) {
		var kept []string
		for tok := range strings.FieldsSeq(v) {
			if !strings.ContainsAny(tok, utilityMarks) {
				kept = append(kept, tok)
			}
		}
		v = strings.Join(kept, " ")
	}
	toks := classTokens(v)
	if a.Key == "id" && len(toks) == 1 && titleSlug(n, toks[0]) {
		return nil
	}
	return toks
}

// minSlugWords is the length of an id read as made from a title: shorter
// ids ("share", "related-posts") are written by hand and name the box,
// whatever its heading says.
const minSlugWords = 3

// titleSlug reports id words that begin the words of the element's
// heading: the element itself when it is one, else its first child
// element.
func titleSlug(n *html.Node, words []string) bool {
	if len(words) < minSlugWords {
		return false
	}
	h := n
	if !isHeadingAtom(h.DataAtom) {
		h = firstElement(n)
	}
	if h == nil || !isHeadingAtom(h.DataAtom) {
		return false
	}
	var b strings.Builder
	pagetext.Write(&b, h)
	var title []string
	for _, ws := range classTokens(b.String()) {
		title = append(title, ws...)
	}
	return len(title) >= len(words) && slices.Equal(title[:len(words)], words)
}

func isHeadingAtom(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

func firstElement(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return c
		}
	}
	return nil
}

// tokenWords is the words of one token of a class or id value, as
// classTokens splits them.
func tokenWords(tok string) []string {
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
	return words
}

func isASCIILetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// HasClassWord reports an element whose class or id holds a word of set.
func HasClassWord(n *html.Node, set map[string]bool) bool {
	var buf [64]byte
	var ends [8]int
	for _, a := range n.Attr {
		if !isClassKey(a.Key) {
			continue
		}
		for tok := range strings.FieldsSeq(a.Val) {
			joined, end := lowerWords(tok, buf[:0], ends[:0])
			start := 0
			for _, e := range end {
				if set[string(joined[start:e])] {
					return true
				}
				start = e
			}
			if len(end) > 1 && set[string(joined)] {
				return true
			}
		}
	}
	return false
}

// HasDateClass reports an element whose class or id says it prints a date:
// a date word, or a word glued to "date" the way old CMSs write them
// ("createdate", "newsdate"). A "today" element prints the day the page
// was served, not the article's.
func HasDateClass(n *html.Node) bool {
	var buf [64]byte
	var ends [8]int
	date := false
	isDate := func(w []byte) bool {
		return dateWords[string(w)] || bytes.HasSuffix(w, dateWord) || bytes.HasPrefix(w, dateWord)
	}
	for _, a := range n.Attr {
		if !isClassKey(a.Key) {
			continue
		}
		for tok := range strings.FieldsSeq(a.Val) {
			joined, end := lowerWords(tok, buf[:0], ends[:0])
			start := 0
			for _, e := range end {
				if todayWords[string(joined[start:e])] {
					return false
				}
				date = date || isDate(joined[start:e])
				start = e
			}
			if len(end) > 1 {
				if todayWords[string(joined)] {
					return false
				}
				date = date || isDate(joined)
			}
		}
	}
	return date
}

var dateWord = []byte("date")

func isClassKey(k string) bool {
	return k == "class" || k == "id" || k == "itemprop"
}

// lowerWords appends the words of one class token, as classTokens splits
// them, to joined, lowercased and back to back, and the end of each in
// joined to ends. HasClassWord and HasDateClass, asked of every element
// several times per page, read words from arrays on their stack, where
// ClassWords allocates a slice and strings.
func lowerWords(tok string, joined []byte, ends []int) ([]byte, []int) {
	for i := 0; i < len(tok); {
		if !isASCIILetter(tok[i]) {
			i++
			continue
		}
		j := i
		for j < len(tok) && 'A' <= tok[j] && tok[j] <= 'Z' {
			joined = append(joined, tok[j]+('a'-'A'))
			j++
		}
		for j < len(tok) && 'a' <= tok[j] && tok[j] <= 'z' {
			joined = append(joined, tok[j])
			j++
		}
		ends = append(ends, len(joined))
		i = j
	}
	return joined, ends
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
