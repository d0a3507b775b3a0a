package markup

import (
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsarc/newsarc/selectors/internal/pagetext"
)

// junkElems never hold article paragraphs.
var junkElems = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Form: true, atom.Button: true, atom.Input: true,
	atom.Select: true, atom.Textarea: true, atom.Nav: true, atom.Aside: true,
	atom.Svg: true, atom.Object: true, atom.Embed: true, atom.Figure: true,
	atom.Ins: true, atom.Dialog: true, atom.Menu: true, atom.Link: true, atom.Meta: true,
	// A <details> box is shut until the reader opens it: an info box, a
	// glossary, a fact sheet beside the story.
	atom.Details: true,
}

// junkWords are class and id words of boxes around an article: sharing,
// related links, comments, newsletters, ads, cookie banners, boxes that
// open on a click.
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
	"collapsible": true, "accordion": true,
}

// tooltipWords are class words of cards shown on hover: the card is junk,
// the linked name that shows it is text ("Rep. <a class=rollover-link>Jane
// Doe</a><span class=rollover-block>…</span>").
var tooltipWords = map[string]bool{
	"rollover": true, "tooltip": true, "popover": true, "hovercard": true, "popup": true,
}

// barWords are the junk words of the buttons a byline carries, and of a
// page builder's frame around it ("widget"): a class that names the
// byline with them ("ShareByline", "byline-social",
// "share-byline-timestamp"), or an element with an author class beside
// them ("widget article__authors"), is the byline's box. A comment's or a
// related story's author ("comment-author") is junk all the same.
var barWords = map[string]bool{
	"share": true, "shares": true, "sharing": true, "sharer": true, "social": true,
	"socialmedia": true, "follow": true, "print": true, "widget": true,
}

// IsJunk reports an element that is not article text, by tag or by the
// words of its class and id ("share-box", "related_posts", "comments").
// The page's <html> and <body> are not: their classes name its template
// and state ("has-sidebar", "ads-enabled"), not a box.
func IsJunk(n *html.Node) bool {
	return isJunk(n, false)
}

// IsBylineJunk is IsJunk for an element read for the byline: a class that
// names the byline along with its share or follow buttons is not junk.
func IsBylineJunk(n *html.Node) bool {
	return isJunk(n, true)
}

func isJunk(n *html.Node, byline bool) bool {
	return junkBy(n, byline, nil)
}

// JunkClasses returns the class tokens that make n junk, each as its words
// joined ("paywall", "elementorwidget"), when nothing else does; nil when
// n is not junk, or is junk by its tag, role, id or hidden state too.
func JunkClasses(n *html.Node) []string {
	var classes []string
	if junkBy(n, false, &classes) {
		return nil
	}
	return classes
}

// ClassKeys returns the tokens of n's class as JunkClasses names them.
func ClassKeys(n *html.Node) []string {
	var out []string
	for _, a := range n.Attr {
		if a.Key == "class" {
			for _, words := range nameTokens(n, a) {
				out = append(out, strings.Join(words, ""))
			}
		}
	}
	return out
}

// junkBy reports n junk. With classes not nil, a junk class token does
// not end the search: its key is added to classes, and junkBy reports
// only what else makes n junk.
func junkBy(n *html.Node, byline bool, classes *[]string) bool {
	if n.Type != html.ElementNode || n.DataAtom == atom.Html || n.DataAtom == atom.Body || isMain(n) {
		return false
	}
	if junkElems[n.DataAtom] {
		// A byline's name may be a button that opens the author's card:
		// inside the byline's own box, it is the byline. An aside that
		// holds an <address> (HTML's contact information for the article)
		// is the article's column of credits.
		return !byline || !IsAuthorButton(n) && !(n.DataAtom == atom.Aside && FindElement(n, atom.Address) != nil)
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
		if !mayBeJunk(a.Val) {
			continue
		}
		for _, words := range nameTokens(n, a) {
			if !junkToken(n, words, byline) {
				continue
			}
			if classes == nil || a.Key != "class" {
				return true
			}
			*classes = append(*classes, strings.Join(words, ""))
		}
	}
	return false
}

// authorBoxLevels is how far above a button its byline's box is looked for.
const authorBoxLevels = 3

