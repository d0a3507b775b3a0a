package dates

import (
	"strings"
	"time"
)

// Years outside this range are not news dates: a Hijri year (1445), a
// phone number or a price.
const (
	minYear = 1900
	maxYear = 2100
)

// ymd is a calendar day read from tokens.
type ymd struct {
	y int
	m time.Month
	d int
}

func (v ymd) valid() bool {
	if v.y < minYear || v.y > maxYear || v.m < time.January || v.m > time.December || v.d < 1 {
		return false
	}
	return v.d <= time.Date(v.y, v.m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// dateAt reads a calendar day starting at toks[i] and returns the index after
// it. It accepts "28 يونيو 2023", "1er juillet 2023", "June 29th, 2023",
// "2023-06-28", "28/06/2023" and "06/28/2023" (month first only when the day
// cannot be a month).
func dateAt(toks []token, i int) (ymd, int, bool) {
	if i >= len(toks) {
		return ymd{}, i, false
	}
	if toks[i].kind == tokNum {
		if v, j, ok := cjkDate(toks, i); ok {
			return v, j, true
		}
		if v, j, ok := dayMonthYear(toks, i); ok {
			return v, j, true
		}
		return numericDate(toks, i)
	}
	return monthDayYear(toks, i)
}

// dayMonthYear: 28 يونيو 2023, 5 juillet 2023, 1er juillet 2023, 28-Jun-2023,
// 29 June, 2023, 12 de julio de 2023.
func dayMonthYear(toks []token, i int) (ymd, int, bool) {
	d := toks[i]
	if d.digits > 2 || d.num < 1 || d.num > 31 {
		return ymd{}, i, false
	}
	j := skipOrdinal(toks, i+1)
	if j < len(toks) && (toks[j].isPunct("-") || toks[j].isPunct(".") || toks[j].isPunct("/") || toks[j].isWord("de", "of")) {
		j++
	}
	m, j, ok := monthAt(toks, j)
	if !ok {
		return ymd{}, i, false
	}
	if j < len(toks) && (toks[j].isPunct("-") || toks[j].isPunct(",") || toks[j].isPunct("/") || toks[j].isWord("de")) {
		j++
	}
	y, j, ok := yearAt(toks, j)
	if !ok {
		return ymd{}, i, false
	}
	v := ymd{y, m, d.num}
	return v, j, v.valid()
}

// cjkDate: 2019年4月4日 (Japanese, Chinese), 2019년 4월 4일 (Korean): year,
// month and day each followed by its unit. The unit of the day may be glued
// to the next word ("4日公表", "published on the 4th").
func cjkDate(toks []token, i int) (ymd, int, bool) {
	if i+5 >= len(toks) || toks[i].digits != 4 {
		return ymd{}, i, false
	}
	unit := func(k int, units ...string) bool {
		if toks[k].kind != tokWord {
			return false
		}
		for _, u := range units {
			if strings.HasPrefix(toks[k].text, u) {
				return true
			}
		}
		return false
	}
	if !unit(i+1, "年", "년") || toks[i+2].kind != tokNum || !unit(i+3, "月", "월") ||
		toks[i+4].kind != tokNum || !unit(i+5, "日", "일") {
		return ymd{}, i, false
	}
	v := ymd{toks[i].num, time.Month(toks[i+2].num), toks[i+4].num}
	return v, i + 6, v.valid()
}

// monthDayYear: June 29, 2023; Jun. 29th 2023.
func monthDayYear(toks []token, i int) (ymd, int, bool) {
	m, j, ok := monthAt(toks, i)
	if !ok || j >= len(toks) || toks[j].kind != tokNum || toks[j].digits > 2 {
		return ymd{}, i, false
	}
	d := toks[j].num
	j = skipOrdinal(toks, j+1)
	if j < len(toks) && toks[j].isPunct(",") {
		j++
	}
	y, j, ok := yearAt(toks, j)
	if !ok {
		return ymd{}, i, false
	}
	v := ymd{y, m, d}
	return v, j, v.valid()
}

// numericDate: 2023-06-28, 2023/06/28, 28/06/2023, 28.06.2023, 06/28/2023,
// 04.07.23.
func numericDate(toks []token, i int) (ymd, int, bool) {
	if i+4 >= len(toks) {
		return ymd{}, i, false
	}
	a, s1, b, s2, c := toks[i], toks[i+1], toks[i+2], toks[i+3], toks[i+4]
	if s1.kind != tokPunct || s1.text != s2.text || b.kind != tokNum || c.kind != tokNum ||
		s1.space || s2.space || b.space || c.space {
		return ymd{}, i, false
	}
	switch s1.text {
	case "-", "/", ".":
	default:
		return ymd{}, i, false
	}
	var v ymd
	switch {
	case a.digits == 4 && b.digits <= 2 && c.digits <= 2:
		v = ymd{a.num, time.Month(b.num), c.num}
	case a.digits <= 2 && b.digits <= 2 && c.digits == 4:
		v = ymd{c.num, time.Month(b.num), a.num}
		if b.num > 12 && a.num <= 12 {
			v = ymd{c.num, time.Month(a.num), b.num}
		}
	case a.digits <= 2 && b.digits <= 2 && c.digits == 2 && s1.text != "-":
		// 04.07.23, 04/07/23: day first, as outside the United States.
		y := 2000 + c.num
		if c.num >= 70 {
			y -= 100
		}
		v = ymd{y, time.Month(b.num), a.num}
		if b.num > 12 && a.num <= 12 {
			v = ymd{y, time.Month(a.num), b.num}
		}
	default:
		return ymd{}, i, false
	}
	if hijriMark(toks, i+5) {
		return ymd{}, i, false
	}
	return v, i + 5, v.valid()
}

func yearAt(toks []token, j int) (int, int, bool) {
	if j >= len(toks) || toks[j].kind != tokNum || toks[j].digits != 4 || hijriMark(toks, j+1) {
		return 0, j, false
	}
	return toks[j].num, j + 1, true
}

// hijriMark reports the era mark "هـ" that follows a Hijri year.
func hijriMark(toks []token, j int) bool {
	return j < len(toks) && toks[j].isWord("ه", "هجري", "هجريه")
}

func skipOrdinal(toks []token, j int) int {
	if j < len(toks) && !toks[j].space && toks[j].isWord("er", "eme", "st", "nd", "rd", "th") {
		return j + 1
	}
	return j
}
