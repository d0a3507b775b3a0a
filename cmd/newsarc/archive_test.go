package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// URLs come from the arguments, -i FILE and -i - alike; --json prints the
// summary for scripts.
func TestArchive_inputFileJSON(t *testing.T) {
	srv, _ := testSite(t)
	list := filepath.Join(t.TempDir(), "urls.txt")
	os.WriteFile(list, []byte("# to archive today\n\n  "+srv.URL+"/ancienne-adresse  \n#"+srv.URL+"/error\n"), 0o644)
	var stdout, stderr bytes.Buffer
	code := runWithStdin(t, strings.NewReader(srv.URL+"/missing\n"), &stdout, &stderr, "--config", writeConfig(t, srv.URL), "--out", t.TempDir(),
		"--log-level", "warn", "archive", "--json", "-i", list, srv.URL+"/2023/07/05/tramway-t3.html", "-i", "-")
	if code != exitOK {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, stdout.String(), stderr.String())
	}
	var sum map[string]any
	if err := json.Unmarshal(stdout.Bytes(), &sum); err != nil {
		t.Fatalf("stdout is not one JSON object: %v\n%s", err, stdout.String())
	}
	if sum["articles"] != 2.0 || sum["failed"] != 1.0 || sum["interrupted"] != false || sum["urls_not_archived"] != 0.0 {
		t.Errorf("summary %v, want 2 articles (argument, file) and 1 failed (stdin)", sum)
	}
	files, _ := sum["warc_files"].([]any)
	if len(files) != 1 || !strings.HasPrefix(files[0].(string), "warc"+string(filepath.Separator)) {
		t.Errorf("warc_files = %v, want one, relative to the archive dir as in crawl --json", sum["warc_files"])
	}
	if _, ok := sum["seconds"].(float64); !ok {
		t.Errorf("seconds = %v", sum["seconds"])
	}
	if !strings.Contains(stderr.String(), srv.URL+"/missing: HTTP 404") || strings.Contains(stderr.String(), "/error") {
		t.Errorf("stderr: %s", stderr.String())
	}
}

// A URL that is not one stops archive before anything is fetched: exit 2,
// one line saying what to give instead.
func TestArchive_badURLs(t *testing.T) {
	srv, errorHits := testSite(t)
	cfg := writeConfig(t, srv.URL)
	dir := t.TempDir()
	badList := filepath.Join(dir, "bad.txt")
	os.WriteFile(badList, []byte("# list\n"+srv.URL+"/error\nht!tp://x\n"), 0o644)
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, []byte("# nothing yet\n\n"), 0o644)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"bad scheme", []string{srv.URL + "/error", "ht!tp://x"}, exitUsage, `malformed URL "ht!tp://x"`},
		{"not http", []string{"mailto:desk@example.org"}, exitUsage, "want an http or https URL"},
		{"no host", []string{"/2023/07/05/a.html"}, exitUsage, "no host"},
		{"bad line in a list", []string{"-i", badList}, exitUsage, badList + `:3: malformed URL "ht!tp://x"`},
		{"empty list", []string{"-i", empty}, exitUsage, "no URL in " + empty},
		{"missing list", []string{"-i", filepath.Join(dir, "nope.txt")}, exitFatal, "nope.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"--config", cfg, "--out", t.TempDir(), "archive"}, tt.args...)
			code, stdout, stderr := runCLI(t, context.Background(), args...)
			if code != tt.code || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, want %d with %q\nstdout: %s\nstderr: %s", code, tt.code, tt.want, stdout, stderr)
			}
			if n := strings.Count(strings.TrimSpace(stderr), "\n"); n != 0 || (tt.code == exitUsage && !strings.Contains(stderr, "http")) {
				t.Errorf("want one line saying what to give:\n%s", stderr)
			}
		})
	}
	if n := errorHits.Load(); n != 0 {
		t.Errorf("%d requests made before the bad URL stopped the command", n)
	}
}

func TestSeedURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://example.org/a.html", "https://example.org/a.html"},
		{"http://example.org/a.html#top", "http://example.org/a.html"},
		{"example.org/news/1.html", "https://example.org/news/1.html"},
		{"www.example.ma", "https://www.example.ma"},
		{"localhost:8080/a", "https://localhost:8080/a"},
		{"//example.org/a", "https://example.org/a"},
		{"ht!tp://x", ""},
		{"ftp://example.org/a", ""},
		{"mailto:desk@example.org", ""},
		{"/a.html", ""},
		{"example.org:http/a", ""},
	}
	for _, tt := range tests {
		got, err := seedURL(tt.in)
		if got != tt.want || (err != nil) != (tt.want == "") {
			t.Errorf("seedURL(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

// A URL without a scheme is fetched over https, as a browser's address bar
// does: the error line names the https URL.
func TestArchive_noScheme(t *testing.T) {
	srv, _ := testSite(t)
	t.Setenv("NEWSARC_CRAWL_RETRIES", "0")
	host := strings.TrimPrefix(srv.URL, "http://")
	code, stdout, stderr := runCLI(t, context.Background(), "--config", writeConfig(t, srv.URL), "--out", t.TempDir(), "--log-level", "error",
		"archive", host+"/2023/07/05/tramway-t3.html")
	if code != exitFatal || !strings.Contains(stderr, "error: https://"+host+"/2023/07/05/tramway-t3.html: ") {
		t.Errorf("exit %d, want 1 with an error naming the https URL (the test server speaks http)\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
}

func TestCrawl_noSite(t *testing.T) {
	srv, _ := testSite(t)
	noSites := filepath.Join(t.TempDir(), "nosites.toml")
	os.WriteFile(noSites, []byte("[crawl]\nper_host_delay = \"0s\"\n"), 0o644)
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"no site configured", []string{"--config", noSites, "crawl"}, []string{"no site to crawl", noSites, "[[sites]]", "newsarc archive URL"}},
		{"a site named, none configured", []string{"--config", noSites, "crawl", "lematin"}, []string{"no site to crawl"}},
		{"unknown site", []string{"--config", writeConfig(t, srv.URL), "crawl", "lematn"}, []string{`no site "lematn"`, "configured: lematin"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"--out", t.TempDir()}, tt.args...)
			code, stdout, stderr := runCLI(t, context.Background(), args...)
			if code != exitUsage || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
				t.Errorf("exit %d, want 2 with one line\nstdout: %s\nstderr: %s", code, stdout, stderr)
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q: %s", w, stderr)
				}
			}
		})
	}
}
