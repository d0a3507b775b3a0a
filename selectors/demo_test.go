package selectors

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// demoSite holds the pages of `newsarc demo`, written by cmd/newsarc.
const demoSite = "../cmd/newsarc/demosite/site"

// demoConfig is the demo site's profile in config.toml.
var demoConfig = Selectors{
	Headline:  "h1.entry-title",
	Byline:    ".entry-meta .author a",
	Published: "time.entry-date@datetime",
	Body:      ".entry-content",
	Remove:    []string{".share-box", "#comments", ".related-posts", ".newsletter"},
}

// demoServed is when the demo site says its pages were built; relative dates
// resolve against it.
var demoServed = time.Date(2023, 7, 15, 8, 0, 0, 0, time.UTC)

var rxArticlePath = regexp.MustCompile(`(^|/)\d{4}/\d{2}/\d{2}/[^/]+\.html$`)

func demoPages(t testing.TB) []string {
	t.Helper()
	var pages []string
	err := filepath.WalkDir(demoSite, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(demoSite, path)
		if !d.IsDir() && rxArticlePath.MatchString(filepath.ToSlash(rel)) {
			pages = append(pages, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil { // the site is in the repository
		t.Fatal(err)
	}
	return pages
}

// TestExtractor_Extract_demo extracts every article page of the demo site
// with the demo's selectors and compares with testdata/demo/<name>.golden.json.
func TestExtractor_Extract_demo(t *testing.T) {
	casablanca, err := time.LoadLocation("Africa/Casablanca")
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(Config{Selectors: demoConfig, Timezone: casablanca})
	if err != nil {
		t.Fatal(err)
	}
	for _, rel := range demoPages(t) {
		name := strings.TrimSuffix(strings.ReplaceAll(rel, "/", "_"), ".html")
		t.Run(name, func(t *testing.T) {
			body, err := os.ReadFile(filepath.Join(demoSite, rel))
			if err != nil {
				t.Fatal(err)
			}
			a, warnings, err := e.Extract(Page{URL: "http://127.0.0.1:8080/" + rel, Body: body, ContentType: "text/html; charset=utf-8", Date: demoServed})
			if err != nil {
				t.Fatal(err)
			}
			got := marshalArticle(t, a)
			golden := filepath.Join("testdata", "demo", name+".golden.json")
			warnFile := filepath.Join("testdata", "demo", name+".warnings.golden")
			gotWarn := strings.Join(Strings(warnings), "\n")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				writeGolden(t, golden, got)
				if gotWarn == "" {
					os.Remove(warnFile)
				} else {
					writeGolden(t, warnFile, []byte(gotWarn+"\n"))
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./selectors -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("article differs from %s:\n got: %s\nwant: %s", golden, got, want)
			}
			wantWarn, _ := os.ReadFile(warnFile)
			if gotWarn != strings.TrimSuffix(string(wantWarn), "\n") {
				t.Errorf("warnings differ from %s:\n got: %q\nwant: %q", warnFile, gotWarn, wantWarn)
			}
		})
	}
}
