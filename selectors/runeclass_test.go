package selectors

import (
	"testing"
	"unicode"
)

func TestRuneClasses_MatchUnicode(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if got, want := isWordRune(r), unicode.IsLetter(r) || unicode.IsDigit(r); got != want {
			t.Fatalf("isWordRune(%U) = %v, want %v", r, got, want)
		}
		if got, want := toLower(r), unicode.ToLower(r); got != want {
			t.Fatalf("toLower(%U) = %U, want %U", r, got, want)
		}
		if got, want := isSpace(r), unicode.IsSpace(r); got != want {
			t.Fatalf("isSpace(%U) = %v, want %v", r, got, want)
		}
	}
}
