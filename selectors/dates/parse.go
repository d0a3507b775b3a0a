package dates

import (
	"time"
	"unicode/utf8"
)

// Match is one date found in a text.
type Match struct {
	Time    time.Time
	DayOnly bool // the text gave a day but no time of day: Time is midnight
	Start   int  // byte offsets of the date in the text
	End     int
}

// Parse reads the first date in s: a structured value ("2023-06-28T10:15:00+01:00",
// "Wed, 28 Jun 2023 10:15:00 GMT") or a short visible label ("نشر في ٢٨ حزيران ٢٠٢٣",
// "Publié le 5 juillet 2023 à 11h20", "منذ 3 ساعات"). Dates without an offset
// are read in tz (nil means UTC); relative dates resolve against now. When
// dayOnly is true the text named a day only and t is midnight of it in tz.
func Parse(s string, tz *time.Location, now time.Time) (t time.Time, dayOnly bool, ok bool) {
	toks := tokenize(s)
	if m := find(toks, tz, now, 1); len(m) > 0 {
		return m[0].Time, m[0].DayOnly, true
	}
	if utf8.RuneCountInString(s) > maxFallbackRunes || !hasNumber(toks) || hasHijri(toks) || ownShape(toks) {
		return time.Time{}, false, false
	}
	return fallback(s, tz, now)
}

// Find returns the dates in s in the order they appear. It only uses the
// package's own rules, which anchor on a month name, a numeric date or a
// relative phrase, so running text does not turn into dates.
func Find(s string, tz *time.Location, now time.Time) []Match {
	return find(tokenize(s), tz, now, -1)
}

func find(toks []token, tz *time.Location, now time.Time, limit int) []Match {
	if tz == nil {
		tz = time.UTC
	}
	if now.IsZero() {
		now = time.Now()
	}
	now = now.In(tz).Truncate(time.Second)
	var out []Match
	for i := 0; i < len(toks) && (limit < 0 || len(out) < limit); {
		m, j, ok := matchAt(toks, i, tz, now)
		if !ok {
			i++
			continue
		}
		m.Start, m.End = toks[i].start, toks[j-1].end
		out = append(out, m)
		i = j
	}
	return out
}

// matchAt tries every rule at toks[i] and returns the match and the index
// after it.
func matchAt(toks []token, i int, tz *time.Location, now time.Time) (Match, int, bool) {
	if d, j, ok := dateAt(toks, i); ok {
		if c, k, ok := clockAt(toks, skipConnectors(toks, j)); ok {
			return Match{Time: at(d, c, tz)}, k, true
		}
		return Match{Time: time.Date(d.y, d.m, d.d, 0, 0, 0, 0, tz), DayOnly: true}, j, true
	}
	// A time printed before its day: "10:15 - الأربعاء 28 يونيو 2023".
	if c, j, ok := clockAt(toks, i); ok {
		k := skipConnectors(toks, j)
		if k < len(toks) && toks[k].kind == tokWord && !isMonthWord(toks, k) {
			k++ // a weekday
			k = skipConnectors(toks, k)
		}
		if d, k, ok := dateAt(toks, k); ok {
			return Match{Time: at(d, c, tz)}, k, true
		}
	}
	if u, n, j, ok := relativeAt(toks, i); ok {
		t, dayOnly := resolve(u, n, now)
		return Match{Time: t, DayOnly: dayOnly}, j, true
	}
	if back, j, ok := dayWordAt(toks, i); ok {
		d := now.AddDate(0, 0, -back)
		v := ymd{d.Year(), d.Month(), d.Day()}
		if c, k, ok := clockAt(toks, skipConnectors(toks, j)); ok {
			return Match{Time: at(v, c, tz)}, k, true
		}
		// Alone, these words are too common in running text to be dates;
		// they count only as a whole label.
		if len(toks) <= 3 {
			return Match{Time: midnight(d), DayOnly: true}, j, true
		}
	}
	return Match{}, i, false
}

func at(d ymd, c clock, tz *time.Location) time.Time {
	loc := tz
	if c.loc != nil {
		loc = c.loc
	}
	return time.Date(d.y, d.m, d.d, c.h, c.m, c.s, 0, loc)
}

func isMonthWord(toks []token, i int) bool {
	_, _, ok := monthName(toks, i)
	return ok
}

// ownShape reports a month name beside a four-digit year: the own rules read
// every valid date of that shape, so one they refused ("31 يونيو 2023") is not
// handed to go-dateparser, which would move it to a valid day.
func ownShape(toks []token) bool {
	month, year := false, false
	for i, t := range toks {
		month = month || isMonthWord(toks, i)
		year = year || t.kind == tokNum && t.digits == 4
	}
	return month && year
}

// hasNumber reports a number among the tokens. A label without one is
// either read by the own rules ("أمس", "yesterday") or not a date, and
// go-dateparser is too slow to ask about every short text of a page.
func hasNumber(toks []token) bool {
	for _, t := range toks {
		if t.kind == tokNum {
			return true
		}
	}
	return false
}
