package pagetext

import (
	"sync"
	"unicode"
)

// Rune classes the text walkers ask about for every character. For
// characters outside Latin-1 (all of Arabic), unicode.IsLetter, IsDigit
// and ToLower search range tables; in a full-pipeline crawl of Arabic
// pages that was 6 % of the CPU. These answer the same from bitmaps of the
// Basic Multilingual Plane, built on first use (about a millisecond), and
// fall back to package unicode above it. runeclass_test.go checks every
// code point against package unicode.

var (
	classOnce sync.Once
	wordBits  [1 << 16 / 64]uint64 // unicode.IsLetter || unicode.IsDigit
	caseBits  [1 << 16 / 64]uint64 // unicode.ToLower(r) != r
)

func buildClasses() {
	for r := rune(0); r < 1<<16; r++ {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			wordBits[r>>6] |= 1 << (r & 63)
		}
		if unicode.ToLower(r) != r {
			caseBits[r>>6] |= 1 << (r & 63)
		}
	}
}

// IsWordRune reports unicode.IsLetter(r) || unicode.IsDigit(r).
func IsWordRune(r rune) bool {
	if r < 0 || r >= 1<<16 {
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	classOnce.Do(buildClasses)
	return wordBits[r>>6]&(1<<(r&63)) != 0
}

// ToLower is unicode.ToLower.
func ToLower(r rune) rune {
	if r < 0 || r >= 1<<16 {
		return unicode.ToLower(r)
	}
	classOnce.Do(buildClasses)
	if caseBits[r>>6]&(1<<(r&63)) == 0 {
		return r
	}
	return unicode.ToLower(r)
}

// IsSpace is unicode.IsSpace without its table search above Latin-1.
func IsSpace(r rune) bool {
	if r < 0x100 {
		switch r {
		case '\t', '\n', '\v', '\f', '\r', ' ', 0x85, 0xA0:
			return true
		}
		return false
	}
	switch r {
	case 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return 0x2000 <= r && r <= 0x200A
}
