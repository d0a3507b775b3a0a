package markup

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// rxClassWord is what classTokens scans for by hand.
var rxClassWord = regexp.MustCompile(`[A-Z]*[a-z]+|[A-Z]+`)

func classTokensRegexp(v string) [][]string {
	var out [][]string
	for tok := range strings.FieldsSeq(v) {
		words := rxClassWord.FindAllString(tok, -1)
		for i, w := range words {
			words[i] = strings.ToLower(w)
		}
		if len(words) > 0 {
			out = append(out, words)
		}
	}
	return out
}

var classTokenCases = []string{
	"", " ", "entry-date newsDate", "XMLHttp", "ABC", "abc", "aBC", "ABCdefGHI",
	"share_box related-posts", "td-post-date\tpublished", "مقال post-1 x9y",
	"__a--B__", "\u00a0share\u2003Box", "é-Été", "a\xffb", "123", "CamelCaseURLs",
}

func TestClassTokens_MatchesRegexp(t *testing.T) {
	for _, v := range classTokenCases {
		if got, want := classTokens(v), classTokensRegexp(v); !reflect.DeepEqual(got, want) {
			t.Errorf("classTokens(%q) = %q, want %q", v, got, want)
		}
	}
}

func FuzzClassTokens(f *testing.F) {
	for _, v := range classTokenCases {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if got, want := classTokens(v), classTokensRegexp(v); !reflect.DeepEqual(got, want) {
			t.Errorf("classTokens(%q) = %q, want %q", v, got, want)
		}
	})
}
