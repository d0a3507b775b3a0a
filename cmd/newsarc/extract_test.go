package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun_extract(t *testing.T) {
	srv, _ := testSite(t)
	cfg := writeConfig(t, srv.URL)
	page, err := os.ReadFile("testdata/site/article.html")
	if err != nil {
		t.Fatal(err)
	}
	gz := filepath.Join(t.TempDir(), "article.html.gz")
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(page)
	zw.Close()
	os.WriteFile(gz, buf.Bytes(), 0o644)
	pageURL := srv.URL + "/2023/07/05/tramway-t3.html"

	t.Run("file with --url uses the site's selectors", func(t *testing.T) {
		code, stdout, stderr := runCLI(t, context.Background(), "--config", cfg, "extract", "--url", pageURL, "testdata/site/article.html")
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		var a map[string]any
		if err := json.Unmarshal([]byte(stdout), &a); err != nil {
			t.Fatalf("stdout is not one JSON document: %v\n%s", err, stdout)
		}
		prov, _ := a["provenance"].(map[string]any)
		if a["site"] != "lematin" || a["url"] != pageURL || prov["headline"] != "selector" || prov["body"] != "selector" {
			t.Errorf("site %v url %v provenance %v", a["site"], a["url"], prov)
		}
		if a["warc"] != nil {
			t.Errorf("extract archived nothing, but warc = %v", a["warc"])
		}
		if _, err := os.Stat(filepath.Join("archive", "warc")); err == nil {
			t.Errorf("extract wrote an archive")
		}
	})

	t.Run("gzip file, stdin and a URL give one line each", func(t *testing.T) {
		var out, errb bytes.Buffer
		g := strings.NewReader(string(page))
		code := runWithStdin(t, g, &out, &errb, "--config", cfg, "extract", gz, "-", pageURL)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		lines := strings.Split(strings.TrimSpace(out.String()), "\n")
		if len(lines) != 3 {
			t.Fatalf("%d lines, want 3:\n%s", len(lines), out.String())
		}
		for i, l := range lines {
			var a map[string]any
			if err := json.Unmarshal([]byte(l), &a); err != nil {
				t.Fatalf("line %d: %v", i, err)
			}
			if a["headline"] != "Le tramway de Casablanca ouvre sa troisième ligne" {
				t.Errorf("line %d: headline %v", i, a["headline"])
			}
		}
	})

	t.Run("a selector that matches nothing is reported", func(t *testing.T) {
		bare := strings.Replace(string(page), `class="entry-meta"`, `class="meta"`, 1)
		var out, errb bytes.Buffer
		code := runWithStdin(t, strings.NewReader(bare), &out, &errb, "--config", cfg, "extract", "--site", "lematin", "-")
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		if !strings.Contains(errb.String(), ".entry-meta .author a") {
			t.Errorf("no warning naming the byline selector:\n%s", errb.String())
		}
	})

	t.Run("errors", func(t *testing.T) {
		code, _, stderr := runCLI(t, context.Background(), "--config", cfg, "extract", "nope.html")
		if code != exitFatal || !strings.Contains(stderr, "nope.html") {
			t.Errorf("missing file: exit %d, stderr %s", code, stderr)
		}
		code, _, stderr = runCLI(t, context.Background(), "--config", cfg, "extract", "--site", "unknown", "x.html")
		if code != exitUsage || !strings.Contains(stderr, `--site "unknown"`) {
			t.Errorf("unknown site: exit %d, stderr %s", code, stderr)
		}
		code, _, stderr = runCLI(t, context.Background(), "--config", cfg, "extract", srv.URL+"/missing")
		if code != exitFatal || !strings.Contains(stderr, srv.URL+"/missing: HTTP 404") {
			t.Errorf("404: exit %d, stderr %s", code, stderr)
		}
	})
}

// runWithStdin is runCLI with something on standard input.
func runWithStdin(t *testing.T, stdin *strings.Reader, stdout, stderr *bytes.Buffer, args ...string) int {
	t.Helper()
	old := stdinReader
	stdinReader = stdin
	defer func() { stdinReader = old }()
	return run(context.Background(), args, stdout, stderr)
}

// TestExtract_rawHTMLCharacters: <, > and & in the text come out as they
// are, on stdout and in archived JSON, not as \u003c, \u003e and \u0026.
func TestExtract_rawHTMLCharacters(t *testing.T) {
	page := `<!doctype html><html lang="en"><head><title>R&amp;D spending &lt;rises&gt;</title></head><body><article>
<h1>R&amp;D spending &lt;rises&gt;</h1>
<p>Companies said research &amp; development budgets grew, and 3 &lt; 4 of them expect more next year, according to a survey of firms.</p>
<p>Analysts noted that spending on R&amp;D has grown for several years in a row, with most of the growth in software &amp; services.</p>
</article></body></html>`
	path := filepath.Join(t.TempDir(), "page.html")
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, context.Background(), "--log-level", "error", "extract", path)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Contains(stdout, `\u0026`) || strings.Contains(stdout, `\u003c`) || !strings.Contains(stdout, "R&D spending <rises>") {
		t.Fatalf("extract escaped <, > or &:\n%s", stdout)
	}
	var a map[string]any
	if err := json.Unmarshal([]byte(stdout), &a); err != nil || a["headline"] != "R&D spending <rises>" {
		t.Fatalf("headline %v (%v)", a["headline"], err)
	}
}

// TestExtract_noURL: a file or stdin read without --url has no address and
// no site: both are null in the JSON.
func TestExtract_noURL(t *testing.T) {
	for _, args := range [][]string{{"extract", "testdata/site/article.html"}, {"extract", "-"}} {
		page, err := os.ReadFile("testdata/site/article.html")
		if err != nil {
			t.Fatal(err)
		}
		stdinReader = bytes.NewReader(page)
		code, stdout, stderr := runCLI(t, context.Background(), append([]string{"--log-level", "error"}, args...)...)
		stdinReader = os.Stdin
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		var a map[string]any
		if err := json.Unmarshal([]byte(stdout), &a); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"url", "site"} {
			if v, ok := a[k]; !ok || v != nil {
				t.Errorf("%v: %s = %#v, want null", args, k, v)
			}
		}
		if a["headline"] == nil {
			t.Errorf("%v: no headline", args)
		}
	}
}