// IsAuthorButton reports a button inside a byline's box: the author's
// name that opens the author's card ("<div class=author__byline><button>By
// <a>Jane Doe</a><section>…card…</section></button>"). It is the byline,
// while other buttons hold no article text.
func IsAuthorButton(n *html.Node) bool {
	return n.DataAtom == atom.Button && inAuthorBox(n)
}

// inAuthorBox reports an element inside an element whose class says author
// or byline, at most authorBoxLevels above it.
func inAuthorBox(n *html.Node) bool {
	for i := 0; i < authorBoxLevels && n.Parent != nil; i++ {
		if n = n.Parent; HasAuthorClass(n) {
			return true
		}
	}
	return false
}

// junkToken reports the words of a class or id token that make n junk.
func junkToken(n *html.Node, words []string, byline bool) bool {
	// "has-social-tools", "has-sidebar": what the element holds beside
	// its own content, not what it is. The byline's own box keeps its
	// buttons: <div class="post-authors social-bar">.
	if words[0] == "has" || byline && bylineButtons(words) && (namesByline(words) || HasAuthorClass(n)) {
		return false
	}
	if junkWords[strings.Join(words, "")] {
		return true
	}
	for _, w := range words {
		if junkWords[w] || tooltipWords[w] && isTooltipCard(n) && !(byline && inAuthorBox(n)) {
			return true
		}
	}
	return false
}

// mayBeJunk reports a class or id value with a token that has a junk or
// tooltip word, or whose words joined are a junk word: the only values
// that can make an element junk. Most have none, and are read without
// allocating.
func mayBeJunk(v string) bool {
	for tok := range strings.FieldsSeq(v) {
		if mayBeJunkToken(tok) {
			return true
		}
	}
	return false
}

func mayBeJunkToken(tok string) bool {
	var buf [64]byte
	var ends [8]int
	joined, end := lowerWords(tok, buf[:0], ends[:0])
	start := 0
	for _, e := range end {
		if w := joined[start:e]; junkWords[string(w)] || tooltipWords[string(w)] {
			return true
		}
		start = e
	}
	return len(end) > 1 && junkWords[string(joined)]
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
			if c.Type == html.ElementNode && (HasClassWord(c, tooltipWords) && isCard(c) || inner(c)) {
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
			if c.DataAtom == atom.Img || pagetext.IsBlock(c.DataAtom) {
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

// bylineButtons reports the words of a class token whose junk is only a
// byline's buttons: "share-byline", "social-tools", not "comment-author".
func bylineButtons(words []string) bool {
	buttons := false
	for _, w := range words {
		switch {
		case barWords[w]:
			buttons = true
		case junkWords[w]:
			return false
		}
	}
	if j := strings.Join(words, ""); len(words) > 1 && junkWords[j] && !barWords[j] {
		return false
	}
	return buttons
}

// namesByline reports the words of a class token that name a byline:
// "share-byline", "byline-social".
func namesByline(words []string) bool {
	return slices.ContainsFunc(words, func(w string) bool { return authorWords[w] })
}

// isMain reports the page's main content, <main> or role=main: whatever
// its class says ("PageWrapper-withAd"), it holds the article.
func isMain(n *html.Node) bool {
	return n.DataAtom == atom.Main || Attr(n, "role") == "main"
}

// InsideJunk reports whether n or one of its ancestors is junk. An element
// that holds the headline (anchor, nil when unknown) is never junk: it is
// the article's container, whatever its class says or wherever broken
// markup left it ("<div class=menu>" never closed).
func InsideJunk(n, anchor *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if IsJunk(n) && !Inside(anchor, n) {
			return true
		}
	}
	return false
}

// InsideBylineJunk is InsideJunk for an element read for the byline, with
// IsBylineJunk.
func InsideBylineJunk(n, anchor *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if IsBylineJunk(n) && !Inside(anchor, n) {
			return true
		}
	}
	return false
}

// RemoveJunk deletes junk descendants of n (n itself is kept: a selector
// chose it), and those extra reports when it is not nil.
func RemoveJunk(n *html.Node, extra func(*html.Node) bool) {
	var next *html.Node
	for c := n.FirstChild; c != nil; c = next {
		next = c.NextSibling
		if c.Type == html.CommentNode || c.Type == html.ElementNode && (IsJunk(c) || extra != nil && extra(c)) {
			n.RemoveChild(c)
			continue
		}
		RemoveJunk(c, extra)
	}
}
