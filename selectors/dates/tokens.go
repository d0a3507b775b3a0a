package dates

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokenKind uint8

const (
	tokNum   tokenKind = iota + 1 // a run of digits, any script
	tokWord                       // a run of letters, folded
	tokPunct                      // one punctuation rune, dashes folded to '-'
)

// token is one piece of a date string. Start and End are byte offsets in the
// input, so callers can look at the text around a match.
type token struct {
	kind   tokenKind
	text   string // folded word, ASCII digits, or the punctuation rune
	num    int    // value of a number (saturates on absurd lengths)
	digits int    // number of digits of a number
	space  bool   // whitespace before the token
	upper  bool   // a word written in capitals ("EST", not the French "est")
	start  int
	end    int
}

func (t token) isWord(words ...string) bool {
	if t.kind != tokWord {
		return false
	}
	for _, w := range words {
		if t.text == w {
			return true
		}
	}
	return false
}

func (t token) isPunct(p string) bool { return t.kind == tokPunct && t.text == p }

// maxTokens bounds the work done on one string; dates are found in labels,
// not in whole articles.
const maxTokens = 4096

// tokenize splits s into numbers, folded words and punctuation.
func tokenize(s string) []token {
	toks := make([]token, 0, 16)
	var b strings.Builder
	space := false
	i := 0
	for i < len(s) && len(toks) < maxTokens {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case ignorable(r):
			i += size
		case unicode.IsSpace(r) || r == '\u00a0':
			space = true
			i += size
		case isDigit(r):
			t := token{kind: tokNum, space: space, start: i}
			b.Reset()
			for i < len(s) {
				r, size := utf8.DecodeRuneInString(s[i:])
				v, ok := digitValue(r)
				if !ok {
					break
				}
				b.WriteByte(byte('0' + v))
				if t.num < 1e8 {
					t.num = t.num*10 + v
				}
				t.digits++
				i += size
			}
			t.text, t.end = b.String(), i
			toks = append(toks, t)
			space = false
		case unicode.IsLetter(r) || unicode.IsMark(r):
			t := token{kind: tokWord, space: space, start: i, upper: true}
			b.Reset()
			for i < len(s) {
				r, size := utf8.DecodeRuneInString(s[i:])
				if ignorable(r) {
					i += size
					continue
				}
				if !unicode.IsLetter(r) && !unicode.IsMark(r) {
					break
				}
				if !unicode.IsUpper(r) {
					t.upper = false
				}
				b.WriteRune(foldRune(r))
				i += size
			}
			t.text, t.end = b.String(), i
			toks = append(toks, t)
			space = false
		default:
			p := string(r)
			switch r {
			case '–', '—', '‐', '‑', '−':
				p = "-"
			case '،':
				p = ","
			}
			toks = append(toks, token{kind: tokPunct, text: p, space: space, start: i, end: i + size})
			i += size
			space = false
		}
	}
	return toks
}

func isDigit(r rune) bool {
	_, ok := digitValue(r)
	return ok
}
