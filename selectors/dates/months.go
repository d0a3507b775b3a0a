package dates

import "time"

// monthNames lists the month names of each family the sites print. Keys are
// folded when the tables are built, so "أبريل" and "ابريل" are one entry.
var monthNames = map[time.Month][]string{
	time.January: {
		"january", "jan", "janvier", "janv",
		"يناير", "جانفي", "كانون الثاني", "كانون ثاني",
	},
	time.February: {
		"february", "feb", "fevrier", "fevr", "fev",
		"فبراير", "فيفري", "شباط",
	},
	time.March: {
		"march", "mar", "mars",
		"مارس", "آذار",
	},
	time.April: {
		"april", "apr", "avril", "avr",
		"أبريل", "إبريل", "أفريل", "نيسان",
	},
	time.May: {
		"may", "mai",
		"ماي", "مايو", "أيار",
	},
	time.June: {
		"june", "jun", "juin",
		"يونيو", "يونيه", "جوان", "حزيران",
	},
	time.July: {
		"july", "jul", "juillet", "juil",
		"يوليوز", "يوليو", "يوليه", "جويلية", "تموز",
	},
	time.August: {
		"august", "aug", "aout", "aou",
		"غشت", "أغسطس", "أوت", "آب",
	},
	time.September: {
		"september", "sep", "sept",
		"شتنبر", "سبتمبر", "أيلول",
	},
	time.October: {
		"october", "oct", "octobre",
		"أكتوبر", "تشرين الأول", "تشرين اول",
	},
	time.November: {
		"november", "nov", "novembre",
		"نونبر", "نوفمبر", "تشرين الثاني", "تشرين ثاني",
	},
	time.December: {
		"december", "dec", "decembre",
		"دجنبر", "ديسمبر", "كانون الأول", "كانون اول",
	},
}

// hijriMonths are the months of the Islamic calendar. A string naming one is
// never handed to go-dateparser, which could read its year as Gregorian.
var hijriMonths = []string{
	"محرم", "صفر", "ربيع الأول", "ربيع الآخر", "ربيع الثاني", "جمادى الأولى",
	"جمادى الآخرة", "جمادى الثانية", "رجب", "شعبان", "رمضان", "شوال",
	"ذو القعدة", "ذو الحجة", "ذي القعدة", "ذي الحجة",
}

var (
	months1 = map[string]time.Month{} // one-word names
	months2 = map[string]time.Month{} // two-word names: "كانون الثاني"
	hijri   = map[string]bool{}
)

func init() {
	for m, names := range monthNames {
		for _, n := range names {
			toks := tokenize(n)
			switch len(toks) {
			case 1:
				months1[toks[0].text] = m
			case 2:
				months2[toks[0].text+" "+toks[1].text] = m
			}
		}
	}
	for _, n := range hijriMonths {
		hijri[fold(n)] = true
	}
}

// monthAt reads a month name at toks[i] and returns the month and the index
// after it. An alternative name may follow, as in "يونيو/حزيران" or
// "حزيران (يونيو)"; it is consumed when it names the same month.
func monthAt(toks []token, i int) (time.Month, int, bool) {
	m, j, ok := monthName(toks, i)
	if !ok {
		return 0, i, false
	}
	// Abbreviations end in a dot: "Jun.", "juil.".
	if j < len(toks) && toks[j].isPunct(".") && !toks[j].space {
		j++
	}
	k := j
	open := k < len(toks) && (toks[k].isPunct("/") || toks[k].isPunct("("))
	if open {
		k++
	}
	if m2, k2, ok := monthName(toks, k); ok && m2 == m {
		if open && k2 < len(toks) && toks[k2].isPunct(")") {
			k2++
		}
		j = k2
	}
	return m, j, true
}

func monthName(toks []token, i int) (time.Month, int, bool) {
	if i >= len(toks) || toks[i].kind != tokWord {
		return 0, i, false
	}
	if i+1 < len(toks) && toks[i+1].kind == tokWord {
		if m, ok := months2[toks[i].text+" "+toks[i+1].text]; ok {
			return m, i + 2, true
		}
	}
	m, ok := months1[toks[i].text]
	return m, i + 1, ok
}

// hasHijri reports whether the tokens name a Hijri month or the Hijri era
// mark "هـ" after a number.
func hasHijri(toks []token) bool {
	for i, t := range toks {
		if t.kind != tokWord {
			continue
		}
		if hijri[t.text] {
			return true
		}
		if i+1 < len(toks) && hijri[t.text+" "+toks[i+1].text] {
			return true
		}
		if t.text == "ه" && i > 0 && toks[i-1].kind == tokNum {
			return true
		}
	}
	return false
}
