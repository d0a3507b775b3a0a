package selectors

import (
	"bytes"
	"errors"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/newsarc/newsarc/selectors/article"
)

func TestExtractor_Extract_notHTML(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
	page := []byte("<!DOCTYPE html><html><body><h1>Titre</h1><p>Texte.</p></body></html>")
	tests := []struct {
		name        string
		body        []byte
		contentType string
		want        error // nil: extracted
	}{
		{"pdf", []byte("%PDF-1.7\n"), "application/pdf", ErrNotHTML},
		{"png", png, "image/png", ErrNotHTML},
		{"json", []byte(`{"a":1}`), "application/json", ErrNotHTML},
		// A generic type is decided by the bytes, as browsers decide it.
		{"html as octet-stream", page, "application/octet-stream", nil},
		{"html as text", page, "text/plain; charset=utf-8", nil},
		{"png as octet-stream", png, "application/octet-stream", ErrNotHTML},
		{"unreadable type", page, "nonsense", ErrNotHTML},
		{"too large", bytes.Repeat([]byte("<p>x</p>"), MaxHTMLSize/8+1), "text/html", ErrTooLarge},
		{"too large without type", bytes.Repeat([]byte("<p>x</p>"), MaxHTMLSize/8+1), "", ErrTooLarge},
		{"too large pdf", bytes.Repeat([]byte("%PDF"), MaxHTMLSize/4+1), "application/pdf", ErrNotHTML},
		{"empty", nil, "text/html", ErrEmptyBody},
		{"blank", []byte(" \n\t "), "text/html", ErrEmptyBody},
		{"html", page, "text/html; charset=utf-8", nil},
		{"html in capitals", page, "Text/HTML; Charset=UTF-8", nil},
		{"xhtml", page, "application/xhtml+xml", nil},
		{"bad type header", page, "text/html; charset", nil},
		// Files named on the command line have no type: sniffed too.
		{"html without type", page, "", nil},
		{"png without type", png, "", ErrNotHTML},
	}
	e, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _, err := e.Extract(Page{URL: "https://example.org/x", Body: tt.body, ContentType: tt.contentType, Date: fetchedAt})
			if tt.want == nil {
				if err != nil || a == nil {
					t.Fatalf("Extract = %v, %v; want an article", a, err)
				}
				return
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("Extract error = %v, want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), "https://example.org/x") {
				t.Errorf("error %q does not name the page", err)
			}
		})
	}
}

// TestExtractor_Extract_tooLarge checks that a page over the size budget
// is refused before it is parsed, even when the caller parsed it already,
// and that a page of MaxHTMLSize bytes is not.
func TestExtractor_Extract_tooLarge(t *testing.T) {
	e, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	body := bytes.Repeat([]byte(" "), MaxHTMLSize+1)
	copy(body, "<html><body><h1>Titre</h1><p>Texte.</p></body></html>")
	doc, err := e.Parse(body[:64], "text/html")
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = e.Extract(Page{URL: "https://example.org/big", Body: body, ContentType: "text/html", Doc: doc})
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("Extract error = %v, want %v", err, ErrTooLarge)
	}
	if want := "selectors: page larger than 16 MiB: archived, not extracted"; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not say %q", err, want)
	}
	if err := checkHTML(Page{Body: body[:MaxHTMLSize], ContentType: "text/html"}); err != nil {
		t.Errorf("checkHTML of a page of MaxHTMLSize bytes = %v, want nil", err)
	}
}

