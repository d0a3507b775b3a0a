package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/newsarc/newsarc/cmd/newsarc/demosite"
	"github.com/newsarc/newsarc/internal/warctest"
)

// The demo, with the repository's sample config.toml, crawls the built-in
// site, archiving every article with its selectors, then crawls it again
// and fetches no article twice.
func TestRun_demo(t *testing.T) {
	out := t.TempDir()
	code, stdout, stderr := runCLI(t, context.Background(), "--config", "../../config.toml", "--out", out, "--log-level", "warn", "demo")
	if code != exitOK {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	want := len(demosite.Articles())
	first, second, ok := strings.Cut(stdout, "second crawl")
	if !ok || !strings.Contains(first, "articles: "+strconv.Itoa(want)+" new, 0 changed") || !strings.Contains(first, filepath.Join(out, "articles")) {
		t.Errorf("first crawl's summary does not say %d new articles and where they went:\n%s", want, stdout)
	}
	if !strings.Contains(second, "articles: 0 new, 0 changed, 0 unchanged, "+strconv.Itoa(want)+" not fetched again; 0 errors") {
		t.Errorf("second crawl's summary does not say nothing was fetched again:\n%s", stdout)
	}
	var n int
	filepath.WalkDir(filepath.Join(out, "articles", "demo"), func(p string, d os.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".json") {
			return err
		}
		n++
		b, _ := os.ReadFile(p)
		var a map[string]any
		if err := json.Unmarshal(b, &a); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if a["headline"] == nil || a["body"] == nil || a["published"] == nil {
			t.Errorf("%s: headline %v, published %v, body empty: %v", p, a["headline"], a["published"], a["body"] == nil)
		}
		if prov, _ := a["provenance"].(map[string]any); prov["body"] != "selector" {
			t.Errorf("%s: body from %v, want the demo site's selector", p, prov["body"])
		}
		checkWARCRef(t, out, a)
		return nil
	})
	if n != want {
		t.Errorf("%d article files, want %d", n, want)
	}
	files, _ := filepath.Glob(filepath.Join(out, "warc", "demo", "*.warc.gz"))
	if len(files) != 2 { // one per run
		t.Fatalf("warc files %v", files)
	}
	warctest.Validate(t, files...)
}
