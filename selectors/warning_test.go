package selectors

import (
	"bytes"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/newsarc/newsarc/selectors/article"
)

func TestExtractor_Extract_typedWarnings(t *testing.T) {
	const page = `<html><head><title>T</title></head><body>
<h1 class="t">Un titre</h1><h1 class="t">Autre</h1>
<time class="d">bientôt</time><time class="d">lundi</time>
<div class="a"> </div>
<main><div class="c"><p>Premier paragraphe de l'article, assez long pour compter.</p></div>
<div class="pub">Publicité</div><div class="c"><p>Second paragraphe, après la publicité.</p></div></main>
<aside><div class="teaser"><div class="c"><p>Un autre article, ailleurs sur la page.</p></div></div></aside>
</body></html>`
	tests := []struct {
		name string
		sel  Selectors
		want []Warning
	}{
		{"no match", Selectors{Headline: "h2.t", Byline: ".x", Published: "span.d", Modified: "span.m", Body: ".x"}, []Warning{
			{Field: article.FieldHeadline, Selector: "h2.t", Kind: WarnNoMatch},
			{Field: article.FieldByline, Selector: ".x", Kind: WarnNoMatch},
			{Field: article.FieldPublished, Selector: "span.d", Kind: WarnNoMatch},
			{Field: article.FieldModified, Selector: "span.m", Kind: WarnNoMatch},
			{Field: article.FieldBody, Selector: ".x", Kind: WarnNoMatch},
		}},
		{"several", Selectors{Headline: "h1.t", Body: "div.c"}, []Warning{
			{Field: article.FieldHeadline, Selector: "h1.t", Kind: WarnSeveral, Count: 2},
			{Field: article.FieldBody, Selector: "div.c", Kind: WarnSeveral, Count: 3},
		}},
		// The first of several dates is not a date: one warning, the
		// more telling one.
		{"one per field", Selectors{Published: "time.d@class"}, []Warning{
			{Field: article.FieldPublished, Selector: "time.d@class", Kind: WarnNoValue, Value: "d"},
		}},
		{"no value", Selectors{Byline: "div.a", Published: "time.d"}, []Warning{
			{Field: article.FieldByline, Selector: "div.a", Kind: WarnNoValue},
			{Field: article.FieldPublished, Selector: "time.d", Kind: WarnNoValue, Value: "bientôt"},
		}},
		// Paragraphs of one body, and parts of one body side by side, are
		// not several bodies.
		{"paragraphs", Selectors{Body: "main p"}, nil},
		{"split body", Selectors{Body: "main div.c"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := New(Config{Selectors: tt.sel})
			if err != nil {
				t.Fatal(err)
			}
			_, got, err := e.Extract(Page{URL: "https://example.org/a", Body: []byte(page), Date: fetchedAt})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("warnings:\n got %+v\nwant %+v", got, tt.want)
			}
			for _, w := range got {
				if s := w.String(); !strings.Contains(s, w.Field) || !strings.Contains(s, `"`+w.Selector+`"`) {
					t.Errorf("%q does not name field %s and selector %q", s, w.Field, w.Selector)
				}
			}
		})
	}
}

func TestWarning_LogValue(t *testing.T) {
	var b bytes.Buffer
	log := slog.New(slog.NewTextHandler(&b, &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}}))
	log.Info("selector", "warning", Warning{Field: article.FieldBody, Selector: ".c", Kind: WarnSeveral, Count: 3})
	want := `level=INFO msg=selector warning.field=body warning.selector=.c warning.kind=several warning.count=3` + "\n"
	if b.String() != want {
		t.Errorf("log line:\n got %q\nwant %q", b.String(), want)
	}
}

func TestWarningTally(t *testing.T) {
	var tally WarningTally
	noDate := Warning{Field: article.FieldPublished, Selector: "time.d", Kind: WarnNoMatch}
	several := Warning{Field: article.FieldHeadline, Selector: "h1", Kind: WarnSeveral, Count: 2}
	var wg sync.WaitGroup
	for i := range 40 {
		wg.Go(func() {
			switch {
			case i < 30:
				// A page counts once even if a warning repeats.
				tally.Add([]Warning{noDate, noDate})
			case i < 34:
				tally.Add([]Warning{several})
			default:
				tally.Add(nil)
			}
		})
	}
	wg.Wait()
	got := tally.Entries()
	want := []TallyEntry{
		{Field: article.FieldPublished, Selector: "time.d", Kind: WarnNoMatch, Pages: 30, Total: 40, Share: 0.75},
		{Field: article.FieldHeadline, Selector: "h1", Kind: WarnSeveral, Pages: 4, Total: 40, Share: 0.1},
	}
	if !slices.Equal(got, want) {
		t.Fatalf("entries:\n got %+v\nwant %+v", got, want)
	}
	if s, want := got[0].String(), `selector published "time.d" matched nothing on 30 of 40 pages (75%)`; s != want {
		t.Errorf("String() = %q, want %q", s, want)
	}
}
