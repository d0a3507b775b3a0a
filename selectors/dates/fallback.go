package dates

import (
	"sync"
	"time"

	dps "github.com/markusmobius/go-dateparser"
)

// maxFallbackRunes keeps go-dateparser to labels: it is slow on long text and
// finds dates in anything.
const maxFallbackRunes = 80

// fallbackMu serialises go-dateparser: its parsers share one stateful
// unicode transformer (internal/strutil.NormalizeUnicode), so even separate
// Parser values race. The fallback runs on short labels only, rarely.
//
// It never reads relative dates: the own rules read them ("منذ 3 ساعات",
// "il y a 2 jours", "5 hours ago") and go-dateparser would take a bare
// duration for one: "5 دقائق", a reading time, became five minutes before
// the fetch.
var (
	fallbackMu     sync.Mutex
	fallbackParser = dps.Parser{ParserTypes: []dps.ParserType{
		dps.Timestamp, dps.NegativeTimestamp, dps.CustomFormat, dps.AbsoluteTime, dps.NoSpacesTime,
	}}
)

// Exclusive runs f holding the lock that serialises go-dateparser, for a
// caller that reaches it through another package (go-htmldate's free-text
// search), which would race with this one and with itself.
func Exclusive(f func()) {
	fallbackMu.Lock()
	defer fallbackMu.Unlock()
	f()
}

// misses remembers the labels go-dateparser found no date in, per time
// zone (guarded by fallbackMu). Sites print the same labels on every page
// ("5 دقائق", "Lecture 3 min") and a miss costs over a millisecond. Whether
// a label holds a date does not depend on when it is read (relative dates
// are not read here), so a miss stays one. At most maxMisses are kept.
var misses = make(map[missKey]struct{})

type missKey struct{ text, tz string }

const maxMisses = 4096

// fallbackLanguages are the languages go-dateparser is allowed to read.
var fallbackLanguages = []string{"ar", "fr", "en"}

// fallback asks go-dateparser for the formats the own rules do not know
// ("Wednesday the 28th of June 2023", two-digit years, "28 juin, 11h20").
func fallback(s string, tz *time.Location, now time.Time) (time.Time, bool, bool) {
	if tz == nil {
		tz = time.UTC
	}
	if now.IsZero() {
		now = time.Now()
	}
	cfg := &dps.Configuration{
		Languages:           fallbackLanguages,
		DefaultTimezone:     tz,
		CurrentTime:         now.In(tz),
		StrictParsing:       true,
		ReturnTimeAsPeriod:  true,
		PreferredDateSource: dps.Past,
	}
	key := missKey{s, tz.String()}
	fallbackMu.Lock()
	if _, miss := misses[key]; miss {
		fallbackMu.Unlock()
		return time.Time{}, false, false
	}
	d, err := fallbackParser.Parse(cfg, s)
	if err != nil || d.IsZero() {
		if len(misses) >= maxMisses {
			clear(misses)
		}
		misses[key] = struct{}{}
	}
	fallbackMu.Unlock()
	if err != nil || d.IsZero() {
		return time.Time{}, false, false
	}
	t := d.Time
	if y := t.Year(); y < minYear || y > maxYear {
		return time.Time{}, false, false
	}
	if !d.Period.IsTime() {
		y, m, dd := t.In(tz).Date()
		return time.Date(y, m, dd, 0, 0, 0, 0, tz), true, true
	}
	return t, false, true
}
