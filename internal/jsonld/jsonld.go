// Package jsonld parses JSON-LD as sites write it. Extraction
// (selectors/structured) and the crawler's page judge (crawler/pagekind)
// both read it, and neither may import the other.
package jsonld

import (
	"encoding/json"
	"regexp"
	"strings"
)

var (
	rxTrailingComma = regexp.MustCompile(`,\s*([}\]])`)
	rxWrapper       = regexp.MustCompile(`^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$|^\s*<!--|-->\s*$`)
)

// Parse parses the text of a JSON-LD script: strict JSON, else the same
// with what sites get wrong put right: a CDATA or comment wrapper, raw
// control characters (newlines) in strings, trailing commas.
func Parse(s string) (any, bool) {
	var v any
	if json.Unmarshal([]byte(s), &v) == nil {
		return v, true
	}
	s = rxWrapper.ReplaceAllString(strings.TrimSpace(s), "")
	s = strings.Map(func(r rune) rune {
		if r < 0x20 {
			return ' '
		}
		return r
	}, s)
	s = rxTrailingComma.ReplaceAllString(s, "$1")
	if json.Unmarshal([]byte(s), &v) == nil {
		return v, true
	}
	return nil, false
}
