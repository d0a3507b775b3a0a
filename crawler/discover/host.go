package discover

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// idnaLookup converts internationalised host names. Underscores, and
// hyphens at either end of a label, are allowed, as browsers allow them
// (the WHATWG URL standard's UseSTD3ASCIIRules and CheckHyphens are
// false). A Profile is immutable, so one is shared rather than built for
// every URL.
var idnaLookup = idna.New(idna.MapForLookup(), idna.Transitional(false), idna.StrictDomainName(false),
	idna.CheckHyphens(false))

// canonicalHost lower-cases host, converts an internationalised name to
// punycode, and drops a default or empty port and trailing dots. It returns
// "" for a host with no name (":8080"), which callers treat as no host.
//
// A host that is not a valid host name after that is an error rather than
// a string. IDNA maps some characters to ASCII that a host cannot hold
// (U+00A0 to a space, U+FF0F to "/", U+FF1A to a ":" that would read as a
// port), and a URL built from such a host does not parse again, or
// canonicalises to something else, so it could never be deduplicated; it
// could not be fetched either. A trailing dot that IDNA makes (from U+3002)
// is dropped as any other is.
func canonicalHost(host, scheme string) (string, error) {
	if host == "" {
		return "", nil
	}
	if host[0] == '[' {
		return canonicalIPLiteral(host, scheme)
	}
	orig := host
	name, port := host, ""
	if i := strings.LastIndexByte(host, ':'); i >= 0 {
		name, port = host[:i], host[i+1:]
		if !isDigits(port) {
			return "", fmt.Errorf("invalid host %q: invalid port %q", orig, port)
		}
		if port == "" || isDefaultPort(port, scheme) {
			host, port = name, ""
		}
	}
	if strings.HasSuffix(name, ".") {
		name = strings.TrimRight(name, ".")
		host = joinHostPort(name, port)
	}
	if isASCII(name) {
		if err := checkHostName(orig, name); err != nil {
			return "", err
		}
		if name == "" {
			return "", nil
		}
		if hasUpper(host) {
			host = strings.ToLower(host)
		}
		return host, nil
	}
	// Two spellings of one IDN host (Unicode, punycode) must compare
	// equal, so the ASCII form is the canonical one, as in Heritrix. A name
	// IDNA rejects has no ASCII form and cannot be looked up in the DNS.
	if !utf8.ValidString(name) {
		return "", fmt.Errorf("invalid host %q: not UTF-8", orig)
	}
	a, err := idnaLookup.ToASCII(strings.ToLower(name))
	if err != nil {
		return "", fmt.Errorf("invalid host %q: %w", orig, err)
	}
	a = strings.TrimRight(a, ".")
	if err := checkHostName(orig, a); err != nil {
		return "", err
	}
	if a == "" {
		return "", nil
	}
	return joinHostPort(a, port), nil
}

// canonicalIPLiteral is canonicalHost for "[v6address]" and
// "[v6address]:port", which url.Parse has validated; IDNA and the
// trailing-dot rule do not apply to them.
func canonicalIPLiteral(host, scheme string) (string, error) {
	end := strings.LastIndexByte(host, ']')
	if end < 0 {
		return "", fmt.Errorf("invalid host %q: missing ']'", host)
	}
	// A zone ("%25eth0") names a network interface of whoever fetches the
	// URL, so it means nothing in a link on the web, and browsers reject
	// it; url.Parse also accepts a non-ASCII zone that URL.String writes in
	// a form it then rejects.
	if strings.IndexByte(host[:end], '%') >= 0 {
		return "", fmt.Errorf("invalid host %q: IPv6 zone", host)
	}
	// url.Parse has checked the address; this is for URLs built by hand
	// and given to CanonicalURL.
	for i := 1; i < end; i++ {
		if c := host[i]; !isHex(c) && c != ':' && c != '.' {
			return "", fmt.Errorf("invalid host %q: invalid character %q in IP address", host, host[i:i+1])
		}
	}
	if port := host[end+1:]; port != "" {
		if port[0] != ':' || !isDigits(port[1:]) {
			return "", fmt.Errorf("invalid host %q: invalid port %q", host, port)
		}
		if port == ":" || isDefaultPort(port[1:], scheme) {
			host = host[:end+1]
		}
	}
	if hasUpper(host) {
		host = strings.ToLower(host)
	}
	return host, nil
}

// checkHostName returns an error naming host unless every byte of name,
// host's name after IDNA, may appear in a canonical host.
func checkHostName(host, name string) error {
	for i := 0; i < len(name); i++ {
		if !isHostByte(name[i]) {
			return fmt.Errorf("invalid host %q: invalid character %q in host name", host, name[i:i+1])
		}
	}
	return nil
}

// isHostByte reports whether c may appear in a host name: url.Parse
// accepts it there and URL.String writes it back unescaped, and it is not
// one of the WHATWG URL standard's forbidden domain code points (space,
// controls, "#%/:<>?@[\]^|"), which make a browser reject the URL.
func isHostByte(c byte) bool {
	if isUnreserved(c) {
		return true
	}
	switch c {
	case '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=', '"':
		return true
	}
	return false
}

func isDefaultPort(port, scheme string) bool {
	return port == "80" && scheme == "http" || port == "443" && scheme == "https"
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func joinHostPort(name, port string) string {
	if port == "" {
		return name
	}
	return name + ":" + port
}
