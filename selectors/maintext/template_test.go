package maintext

import (
	"slices"
	"testing"
)

// TestCorrect_templateClass checks that a junk word in a class on every
// paragraph of the article does not drop the article: the class carries
// most of the text, so it is the article's template, while a box of the
// same family with a class of its own is still dropped.
func TestCorrect_templateClass(t *testing.T) {
	para := []string{
		"The committee met on Monday to decide the future of the old harbour.",
		"Its members heard the port authority and the fishermen's union in turn.",
		"A vote on the plan is expected before the end of the month, they said.",
		"The harbour has been closed to large ships since the storm of last winter.",
	}
	box := "Sign up for our weekly letter about the harbour"
	tests := []struct {
		name, page string
	}{
		{
			name: "paywall class on every paragraph",
			page: `<html><body><div class="story">
<p class="paywall">` + para[0] + `</p><p class="paywall">` + para[1] + `</p>
<div class="newsletter"><p>` + box + `</p></div>
<p class="paywall">` + para[2] + `</p><p class="paywall">` + para[3] + `</p></div></body></html>`,
		},
		{
			name: "page builder widgets",
			page: `<html><body><div class="page">
<div class="pb-widget pb-widget-text"><div class="pb-widget-box"><p>` + para[0] + `</p><p>` + para[1] + `</p></div></div>
<div class="pb-widget pb-widget-signup"><div class="pb-widget-box"><p>` + box + `</p></div></div>
<div class="pb-widget pb-widget-text"><div class="pb-widget-box"><p>` + para[2] + `</p><p>` + para[3] + `</p></div></div>
</div></body></html>`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, _ := parse(t, tt.page, false)
			in := []string{para[0], para[1], box, para[2], para[3]}
			if got := Correct(root, nil, in); !slices.Equal(got, para) {
				t.Errorf("Correct =\n%q\nwant\n%q", got, para)
			}
		})
	}
}

// TestPage_Correct checks the prose of a text: its letters and digits
// outside links, each block once; and that the page's prose bounds it.
func TestPage_Correct(t *testing.T) {
	root, _ := parse(t, `<html><body><div class="story">
<p>Ab cd <a href="/x">ef</a>.</p><p>Gh 12.</p></div><ul><li><a href="/y">Other story</a></li></ul></body></html>`, false)
	p := NewPage(root, nil)
	got := p.Correct([]string{"Ab cd ef.", "Gh 12."})
	if want := []string{"Ab cd ef.", "Gh 12."}; !slices.Equal(got.Paragraphs, want) {
		t.Errorf("Paragraphs = %q, want %q", got.Paragraphs, want)
	}
	if got.Prose != 8 {
		t.Errorf("Prose = %d, want 8 (abcd gh12)", got.Prose)
	}
	if p.Prose() != 8 {
		t.Errorf("page Prose = %d, want 8: the link list is not prose", p.Prose())
	}
}
