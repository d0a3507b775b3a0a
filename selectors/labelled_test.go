package selectors

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
)

// label is testdata/<site>/<case>.truth.json: what a reader of the page
// finds in it, written by hand from the page (not from the extractor).
type label struct {
	Headline  string   `json:"headline"`
	Byline    []string `json:"byline"`
	Published *string  `json:"published"` // RFC 3339; null when the page prints none
	Modified  *string  `json:"modified"`
	Body      string   `json:"body"` // paragraphs separated by blank lines
}

// fieldScore counts the pages where one field was right.
type fieldScore struct{ ok, n int }

func (s *fieldScore) add(ok bool) {
	s.n++
	if ok {
		s.ok++
	}
}

func (s fieldScore) String() string {
	if s.n == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.3f (%d/%d)", float64(s.ok)/float64(s.n), s.ok, s.n)
}

// accuracy is the per-field accuracy over the labelled pages.
type accuracy struct {
	pages                                 int
	headline, byline, published, modified fieldScore
	bodyP, bodyR, bodyF                   float64
	misses                                []string
}

// TestLabelled measures extraction against the hand-written labels of
// testdata, per field: headline exact, byline as a set of names, published
// and modified to the minute (absent must be absent), and body F1 on
// 4-gram shingles of \w+ tokens (the ScrapingHub benchmark's metric). It
// runs every page twice: with the site's configuration as in config.json,
// and with no selectors (generic), which is what a site nobody tuned gets.
// The table is in bench/extraction/README.md; go test -v prints it.
func TestLabelled(t *testing.T) {
	for _, mode := range []string{"configured", "generic"} {
		acc := measureLabelled(t, mode == "generic")
		if acc.pages < 40 {
			t.Errorf("%d labelled pages, want at least 40", acc.pages)
		}
		t.Logf("%s (%d pages): headline %v, byline %v, published %v, modified %v, body F1 %.3f (P %.3f, R %.3f)",
			mode, acc.pages, acc.headline, acc.byline, acc.published, acc.modified, acc.bodyF, acc.bodyP, acc.bodyR)
		for _, m := range acc.misses {
			t.Logf("  %s: %s", mode, m)
		}
		// Floors against regressions, a little under what extraction
		// achieves today.
		for _, f := range []struct {
			name string
			s    fieldScore
			min  float64
		}{{"headline", acc.headline, 0.95}, {"byline", acc.byline, 0.85}, {"published", acc.published, 0.9}, {"modified", acc.modified, 0.85}} {
			if float64(f.s.ok) < f.min*float64(f.s.n) {
				t.Errorf("%s: %s accuracy %v, want at least %.2f", mode, f.name, f.s, f.min)
			}
		}
		if acc.bodyF < 0.95 {
			t.Errorf("%s: body F1 %.3f, want at least 0.95", mode, acc.bodyF)
		}
	}
}

func measureLabelled(t *testing.T, generic bool) accuracy {
	t.Helper()
	var acc accuracy
	for _, c := range allCases(t) {
		raw, err := os.ReadFile(strings.TrimSuffix(c.golden, ".golden.json") + ".truth.json")
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		var want label
		if err := json.Unmarshal(raw, &want); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		cfg := c.cfg
		if generic {
			cfg.Selectors = Selectors{}
		}
		e, err := New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		a, _, err := e.Extract(c.page)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		acc.pages++
		miss := func(field string, got, want any) {
			acc.misses = append(acc.misses, fmt.Sprintf("%s %s: got %v, want %v", c.name, field, got, want))
		}
		ok := a.Headline == want.Headline
		acc.headline.add(ok)
		if !ok {
			miss("headline", fmt.Sprintf("%q", a.Headline), fmt.Sprintf("%q", want.Headline))
		}
		ok = sameSet(a.Byline, want.Byline)
		acc.byline.add(ok)
		if !ok {
			miss("byline", fmt.Sprintf("%q", a.Byline), fmt.Sprintf("%q", want.Byline))
		}
		for _, f := range []struct {
			name  string
			got   time.Time
			want  *string
			score *fieldScore
		}{{"published", a.Published, want.Published, &acc.published}, {"modified", a.Modified, want.Modified, &acc.modified}} {
			ok, wantText := sameMinute(t, f.got, f.want)
			f.score.add(ok)
			if !ok {
				got := "null"
				if !f.got.IsZero() {
					got = f.got.Format(time.RFC3339)
				}
				miss(f.name, got, wantText)
			}
		}
		p, r := shingleScores(a.Body, want.Body)
		acc.bodyP += p
		acc.bodyR += r
		if f := f1(p, r); f < 0.95 {
			miss("body", fmt.Sprintf("F1 %.3f (P %.3f, R %.3f)", f, p, r), "1")
		}
	}
	if acc.pages > 0 {
		acc.bodyP /= float64(acc.pages)
		acc.bodyR /= float64(acc.pages)
		acc.bodyF = f1(acc.bodyP, acc.bodyR)
	}
	return acc
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(slices.Compact(a), slices.Compact(b))
}

// sameMinute compares a date with its label to the minute, as instants.
func sameMinute(t *testing.T, got time.Time, want *string) (bool, string) {
	if want == nil {
		return got.IsZero(), "null"
	}
	w, err := time.Parse(time.RFC3339, *want)
	if err != nil {
		t.Fatalf("label date %q: %v", *want, err)
	}
	return !got.IsZero() && got.Truncate(time.Minute).Equal(w.Truncate(time.Minute)), *want
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// shingleScores is the precision and recall of got against want on
// multisets of 4-gram shingles of \w+ tokens; a text of fewer than four
// tokens is one shingle. Empty against empty is a perfect score.
func shingleScores(got, want string) (p, r float64) {
	g, w := shingles(got), shingles(want)
	if len(g) == 0 && len(w) == 0 {
		return 1, 1
	}
	tp, ng, nw := 0, 0, 0
	for k, n := range g {
		ng += n
		tp += min(n, w[k])
	}
	for _, n := range w {
		nw += n
	}
	if ng > 0 {
		p = float64(tp) / float64(ng)
	}
	if nw > 0 {
		r = float64(tp) / float64(nw)
	}
	return p, r
}

func shingles(s string) map[string]int {
	toks := strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_')
	})
	out := map[string]int{}
	if len(toks) == 0 {
		return out
	}
	if len(toks) < 4 {
		out[strings.Join(toks, " ")]++
		return out
	}
	for i := 0; i+4 <= len(toks); i++ {
		out[strings.Join(toks[i:i+4], " ")]++
	}
	return out
}
