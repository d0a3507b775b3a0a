package discover

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Links returns the targets of the <a href> and <area href> elements of
// doc, resolved against the document's base URL (its first <base href>,
// itself resolved against base, or else base), in canonical form,
// deduplicated, in document order. Only http and https targets are kept:
// javascript:, mailto:, tel:, data: and other schemes are skipped, and so
// are links to a fragment of the page itself. rel=nofollow links are kept:
// an archive wants what a site hides from search engines too. base may be
// nil, and then relative links are skipped.
func Links(doc *html.Node, base *url.URL) []string {
	base = documentBase(doc, base)
	var out []string
	seen := make(map[string]struct{})
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode || (n.DataAtom != atom.A && n.DataAtom != atom.Area) {
			continue
		}
		href, ok := attr(n, "href")
		if !ok {
			continue
		}
		s, ok := resolve(base, href)
		if !ok {
			continue
		}
		if _, dup := seen[s]; dup {
			continue
		}
		seen[s] = struct{}{}
		out = append(out, s)
	}
	return out
}

// FeedLinks returns the RSS and Atom feeds a page announces with
// <link rel="alternate" type="application/rss+xml"> or
// type="application/atom+xml", resolved and canonical as Links does.
func FeedLinks(doc *html.Node, base *url.URL) []string {
	base = documentBase(doc, base)
	var out []string
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode || n.DataAtom != atom.Link {
			continue
		}
		rel, _ := attr(n, "rel")
		typ, _ := attr(n, "type")
		if !hasToken(rel, "alternate") || !isFeedType(typ) {
			continue
		}
		href, _ := attr(n, "href")
		if s, ok := resolve(base, href); ok && !contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// CanonicalLink returns the target of the page's first
// <link rel="canonical" href>, resolved against the document's base URL
// and in canonical form, or "" when there is none or it is not http(s).
func CanonicalLink(doc *html.Node, base *url.URL) string {
	base = documentBase(doc, base)
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode || n.DataAtom != atom.Link {
			continue
		}
		rel, _ := attr(n, "rel")
		href, ok := attr(n, "href")
		if !ok || !hasToken(rel, "canonical") {
			continue
		}
		s, _ := resolve(base, href)
		return s
	}
	return ""
}

// documentBase returns the URL that relative links of doc resolve against:
// its first <base href>, resolved against base, or else base itself.
func documentBase(doc *html.Node, base *url.URL) *url.URL {
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode || n.DataAtom != atom.Base {
			continue
		}
		href, ok := attr(n, "href")
		if !ok {
			continue
		}
		ref, err := url.Parse(cleanHref(href))
		if err != nil {
			return base
		}
		if base != nil {
			ref = base.ResolveReference(ref)
		}
		if ref.IsAbs() && ref.Host != "" {
			return ref
		}
		return base
	}
	return base
}

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
	if canonicalize(u); u.Host == "" || u.Opaque != "" {
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

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
