package selectors

import (
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/newsarc/newsarc/selectors/article"
	"github.com/newsarc/newsarc/selectors/internal/pagetext"
	"github.com/newsarc/newsarc/selectors/structured"
)

// extractHeadline: selector → JSON-LD → microdata → og:title / <title> with
// the site name cut off (an h1 that matches it preferred) → go-trafilatura.
func (x *extraction) extractHeadline() {
	defer x.findAnchor()
	if r := x.e.headline; r != nil {
		if s := x.selectFirst(r); s != nil {
			if v := r.value(s); v != "" {
				x.a.Headline = v
				x.anchor = s.Get(0)
				x.set(article.FieldHeadline, article.SourceSelector)
				return
			}
			x.warn(r, WarnNoValue, 0, "")
		}
	}
	names := x.siteNames()
	for _, d := range []struct {
		s      *structured.Item
		source string
	}{{x.ld, article.SourceJSONLD}, {x.md, article.SourceMicrodata}} {
		if d.s != nil && d.s.Headline != "" {
			// Structured headlines may be shortened, and some carry the
			// publisher's name as a title does.
			x.a.Headline = x.preferH1(cutNamedSite(d.s.Headline, names))
			if h := x.soleH1(names); h != "" && x.strayHeadline(x.a.Headline, h) {
				x.a.Headline = h
			}
			x.set(article.FieldHeadline, d.source)
			return
		}
	}
	if t := x.meta.First(structured.TitleKeys...); t != "" {
		x.a.Headline = x.preferH1(cutSiteName(t, names))
		x.set(article.FieldHeadline, article.SourceMeta)
		return
	}
	if t := x.title(); t != "" {
		x.a.Headline = x.preferH1(cutSiteName(t, names))
		if h := x.soleH1(names); h != "" && !x.displays(x.a.Headline) {
			// A <title> the page prints nowhere is written for search
			// engines; the page's one headline is what it displays.
			x.a.Headline = h
		}
		x.set(article.FieldHeadline, article.SourceTitle)
		return
	}
	if g := x.runGeneric(); g != nil && g.title != "" {
		x.a.Headline = g.title
		x.set(article.FieldHeadline, article.SourceGeneric)
	}
}

// title is the page's <title>, not one of an inline SVG.
func (x *extraction) title() string {
	var t string
	x.doc.Find("title").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if s.Closest("svg").Length() > 0 {
			return true
		}
		t = pagetext.Of(s)
		return false
	})
	return t
}

// siteNames are the names a site appends to its titles: og:site_name,
// the JSON-LD publisher, and the host's main label ("hespress" of
// www.hespress.com).
func (x *extraction) siteNames() []string {
	var names []string
	for _, k := range structured.SiteNameKeys {
		names = append(names, x.meta[k]...)
	}
	if x.ld != nil && x.ld.Publisher != "" {
		names = append(names, x.ld.Publisher)
	}
	if x.base != nil {
		names = append(names, hostLabel(x.base))
	}
	return names
}

func hostLabel(u *url.URL) string {
	labels := strings.Split(strings.TrimPrefix(u.Hostname(), "www."), ".")
	if len(labels) == 0 {
		return ""
	}
	return labels[0]
}

// titleSeps separate a headline from the site name in titles.
var titleSeps = []string{" | ", " - ", " – ", " — ", " :: ", " » ", " « ", " · ", " • ", " ‹ ", " › ", " ｜ ", " @ "}

// cutSiteName removes the site's name from a title: "Headline - Site",
// "Site | Headline", "Headline | Section | Site". A part is the site's name
// when it matches a known name or, at the end, is at most three words.
func cutSiteName(title string, names []string) string {
	title = cutNamedSite(title, names)
	if t, ok := cutCJKTrail(title); ok {
		return t
	}
	for _, sep := range titleSeps {
		if !strings.Contains(title, sep) {
			continue
		}
		parts := strings.Split(title, sep)
		for len(parts) > 1 {
			first, last := parts[0], parts[len(parts)-1]
			switch {
			case isSiteName(last, names):
				parts = parts[:len(parts)-1]
			case isSiteName(first, names):
				parts = parts[1:]
			case len(strings.Fields(last)) <= 3 && len(strings.Fields(strings.Join(parts[:len(parts)-1], sep))) > 3:
				parts = parts[:len(parts)-1]
			default:
				return strings.Join(parts, sep)
			}
		}
		return parts[0]
	}
	return title
}

// namedSeps also separate a site's name from a headline, but begin real
// headlines too ("市长：新区明年动工"): only a known name is cut at them.
// "_" counts only in CJK titles.
var namedSeps = []string{"：", "－", "｜", "_", "ㅣ"}

// cutSeps are the separators cutNamedSite cuts a known name at.
var cutSeps = append(slices.Clip(titleSeps), namedSeps...)

// cutNamedSite removes from a title only the first and last parts that
// name the site: the publisher a structured headline may carry ("Headline
// - Publisher"), or a name after a separator that headlines also use.
// Unlike cutSiteName it never guesses that a short last part is a name.
func cutNamedSite(title string, names []string) string {
	title = pagetext.Clean(title)
	for _, sep := range cutSeps {
		if sep == "_" && !hasCJK(title) {
			continue // snake_case words, in Latin titles
		}
		parts := strings.Split(title, sep)
		for len(parts) > 1 && isSiteName(parts[len(parts)-1], names) {
			parts = parts[:len(parts)-1]
		}
		for len(parts) > 1 && isSiteName(parts[0], names) {
			parts = parts[1:]
		}
		title = strings.TrimSpace(strings.Join(parts, sep))
	}
	return title
}

