package dates

import (
	"strings"
	"unicode"
)

// digitValue returns the value of an ASCII, Eastern Arabic (٠-٩) or Persian
// (۰-۹) digit.
func digitValue(r rune) (int, bool) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), true
	case r >= '٠' && r <= '٩':
		return int(r - '٠'), true
	case r >= '۰' && r <= '۹':
		return int(r - '۰'), true
	}
	return 0, false
}

// ignorable reports runes that carry no meaning in a date: bidi and
// zero-width marks, Arabic diacritics and the tatweel used to stretch words.
func ignorable(r rune) bool {
	switch {
	case r == '\u200b', r == '\u200c', r == '\u200d', r == '\u200e', r == '\u200f',
		r == '\u061c', r == '\ufeff', r == '\u0640',
		r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
		return true
	case r >= '\u064b' && r <= '\u065f', r == '\u0670':
		return true
	}
	return false
}

// foldRune lowercases r and folds the variants that spellings of one word
// differ in: Arabic alef forms, alef maqsura, teh marbuta, hamza seats, and
// French accents.
func foldRune(r rune) rune {
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ':
		return 'ا'
	case 'ى':
		return 'ي'
	case 'ة':
		return 'ه'
	case 'ؤ':
		return 'و'
	case 'ئ':
		return 'ي'
	case 'é', 'è', 'ê', 'ë', 'É', 'È', 'Ê':
		return 'e'
	case 'à', 'â', 'À', 'Â':
		return 'a'
	case 'û', 'ù', 'ü', 'Û':
		return 'u'
	case 'ô', 'Ô':
		return 'o'
	case 'î', 'ï', 'Î':
		return 'i'
	case 'ç', 'Ç':
		return 'c'
	case 'ک':
		return 'ك'
	case 'ی':
		return 'ي'
	}
	return unicode.ToLower(r)
}

// fold returns the dictionary form of a word, as the tokenizer produces it.
func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		if ignorable(r) {
			continue
		}
		b.WriteRune(foldRune(r))
	}
	return b.String()
}
