package dates

import "time"

type unit uint8

const (
	second unit = iota + 1
	minute
	hour
	day
	week
	month
	year
)

// unitWord is a unit with the count its form implies: 0 for a plural that
// needs a number, 1 for a singular ("ساعة", "an hour"), 2 for the Arabic dual
// ("يومين").
type unitWord struct {
	u     unit
	count int
}

var unitWords = map[string]unitWord{}

func init() {
	add := func(u unit, count int, words ...string) {
		for _, w := range words {
			unitWords[fold(w)] = unitWord{u, count}
		}
	}
	add(second, 1, "ثانية", "second", "seconde", "sec", "s")
	add(second, 0, "ثوان", "ثواني", "ثوانٍ", "seconds", "secondes", "secs")
	add(second, 2, "ثانيتين")
	add(minute, 1, "دقيقة", "minute", "min", "mn")
	add(minute, 0, "دقائق", "دقايق", "minutes", "mins")
	add(minute, 2, "دقيقتين")
	add(hour, 1, "ساعة", "hour", "heure", "h", "hr")
	add(hour, 0, "ساعات", "hours", "heures", "hrs")
	add(hour, 2, "ساعتين")
	add(day, 1, "يوم", "day", "jour", "j", "d")
	add(day, 0, "أيام", "days", "jours")
	add(day, 2, "يومين")
	add(week, 1, "أسبوع", "week", "semaine", "wk")
	add(week, 0, "أسابيع", "weeks", "semaines", "wks")
	add(week, 2, "أسبوعين")
	add(month, 1, "شهر", "month", "mois")
	add(month, 0, "أشهر", "شهور", "months")
	add(month, 2, "شهرين")
	add(year, 1, "سنة", "عام", "year", "an", "année", "yr")
	add(year, 0, "سنوات", "سنين", "أعوام", "years", "ans", "années", "yrs")
	add(year, 2, "سنتين", "عامين")
}

// countWords are the numbers written as words before a unit.
var countWords = map[string]int{}

func init() {
	for n, words := range [][]string{
		1:  {"واحد", "واحدة", "a", "an", "one", "un", "une"},
		2:  {"اثنين", "اثنتين", "two", "deux"},
		3:  {"ثلاث", "ثلاثة", "three", "trois"},
		4:  {"أربع", "أربعة", "four", "quatre"},
		5:  {"خمس", "خمسة", "five", "cinq"},
		6:  {"ست", "ستة", "six"},
		7:  {"سبع", "سبعة", "seven", "sept"},
		8:  {"ثماني", "ثمانية", "ثمان", "eight", "huit"},
		9:  {"تسع", "تسعة", "nine", "neuf"},
		10: {"عشر", "عشرة", "ten", "dix"},
	} {
		for _, w := range words {
			countWords[fold(w)] = n
		}
	}
}

// amountAt reads "3 ساعات", "ساعتين", "سنة واحدة", "an hour", "2h", "un jour".
func amountAt(toks []token, i int) (unit, int, int, bool) {
	if i >= len(toks) {
		return 0, 0, i, false
	}
	n, j := 0, i
	switch t := toks[i]; {
	case t.kind == tokNum && t.digits <= 4:
		n, j = t.num, i+1
	case t.kind == tokWord && countWords[t.text] > 0:
		// "sept" is a number in French and a month in English: a unit must follow.
		n, j = countWords[t.text], i+1
	}
	if j >= len(toks) || toks[j].kind != tokWord {
		return 0, 0, i, false
	}
	uw, ok := unitWords[toks[j].text]
	if !ok {
		return 0, 0, i, false
	}
	j++
	switch {
	case n == 0 && uw.count == 0:
		return 0, 0, i, false // "منذ ساعات": some hours ago
	case n == 0:
		n = uw.count
		if j < len(toks) && toks[j].kind == tokWord && countWords[toks[j].text] == 1 {
			j++ // "سنة واحدة"
		}
	case uw.count == 2:
		return 0, 0, i, false // "3 يومين" is not a phrase
	}
	return uw.u, n, j, true
}

// relativeAt reads "منذ 3 ساعات", "قبل يومين", "il y a 2 jours", "5 hours ago".
func relativeAt(toks []token, i int) (unit, int, int, bool) {
	t := toks[i]
	switch {
	case t.isWord("منذ", "قبل"):
		j := i + 1
		if j < len(toks) && toks[j].isWord("حوالي", "نحو", "زهاء") {
			j++
		}
		return amountAt(toks, j)
	case t.isWord("il") && i+3 < len(toks) && toks[i+1].isWord("y") && toks[i+2].isWord("a"):
		return amountAt(toks, i+3)
	case t.isWord("environ"):
		return 0, 0, i, false
	}
	u, n, j, ok := amountAt(toks, i)
	if !ok || j >= len(toks) || !toks[j].isWord("ago") {
		return 0, 0, i, false
	}
	return u, n, j + 1, true
}

// dayWordAt reads "أمس", "أول أمس", "hier", "avant-hier", "aujourd'hui",
// "yesterday", "today" and returns how many days back it means.
func dayWordAt(toks []token, i int) (int, int, bool) {
	t := toks[i]
	switch {
	case t.isWord("امس", "البارحه", "hier", "yesterday"):
		return 1, i + 1, true
	case t.isWord("اول") && i+1 < len(toks) && toks[i+1].isWord("امس"):
		return 2, i + 2, true
	case t.isWord("avant") && i+2 < len(toks) && toks[i+1].isPunct("-") && toks[i+2].isWord("hier"):
		return 2, i + 3, true
	case t.isWord("aujourd") && i+2 < len(toks) && toks[i+2].isWord("hui"):
		return 0, i + 3, true
	case t.isWord("اليوم", "today"):
		return 0, i + 1, true
	}
	return 0, i, false
}

// resolve turns an amount back from now into a time: exact for seconds to
// hours, a day for anything longer.
func resolve(u unit, n int, now time.Time) (time.Time, bool) {
	switch u {
	case second:
		return now.Add(-time.Duration(n) * time.Second), false
	case minute:
		return now.Add(-time.Duration(n) * time.Minute), false
	case hour:
		return now.Add(-time.Duration(n) * time.Hour), false
	case day:
		return midnight(now.AddDate(0, 0, -n)), true
	case week:
		return midnight(now.AddDate(0, 0, -7*n)), true
	case month:
		return midnight(now.AddDate(0, -n, 0)), true
	default:
		return midnight(now.AddDate(-n, 0, 0)), true
	}
}

func midnight(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}
