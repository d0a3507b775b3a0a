package selectors

import (
	"fmt"
	"strings"
	"testing"
)

// A live blog: an intro above the container of timed entries. Every
// entry's text is the body, not dropped as a list of cards of other
// stories; an intro in its own box above them starts it.
func TestExtractor_Extract_liveBlog(t *testing.T) {
	var entries strings.Builder
	for i := range 8 {
		fmt.Fprintf(&entries, `<div class="live-entry"><time datetime="2023-07-09T%02d:05:00Z">%02d:05</time><h3>Update %d</h3><p>Entry %d: crews reopened one more lane of the coastal road, and the traffic police asked drivers to avoid the centre until the evening.</p></div>`, 10+i, 10+i, i, i)
	}
	intro := `<div class="live-intro"><p>Storm Ana closed the coastal road overnight; follow the reopening and the advice to drivers here, as it happens.</p></div>`
	const introText = "Storm Ana closed the coastal road overnight; follow the reopening and the advice to drivers here, as it happens."
	tests := []struct {
		name, page string
		inBody     bool // the intro starts the body; else it is the standfirst, in description
	}{
		{"intro in its own box",
			`<html><head><script type="application/ld+json">{"@type":"LiveBlogPosting","headline":"Storm Ana: the coastal road reopens"}</script></head><body><main><h1>Storm Ana: the coastal road reopens</h1>` +
				intro + `<div class="live-entries">` + entries.String() + `</div></main></body></html>`,
			true},
		// Marked as a summary in the headline's header, the intro is the
		// standfirst: like every standfirst it is the description (see
		// maintext.Standfirst for why the body leaves it out).
		{"intro as the header's summary",
			`<html><body><main><header><h1>Storm Ana: the coastal road reopens</h1><p class="live-summary">` + introText + `</p></header>` +
				`<section class="live-entries">` + entries.String() + `</section></main></body></html>`,
			false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := extractGeneric(t, "https://example.org/live/storm-ana", tt.page)
			if tt.inBody && !strings.HasPrefix(a.Body, introText) {
				t.Errorf("body does not start with the intro: %.200q", a.Body)
			}
			if !tt.inBody && a.Description != introText {
				t.Errorf("description %q, want the intro", a.Description)
			}
			for _, want := range []string{"Entry 0:", "Entry 7:"} {
				if !strings.Contains(a.Body, want) {
					t.Errorf("body misses %q: %.300q", want, a.Body)
				}
			}
		})
	}
}
