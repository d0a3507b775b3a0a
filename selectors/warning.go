package selectors

import (
	"cmp"
	"fmt"
	"log/slog"
	"slices"
	"sync"

	"github.com/newsarc/newsarc/selectors/article"
)

// WarningKind says what went wrong with a configured selector on a page.
type WarningKind string

// Kinds of selector warnings.
const (
	// WarnNoMatch: the selector matched no element; the field fell back to
	// structured data, meta tags or generic extraction.
	WarnNoMatch WarningKind = "no-match"
	// WarnSeveral: the selector matched several elements where one was
	// expected (headline, published, modified), or several separate parts
	// of the page (body); the first was used (all of them for the body).
	WarnSeveral WarningKind = "several"
	// WarnNoValue: the selector matched, but what it matched gave no value:
	// empty text, no author name, or text that is not a date.
	WarnNoValue WarningKind = "no-value"
)

// Warning is a configured selector that did not work as expected on a page,
// for whoever tunes the site's selectors. There is at most one per field
// and page.
type Warning struct {
	Field    string      // config key: headline, byline, published, modified or body
	Selector string      // the selector as configured, with any @attr
	Kind     WarningKind // what went wrong
	Count    int         // elements matched (WarnSeveral)
	Value    string      // what the match read, shortened (WarnNoValue of a date)
}

// String reads as a sentence naming the field and the selector:
// `selector byline ".author a" matched nothing`.
func (w Warning) String() string {
	switch w.Kind {
	case WarnNoMatch:
		return fmt.Sprintf("selector %s %q matched nothing", w.Field, w.Selector)
	case WarnSeveral:
		if w.Field == article.FieldBody {
			return fmt.Sprintf("selector %s %q matched %d separate elements, used them all", w.Field, w.Selector, w.Count)
		}
		return fmt.Sprintf("selector %s %q matched %d elements, used the first", w.Field, w.Selector, w.Count)
	case WarnNoValue:
		switch {
		case w.Value != "":
			return fmt.Sprintf("selector %s %q matched %q, which is not a date", w.Field, w.Selector, w.Value)
		case w.Field == article.FieldByline:
			return fmt.Sprintf("selector %s %q matched no author name", w.Field, w.Selector)
		}
		return fmt.Sprintf("selector %s %q matched only empty text", w.Field, w.Selector)
	}
	return fmt.Sprintf("selector %s %q: %s", w.Field, w.Selector, w.Kind)
}

// LogValue logs a warning as its parts, so log lines can be filtered by
// field or kind.
func (w Warning) LogValue() slog.Value {
	attrs := []slog.Attr{
		slog.String("field", w.Field),
		slog.String("selector", w.Selector),
		slog.String("kind", string(w.Kind)),
	}
	if w.Count > 0 {
		attrs = append(attrs, slog.Int("count", w.Count))
	}
	if w.Value != "" {
		attrs = append(attrs, slog.String("value", w.Value))
	}
	return slog.GroupValue(attrs...)
}

// Strings returns the warnings as sentences, the form Extract returned
// before warnings were typed.
func Strings(ws []Warning) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.String()
	}
	return out
}

// WarningTally counts, over a crawl run of one site, the pages on which
// each selector problem occurred, so that a selector that stopped matching
// (the site changed its layout) is reported once per run with the share
// of pages it affected. It is safe for concurrent use.
type WarningTally struct {
	mu     sync.Mutex
	pages  int
	counts map[tallyKey]int
}

type tallyKey struct {
	field, selector string
	kind            WarningKind
}

// Add counts one extracted page and its warnings; call it for every page
// extracted with the site's selectors, with or without warnings.
func (t *WarningTally) Add(ws []Warning) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.pages++
	if t.counts == nil {
		t.counts = map[tallyKey]int{}
	}
	seen := map[tallyKey]bool{}
	for _, w := range ws {
		k := tallyKey{w.Field, w.Selector, w.Kind}
		if !seen[k] {
			seen[k] = true
			t.counts[k]++
		}
	}
}

// TallyEntry is one selector problem over a run.
type TallyEntry struct {
	Field    string
	Selector string
	Kind     WarningKind
	Pages    int     // pages with the problem
	Total    int     // pages extracted with the site's selectors
	Share    float64 // Pages over Total, 0 to 1
}

// Entries returns the problems seen, the most frequent first (then by field
// in article order).
func (t *WarningTally) Entries() []TallyEntry {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]TallyEntry, 0, len(t.counts))
	for k, n := range t.counts {
		out = append(out, TallyEntry{Field: k.field, Selector: k.selector, Kind: k.kind, Pages: n, Total: t.pages, Share: float64(n) / float64(t.pages)})
	}
	slices.SortFunc(out, func(a, b TallyEntry) int {
		return cmp.Or(
			cmp.Compare(b.Pages, a.Pages),
			cmp.Compare(article.FieldIndex(a.Field), article.FieldIndex(b.Field)),
			cmp.Compare(a.Kind, b.Kind),
			cmp.Compare(a.Selector, b.Selector),
		)
	})
	return out
}

// String reads as one log line: `selector published "time.date" matched
// nothing on 37 of 40 pages (92%)`.
func (e TallyEntry) String() string {
	what := map[WarningKind]string{
		WarnNoMatch: "matched nothing",
		WarnSeveral: "matched several elements",
		WarnNoValue: "matched no usable value",
	}[e.Kind]
	if what == "" {
		what = string(e.Kind)
	}
	return fmt.Sprintf("selector %s %q %s on %d of %d pages (%.0f%%)", e.Field, e.Selector, what, e.Pages, e.Total, 100*e.Share)
}
