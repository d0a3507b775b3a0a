package selectors

import (
	"errors"
	"fmt"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"

	"github.com/newsarc/newsarc/selectors/internal/pagetext"
)

// SelectorError is an invalid selector of the site's config. Key names the
// config key: headline, byline, published, modified, body or remove[i].
type SelectorError struct {
	Key      string
	Selector string
	Err      error
}

func (e *SelectorError) Error() string {
	return fmt.Sprintf("selectors.%s: invalid CSS selector %q: %v", e.Key, e.Selector, e.Err)
}

func (e *SelectorError) Unwrap() error { return e.Err }

// rule is one compiled selector: "time.entry-date@datetime" matches
// time.entry-date and reads its datetime attribute.
type rule struct {
	key  string // config key, for warnings
	src  string // the selector as configured
	m    goquery.Matcher
	attr string // "" reads the text
}

var errEmptyAttr = errors.New("empty attribute name after @")

// compileRule compiles src; an empty src is no rule.
func compileRule(key, src string) (*rule, error) {
	src = strings.TrimSpace(src)
	if src == "" {
		return nil, nil
	}
	css, attr := splitAttr(src)
	if attr == "@" {
		return nil, &SelectorError{Key: key, Selector: src, Err: errEmptyAttr}
	}
	m, err := cascadia.Compile(css)
	if err != nil {
		return nil, &SelectorError{Key: key, Selector: src, Err: err}
	}
	return &rule{key: key, src: src, m: m, attr: attr}, nil
}

// splitAttr splits "css@attr". An @ inside brackets or quotes belongs to the
// CSS (a[href^="mailto:x@y"]); a trailing "@" returns attr "@" so the caller
// can report it.
func splitAttr(s string) (css, attr string) {
	i := strings.LastIndexByte(s, '@')
	if i < 0 || strings.ContainsAny(s[i:], `]"'`) {
		return s, ""
	}
	attr = strings.TrimSpace(s[i+1:])
	if attr == "" {
		return strings.TrimSpace(s[:i]), "@"
	}
	if strings.ContainsAny(attr, " >+~,:[().#") {
		return s, ""
	}
	return strings.TrimSpace(s[:i]), attr
}

// value reads the rule's attribute of n, or its text.
func (r *rule) value(s *goquery.Selection) string {
	if r.attr != "" {
		v, _ := s.Attr(r.attr)
		return pagetext.Clean(v)
	}
	return pagetext.Of(s)
}
