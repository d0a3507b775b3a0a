package selectors

import (
	"testing"
	"time"

	"github.com/newsarc/newsarc/selectors/article"
)

// TestExtractor_Extract_dates covers the date steps after structured data:
// <time datetime> in the header, visible labels, the URL, and what is not a
// publication date.
func TestExtractor_Extract_dates(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name             string
		url              string
		html             string
		published, pubBy string
		modified, modBy  string
	}{
		{
			name:      "update label before the published time",
			html:      `<article><h1>Titre de l'article</h1><p class="dates">Mis à jour le <time datetime="2023-07-06T09:00:00+02:00">6 juillet</time> · Publié le <time datetime="2023-07-05T11:20:00+02:00">5 juillet</time></p></article>`,
			published: "2023-07-05T11:20:00+02:00", pubBy: article.SourceTime,
			modified: "2023-07-06T09:00:00+02:00", modBy: article.SourceTime,
		},
		{
			name:      "element classed as update",
			html:      `<article><h1>Titre de l'article</h1><span class="date">5 juillet 2023 à 11h20</span><span class="updated">6 juillet 2023 à 09h00</span></article>`,
			published: "2023-07-05T11:20:00+02:00", pubBy: article.SourceText,
			modified: "2023-07-06T09:00:00+02:00", modBy: article.SourceText,
		},
		{
			// The header steps skip them; go-htmldate reads the whole page
			// only when the article prints no date of its own, as
			// go-trafilatura does (TestExtractor_Extract_dateFallback).
			name:      "dates of related articles are a last resort",
			html:      `<article><h1>Titre de l'article</h1><p>Texte sans date.</p></article><aside class="related"><span class="date">3 juillet 2023</span></aside>`,
			published: "2023-07-03T00:00:00+02:00", pubBy: article.SourceGeneric,
		},
		{
			name: "a future date is an event",
			html: `<article><h1>Titre de l'article</h1><span class="date">Concert le 14 août 2023</span></article>`,
		},
		{
			name:      "day in the URL",
			url:       "https://example.fr/2023/07/05/titre.html",
			html:      `<article><h1>Titre de l'article</h1><p>Texte sans date.</p></article>`,
			published: "2023-07-05T00:00:00+02:00", pubBy: article.SourceURL,
		},
		{
			name:      "relative date near the headline",
			html:      `<div><h1>Titre de l'article</h1><span>il y a 2 heures</span></div>`,
			published: "2023-07-10T12:00:00+02:00", pubBy: article.SourceText,
		},
	}
	e, err := New(Config{Timezone: paris})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			url := tt.url
			if url == "" {
				url = "https://example.fr/titre.html"
			}
			a, _, err := e.Extract(Page{URL: url, Body: []byte("<html><body>" + tt.html + "</body></html>"), Date: fetchedAt})
			if err != nil {
				t.Fatal(err)
			}
			check := func(field string, got time.Time, want, wantBy string) {
				t.Helper()
				gotS := ""
				if !got.IsZero() {
					gotS = got.Format(time.RFC3339)
				}
				if gotS != want || a.Provenance[field] != wantBy {
					t.Errorf("%s = %q from %q, want %q from %q", field, gotS, a.Provenance[field], want, wantBy)
				}
			}
			check(article.FieldPublished, a.Published, tt.published, tt.pubBy)
			check(article.FieldModified, a.Modified, tt.modified, tt.modBy)
		})
	}
}
