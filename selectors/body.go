package selectors

import (
	"strings"

	readability "github.com/go-shiori/go-readability"

	"github.com/PuerkitoBio/goquery"
	"github.com/newsarc/newsarc/third_party/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/newsarc/newsarc/selectors/article"
	"github.com/newsarc/newsarc/selectors/byline"
	"github.com/newsarc/newsarc/selectors/dates"
	"github.com/newsarc/newsarc/selectors/internal/lines"
	"github.com/newsarc/newsarc/selectors/internal/markup"
	"github.com/newsarc/newsarc/selectors/internal/pagetext"
	"github.com/newsarc/newsarc/selectors/maintext"
)

// extractBody: the body selector's matches, with the configured remove
// selectors and obvious junk dropped → go-trafilatura's main text.
func (x *extraction) extractBody() {
	if r := x.e.body; r != nil {
		if s := x.selectAll(r); s.Length() > 0 {
			if n := separateParts(s.Nodes); n > 1 {
				x.warn(r, WarnSeveral, n, "")
			}
			if paras := x.cleanParagraphs(x.selectorParagraphs(s)); len(paras) > 0 {
				x.a.Body = strings.Join(paras, "\n\n")
				x.set(article.FieldBody, article.SourceSelector)
				return
			}
			x.warn(r, WarnNoValue, 0, "")
		}
	}
	if g := x.runGeneric(); g != nil {
		if paras := x.cleanParagraphs(g.paragraphs); len(paras) > 0 {
			x.a.Body = strings.Join(paras, "\n\n")
			x.set(article.FieldBody, article.SourceGeneric)
		}
	}
}

// selectorParagraphs reads every match of the body selector (a match inside
// another is read once, with it) from a copy of the page.
func (x *extraction) selectorParagraphs(s *goquery.Selection) []string {
	var out []string
	matched := map[*html.Node]bool{}
	for _, n := range s.Nodes {
		matched[n] = true
	}
	for _, n := range s.Nodes {
		if hasAncestorIn(n, matched) {
			continue
		}
		c := markup.Clone(n)
		markup.RemoveJunk(c, x.e.removed)
		out = append(out, pagetext.Paragraphs(c)...)
	}
	return out
}

// separateParts counts the matches of a body selector that are containers
// in different places of the page, when there are several places: a body
// split between ads is one place (its parts are siblings), and a selector
// of paragraphs ("article p") matches no containers. Several places are
// the body and something else: a teaser, the next article.
func separateParts(nodes []*html.Node) int {
	matched := map[*html.Node]bool{}
	for _, n := range nodes {
		matched[n] = true
	}
	parents := map[*html.Node]bool{}
	n := 0
	for _, m := range nodes {
		if hasAncestorIn(m, matched) || !holdsBlocks(m) {
			continue
		}
		parents[m.Parent] = true
		n++
	}
	if len(parents) < 2 {
		return 0
	}
	return n
}

// holdsBlocks reports an element with block elements among its children.
func holdsBlocks(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && pagetext.IsBlock(c.DataAtom) {
			return true
		}
	}
	return false
}

func hasAncestorIn(n *html.Node, set map[*html.Node]bool) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if set[p] {
			return true
		}
	}
	return false
}

// removed reports an element matched by one of the remove selectors.
func (e *Extractor) removed(n *html.Node) bool {
	for _, r := range e.remove {
		if r.m.Match(n) {
			return true
		}
	}
	return false
}

// cleanParagraphs drops what is not article text: "read more" labels and
// a paragraph printed twice in a row; at the start the headline or title,
// breadcrumbs, the byline and the date line that generic extraction keeps;
// at the end copyright and "updated at" lines. A paragraph repeated further
// on is kept: recipes and programmes repeat their lines. (A first paragraph
// that repeats the meta description is kept: on most sites it is the
// article's lead.)
func (x *extraction) cleanParagraphs(in []string) []string {
	var out []string
	prev := ""
	head := x.headTexts()
	for _, p := range in {
		k := pagetext.Fold(p)
		switch {
		case k == "" || lines.IsJunk(p) || k == prev:
			continue
		case len(out) == 0 && (head[k] || x.headerLine(p) || isBreadcrumb(p)):
			continue
		}
		prev = k
		out = append(out, p)
	}
	for len(out) > 0 && lines.IsClosing(out[len(out)-1]) {
		out = out[:len(out)-1]
	}
	if len(out) > 1 && lines.IsCallToAction(out[0]) {
		out = out[1:]
	}
	return out
}

