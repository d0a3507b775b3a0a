package maintext

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestCorrect_slideshowCaptions checks a slideshow's captions inside an
// article's text block: when the story beside them is a story by itself,
// they are dropped however much text they hold; a photo story, whose
// captions are nearly all of its text, keeps them.
func TestCorrect_slideshowCaptions(t *testing.T) {
	story := []string{
		"The city council approved the new budget on Tuesday after a debate that lasted well into the night, with members of every party taking the floor at least once.",
		"Spending on schools rises by a tenth, while the money for roads and bridges is frozen at last year's level for the second year in a row.",
		"The opposition voted against the plan and promised to challenge two of its measures in court, saying the council had ignored its own rules on public hearings.",
		"The mayor said the budget was the fairest the city had adopted in years, and that the rise in school spending would be paid for without new taxes.",
		"A final reading is planned for the first week of next month, when the council will also vote on the fees charged for parking in the old town centre.",
		"Shop owners in the centre said they feared the new fees would keep customers away, and asked the council to wait until the new car parks are finished.",
		"The council's finance committee will publish a detailed report on the budget next week, with figures for each district and each department of the city.",
		"Last year's budget was adopted only in March, after the council failed twice to agree on the cost of the new tram line to the northern suburbs.",
		"This year the tram line is paid for by a loan from the regional bank, which the council approved separately in a vote held before the summer break.",
	}
	var slides []string
	for i := range 12 {
		slides = append(slides, fmt.Sprintf("%d/12 Photo of the week", i+1),
			fmt.Sprintf("Caption %d tells what the picture shows and who took it ", i+1)+words(30, "there"))
	}
	page := func(story []string) string {
		var b strings.Builder
		b.WriteString(`<html><body><article><div class="text"><p>` + strings.Join(story[:len(story)/2], "</p><p>") + `</p>`)
		b.WriteString(`<div class="gallery"><ul class="legends">`)
		for i := 0; i < len(slides); i += 2 {
			b.WriteString(`<li><h2>` + slides[i] + `</h2><p>` + slides[i+1] + `</p></li>`)
		}
		b.WriteString(`</ul></div><p>` + strings.Join(story[len(story)/2:], "</p><p>") + `</p></div></article></body></html>`)
		return b.String()
	}
	in := func(story []string) []string {
		h := len(story) / 2
		return slices.Concat(story[:h], slides, story[h:])
	}

	root, _ := parse(t, page(story), false)
	if got := Correct(root, nil, in(story)); !slices.Equal(got, story) {
		t.Errorf("report with a slideshow: Correct =\n%q\nwant\n%q", got, story)
	}
	short := []string{"Pictures of the week from our photographers.", "Send us yours."}
	root, _ = parse(t, page(short), false)
	if want := in(short); !slices.Equal(Correct(root, nil, want), want) {
		t.Errorf("photo story: Correct =\n%q\nwant\n%q", Correct(root, nil, want), want)
	}
}
