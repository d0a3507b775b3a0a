package maintext

import (
	"regexp"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsarc/newsarc/selectors/internal/markup"
)

// piece is one paragraph of the body being built, with the page block it
// is (block -1 and node nil when go-trafilatura's text was not found on the
// page).
type piece struct {
	text  string
	block int
	node  *html.Node
}

// minCovered is the part of a block that go-trafilatura's pieces of it must
// cover for the whole block to be written: it splits paragraphs at links it
// drops and loses the spaces around them.
const minCovered = 0.2

// pieces turns the aligned paragraphs into the page's own blocks: a
// paragraph found whole is written as the page prints it; pieces of one
// block are written as the block when they cover most of it.
func (l *layout) pieces() []piece {
	var out []piece
	written := map[int]bool{}
	for i := 0; i < len(l.paras); i++ {
		p := l.paras[i]
		switch {
		case len(p.blocks) == 0:
			out = append(out, piece{text: p.text, block: -1})
		case p.whole:
			for _, b := range p.blocks {
				if !written[b] && l.src[b].text != "" {
					written[b] = true
					out = append(out, piece{text: l.src[b].text, block: b, node: l.src[b].node})
				}
			}
		default:
			b := p.blocks[0]
			j, covered := i, 0
			for ; j < len(l.paras) && !l.paras[j].whole && len(l.paras[j].blocks) == 1 && l.paras[j].blocks[0] == b; j++ {
				covered += len(compactKey(l.paras[j].text))
			}
			if float64(covered) >= minCovered*float64(len(l.src[b].key)) {
				if !written[b] && l.src[b].text != "" {
					written[b] = true
					out = append(out, piece{text: l.src[b].text, block: b, node: l.src[b].node})
				}
			} else {
				for k := i; k < j; k++ {
					out = append(out, piece{text: l.paras[k].text, block: b, node: l.src[b].node})
				}
			}
			i = j - 1
		}
	}
	return out
}

// Correct lays go-trafilatura's paragraphs (paras, in its order) over the
// page under root and returns the article's paragraphs as the page prints
// them: go-trafilatura chooses the text, the page's markup corrects the
// choice. headline is the headline's element, nil when unknown: what lies
// above it or in its group is header, not body. In order: paragraphs become
// the page's blocks (pieces), chunks of the body and long paragraphs it
// left out are added (extend), boxes, lists of links and cards of other
// articles are dropped (filter), then what lies above the headline or
// around the body's container and reads as header or footer (trim).
// Correct reads the tree and does not change it.
func Correct(root, headline *html.Node, paras []string) []string {
	return NewPage(root, headline).Correct(paras).Paragraphs
}

// extendLevels is how far above the container siblings of its kind are
// looked for.
const extendLevels = 3

// minChunkWords is the text a chunk of the body holds at least.
const minChunkWords = 100

// extend adds the blocks of elements of the container's kind beside it
// that go-trafilatura left out: sites split the body into chunks between
// ads ("article__body" twice). Not above the headline's element: there,
// siblings of the same kind are other articles.
func (l *layout) extend(ps []piece) []piece {
	if l.container == nil {
		return ps
	}
	chunks := map[*html.Node]bool{}
	e := l.container
	for i := 0; i < extendLevels && e != nil && e.Type == html.ElementNode && e.DataAtom != atom.Body; i, e = i+1, e.Parent {
		if l.anchor != nil && markup.Inside(l.anchor, e) || markup.Attr(e, "class") == "" {
			break
		}
		for _, s := range siblings(e) {
			if s != e && sameKind(s, e) && l.held[s] == 0 && markup.FindElement(s, atom.H1) == nil {
				chunks[s] = true
			}
		}
	}
	// One pass over the blocks, however many chunks: a listing page has
	// hundreds of elements of one kind.
	found := map[*html.Node][]int{}
	words := map[*html.Node]int{}
	for b, sb := range l.src {
		for n := sb.node; n != nil && len(chunks) > 0; n = n.Parent {
			if !chunks[n] {
				continue
			}
			if !l.inBox(sb.node) {
				found[n] = append(found[n], b)
				if !linky(sb) {
					words[n] += len(strings.Fields(sb.text))
				}
			}
			break
		}
	}
	var extra []int
	for n, bs := range found {
		if words[n] >= minChunkWords {
			extra = append(extra, bs...)
		}
	}
	extra = append(extra, l.gaps()...)
	if len(extra) == 0 {
		return ps
	}
	slices.Sort(extra)
	var out []piece
	k := 0
	for _, p := range ps {
		for ; k < len(extra) && p.block >= 0 && extra[k] < p.block; k++ {
			out = append(out, piece{text: l.src[extra[k]].text, block: extra[k], node: l.src[extra[k]].node})
		}
		out = append(out, p)
	}
	for ; k < len(extra); k++ {
		out = append(out, piece{text: l.src[extra[k]].text, block: extra[k], node: l.src[extra[k]].node})
	}
	return out
}

// rxCredit matches the credit that ends an image caption: "(credit:
// NASA)", "[File: Reuters]", "(Photo: AFP)", "(صورة: رويترز)".
var rxCredit = regexp.MustCompile(`(?i)[(\[]\s*(?:credit|credits|photo|photos|image|file|foto|crédit|crédits|getty|ap photo|afp|reuters|epa|صورة|الصورة|تصوير)(?:[^\p{L})\]][^)\]]{0,80})?[)\]]\s*\.?$`)

// minGapWords is the length of a paragraph inside the container that is
// taken although go-trafilatura left it out.
const minGapWords = 25

// gaps returns the long paragraphs inside the container, up to its last
// taken block, that go-trafilatura left out: a lead in an element of its
// own, a paragraph it took for a teaser.
func (l *layout) gaps() []int {
	last := -1
	for b := range l.src {
		if l.taken[b] {
			last = b
		}
	}
	var out []int
	for b := 0; b < last; b++ {
		sb := l.src[b]
		if l.taken[b] || !markup.Inside(sb.node, l.container) || 10*sb.link >= 3*sb.runes ||
			len(strings.Fields(sb.text)) < minGapWords || isHeading(sb.node) || l.inBox(sb.node) || rxCredit.MatchString(sb.text) {
			continue
		}
		out = append(out, b)
	}
	return out
}

func siblings(n *html.Node) []*html.Node {
	if n.Parent == nil {
		return nil
	}
	var out []*html.Node
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			out = append(out, c)
		}
	}
	return out
}
