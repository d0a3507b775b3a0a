package dates

import (
	"strconv"
	"time"
)

// clock is a time of day read from tokens, with the zone when one is printed.
type clock struct {
	h, m, s int
	loc     *time.Location // nil: the site's time zone
}

// connectors may stand between a day and its time: "à", "at", "الساعة", "-".
var connectors = map[string]bool{
	"a": true, "at": true, "um": true, "vers": true, "t": true, "le": true,
	"الساعه": true, "على": true, "علي": true, "في": true, "م": true, "-": true,
	",": true, "|": true, "/": true, "@": true, "•": true, "·": true,
}

func skipConnectors(toks []token, j int) int {
	for n := 0; n < 3 && j < len(toks) && connectors[toks[j].text] && toks[j].kind != tokNum; n++ {
		j++
	}
	return j
}

// clockAt reads "10:15", "10:15:00", "11h20", "11 h", "2:35 pm", "10:15 ص",
// "14:30 GMT+1", "10:15:00+01:00" at toks[i].
func clockAt(toks []token, i int) (clock, int, bool) {
	if i >= len(toks) || toks[i].kind != tokNum || toks[i].digits > 2 || toks[i].num > 24 {
		return clock{}, i, false
	}
	c := clock{h: toks[i].num}
	j := i + 1
	switch {
	case j+1 < len(toks) && toks[j].isPunct(":") && toks[j+1].kind == tokNum && toks[j+1].digits == 2:
		c.m = toks[j+1].num
		j += 2
		if j+1 < len(toks) && toks[j].isPunct(":") && toks[j+1].kind == tokNum && toks[j+1].digits == 2 {
			c.s = toks[j+1].num
			j += 2
			if j+1 < len(toks) && (toks[j].isPunct(".") || toks[j].isPunct(",")) && !toks[j].space && toks[j+1].kind == tokNum {
				j += 2 // fractional seconds
			}
		}
	case j < len(toks) && toks[j].isWord("h"):
		j++
		if j < len(toks) && toks[j].kind == tokNum && toks[j].digits == 2 {
			c.m = toks[j].num
			j++
		}
	default:
		return clock{}, i, false
	}
	j = meridiem(toks, j, &c)
	j = zoneAt(toks, j, &c)
	if c.h > 23 || c.m > 59 || c.s > 60 {
		return clock{}, i, false
	}
	if c.s == 60 {
		c.s = 59
	}
	return c, j, true
}

var (
	amWords = map[string]bool{"am": true, "ص": true, "صباحا": true, "صباح": true}
	pmWords = map[string]bool{"pm": true, "م": true, "مساء": true, "مساءا": true, "ظهرا": true, "عصرا": true, "ليلا": true}
)

func meridiem(toks []token, j int, c *clock) int {
	if j >= len(toks) || toks[j].kind != tokWord {
		return j
	}
	am, pm := amWords[toks[j].text], pmWords[toks[j].text]
	next := j + 1
	// "a.m." and "p.m." come as a, ., m, .
	if !am && !pm && j+2 < len(toks) && toks[j+1].isPunct(".") && toks[j+2].isWord("m") {
		am, pm = toks[j].text == "a", toks[j].text == "p"
		next = j + 3
		if next < len(toks) && toks[next].isPunct(".") {
			next++
		}
	}
	switch {
	case pm && c.h < 12:
		c.h += 12
	case am && c.h == 12:
		c.h = 0
	case !am && !pm:
		return j
	}
	return next
}

// zoneAbbrevs are the abbreviations whose offset is not in doubt.
var zoneAbbrevs = map[string]int{
	"z": 0, "utc": 0, "gmt": 0, "wet": 0, "west": 1, "bst": 1, "cet": 1, "cest": 2,
	"eet": 2, "eest": 3, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7,
	"mdt": -6, "pst": -8, "pdt": -7, "ast": 3, "msk": 3,
}

// zoneAt reads "Z", "GMT", "GMT+1", "+01:00", "+0100" or "-05:00" (a minus
// sign only when it touches the time, so "10:15 - 28/06" is not an offset).
func zoneAt(toks []token, j int, c *clock) int {
	if j < len(toks) && toks[j].kind == tokWord {
		h, ok := zoneAbbrevs[toks[j].text]
		if !ok || !toks[j].upper && toks[j].text != "z" {
			return j
		}
		c.loc = time.FixedZone("", h*3600)
		j++
		if toks[j-1].text != "gmt" && toks[j-1].text != "utc" {
			return j
		}
	}
	if j+1 >= len(toks) || toks[j+1].kind != tokNum {
		return j
	}
	sign := 0
	switch {
	case toks[j].isPunct("+"):
		sign = 1
	case toks[j].isPunct("-") && !toks[j].space && !toks[j+1].space:
		sign = -1
	default:
		return j
	}
	n := toks[j+1]
	var h, m int
	k := j + 2
	switch n.digits {
	case 1, 2:
		h = n.num
		if k+1 < len(toks) && toks[k].isPunct(":") && toks[k+1].kind == tokNum && toks[k+1].digits == 2 {
			m = toks[k+1].num
			k += 2
		}
	case 4:
		h, m = n.num/100, n.num%100
	default:
		return j
	}
	if h > 14 || m > 59 {
		return j
	}
	off := sign * (h*3600 + m*60)
	c.loc = time.FixedZone(zoneName(off), off)
	return k
}

// zoneName names fixed zones the way RFC 3339 prints them, for readable logs.
func zoneName(off int) string {
	if off == 0 {
		return "UTC"
	}
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	h, m := off/3600, off%3600/60
	return string(sign) + pad2(h) + ":" + pad2(m)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
