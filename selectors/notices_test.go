package selectors

import (
	"strings"
	"testing"
)

// What a news page prints in its body's column without being the article:
// a "read also" label in the page's language, a paywall notice where the
// rest of a subscribers' story would be, anywhere in the body; an agency's
// footer under it. The story's paragraphs stay, the notices go.
func TestExtractor_Extract_notices(t *testing.T) {
	tests := []struct {
		name, lang, notice string
		anywhere           bool   // else only as the body's last lines
		mark               string // a word of the notice and of no story line
	}{
		{"German read-also label", "de", `<p><strong>Lesen Sie auch:</strong> <a href="/a/2">Wie die Stadt ihre Brücken sanieren will</a></p>`, true, "Brücken"},
		{"Portuguese read-also label", "pt", `<p>Leia também: <a href="/a/2">Chuvas deixam cidades em alerta</a></p>`, true, "Chuvas"},
		{"paywall notice", "en", `<p>This article is only available to subscribers.</p><p>Already a subscriber? <a href="/login">Log in</a></p>`, true, "subscriber"},
		{"French paywall notice", "fr", `<p>Cet article est réservé aux abonnés.</p>`, true, "abonnés"},
		{"agency footer", "en", `<p>The Associated Press receives support from several private foundations. The AP is solely responsible for all content.</p>`, false, "solely responsible"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			middle := ""
			if tt.anywhere {
				middle = tt.notice
			}
			page := `<!doctype html><html lang="` + tt.lang + `"><head><title>Night buses</title></head><body>
<article><h1>Night buses reach the northern districts</h1>
<p>` + lorem + `</p>` + middle + `<p>` + strings.Replace(lorem, "Tuesday", "Monday", 1) + `</p>
<p>The first buses run on Friday, and the timetable is posted at every stop of the new lines.</p>` + tt.notice + `
</article></body></html>`
			a := extractGeneric(t, "https://news.example/2023/05/night-buses", page)
			if strings.Contains(a.Body, tt.mark) {
				t.Errorf("body keeps the notice: %q", a.Body)
			}
			if !strings.Contains(a.Body, "timetable is posted") || !strings.Contains(a.Body, "on Monday") {
				t.Errorf("body lost the story: %q", a.Body)
			}
		})
	}
}

// A box the reader opens with a click (<details>, a "collapsible" or
// "accordion" class) is a fact sheet beside the story, not its text;
// the same class on the element that holds the whole story is the story's
// own (a body folded on small screens).
func TestExtractor_Extract_collapsibleBox(t *testing.T) {
	facts := `<p>The northern line opened in 1974 and carries forty thousand riders a day on weekdays, the transport authority says in its yearly report.</p>`
	story := `<p>` + lorem + `</p><p>` + strings.Replace(lorem, "Tuesday", "Monday", 1) + `</p>
<p>The first buses run on Friday, and the timetable is posted at every stop of the new lines.</p>`
	for name, body := range map[string]string{
		"details":           `<article><h1>Night buses</h1>` + story + `<details><summary>Key facts</summary>` + facts + `</details></article>`,
		"collapsible class": `<article><h1>Night buses</h1>` + story + `<div class="info-box collapsible"><h3>Key facts</h3>` + facts + `</div></article>`,
		"accordion class":   `<article><h1>Night buses</h1>` + story + `<section class="faq-accordion"><h3>Key facts</h3>` + facts + `</section></article>`,
	} {
		t.Run(name, func(t *testing.T) {
			a := extractGeneric(t, "https://news.example/2023/05/night-buses", `<!doctype html><html lang="en"><body>`+body+`</body></html>`)
			if strings.Contains(a.Body, "forty thousand") {
				t.Errorf("body keeps the box: %q", a.Body)
			}
			if !strings.Contains(a.Body, "timetable is posted") {
				t.Errorf("body lost the story: %q", a.Body)
			}
		})
	}
	t.Run("the story's own wrapper", func(t *testing.T) {
		a := extractGeneric(t, "https://news.example/2023/05/night-buses", `<!doctype html><html lang="en"><body><article><h1>Night buses</h1><div class="article-body collapsible">`+story+facts+`</div></article></body></html>`)
		if !strings.Contains(a.Body, "forty thousand") || !strings.Contains(a.Body, "timetable is posted") {
			t.Errorf("body lost the story: %q", a.Body)
		}
	})
}
