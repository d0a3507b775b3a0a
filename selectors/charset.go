package selectors

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// metaScan is how far into the page a <meta charset> is looked for. The HTML
// standard stops at 1024 bytes; real pages put it after long comments and
// scripts, and reading further costs nothing against the page parse.
const metaScan = 16 << 10

var (
	// rxMetaCharset runs on lowercased bytes: a literal prefix lets the
	// regexp skip to each <meta instead of trying every position.
	rxMetaCharset = regexp.MustCompile(`<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)
	utf8BOM       = []byte{0xEF, 0xBB, 0xBF}
)

// decodeHTML converts a page to UTF-8. The encoding is, in order: a byte
// order mark; UTF-8 when the bytes are valid UTF-8 and not all ASCII,
// whatever is declared; the Content-Type charset; a <meta charset> or
// http-equiv declaration; UTF-8 when the bytes are valid UTF-8; and
// otherwise windows-1256 for a site whose language is Arabic, else
// windows-1252. It returns the text and the name of the encoding used.
//
// The bytes outrank a declaration because text in a legacy encoding is
// all but never valid multi-byte UTF-8 (its letters above 0x7F would have
// to fall into UTF-8's lead and continuation patterns, page-long), while a
// UTF-8 page under a stale <meta charset=gb2312> or a server's default
// ISO-8859-1 is common, and decoding it as declared turns every non-ASCII
// letter into mojibake. A page all ASCII is left to its declaration: a
// 7-bit encoding such as ISO-2022-JP is ASCII bytes, and valid UTF-8.
func decodeHTML(body []byte, contentType, lang string) (string, string) {
	enc, name := chooseEncoding(body, contentType, lang)
	if name == "utf-8" {
		body = bytes.TrimPrefix(body, utf8BOM)
		return validUTF8(body), name
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		// Single-byte decoders do not fail; UTF-16 on odd bytes does. Keep what
		// can be read rather than losing the page.
		return validUTF8(body), "utf-8"
	}
	return string(out), name
}

// validUTF8 is strings.ToValidUTF8(string(b), "\uFFFD"); utf8.Valid, which
// runs over ASCII eight bytes at a time, spares valid pages its decoding
// of every rune.
func validUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

func chooseEncoding(body []byte, contentType, lang string) (encoding.Encoding, string) {
	switch {
	case bytes.HasPrefix(body, utf8BOM):
		return encoding.Nop, "utf-8"
	case bytes.HasPrefix(body, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), "utf-16be"
	case bytes.HasPrefix(body, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), "utf-16le"
	}
	valid := utf8.Valid(body)
	if valid && !isASCII(body) {
		return encoding.Nop, "utf-8"
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		if e, n := lookup(params["charset"]); e != nil {
			if n != "utf-8" || valid {
				return e, n
			}
			// A header that says UTF-8 over bytes that are not is a server
			// default; the page's own declaration knows better.
			if d, dn := metaEncoding(body); d != nil {
				return d, dn
			}
			return e, n
		}
	}
	if d, dn := metaEncoding(body); d != nil {
		return d, dn
	}
	if valid {
		return encoding.Nop, "utf-8"
	}
	if lang == "ar" {
		return charmap.Windows1256, "windows-1256"
	}
	return charmap.Windows1252, "windows-1252"
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// metaEncoding finds the page's <meta charset> or http-equiv Content-Type.
func metaEncoding(body []byte) (encoding.Encoding, string) {
	head := bytes.ToLower(body[:min(len(body), metaScan)])
	for _, m := range rxMetaCharset.FindAllSubmatch(head, 4) {
		if e, n := lookup(string(m[1])); e != nil {
			return e, n
		}
	}
	return nil, ""
}

// lookup maps a charset label to an encoding the WHATWG way (iso-8859-1 is
// windows-1252). A declared UTF-16 in an ASCII-compatible page means UTF-8.
func lookup(label string) (encoding.Encoding, string) {
	label = strings.TrimSpace(label)
	if label == "" {
		return nil, ""
	}
	e, n := charset.Lookup(label)
	if e == nil {
		return nil, ""
	}
	if strings.HasPrefix(n, "utf-16") || n == "utf-8" {
		return encoding.Nop, "utf-8"
	}
	return e, n
}
