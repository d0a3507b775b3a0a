package maintext

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsarc/newsarc/selectors/internal/markup"
)

// captionWords are class and id words of image captions and credits, which
// go-trafilatura sometimes glues to the paragraph after the image.
var captionWords = map[string]bool{
	"caption": true, "captions": true, "figcaption": true, "credit": true, "credits": true,
	"legend": true, "legends": true, "legende": true, "imagecredit": true, "photocredit": true,
}

// storyLetters is the text of a short news story, in letters: captions
// beside that much text are a gallery in an article, not a photo story.
const storyLetters = 1000

// A list of cards of other articles: at least minCards titles, each with
// a teaser of at most maxTeaserWords.
const (
	minCards       = 3
	maxTeaserWords = 25
)

// junkShare is the part of the text above which an element with a junk
// class is the article's own container ("post-content social-ready"), not a
// box beside it.
const junkShare = 0.5

// inBox reports a piece inside a box that is not article text: a junk or
// caption element holding less than half of the text, that is not the
// headline's container. The answer is kept per element (l.boxed): asked for
// every piece, the walk up would read each ancestor's classes once per
// piece under it, and deep nesting made that the costliest step.
func (l *layout) inBox(n *html.Node) bool {
	if n == nil || n.Type != html.ElementNode {
		return false
	}
	if v, ok := l.boxed[n]; ok {
		return v
	}
	v := (markup.IsJunk(n) && !l.textTemplate(n) && l.share(n) < junkShare || l.captions(n)) &&
		!markup.Inside(l.anchor, n) || l.inBox(n.Parent)
	l.boxed[n] = v
	return v
}

// captions reports a box of image captions and credits that is not the
// article's text: it holds less than half of the text, or the text beside
// it is a story by itself (a slideshow's fifty captions in a report).
func (l *layout) captions(n *html.Node) bool {
	if n.DataAtom != atom.Figcaption && !markup.HasClassWord(n, captionWords) {
		return false
	}
	return l.share(n) < junkShare || l.total-l.held[n] >= storyLetters
}

// textTemplate reports an element that is junk by its class alone, by
// class tokens that carry most of the taken text across the page: a
// template class on every paragraph ("paywall", "elementor-widget") is
// the article's own, not a box's.
func (l *layout) textTemplate(n *html.Node) bool {
	classes := markup.JunkClasses(n)
	if len(classes) == 0 {
		return false
	}
	held := l.classHeld()
	for _, c := range classes {
		if float64(held[c]) < junkShare*float64(l.total) {
			return false
		}
	}
	return true
}

// classHeld returns the letters of taken blocks under the elements of
// each class token, an element inside another of the same token counted
// with it. Made once, when first asked, walking only the elements that
// hold taken text.
func (l *layout) classHeld() map[string]int {
	if l.classes != nil {
		return l.classes
	}
	l.classes = map[string]int{}
	open := map[string]bool{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		var mine []string
		if n.Type == html.ElementNode {
			for _, c := range markup.ClassKeys(n) {
				if !open[c] {
					open[c] = true
					mine = append(mine, c)
					l.classes[c] += l.held[n]
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if l.held[c] > 0 {
				walk(c)
			}
		}
		for _, c := range mine {
			delete(open, c)
		}
	}
	walk(l.root)
	return l.classes
}

// linky reports a block that is a link label: most of its letters in links.
func linky(b srcBlock) bool {
	return b.runes > 0 && 5*b.link >= 4*b.runes
}

// shouted reports text in capitals: "CLICK HERE TO GET THE APP".
func shouted(s string) bool {
	upper, letters := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 12 && upper == letters
}

// filter drops the pieces that are not article text: those in boxes
// (related, share, newsletter, captions), runs of links (menus, related
// lists), cards of other articles and shouted promotions.
func (l *layout) filter(ps []piece) []piece {
	keep := make([]bool, len(ps))
	for i, p := range ps {
		keep[i] = p.node == nil || !l.inBox(p.node)
	}
	// Runs of link labels are lists of other articles.
	for i := 0; i < len(ps); {
		j, words := i, true
		for j < len(ps) && ps[j].block >= 0 && linky(l.src[ps[j].block]) {
			words = words && len(strings.Fields(ps[j].text)) >= 2
			j++
		}
		// Single words in a row are menus; titles two by two are lists.
		if j-i >= 3 || j-i == 2 && words {
			for k := i; k < j; k++ {
				keep[k] = false
			}
		}
		if j == i {
			j++
		}
		i = j
	}
	// Titles each followed by a line of teaser are cards of other articles.
	title := func(i int) bool {
		return i < len(ps) && ps[i].block >= 0 && linky(l.src[ps[i].block]) && len(strings.Fields(ps[i].text)) >= 2
	}
	teaser := func(i int) bool {
		return i < len(ps) && ps[i].block >= 0 && !linky(l.src[ps[i].block]) && len(strings.Fields(ps[i].text)) <= maxTeaserWords
	}
	for i := 0; i < len(ps); {
		j := i
		for title(j) && teaser(j+1) {
			j += 2
		}
		if j-i >= 2*minCards {
			for k := i; k < j; k++ {
				keep[k] = false
			}
		}
		i = max(j, i+1)
	}
	for i, p := range ps {
		if p.block >= 0 && linky(l.src[p.block]) && shouted(p.text) {
			keep[i] = false
		}
	}
	var out []piece
	for i, p := range ps {
		if keep[i] {
			out = append(out, p)
		}
	}
	return out
}
