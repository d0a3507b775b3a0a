package selectors

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsarc/newsarc/selectors/article"
)

var update = flag.Bool("update", false, "rewrite the golden files of extraction tests")

// fetchedAt is the Date of every test page: relative dates resolve against it.
var fetchedAt = time.Date(2023, 7, 10, 12, 0, 0, 0, time.UTC)

// siteConfig is testdata/<site>/config.json: the site's settings and, per
// case, the page's URL and Content-Type.
type siteConfig struct {
	Timezone  string `json:"timezone"`
	Language  string `json:"language"`
	Selectors struct {
		Headline  string   `json:"headline"`
		Byline    string   `json:"byline"`
		Published string   `json:"published"`
		Modified  string   `json:"modified"`
		Body      string   `json:"body"`
		Remove    []string `json:"remove"`
	} `json:"selectors"`
	Pages map[string]struct {
		URL         string `json:"url"`
		ContentType string `json:"content_type"`
		Date        string `json:"date"` // RFC 3339; default fetchedAt
	} `json:"pages"`
}

// goldenCase is one page to extract and the files holding what it must give.
type goldenCase struct {
	name     string
	htmlPath string
	golden   string // article JSON
	warnings string // one warning a line; absent when there are none
	cfg      Config
	page     Page
}

func loadSite(t testing.TB, dir string) []goldenCase {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, "config.json"))
	if err != nil {
		t.Fatal(err)
	}
	var sc siteConfig
	if err := json.Unmarshal(raw, &sc); err != nil {
		t.Fatalf("read %s/config.json: %v", dir, err)
	}
	cfg := Config{Language: sc.Language}
	cfg.Selectors = Selectors{
		Headline: sc.Selectors.Headline, Byline: sc.Selectors.Byline,
		Published: sc.Selectors.Published, Modified: sc.Selectors.Modified,
		Body: sc.Selectors.Body, Remove: sc.Selectors.Remove,
	}
	if sc.Timezone != "" {
		if cfg.Timezone, err = time.LoadLocation(sc.Timezone); err != nil {
			t.Fatal(err)
		}
	}
	var cases []goldenCase
	for name, p := range sc.Pages {
		htmlPath := filepath.Join(dir, name+".html")
		body, err := os.ReadFile(htmlPath)
		if err != nil {
			t.Fatal(err)
		}
		date := fetchedAt
		if p.Date != "" {
			if date, err = time.Parse(time.RFC3339, p.Date); err != nil {
				t.Fatal(err)
			}
		}
		cases = append(cases, goldenCase{
			name:     filepath.Base(dir) + "/" + name,
			htmlPath: htmlPath,
			golden:   filepath.Join(dir, name+".golden.json"),
			warnings: filepath.Join(dir, name+".warnings.golden"),
			cfg:      cfg,
			page:     Page{URL: p.URL, Body: body, ContentType: p.ContentType, Date: date},
		})
	}
	slices.SortFunc(cases, func(a, b goldenCase) int { return strings.Compare(a.name, b.name) })
	return cases
}

func allCases(t testing.TB) []goldenCase {
	t.Helper()
	dirs, err := filepath.Glob("testdata/*/config.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []goldenCase
	for _, d := range dirs {
		cases = append(cases, loadSite(t, filepath.Dir(d))...)
	}
	return cases
}

func TestExtractor_Extract(t *testing.T) {
	cases := allCases(t)
	if len(cases) < 8 {
		t.Errorf("found %d golden cases in testdata, want at least 8", len(cases))
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e, err := New(c.cfg)
			if err != nil {
				t.Fatal(err)
			}
			a, warnings, err := e.Extract(c.page)
			if err != nil {
				t.Fatal(err)
			}
			got := marshalArticle(t, a)
			gotWarn := strings.Join(Strings(warnings), "\n")
			if *update {
				writeGolden(t, c.golden, got)
				if gotWarn == "" {
					os.Remove(c.warnings)
				} else {
					writeGolden(t, c.warnings, []byte(gotWarn+"\n"))
				}
				return
			}
			want, err := os.ReadFile(c.golden)
			if err != nil {
				t.Fatalf("%v (run go test ./selectors -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("article differs from %s:\n got: %s\nwant: %s", c.golden, got, want)
			}
			wantWarn, _ := os.ReadFile(c.warnings)
			if gotWarn != strings.TrimSuffix(string(wantWarn), "\n") {
				t.Errorf("warnings differ from %s:\n got: %q\nwant: %q", c.warnings, gotWarn, wantWarn)
			}
		})
	}
}

// marshalArticle writes the article as the archive does: indented, with
// HTML characters left as they are.
func marshalArticle(t testing.TB, a *article.Article) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(a); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func writeGolden(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// A page parsed by Parse (as the crawler does for its links) and handed in
// Page.Doc gives the same article and warnings as its bytes.
func TestExtractor_Extract_parsedDoc(t *testing.T) {
	for _, c := range allCases(t) {
		t.Run(c.name, func(t *testing.T) {
			e, err := New(c.cfg)
			if err != nil {
				t.Fatal(err)
			}
			want, wantWarn, err := e.Extract(c.page)
			if err != nil {
				t.Skip(err) // not HTML: the crawler hands no tree
			}
			doc, err := e.Parse(c.page.Body, c.page.ContentType)
			if err != nil {
				t.Fatal(err)
			}
			p := c.page
			p.Doc = doc
			got, gotWarn, err := e.Extract(p)
			if err != nil {
				t.Fatal(err)
			}
			if g, w := marshalArticle(t, got), marshalArticle(t, want); !bytes.Equal(g, w) {
				t.Errorf("with Doc:\n%s\nwithout:\n%s", g, w)
			}
			if g, w := strings.Join(Strings(gotWarn), "\n"), strings.Join(Strings(wantWarn), "\n"); g != w {
				t.Errorf("warnings with Doc %q, without %q", g, w)
			}
		})
	}
}
