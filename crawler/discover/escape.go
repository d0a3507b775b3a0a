package discover

import "strings"

const upperHex = "0123456789ABCDEF"

// normEscaped normalises the percent-encoding of an escaped path (query
// false) or of one query parameter (query true) as RFC 3986 §6.2.2 says:
// escapes of unreserved characters are decoded, the others get upper-case
// hex, and bytes that may not appear raw (spaces, non-ASCII, a stray "%")
// are encoded. Escapes of reserved characters such as %2F stay: decoding
// them would change the URL. It returns s itself when it is already
// normal, so the common case does not allocate.
func normEscaped(s string, query bool) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c == '%' {
			if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) ||
				isUnreserved(unhex(s[i+1])<<4|unhex(s[i+2])) || isLowerHex(s[i+1]) || isLowerHex(s[i+2]) {
				break
			}
			i += 3
			continue
		}
		if !allowedRaw(c, query) {
			break
		}
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		switch {
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			v := unhex(s[i+1])<<4 | unhex(s[i+2])
			if isUnreserved(v) {
				b.WriteByte(v)
			} else {
				writeEscape(&b, v)
			}
			i += 3
			continue
		case allowedRaw(c, query) && c != '%':
			b.WriteByte(c)
		default:
			writeEscape(&b, c)
		}
		i++
	}
	return b.String()
}

func writeEscape(b *strings.Builder, c byte) {
	b.WriteByte('%')
	b.WriteByte(upperHex[c>>4])
	b.WriteByte(upperHex[c&15])
}

// allowedRaw reports whether c may appear unencoded in a path (RFC 3986
// pchar and "/") or, when query is true, in a query parameter.
func allowedRaw(c byte, query bool) bool {
	if isUnreserved(c) {
		return true
	}
	switch c {
	case '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=', ':', '@', '/':
		return true
	case '?':
		return query
	}
	return false
}

func isUnreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func isLowerHex(c byte) bool { return 'a' <= c && c <= 'f' }

func unhex(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}

// unescapesTo reports whether decoding the escaped path raw gives path,
// that is whether url.URL would honour raw as path's RawPath.
func unescapesTo(raw, path string) bool {
	j := 0
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c == '%' {
			if i+2 >= len(raw) || !isHex(raw[i+1]) || !isHex(raw[i+2]) {
				return false
			}
			c = unhex(raw[i+1])<<4 | unhex(raw[i+2])
			i += 2
		}
		if j >= len(path) || path[j] != c {
			return false
		}
		j++
	}
	return j == len(path)
}

// isGoEscaping reports whether esc is exactly how net/url escapes path
// when RawPath is empty, so RawPath can be left empty.
func isGoEscaping(esc, path string) bool {
	j := 0
	for i := 0; i < len(path); i++ {
		c := path[i]
		if goEscapesInPath(c) {
			if j+2 >= len(esc) || esc[j] != '%' || esc[j+1] != upperHex[c>>4] || esc[j+2] != upperHex[c&15] {
				return false
			}
			j += 3
			continue
		}
		if j >= len(esc) || esc[j] != c {
			return false
		}
		j++
	}
	return j == len(esc)
}

// goEscapesInPath mirrors net/url's shouldEscape in path mode.
func goEscapesInPath(c byte) bool {
	if isUnreserved(c) {
		return false
	}
	switch c {
	case '$', '&', '+', ',', '/', ':', ';', '=', '@':
		return false
	}
	return true
}

func hasDotSegment(p string) bool {
	return p == "." || p == ".." || strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../") ||
		strings.Contains(p, "/./") || strings.Contains(p, "/../") ||
		strings.HasSuffix(p, "/.") || strings.HasSuffix(p, "/..")
}

// removeDotSegments resolves "." and ".." segments as RFC 3986 §5.2.4
// does; ".." never climbs above the root.
func removeDotSegments(p string) string {
	segs := strings.Split(p, "/")
	out := make([]string, 0, len(segs))
	root := 0
	if strings.HasPrefix(p, "/") {
		root = 1
	}
	for i, s := range segs {
		last := i == len(segs)-1
		switch s {
		case ".":
		case "..":
			if len(out) > root {
				out = out[:len(out)-1]
			}
		default:
			out = append(out, s)
			continue
		}
		if last {
			out = append(out, "")
		}
	}
	if root == 1 && len(out) == 1 {
		return "/"
	}
	return strings.Join(out, "/")
}
