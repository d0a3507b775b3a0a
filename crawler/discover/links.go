package discover

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// resolve turns an href into an absolute canonical http(s) URL.
func resolve(base *url.URL, href string) (string, bool) {
	href = cleanHref(href)
	if href == "" || href[0] == '#' || !maybeHTTP(href) {
		return "", false
	}
	u, err := url.Parse(href)
	if err != nil {
		return "", false
	}
	if u.Scheme == "" || u.Host == "" {
		if base == nil {
			return "", false
		}
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", false
	}
	if err := canonicalize(u); err != nil || u.Host == "" || u.Opaque != "" {
		return "", false
	}
	return u.String(), true
}

// maybeHTTP reports whether href is relative or has an http(s) scheme,
// so that javascript:, mailto: and the like are skipped before parsing.
func maybeHTTP(href string) bool {
	for i := 0; i < len(href); i++ {
		switch c := href[i]; {
		case c == ':':
			s := href[:i]
			return strings.EqualFold(s, "http") || strings.EqualFold(s, "https")
		case c == '/' || c == '?' || c == '#':
			return true
		case i > 0 && (c == '+' || c == '-' || c == '.' || '0' <= c && c <= '9'):
		case !isLetter(c):
			return true
		}
	}
	return true
}

// cleanHref strips what browsers strip from a URL before parsing it:
// leading and trailing whitespace and any tab or newline inside.
func cleanHref(s string) string {
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, "\t\n\r") {
		s = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(s)
	}
	return s
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val, true
		}
	}
	return "", false
}

// hasToken reports whether the space-separated list s holds tok, ignoring
// case, as rel attributes are compared.
func hasToken(s, tok string) bool {
	for f := range strings.FieldsSeq(s) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

func isFeedType(t string) bool {
	t, _, _ = strings.Cut(t, ";")
	t = strings.TrimSpace(t)
	return strings.EqualFold(t, "application/rss+xml") || strings.EqualFold(t, "application/atom+xml")
}
