package selectors

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecodeHTML(t *testing.T) {
	const arabic = "وزارة الفلاحة تعلن عن صابة قياسية"
	const french = "Sécheresse : les barrages à 28 % — été"
	page := func(meta, text string) string {
		return "<html><head>" + meta + "<title>t</title></head><body><p>" + text + "</p></body></html>"
	}
	utf16 := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	tests := []struct {
		name        string
		body        []byte
		contentType string
		lang        string
		wantEnc     string
		wantText    string
	}{
		{"windows-1256 meta", encode(t, charmap.Windows1256, page(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">`, arabic)), "text/html", "", "windows-1256", arabic},
		{"iso-8859-6 header", encode(t, charmap.ISO8859_6, page("", arabic)), "text/html; charset=ISO-8859-6", "", "iso-8859-6", arabic},
		{"windows-1252 as latin1 header", encode(t, charmap.Windows1252, page("", french)), "text/html; charset=iso-8859-1", "", "windows-1252", french},
		{"meta charset", encode(t, charmap.Windows1252, page(`<meta charset="windows-1252">`, french)), "", "", "windows-1252", french},
		{"utf-8 bom beats header", append([]byte{0xEF, 0xBB, 0xBF}, page("", arabic)...), "text/html; charset=windows-1256", "", "utf-8", arabic},
		{"utf-16 bom", encode(t, utf16, page("", arabic)), "text/html", "", "utf-16le", arabic},
		{"undeclared utf-8", []byte(page("", arabic)), "", "", "utf-8", arabic},
		{"undeclared arabic site", encode(t, charmap.Windows1256, page("", arabic)), "text/html", "ar", "windows-1256", arabic},
		{"undeclared other site", encode(t, charmap.Windows1252, page("", french)), "text/html", "fr", "windows-1252", french},
		{"header utf-8 over windows-1256 bytes", encode(t, charmap.Windows1256, page(`<meta charset="windows-1256">`, arabic)), "text/html; charset=utf-8", "", "windows-1256", arabic},
		{"header beats meta", []byte(page(`<meta charset="windows-1256">`, arabic)), "text/html; charset=utf-8", "", "utf-8", arabic},
		{"meta after 1024 bytes", encode(t, charmap.Windows1256, "<html><head><!--"+strings.Repeat("x", 3000)+`--><meta charset="windows-1256"></head><body><p>`+arabic+"</p></body></html>"), "", "", "windows-1256", arabic},
		{"declared utf-16 in ascii page", []byte(page(`<meta charset="utf-16">`, arabic)), "", "", "utf-8", arabic},
		// The bytes outrank a declaration: UTF-8 under a stale meta or a
		// server default is UTF-8.
		{"utf-8 under meta gb2312", []byte(page(`<meta charset="gb2312">`, "中文新闻 "+french)), "", "", "utf-8", "中文新闻 " + french},
		{"utf-8 under meta iso-8859-1", []byte(page(`<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">`, french)), "", "", "utf-8", french},
		{"utf-8 under header windows-1256", []byte(page("", arabic)), "text/html; charset=windows-1256", "", "utf-8", arabic},
		// An all-ASCII page keeps its declaration (ISO-2022-JP is 7-bit).
		{"iso-2022-jp meta", encode(t, japanese.ISO2022JP, page(`<meta charset="iso-2022-jp">`, "日本語の記事")), "", "", "iso-2022-jp", "日本語の記事"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, enc := decodeHTML(tt.body, tt.contentType, tt.lang)
			if enc != tt.wantEnc {
				t.Errorf("encoding = %s, want %s", enc, tt.wantEnc)
			}
			if !strings.Contains(text, tt.wantText) {
				t.Errorf("decoded text lacks %q:\n%s", tt.wantText, text)
			}
			if strings.HasPrefix(text, "\uFEFF") {
				t.Errorf("decoded text keeps the byte order mark")
			}
		})
	}
}

// TestExtractor_Extract_charset reads a headline through the whole chain.
func TestExtractor_Extract_charset(t *testing.T) {
	const headline = "مجلس الوزراء يقرّ خطة طوارئ"
	body := encode(t, charmap.ISO8859_6, "<html><head><title>x</title></head><body><h1>مجلس الوزراء يقر خطة طوارئ</h1></body></html>")
	e, err := New(Config{Selectors: Selectors{Headline: "h1"}})
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := e.Extract(Page{URL: "http://example.org/a", Body: body, ContentType: "text/html; charset=iso-8859-6", Date: fetchedAt})
	if err != nil {
		t.Fatal(err)
	}
	// ISO-8859-6 has no shadda: the page says "يقر".
	if want := strings.ReplaceAll(headline, "\u0651", ""); a.Headline != want {
		t.Errorf("headline = %q, want %q", a.Headline, want)
	}
}

// validUTF8 replaces what is not UTF-8 as strings.ToValidUTF8 does, and
// gives a valid page back as it is.
func TestValidUTF8(t *testing.T) {
	for _, s := range []string{"", "plain", "élan ☃ 日本", "a\xffb", "\xe2\x80", "ok \xc3\x28 \xed\xa0\x80 end", "\uFFFD"} {
		if got, want := validUTF8([]byte(s)), strings.ToValidUTF8(s, "\uFFFD"); got != want {
			t.Errorf("validUTF8(%q) = %q, want %q", s, got, want)
		}
	}
}
