package discover

import (
	"net/url"
	"strconv"
	"strings"
	"testing"
)

const (
	// تحليلية, as WordPress writes it (lower-case hex), as Go writes it, and raw.
	slugLower = "%d8%aa%d8%ad%d9%84%d9%8a%d9%84%d9%8a%d8%a9"
	slugUpper = "%D8%AA%D8%AD%D9%84%D9%8A%D9%84%D9%8A%D8%A9"
	slugRaw   = "تحليلية"
	article   = "https://www.example.ma/2023/06/28/" + slugUpper + "-1024.html"
)

var canonicalCases = []struct {
	name, in, want string
}{
	{"already canonical", article, article},
	{"arabic slug lower-case hex", "https://www.example.ma/2023/06/28/" + slugLower + "-1024.html", article},
	{"arabic slug raw", "https://www.example.ma/2023/06/28/" + slugRaw + "-1024.html", article},
	{"arabic slug mixed", "https://www.example.ma/2023/06/28/%d8%aa%D8%AD" + "ليلية-1024.html", article},
	{"fragment dropped", article + "#comments", article},
	{"empty fragment dropped", article + "#", article},
	{"scheme and host lower-cased", "HTTPS://WWW.Example.MA/2023/06/28/" + slugLower + "-1024.html", article},
	{"path case kept", "https://www.example.ma/Category/Sport/", "https://www.example.ma/Category/Sport/"},
	{"default http port", "http://www.example.ma:80/a.html", "http://www.example.ma/a.html"},
	{"default https port", "https://www.example.ma:443/a.html", "https://www.example.ma/a.html"},
	{"other port kept", "https://www.example.ma:8443/a.html", "https://www.example.ma:8443/a.html"},
	{"port 80 on https kept", "https://www.example.ma:80/", "https://www.example.ma:80/"},
	{"empty port", "http://www.example.ma:/a.html", "http://www.example.ma/a.html"},
	{"trailing dot in host", "https://www.example.ma./a.html", "https://www.example.ma/a.html"},
	{"empty path", "https://www.example.ma", "https://www.example.ma/"},
	{"empty path with query", "https://www.example.ma?p=1024", "https://www.example.ma/?p=1024"},
	{"question mark only", "https://www.example.ma/a.html?", "https://www.example.ma/a.html"},
	{"utm only", "https://www.example.ma/a.html?utm_source=facebook&utm_medium=social", "https://www.example.ma/a.html"},
	{"tracking among others, order kept", "https://www.example.ma/?p=1024&utm_source=fb&lang=ar&fbclid=IwAR0x&gclid=Cj0&zone=2",
		"https://www.example.ma/?p=1024&lang=ar&zone=2"},
	{"query not sorted", "https://www.example.ma/index.php?option=com_content&view=article&id=7", "https://www.example.ma/index.php?option=com_content&view=article&id=7"},
	{"tracking name case ignored", "https://www.example.ma/a.html?UTM_Source=x&Id=3", "https://www.example.ma/a.html?Id=3"},
	{"tracking name encoded", "https://www.example.ma/a.html?utm%5Fsource=x&id=3", "https://www.example.ma/a.html?id=3"},
	{"french xtor", "https://www.lemonde.example/economie/article/2023/06/28/bilan_1024.html?xtor=RSS-3208", "https://www.lemonde.example/economie/article/2023/06/28/bilan_1024.html"},
	{"mailchimp and ga", "https://www.example.ma/a.html?mc_cid=1&mc_eid=2&_ga=3&yclid=4&igshid=5&ref_src=twsrc", "https://www.example.ma/a.html"},
	{"empty parameters dropped", "https://www.example.ma/a.html?a=1&&b=2&", "https://www.example.ma/a.html?a=1&b=2"},
	{"param without value kept", "https://www.example.ma/a.html?amp", "https://www.example.ma/a.html?amp"},
	{"encoded unreserved decoded", "https://www.example.ma/%7Euser/%41bc%2d1", "https://www.example.ma/~user/Abc-1"},
	{"encoded slash kept", "https://www.example.ma/a%2Fb", "https://www.example.ma/a%2Fb"},
	{"encoded slash upper-cased", "https://www.example.ma/a%2fb", "https://www.example.ma/a%2Fb"},
	{"sub-delims kept raw", "https://www.example.ma/a!b(c)*,;=.html", "https://www.example.ma/a!b(c)*,;=.html"},
	{"sub-delims kept encoded", "https://www.example.ma/a%21b%28c%29.html", "https://www.example.ma/a%21b%28c%29.html"},
	{"space in path", "https://www.example.ma/a b.html", "https://www.example.ma/a%20b.html"},
	{"space in query", "https://www.example.ma/search?q=a b", "https://www.example.ma/search?q=a%20b"},
	{"plus in query kept", "https://www.example.ma/search?q=a+b", "https://www.example.ma/search?q=a+b"},
	{"arabic query raw", "https://www.example.ma/?s=مغرب", "https://www.example.ma/?s=%D9%85%D8%BA%D8%B1%D8%A8"},
	{"arabic query lower hex", "https://www.example.ma/?s=%d9%85%d8%ba%d8%b1%d8%a8", "https://www.example.ma/?s=%D9%85%D8%BA%D8%B1%D8%A8"},
	{"stray percent in query", "https://www.example.ma/promo?remise=100%", "https://www.example.ma/promo?remise=100%25"},
	{"encoded ampersand kept", "https://www.example.ma/?q=a%26b&c=d", "https://www.example.ma/?q=a%26b&c=d"},
	{"dot segments", "https://www.example.ma/a/./b/../c.html", "https://www.example.ma/a/c.html"},
	{"dot segments above root", "https://www.example.ma/../../c.html", "https://www.example.ma/c.html"},
	{"encoded dot segments", "https://www.example.ma/a/%2e%2E/" + slugLower, "https://www.example.ma/" + slugUpper},
	{"double slash kept", "https://www.example.ma//2023//a.html", "https://www.example.ma//2023//a.html"},
	{"idn unicode", "http://Bücher.example/", "http://xn--bcher-kva.example/"},
	{"idn punycode", "http://XN--BCHER-KVA.example/", "http://xn--bcher-kva.example/"},
	{"idn arabic", "https://موقع.وزارة-الاتصالات.مصر/" + slugRaw, "https://xn--4gbrim.xn----ymcbaaajlc6dj7bxne2c.xn--wgbh1c/" + slugUpper},
	{"idn with underscore", "http://a_b.bücher.example/", "http://a_b.xn--bcher-kva.example/"},
	{"ipv6 default port", "http://[FE80::1]:80/a", "http://[fe80::1]/a"},
	{"ipv6 other port", "http://[::1]:8080/a", "http://[::1]:8080/a"},
	{"surrounding space", "  https://www.example.ma/a.html \n", "https://www.example.ma/a.html"},

	// Userinfo would have the site crawled again under every user name.
	{"userinfo", "http://user@www.example.ma/a.html", "http://www.example.ma/a.html"},
	{"userinfo with password", "https://user:pw@www.example.ma:443/a.html", "https://www.example.ma/a.html"},
	{"userinfo escaped", "http://a%2f@www.example.ma/a.html", "http://www.example.ma/a.html"},
	{"userinfo empty", "http://@www.example.ma/", "http://www.example.ma/"},
	{"userinfo and idn", "http://Name:x@Bücher.example/", "http://xn--bcher-kva.example/"},

	// These once came out in a form that canonicalised to something else.
	{"idn ideographic full stop at end", "http://bücher.example\u3002/a", "http://xn--bcher-kva.example/a"},
	{"idn fullwidth full stop at end with port", "http://bücher.example\uff0e:80/a", "http://xn--bcher-kva.example/a"},
	{"idn escaped ideographic full stop", "http://www.example.ma%E3%80%82/a", "http://www.example.ma/a"},
	{"tracking name behind stray percent", "https://www.example.ma/a.html?%75tm_x%=1&id=3", "https://www.example.ma/a.html?id=3"},
	{"tracking name behind stray percent and escape", "https://www.example.ma/a.html?id=3&%55tm_%2", "https://www.example.ma/a.html?id=3"},
	{"stray percent in name", "https://www.example.ma/a.html?a%=1", "https://www.example.ma/a.html?a%25=1"},

	{"idn hyphen at label end", "http://bücher-.example/", "http://xn--bcher--3ya.example/"},
	{"idn soft hyphen dropped", "http://bü\u00adcher.example/", "http://xn--bcher-kva.example/"},
	{"idn fullwidth", "http://\uff45\uff58\uff41\uff4d\uff50\uff4c\uff45.ma/", "http://example.ma/"},
}

