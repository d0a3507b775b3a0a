package trafilatura

import (
	"strings"
	"testing"
)

// newsarc: trim and strWordCount are rewritten without strings.Fields;
// they must give what the originals gave on any input.

func FuzzTrim(f *testing.F) {
	for _, s := range []string{"", " ", "a", " a", "a ", "a b", "a  b", "a\tb", " a b ", "a\u00a0b", "\u3000a\u3000",
		"\xff \xfe", "a \xff b", "x\u0085y", "  many   spaces\n\tand\r\nlines  ", "مرحبا  بالعالم", "a \u2028b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trim(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("trim(%q) = %q, want %q", s, got, want)
		}
		if got, want := strWordCount(s), len(strings.Fields(s)); got != want {
			t.Fatalf("strWordCount(%q) = %d, want %d", s, got, want)
		}
	})
}
