package discover

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// Canonical returns raw in the form that is queued and deduplicated: the
// fragment and any userinfo dropped, scheme and host lower-cased (an
// internationalised host in its ASCII, punycode form), the default port and
// a trailing dot removed, an empty path made "/", dot segments resolved,
// percent-encoding normalised (upper-case hex, unreserved characters
// decoded, everything else that must be encoded encoded), tracking
// parameters removed (see IsTrackingParam) and an empty query dropped. The
// remaining query parameters keep their order: some CMSs read them
// positionally.
//
// Only absolute http and https URLs with a valid host have a canonical
// form; anything else is an error that names raw. A host is invalid when
// it is not a name IDNA accepts, or when it holds a character a browser
// rejects in a host, such as a space or "/" (see canonicalHost). The
// result is a fixed point: Canonical of it is itself.
func Canonical(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return "", fmt.Errorf("canonical url %q: %w", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("canonical url %q: scheme %q is not http or https", raw, u.Scheme)
	}
	if err := canonicalize(u); err != nil {
		return "", fmt.Errorf("canonical url %q: %w", raw, err)
	}
	if u.Host == "" || u.Opaque != "" {
		return "", fmt.Errorf("canonical url %q: no host", raw)
	}
	return u.String(), nil
}

// CanonicalURL returns a copy of u in the form Canonical describes, without
// parsing it again; u is not modified. It does not check the scheme: callers
// that take URLs from the web should keep only http and https. Where
// Canonical would fail for want of a valid host, the copy has an empty
// Host, so that it cannot be fetched or match a site.
func CanonicalURL(u *url.URL) *url.URL {
	c := *u
	// The error has nowhere to go here: the empty Host it leaves says it.
	_ = canonicalize(&c)
	return &c
}

// canonicalize puts u in canonical form in place. It allocates only for the
// parts that change, so an already canonical URL costs nothing. When the
// host has no canonical form it empties u.Host and returns why.
func canonicalize(u *url.URL) error {
	if hasUpper(u.Scheme) {
		u.Scheme = strings.ToLower(u.Scheme)
	}
	u.Fragment, u.RawFragment = "", ""
	// Userinfo does not change the page, so keeping it would queue the
	// whole site again under every user name that links carry, and
	// net/http would send it as an Authorization header.
	u.User = nil
	if u.Opaque != "" {
		return nil
	}
	host, err := canonicalHost(u.Host, u.Scheme)
	u.Host = host
	canonicalPath(u)
	if u.Path == "" && u.Host != "" {
		u.Path, u.RawPath = "/", ""
	}
	u.RawQuery = canonicalQuery(u.RawQuery)
	u.ForceQuery = false
	return err
}

// canonicalPath normalises the percent-encoding of u's path and resolves
// its dot segments, keeping Path and RawPath consistent.
func canonicalPath(u *url.URL) {
	// With RawPath empty (or stale, which url.URL ignores too), the escaped
	// path is Go's own encoding of Path, which is already canonical:
	// upper-case hex, unreserved bytes raw, slashes real.
	if u.RawPath == "" || !unescapesTo(u.RawPath, u.Path) {
		u.RawPath = ""
		if hasDotSegment(u.Path) {
			u.Path = removeDotSegments(u.Path)
		}
		return
	}
	esc := normEscaped(u.RawPath, false)
	if hasDotSegment(esc) {
		esc = removeDotSegments(esc)
		if p, err := url.PathUnescape(esc); err == nil {
			u.Path = p
		}
	}
	if isGoEscaping(esc, u.Path) {
		u.RawPath = ""
	} else {
		u.RawPath = esc
	}
}

// canonicalQuery drops tracking and empty parameters from a raw query and
// normalises the encoding of the others, keeping their order. It returns
// raw itself when nothing changes.
func canonicalQuery(raw string) string {
	if raw == "" || queryIsCanonical(raw) {
		return raw
	}
	var b strings.Builder
	b.Grow(len(raw))
	for part := range strings.SplitSeq(raw, "&") {
		if part == "" || IsTrackingParam(paramKey(part)) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(normEscaped(part, true))
	}
	return b.String()
}

func queryIsCanonical(raw string) bool {
	for part := range strings.SplitSeq(raw, "&") {
		if part == "" || IsTrackingParam(paramKey(part)) || normEscaped(part, true) != part {
			return false
		}
	}
	return true
}

// paramKey returns the decoded name of one key=value query parameter. A
// stray "%" stays as it is: the name must decode the same before and after
// normEscaped writes that "%" as "%25", or a parameter such as
// "%75tm_x%" would be kept in one pass and dropped as tracking in the next.
func paramKey(part string) string {
	key, _, _ := strings.Cut(part, "=")
	if strings.IndexByte(key, '%') < 0 {
		return key
	}
	k, err := url.QueryUnescape(key)
	if err != nil {
		k, _ = url.QueryUnescape(normEscaped(key, true))
	}
	return k
}

// IsTrackingParam reports whether a query parameter name only tells
// analytics where a click came from, so that dropping it leaves the same
// page. Names are matched case-insensitively.
func IsTrackingParam(name string) bool {
	if hasPrefixFold(name, "utm_") || hasPrefixFold(name, "mtm_") || hasPrefixFold(name, "pk_") {
		return true
	}
	// Lower-case into a buffer on the stack: this runs for every
	// parameter of every link, and most names are short.
	var buf [16]byte
	if len(name) < 2 || len(name) > len(buf) {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	switch string(buf[:len(name)]) {
	case "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "gad_source", "msclkid",
		"yclid", "ysclid", "igshid", "igsh", "twclid", "ttclid", "li_fat_id", "srsltid",
		"mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "__hstc", "__hssc", "__hsfp",
		"mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv", "wickedid", "rb_clickid",
		"ref_src", "ref_url", "fb_action_ids", "fb_action_types", "fb_ref", "fb_source",
		"xtor", "at_medium", "at_campaign", "at_xtor", "ns_mchannel", "ns_source", "ns_campaign",
		"ns_linkname", "ns_fee", "ocid", "_openstat", "s_cid", "cmpid":
		return true
	}
	return false
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