func TestExtractor_Extract_warnings(t *testing.T) {
	const page = `<html lang="fr"><head><title>Un titre - Site</title></head><body>
<h1>Un titre</h1><h1>Autre</h1><span class="date">pas de date</span>
<div class="texte"><p>Premier paragraphe de l'article.</p><div class="partage">Partager</div><p>Second paragraphe.</p></div>
</body></html>`
	e, err := New(Config{Selectors: Selectors{
		Headline:  "h1",
		Byline:    ".auteur",
		Published: "span.date",
		Body:      "div.texte",
		Remove:    []string{".partage"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	a, warnings, err := e.Extract(Page{URL: "https://example.org/a", Body: []byte(page), Date: fetchedAt})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`selector headline "h1" matched 2 elements, used the first`,
		`selector byline ".auteur" matched nothing`,
		`selector published "span.date" matched "pas de date", which is not a date`,
	}
	if got := Strings(warnings); !slices.Equal(got, want) {
		t.Errorf("warnings = %q, want %q", got, want)
	}
	if a.Headline != "Un titre" || a.Provenance[article.FieldHeadline] != article.SourceSelector {
		t.Errorf("headline = %q from %q", a.Headline, a.Provenance[article.FieldHeadline])
	}
	if want := "Premier paragraphe de l'article.\n\nSecond paragraphe."; a.Body != want {
		t.Errorf("body = %q, want %q", a.Body, want)
	}
	if a.WordCount != 6 {
		t.Errorf("word count = %d, want 6", a.WordCount)
	}
	if !a.Published.IsZero() || a.Provenance[article.FieldPublished] != "" {
		t.Errorf("published = %v from %q, want none", a.Published, a.Provenance[article.FieldPublished])
	}
}

// TestExtractor_Extract_readsTreeOnce checks that extraction, go-trafilatura
// included, leaves the parsed page as it was: the tree is shared by every step.
func TestExtractor_Extract_readsTreeOnce(t *testing.T) {
	for _, c := range allCases(t) {
		text, _ := decodeHTML(c.page.Body, c.page.ContentType, "")
		root, err := html.Parse(strings.NewReader(text))
		if err != nil {
			t.Fatal(err)
		}
		var before bytes.Buffer
		html.Render(&before, root)
		e, err := New(c.cfg)
		if err != nil {
			t.Fatal(err)
		}
		newExtraction(e, c.page, root).run()
		var after bytes.Buffer
		html.Render(&after, root)
		if before.String() != after.String() {
			t.Errorf("%s: extraction changed the parsed page", c.name)
		}
	}
}

// TestExtractor_Extract_concurrent runs one extractor on many goroutines, as
// the crawler does, and expects what a lone run gives.
func TestExtractor_Extract_concurrent(t *testing.T) {
	cases := allCases(t)
	e, err := New(Config{Timezone: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	want := make([][]byte, len(cases))
	for i, c := range cases {
		a, _, err := e.Extract(c.page)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = marshalArticle(t, a)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i, c := range cases {
				a, _, err := e.Extract(c.page)
				if err != nil {
					t.Error(err)
					return
				}
				if got := marshalArticle(t, a); !bytes.Equal(got, want[i]) {
					t.Errorf("%s: concurrent extraction differs", c.name)
				}
			}
		})
	}
	wg.Wait()
}

// FuzzExtract feeds mutated pages to a configured extractor. The seeds are
// whole pages, which the fuzzer is slow to minimise; run it with
//
//	go test ./selectors -run '^$' -fuzz FuzzExtract -fuzztime 20s -fuzzminimizetime 1x
func FuzzExtract(f *testing.F) {
	for _, c := range allCases(f) {
		f.Add(c.page.Body, c.page.ContentType)
	}
	f.Add([]byte("<html><body><h1>x</h1><time datetime='2023-06-28'>"), "")
	f.Add([]byte(`<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@id":"x"}],"@graph":[[[]]]}</script>`), "text/html")
	tz, err := time.LoadLocation("Africa/Casablanca")
	if err != nil {
		f.Fatal(err)
	}
	e, err := New(Config{
		Selectors: Selectors{Headline: "h1", Byline: ".author a", Published: "time@datetime", Body: ".entry-content", Remove: []string{".share"}},
		Timezone:  tz,
		Language:  "ar",
	})
	if err != nil {
		f.Fatal(err)
	}
	// Without selectors, every page goes through generic extraction and
	// newsarc's layer over it.
	generic, err := New(Config{Timezone: tz})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		for _, e := range []*Extractor{e, generic} {
			a, _, err := e.Extract(Page{URL: "https://www.example.ma/2023/06/28/x.html", Body: body, ContentType: contentType, Date: fetchedAt})
			if err != nil {
				if !errors.Is(err, ErrNotHTML) && !errors.Is(err, ErrEmptyBody) && !errors.Is(err, ErrTooLarge) {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if a.WordCount != wordCount(a.Body) || a.ID != article.ArticleID(a.CanonicalURL) {
				t.Errorf("inconsistent article: %+v", a)
			}
			for p := range strings.SplitSeq(a.Body, "\n\n") {
				if a.Body != "" && (p == "" || p != strings.TrimSpace(p)) {
					t.Errorf("body paragraph %q is empty or not trimmed", p)
				}
			}
			for field := range a.Provenance {
				if article.FieldIndex(field) < 0 {
					t.Errorf("provenance for unknown field %q", field)
				}
			}
			marshalArticle(t, a)
		}
	})
}

func BenchmarkExtract(b *testing.B) {
	for _, bc := range []struct {
		name string
		file string
		cfg  Config
	}{
		// A configured site: selectors for every field.
		{"selectors", "testdata/nabae24/article.html", Config{Selectors: Selectors{
			Headline: "h1.entry-title", Byline: ".entry-meta .meta-author a",
			Published: "time.entry-date", Body: ".entry-content", Remove: []string{".share-box", "#comments"},
		}}},
		// No selectors: structured data, text and go-trafilatura.
		{"generic", "testdata/dailyplanet/article.html", Config{}},
	} {
		body, err := os.ReadFile(bc.file)
		if err != nil {
			b.Fatal(err)
		}
		e, err := New(bc.cfg)
		if err != nil {
			b.Fatal(err)
		}
		p := Page{URL: "https://www.example.org/2023/06/28/a.html", Body: body, ContentType: "text/html; charset=utf-8", Date: fetchedAt}
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				if _, _, err := e.Extract(p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