// cjkSeps join a headline and its channel and site names in Chinese,
// Japanese and Korean titles, without spaces ("标题_频道_网站").
var cjkSeps = []string{"_", "｜", "ㅣ", "－"}

// cutCJKTrail cuts the channel and site names off a CJK title whose parts
// are joined without spaces: when the first part is the longest, it is the
// headline and what follows is the trail. Words are not counted, as they
// are for spaced titles: these scripts do not space them.
func cutCJKTrail(title string) (string, bool) {
	if !hasCJK(title) {
		return "", false
	}
	for _, sep := range cjkSeps {
		if !strings.Contains(title, sep) {
			continue
		}
		parts := strings.Split(title, sep)
		first := utf8.RuneCountInString(parts[0])
		longest := true
		for _, p := range parts[1:] {
			if utf8.RuneCountInString(p) >= first {
				longest = false
			}
		}
		if longest && hasCJK(parts[0]) {
			return strings.TrimSpace(parts[0]), true
		}
	}
	return "", false
}

func hasCJK(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			return true
		}
	}
	return false
}

func isSiteName(part string, names []string) bool {
	p := strings.ReplaceAll(pagetext.Fold(part), " ", "")
	if p == "" {
		return false
	}
	for _, n := range names {
		if isInitials(strings.TrimSpace(part), n) {
			return true
		}
		n = strings.ReplaceAll(pagetext.Fold(n), " ", "")
		if n != "" && (p == n || strings.TrimSuffix(p, "com") == n || strings.HasPrefix(p, n) && utf8.RuneCountInString(p) <= utf8.RuneCountInString(n)+4) {
			return true
		}
	}
	return false
}

// preferH1 returns the page's h1 when it is the title's headline (the
// title may be shortened, or carry a site name that was not recognised);
// else, for a title of several parts, the part that a heading of the page
// prints ("Site - Headline" on a page whose headline is a td.contentheading).
func (x *extraction) preferH1(title string) string {
	ft := pagetext.Fold(title)
	if ft == "" {
		return title
	}
	best := ""
	x.doc.Find("h1").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		h := pagetext.Of(s)
		fh := pagetext.Fold(h)
		if fh == "" {
			return true
		}
		if fh == ft || strings.Contains(ft, fh) && 2*len(fh) >= len(ft) || strings.HasPrefix(fh, ft) {
			best = h
			return false
		}
		return true
	})
	if best != "" {
		return best
	}
	parts := map[string]bool{}
	for _, sep := range titleSeps {
		for p := range strings.SplitSeq(title, sep) {
			if fp := pagetext.Fold(p); fp != "" && fp != ft && len(strings.Fields(fp)) >= 3 {
				parts[fp] = true
			}
		}
	}
	if len(parts) == 0 {
		return title
	}
	x.doc.Find(headingSelector).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if h := pagetext.Of(s); len(h) < 400 && parts[pagetext.Fold(h)] && !x.insideJunk(s.Get(0), x.anchor) {
			best = h
			return false
		}
		return true
	})
	if best != "" {
		return best
	}
	return title
}

// headingSelector finds the elements that may print a headline: headings
// and elements whose class says title or heading.
const headingSelector = `h1, h2, h3, [class*=title], [class*=Title], [class*=heading], [class*=Heading], [class*=headline], [class*=Headline], [class*=titre], [class*=titulo]`

// findAnchor locates the headline's element when the headline did not come
// from a selector: the h1 (or h2) whose text is the headline, else the first
// h1 of the article.
func (x *extraction) findAnchor() {
	if x.anchor != nil {
		return
	}
	want := pagetext.Fold(x.a.Headline)
	var first *html.Node
	x.doc.Find("h1, h2").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		n := s.Get(0)
		if want != "" && pagetext.Fold(pagetext.Of(s)) == want {
			x.anchor = n
			return false
		}
		if first == nil && n.Data == "h1" && !x.insideJunk(n, x.anchor) {
			first = n
		}
		return true
	})
	if x.anchor == nil && want != "" {
		x.doc.Find(headingSelector).EachWithBreak(func(_ int, s *goquery.Selection) bool {
			if n := s.Get(0); pagetext.Fold(pagetext.Of(s)) == want && !x.insideJunk(n, x.anchor) {
				x.anchor = n
				return false
			}
			return true
		})
	}
	if x.anchor == nil {
		x.anchor = first
	}
}

// isInitials reports "JT" for "Jordan Times": a publisher signing with its
// initials.
func isInitials(part, name string) bool {
	words := strings.Fields(name)
	if len(words) > 2 && strings.EqualFold(words[0], "the") {
		words = words[1:]
	}
	if len(words) < 2 || len(part) != len(words) || len(part) > 5 {
		return false
	}
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.ToUpper(r) != rune(part[i]) {
			return false
		}
	}
	return true
}
