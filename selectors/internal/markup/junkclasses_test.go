package markup

import (
	"slices"
	"testing"
)

// TestIsJunk_stylesAndSlugs checks the class and id tokens that say nothing
// of what an element is: utility classes and ids made from its title.
func TestIsJunk_stylesAndSlugs(t *testing.T) {
	_, ids := page(t, `<html><body>
<div id="variants" class="print:hidden md:flex">a</div>
<div id="arbitrary" class="w-[calc(100%-sidebar)]">a</div>
<div id="atomic" class="Cf Maw(635px) Mstart(137px)--modalMinWidth">a</div>
<div id="plain" class="print hidden">a</div>
<div class="section" id="sharing-your-work"><h2 id="h">Sharing your work¶</h2><p>text</p></div>
<h3 id="sharing-with-a-team">Sharing with a team</h3>
<div id="share-this-story-now"><h3>Related stories</h3><p>text</p></div>
<div id="related"><h3>Related</h3><p>text</p></div>
</body></html>`)
	for id, want := range map[string]bool{
		"variants": false, "arbitrary": false, "atomic": false, "plain": true,
		"sharing-your-work": false, "sharing-with-a-team": false,
		// An id that is not its heading, or too short to be made from
		// one, names the box.
		"share-this-story-now": true, "related": true,
	} {
		if got := IsJunk(ids[id]); got != want {
			t.Errorf("IsJunk(#%s) = %v, want %v", id, got, want)
		}
	}
}

func TestJunkClasses(t *testing.T) {
	_, ids := page(t, `<html><body>
<p id="p1" class="paywall body-text">a</p>
<div id="w1" class="el-widget el-widget-text">a</div>
<aside id="aside" class="paywall">a</aside>
<div id="both" class="paywall" role="navigation">a</div>
<div id="share-box">a</div>
<div id="plain" class="story">a</div>
</body></html>`)
	for id, want := range map[string][]string{
		"p1": {"paywall"}, "w1": {"elwidget", "elwidgettext"},
		"aside": nil, "both": nil, "share-box": nil, "plain": nil,
	} {
		if got := JunkClasses(ids[id]); !slices.Equal(got, want) {
			t.Errorf("JunkClasses(#%s) = %q, want %q", id, got, want)
		}
	}
	if got, want := ClassKeys(ids["w1"]), []string{"elwidget", "elwidgettext"}; !slices.Equal(got, want) {
		t.Errorf("ClassKeys = %q, want %q", got, want)
	}
}
