package discover

import (
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"
)

var benchURLs = []struct{ name, url string }{
	{"canonical", article},
	{"wordpress-lower-hex", "https://www.example.ma/2023/06/28/" + slugLower + "-1024.html"},
	{"tracking", "https://www.example.ma/2023/06/28/slug-1024.html?utm_source=facebook&utm_medium=social&fbclid=IwAR0abc#comments"},
	{"query-kept", "https://www.example.ma/index.php?option=com_content&view=article&id=1024&Itemid=7"},
	{"idn", "https://Bücher.example/2023/06/28/x.html"},
}

func BenchmarkCanonical(b *testing.B) {
	for _, bc := range benchURLs {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Canonical(bc.url); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// sink keeps results alive, so that the compiler cannot put them on the
// stack as it could not in real use.
var sink any

func BenchmarkCanonicalURL(b *testing.B) {
	for _, bc := range benchURLs {
		u := mustParseURL(b, bc.url)
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sink = CanonicalURL(u)
			}
		})
	}
}

func BenchmarkLinks(b *testing.B) {
	fi, err := os.Stat(filepath.Join("testdata", "frontpage.html"))
	if err != nil {
		b.Fatal(err)
	}
	doc := parseHTMLFile(b, "frontpage.html")
	base := mustParseURL(b, "https://www.example.ma/")
	b.SetBytes(fi.Size())
	b.ReportAllocs()
	for b.Loop() {
		sink = links(doc, base)
	}
}

func BenchmarkTrap(b *testing.B) {
	u, _ := url.Parse("https://www.example.ma/2023/06/28/" + slugUpper + "-1024.html?p=1024&lang=ar")
	now := time.Now()
	b.ReportAllocs()
	for b.Loop() {
		Trap(u, now)
	}
}
