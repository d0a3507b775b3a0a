package selectors

import (
	"strings"

	"github.com/newsarc/newsarc/selectors/internal/pagetext"
)

// wordCount counts the words of s: runs of non-space characters holding a
// letter or a digit, so it works for Arabic as for French ("l'article" is one).
func wordCount(s string) int {
	n := 0
	for f := range strings.FieldsSeq(s) {
		for _, r := range f {
			if pagetext.IsWordRune(r) {
				n++
				break
			}
		}
	}
	return n
}