// canonicalErrorCases are inputs with no canonical form, and what the error
// must say besides naming the input.
var canonicalErrorCases = []struct{ name, in, want string }{
	{"empty", "", "scheme"},
	{"relative", "/2023/06/28/a.html", "scheme"},
	{"mailto", "mailto:redaction@example.ma", `scheme "mailto"`},
	{"javascript", "javascript:void(0)", `scheme "javascript"`},
	{"ftp", "ftp://ftp.example.ma/pub/", `scheme "ftp"`},
	{"no host", "http:///2023/a.html", "no host"},
	{"opaque", "http:www.example.ma", "no host"},
	{"bad escape", "https://www.example.ma/%zz", "invalid URL escape"},
	{"bad host", "https://www.exa mple.ma/", "invalid character"},
	{"unclosed ipv6", "http://[::1/", "missing ']'"},
	{"userinfo only", "http://user@/a.html", "no host"},

	// IDNA maps these to characters a host cannot hold; they once came
	// out as URLs that did not parse again or canonicalised differently.
	{"no-break space in host", "http://0%C2%A0000", `invalid character " " in host name`},
	{"no-break space in idn", "http://bücher\u00a0example/", `invalid character " " in host name`},
	{"en quad in host", "http://a\u2000b.example/", `invalid character " " in host name`},
	{"fullwidth solidus", "http://a\uff0fb.example/", `invalid character "/" in host name`},
	{"fullwidth question mark", "http://a\uff1fb.example/", `invalid character "?" in host name`},
	{"fullwidth number sign", "http://a\uff03b.example/", `invalid character "#" in host name`},
	{"fullwidth commercial at", "http://a\uff20b.example/", `invalid character "@" in host name`},
	{"fullwidth reverse solidus", "http://a\uff3cb.example/", `invalid character "\\" in host name`},
	{"fullwidth left curly bracket", "http://a\uff5bb.example/", `invalid character "{" in host name`},
	{"fullwidth percent", "http://a\uff05b.example/", `invalid character "%" in host name`},
	{"fullwidth colon as port", "http://www.example.ma\uff1a80/", `invalid character ":" in host name`},
	{"vertical colon", "http://www.example.ma\ufe13/", `invalid character ":" in host name`},
	{"double colon equal", "http://a\u2a74b.example/", `invalid character ":" in host name`},
	{"vertical left square bracket", "http://a\ufe47b.example/", `invalid character "[" in host name`},
	{"ideographic full stop only", "http://\u3002/", "no host"},
	{"soft hyphen only with port", "http://\u00ad:8080/", "no host"},
	{"no name with port", "http://:8080/", "no host"},
	{"dot with port", "http://.:8080/", "no host"},
	{"idna rejects", "http://a\u2488.example/", "disallowed rune U+2488"},
	{"host not utf-8", "http://%FF.example/", "not UTF-8"},
	{"forbidden ascii in host", "http://a<b.example/", `invalid character "<" in host name`},
	{"percent in host", "http://a%25b.example/", `invalid character "%" in host name`},
	{"ipv6 zone", "http://[fe80::1%25en0]/", "IPv6 zone"},
	{"ipv6 non-ascii zone", "http://[fe80::1%25\u00e9]/", "IPv6 zone"},
}

