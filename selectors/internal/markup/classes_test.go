package markup

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
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

// The word tests as ClassWords reads them, which HasClassWord, HasDateClass
// and junkToken answer without allocating.
func hasClassWordSlow(n *html.Node, set map[string]bool) bool {
	for _, w := range ClassWords(n) {
		if set[w] {
			return true
		}
	}
	return false
}

func hasDateClassSlow(n *html.Node) bool {
	date := false
	for _, w := range ClassWords(n) {
		if todayWords[w] {
			return false
		}
		date = date || dateWords[w] || strings.HasSuffix(w, "date") || strings.HasPrefix(w, "date")
	}
	return date
}

func junkTokenSlow(tok string) bool {
	words := tokenWords(tok)
	for _, w := range words {
		if junkWords[w] || tooltipWords[w] {
			return true
		}
	}
	return len(words) > 1 && junkWords[strings.Join(words, "")]
}

var classWordCases = append(classTokenCases,
	"post-author", "todayDate entry-date", "createdate", "date-today", "ShareByline",
	"has-social-tools", "related_posts", "AdsByGoogle", "entry-meta byline", "clock time",
	"a-very-long-class-name-that-holds-more-words-than-the-stack-buffer-of-sixty-four-bytes-holds",
	"a-b-c-d-e-f-g-h-i-j-k-date",
)

func checkClassWords(t *testing.T, v string) {
	n := &html.Node{Type: html.ElementNode, Data: "div", Attr: []html.Attribute{{Key: "class", Val: v}, {Key: "id", Val: v + " x"}}}
	for _, set := range []map[string]bool{authorWords, dateWords, junkWords, {"xmlhttp": true, "ab": true}} {
		if got, want := HasClassWord(n, set), hasClassWordSlow(n, set); got != want {
			t.Errorf("HasClassWord(%q) = %v, want %v", v, got, want)
		}
	}
	if got, want := HasDateClass(n), hasDateClassSlow(n); got != want {
		t.Errorf("HasDateClass(%q) = %v, want %v", v, got, want)
	}
	for tok := range strings.FieldsSeq(v) {
		if got, want := mayBeJunkToken(tok), junkTokenSlow(tok); got != want {
			t.Errorf("mayBeJunkToken(%q) = %v, want %v", tok, got, want)
		}
	}
	// The filter is only ever a shortcut: no value it lets pass makes an
	// element junk.
	if IsJunk(n) && !mayBeJunk(v) && !mayBeJunk(v+" x") {
		t.Errorf("IsJunk(class=%q) but mayBeJunk says no", v)
	}
}

func TestClassWords_withoutAllocating(t *testing.T) {
	for _, v := range classWordCases {
		checkClassWords(t, v)
	}
	n := &html.Node{Type: html.ElementNode, Data: "div", Attr: []html.Attribute{{Key: "class", Val: "entry-date post-meta"}}}
	if a := testing.AllocsPerRun(10, func() { HasClassWord(n, authorWords); HasDateClass(n) }); a != 0 {
		t.Errorf("HasClassWord and HasDateClass allocate %v times", a)
	}
}

func FuzzClassWords(f *testing.F) {
	for _, v := range classWordCases {
		f.Add(v)
	}
	f.Fuzz(checkClassWords)
}