// headTexts are the texts a page repeats above its body: headline, og:title
// and <title>, folded.
func (x *extraction) headTexts() map[string]bool {
	m := map[string]bool{}
	for _, t := range []string{x.a.Headline, x.meta.First("og:title"), x.title()} {
		if k := pagetext.Fold(t); k != "" {
			m[k] = true
		}
	}
	return m
}

// isBreadcrumb reports "Home » News » Title" lines.
func isBreadcrumb(p string) bool {
	if len(p) > 200 {
		return false
	}
	n := 0
	for _, r := range p {
		if r == '»' || r == '›' || r == '>' {
			n++
		}
	}
	return n >= 2
}

// headerLine reports a paragraph that is only a byline or a date.
func (x *extraction) headerLine(p string) bool {
	if len(p) > maxBylineText {
		return false
	}
	if byline.HasPrefix(p) && len(byline.Clean(p)) > 0 {
		return true
	}
	ms := dates.Find(p, x.e.tz, x.now)
	covered := 0
	for _, m := range ms {
		covered += m.End - m.Start
	}
	return len(ms) > 0 && 2*covered >= len(strings.TrimSpace(p))
}

// genericResult is what go-trafilatura found, kept for the fields that fall
// back to it.
type genericResult struct {
	paragraphs []string
	title      string
}

// runGeneric runs go-trafilatura once per page, on the parsed tree: it
// copies the tree before cleaning it, so the page stays as parsed.
func (x *extraction) runGeneric() *genericResult {
	if x.generic != nil {
		return x.generic
	}
	x.generic = &genericResult{}
	// Its own fallbacks (Readability and DOM Distiller) cost a third more
	// time and scored lower on the shared corpus (body F1 0.961 against
	// 0.963): they replace its text whenever it is short. Readability runs
	// only where it can win by far (secondOpinion).
	opts := trafilatura.Options{
		OriginalURL:     x.base,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled,
		PruneSelector:   x.e.prune,
		// Only its title is used, as the headline's last fallback: once
		// the headline is found, its metadata is not worth the fifth of
		// its time that it costs (a patch of ours, third_party). Without
		// an OriginalURL it would take the page's own URL from its
		// metadata, but it reads that URL only to make links absolute,
		// which it does only with IncludeLinks: the body is the same.
		SkipMetadata: x.a.Headline != "",
	}
	res, err := trafilatura.ExtractDocument(x.root, opts)
	if err != nil || res == nil {
		return x.generic
	}
	page := maintext.NewPage(x.root, x.anchor)
	var first maintext.Text
	if res.ContentNode != nil {
		c := markup.Clone(res.ContentNode)
		markup.RemoveJunk(c, nil)
		first = page.Correct(pagetext.Paragraphs(c))
		x.generic.paragraphs = first.Paragraphs
	}
	if second, ok := x.secondOpinion(page, first); ok {
		x.generic.paragraphs = second.Paragraphs
	}
	x.generic.title = pagetext.Clean(res.Metadata.Title)
	return x.generic
}

// secondFactor is how many times go-trafilatura's prose (text outside
// links, as corrected) a second extractor's must hold to replace it:
// go-trafilatura reads paragraphs in <p>, and on a page written in bare
// <div>s, or split at <br>s, it takes a teaser, a note box or the footer's
// links instead of the text beside them. A small factor would trade one
// article for another (the page's main quote for a list of others); the
// texts it misses are tens of times its own.
const secondFactor = 5

// secondOpinion runs go-readability, whose scoring of containers reads
// text in any block, when the page holds secondFactor times
// go-trafilatura's prose, and returns its text corrected as go-trafilatura's
// is when it holds that much prose itself. The page's prose bounds that
// of any text of it, so most pages never pay for the second run.
func (x *extraction) secondOpinion(page *maintext.Page, first maintext.Text) (maintext.Text, bool) {
	need := secondFactor * max(first.Prose, 1)
	if page.Prose() < need {
		return maintext.Text{}, false
	}
	a, err := readability.FromDocument(x.root, x.base)
	if err != nil || a.Node == nil {
		return maintext.Text{}, false
	}
	c := markup.Clone(a.Node)
	markup.RemoveJunk(c, nil)
	second := page.Correct(pagetext.Paragraphs(c))
	return second, second.Prose >= need
}
