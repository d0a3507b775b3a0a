package selectors

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// junkElems never hold article paragraphs.
var junkElems = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Form: true, atom.Button: true, atom.Input: true,
	atom.Select: true, atom.Textarea: true, atom.Nav: true, atom.Aside: true,
	atom.Svg: true, atom.Object: true, atom.Embed: true, atom.Figure: true,
	atom.Ins: true, atom.Dialog: true, atom.Menu: true, atom.Link: true, atom.Meta: true,
}

// junkWords are class and id words of boxes around an article: sharing,
// related links, comments, newsletters, ads, cookie banners.
var junkWords = map[string]bool{
	"share": true, "shares": true, "sharing": true, "sharer": true, "social": true,
	"related": true, "comments": true, "comment": true, "newsletter": true,
	"subscribe": true, "subscription": true, "advert": true, "advertisement": true,
	"ads": true, "ad": true, "adsbygoogle": true, "promo": true, "cookie": true,
	"cookies": true, "consent": true, "gdpr": true, "readmore": true, "sidebar": true,
	"widget": true, "tags": true, "breadcrumb": true, "breadcrumbs": true,
	"modal": true, "sponsored": true, "outbrain": true, "taboola": true,
	"navigation": true, "menu": true, "pagination": true, "alsoread": true,
	"seealso": true, "recommended": true, "disqus": true, "print": true,
	"socialmedia": true, "follow": true, "donate": true,
	"tweetable": true, "clicktotweet": true, "pullquote": true, "commentaires": true,
	"commentaire": true, "comentarios": true, "reactions": true, "paywall": true,
}

// tooltipWords are class words of cards shown on hover: the card is junk,
// the linked name that shows it is text ("Rep. <a class=rollover-link>Jane
// Doe</a><span class=rollover-block>…</span>").
var tooltipWords = map[string]bool{
	"rollover": true, "tooltip": true, "popover": true, "hovercard": true, "popup": true,
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

// isJunk reports an element that is not article text, by tag or by the
// words of its class and id ("share-box", "related_posts", "comments").
func isJunk(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if junkElems[n.DataAtom] {
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "class", "id":
		case "role":
			if a.Val == "navigation" || a.Val == "complementary" || a.Val == "dialog" {
				return true
			}
			continue
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
			continue
		case "hidden":
			return true
		default:
			continue
		}
		for _, words := range classTokens(a.Val) {
			if junkWords[strings.Join(words, "")] {
				return true
			}
			for _, w := range words {
				if junkWords[w] || tooltipWords[w] && isTooltipCard(n) {
					return true
				}
			}
		}
	}
	return false
}

// isTooltipCard reports the innermost element with a tooltip class that
// holds a card: its wrapper also holds the linked name.
func isTooltipCard(n *html.Node) bool {
	if !isCard(n) {
		return false
	}
	var inner func(*html.Node) bool
	inner = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (hasClassWord(c, tooltipWords) && isCard(c) || inner(c)) {
				return true
			}
		}
		return false
	}
	return !inner(n)
}

// isCard reports an element holding more than a label: an image, a block
// or several links.
func isCard(n *html.Node) bool {
	links := 0
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.Img || blockElems[c.DataAtom] {
				return true
			}
			if c.DataAtom == atom.A {
				links++
			}
			if links > 1 || walk(c) {
				return true
			}
		}
		return false
	}
	return walk(n)
}

// insideJunk reports whether n or one of its ancestors is junk. An element
// that holds the headline is never junk: it is the article's container,
// whatever its class says or wherever broken markup left it ("<div
// class=menu>" never closed).
func (x *extraction) insideJunk(n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if isJunk(n) && !x.holdsAnchor(n) {
			return true
		}
	}
	return false
}

func (x *extraction) holdsAnchor(n *html.Node) bool {
	for a := x.anchor; a != nil; a = a.Parent {
		if a == n {
			return true
		}
	}
	return false
}

// removeJunk deletes junk descendants of n (n itself is kept: a selector
// chose it).
func removeJunk(n *html.Node, extra func(*html.Node) bool) {
	var next *html.Node
	for c := n.FirstChild; c != nil; c = next {
		next = c.NextSibling
		if c.Type == html.CommentNode || c.Type == html.ElementNode && (isJunk(c) || extra != nil && extra(c)) {
			n.RemoveChild(c)
			continue
		}
		removeJunk(c, extra)
	}
}

// rxJunkParagraph matches paragraphs that point elsewhere: "Read more: …",
// "اقرأ أيضا: …", "Lire aussi : …". rxJunkLabel matches paragraphs that are
// only a label of the page's furniture.
var (
	rxJunkParagraph = regexp.MustCompile(`(?i)^(?:(?:اقرأ|إقرأ|اقرا|طالع|شاهد) (?:أيضا|ايضا)|اقرأ المزيد|read more|read also|also read|related\s*:|related (?:articles|stories|coverage)|see also|more\s*:|lire aussi|à lire aussi|a lire aussi|lire la suite|voir aussi|sur le même sujet|see more|related posts?\s*:|you may also like|you might also like|don'?t miss|do not miss|most read|popular on|filed under|ne manquez pas|à ne pas manquer|les plus lus|la rédaction vous (?:conseille|recommande)|nos lecteurs ont (?:aussi )?lu|لا تفوت|الأكثر قراءة|الأكثر مشاهدة|مقالات ذات صلة|أخبار متعلقة|مقالات متعلقة)(?:[^\p{L}]|$)`)
	rxJunkLabel     = regexp.MustCompile(`(?i)^(?:advertisement|publicité|إعلان|إعلانات|share|share this( article)?|partager|partager cet article|شارك|شارك المقال|مواضيع ذات صلة|أخبار ذات صلة|related|tags|mots-clés|الوسوم|كلمات مفتاحية)\s*:?$|^(?:reading time|read time|temps de lecture|tempo de leitura|tiempo de lectura|lesezeit|مدة القراءة|وقت القراءة)\s*:?.{0,20}$|^\d+\s*(?:min|mins|minutes?|دقائق|دقيقة)\.?\s*(?:read|de lecture|للقراءة|قراءة)$`)
)

// junkParagraph reports a short paragraph that is a link label or a box
// title, not article text.
func junkParagraph(p string) bool {
	if len(p) >= 300 {
		return false
	}
	p = stripHarakat(p)
	return rxJunkParagraph.MatchString(p) || rxJunkLabel.MatchString(p)
}

// stripHarakat removes Arabic short-vowel marks, so "أيضًا" reads as "أيضا".
func stripHarakat(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '\u064b' && r <= '\u065f' || r == '\u0670' || r == '\u0640' {
			return -1
		}
		return r
	}, s)
}
