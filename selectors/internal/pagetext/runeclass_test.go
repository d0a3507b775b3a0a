package pagetext

import (
	"testing"
	"unicode"
)

func TestRuneClasses_MatchUnicode(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if got, want := IsWordRune(r), unicode.IsLetter(r) || unicode.IsDigit(r); got != want {
			t.Fatalf("IsWordRune(%U) = %v, want %v", r, got, want)
		}
		if got, want := ToLower(r), unicode.ToLower(r); got != want {
			t.Fatalf("ToLower(%U) = %U, want %U", r, got, want)
		}
		if got, want := IsSpace(r), unicode.IsSpace(r); got != want {
			t.Fatalf("IsSpace(%U) = %v, want %v", r, got, want)
		}
	}
}