func TestCanonical(t *testing.T) {
	for _, tc := range canonicalCases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Canonical(tc.in)
			if err != nil {
				t.Fatalf("Canonical(%q): %v", tc.in, err)
			}
			if got != tc.want {
				t.Errorf("Canonical(%q)\n got %s\nwant %s", tc.in, got, tc.want)
			}
			if again, err := Canonical(got); err != nil || again != got {
				t.Errorf("Canonical not idempotent: %q -> %q (%v)", got, again, err)
			}
		})
	}
}

func TestCanonical_errors(t *testing.T) {
	for _, tc := range canonicalErrorCases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Canonical(tc.in)
			if err == nil {
				t.Fatalf("Canonical(%q) = %q, want error", tc.in, got)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "canonical url "+strconv.Quote(tc.in)) || !strings.Contains(msg, tc.want) {
				t.Errorf("Canonical(%q) error %q: want it to name the input and say %q", tc.in, msg, tc.want)
			}
			// What Canonical rejects, CanonicalURL must not hand back
			// as a URL with a host to fetch.
			if u, err := url.Parse(strings.TrimSpace(tc.in)); err == nil {
				if c := CanonicalURL(u); c.Host != "" && (c.Scheme == "http" || c.Scheme == "https") {
					t.Errorf("CanonicalURL(%q) = %s, want an empty host", tc.in, c)
				}
			}
		})
	}
}

func TestCanonicalURL(t *testing.T) {
	for _, tc := range canonicalCases {
		t.Run(tc.name, func(t *testing.T) {
			u, err := url.Parse(strings.TrimSpace(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			before := *u
			got := CanonicalURL(u)
			if s := got.String(); s != tc.want {
				t.Errorf("CanonicalURL(%q) = %s, want %s", tc.in, s, tc.want)
			}
			if *u != before {
				t.Errorf("CanonicalURL modified its argument: %#v, was %#v", *u, before)
			}
			if got == u {
				t.Error("CanonicalURL returned its argument, want a copy")
			}
		})
	}
}

func TestIsTrackingParam(t *testing.T) {
	for name, want := range map[string]bool{
		"utm_source": true, "UTM_CAMPAIGN": true, "utm_": true, "fbclid": true, "gclid": true,
		"dclid": true, "msclkid": true, "mc_cid": true, "mc_eid": true, "_ga": true, "yclid": true,
		"igshid": true, "ref_src": true, "xtor": true, "pk_campaign": true, "mtm_source": true,
		"p": false, "id": false, "page": false, "ref": false, "s": false, "utm": false, "": false,
		"lang": false, "amp": false, "output": false,
	} {
		if got := IsTrackingParam(name); got != want {
			t.Errorf("IsTrackingParam(%q) = %v, want %v", name, got, want)
		}
	}
}

// The crawler canonicalises every link of every page, and most are
// canonical already: that case must not allocate.
func TestCanonicalURL_allocs(t *testing.T) {
	for _, s := range []string{article, "https://www.example.ma/index.php?option=com_content&id=7", "http://[::1]:8080/a", "https://a_b.example.ma/a!b"} {
		u := mustParseURL(t, s)
		c := *u
		if n := testing.AllocsPerRun(100, func() {
			c = *u
			if err := canonicalize(&c); err != nil {
				t.Fatal(err)
			}
		}); n != 0 {
			t.Errorf("canonicalize(%q): %v allocations, want 0", s, n)
		}
	}
}
