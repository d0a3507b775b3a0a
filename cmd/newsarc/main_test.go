package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"text/template"
	"time"

	warc "github.com/newsarc/newsarc/third_party/gowarc"

	"github.com/newsarc/newsarc/internal/warctest"
)

// testSite serves a small news site with the responses archiving must cope
// with: gzip, chunked, a redirect, 404, a 500 that never heals, a PDF and a
// robots.txt rule.
func testSite(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	article, err := os.ReadFile("testdata/site/article.html")
	if err != nil {
		t.Fatal(err)
	}
	var errorHits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "User-agent: *\nDisallow: /private/\n")
	})
	mux.HandleFunc("/2023/07/05/tramway-t3.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			w.Header().Set("Content-Encoding", "gzip")
			zw := gzip.NewWriter(w)
			zw.Write(article)
			zw.Close()
			return
		}
		w.Write(article)
	})
	mux.HandleFunc("/2023/07/06/tramway-suite.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		page := strings.ReplaceAll(string(article), "tramway-t3.html", "tramway-suite.html")
		for part := range strings.SplitSeq(page, "<p>") { // chunked: no Content-Length
			io.WriteString(w, part+"<p>")
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/ancienne-adresse", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/2023/07/06/tramway-suite.html", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/error", func(w http.ResponseWriter, r *http.Request) {
		errorHits.Add(1)
		http.Error(w, "database down", http.StatusInternalServerError)
	})
	mux.HandleFunc("/report.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		io.WriteString(w, "%PDF-1.4\n%fake but harmless\n")
	})
	mux.HandleFunc("/private/secret.html", func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("robots.txt disallows %s but it was fetched", r.URL)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, &errorHits
}

// writeConfig fills testdata/config.toml.tmpl with the server's address.
func writeConfig(t *testing.T, srvURL string) string {
	t.Helper()
	tmpl := template.Must(template.ParseFiles("testdata/config.toml.tmpl"))
	path := filepath.Join(t.TempDir(), "config.toml")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := tmpl.Execute(f, struct{ URL string }{srvURL}); err != nil {
		t.Fatal(err)
	}
	return path
}

func runCLI(t *testing.T, ctx context.Context, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(ctx, args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestRun_archive(t *testing.T) {
	srv, errorHits := testSite(t)
	cfg := writeConfig(t, srv.URL)
	out := t.TempDir()
	good := srv.URL + "/2023/07/05/tramway-t3.html"
	code, stdout, stderr := runCLI(t, context.Background(), "--config", cfg, "--out", out, "--log-level", "warn", "archive",
		good, srv.URL+"/ancienne-adresse", srv.URL+"/missing", srv.URL+"/error", srv.URL+"/report.pdf",
		srv.URL+"/private/secret.html", good)
	if code != exitOK {
		t.Fatalf("exit %d, want 0\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "archived 2 article(s), 4 failed") {
		t.Errorf("summary: %s", stdout)
	}
	for _, want := range []string{srv.URL + "/missing: HTTP 404", srv.URL + "/error: HTTP 500", srv.URL + "/report.pdf: not an HTML page",
		srv.URL + "/private/secret.html: blocked by robots.txt"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if lines := strings.Count("\n"+stderr, "\nerror: "); lines != 4 {
		t.Errorf("%d error lines, want one per failed input:\n%s", lines, stderr)
	}
	if n := errorHits.Load(); n != 3 {
		t.Errorf("the 500 was fetched %d times, want 3 (retries = 2)", n)
	}

	var articles []map[string]any
	filepath.WalkDir(filepath.Join(out, "articles"), func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".json") {
			b, _ := os.ReadFile(p)
			var a map[string]any
			if err := json.Unmarshal(b, &a); err != nil {
				t.Errorf("%s: %v", p, err)
			}
			if !strings.Contains(p, filepath.Join("articles", "lematin", "2023", "07")) {
				t.Errorf("article at %s, want under articles/lematin/2023/07", p)
			}
			articles = append(articles, a)
		}
		return nil
	})
	if len(articles) != 2 {
		t.Fatalf("%d article files, want 2", len(articles))
	}
	for _, a := range articles {
		if a["headline"] != "Le tramway de Casablanca ouvre sa troisième ligne" || a["site"] != "lematin" {
			t.Errorf("headline %q site %q", a["headline"], a["site"])
		}
		if by, _ := a["byline"].([]any); len(by) != 1 || by[0] != "Claire Dubois" {
			t.Errorf("byline = %v", a["byline"])
		}
		if a["published"] != "2023-07-05T11:20:00+01:00" {
			t.Errorf("published = %v", a["published"])
		}
		body, _ := a["body"].(string)
		if !strings.HasPrefix(body, "La troisième ligne du tramway") || strings.Contains(body, "Partager") || strings.Contains(body, "Accueil") {
			t.Errorf("body = %q", body)
		}
		checkWARCRef(t, out, a)
	}

	files, _ := filepath.Glob(filepath.Join(out, "warc", "lematin", "*.warc.gz"))
	if len(files) != 1 {
		t.Fatalf("warc files: %v", files)
	}
	if open, _ := filepath.Glob(filepath.Join(out, "warc", "*", "*.open")); len(open) > 0 {
		t.Errorf(".open left: %v", open)
	}
	uris := targetURIs(t, files[0])
	for _, u := range []string{srv.URL + "/robots.txt", srv.URL + "/ancienne-adresse", srv.URL + "/missing", srv.URL + "/report.pdf"} {
		if uris[u] == 0 {
			t.Errorf("no response record for %s", u)
		}
	}
	if uris[srv.URL+"/private/secret.html"] != 0 {
		t.Errorf("disallowed page archived")
	}
	warctest.Validate(t, files...)
}

// checkWARCRef reads the record the article JSON points at.
func checkWARCRef(t *testing.T, out string, a map[string]any) {
	t.Helper()
	ref, ok := a["warc"].(map[string]any)
	if !ok {
		t.Fatalf("article %s has no warc ref", a["url"])
	}
	f, err := os.Open(filepath.Join(out, ref["file"].(string)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Seek(int64(ref["offset"].(float64)), io.SeekStart); err != nil {
		t.Fatal(err)
	}
	r, err := warc.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := r.ReadRecord()
	if err != nil {
		t.Fatalf("no record at %v in %s: %v", ref["offset"], ref["file"], err)
	}
	defer rec.Content.Close()
	h := rec.Header
	if h.Get("WARC-Record-ID") != ref["record_id"] || h.Get("WARC-Target-URI") != a["url"] || h.Get("WARC-Payload-Digest") != ref["payload_digest"] {
		t.Errorf("record at %v: %s %s %s; article says %v for %s", ref["offset"], h.Get("WARC-Record-ID"), h.Get("WARC-Target-URI"), h.Get("WARC-Payload-Digest"), ref, a["url"])
	}
	if typ := h.Get("WARC-Type"); typ != "response" && typ != "revisit" {
		t.Errorf("record at %v is a %s", ref["offset"], typ)
	}
}

// targetURIs counts the response and revisit records per target URI.
func targetURIs(t *testing.T, path string) map[string]int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, _ := warc.NewReader(f)
	out := make(map[string]int)
	for {
		rec, err := r.ReadRecord(warc.ReadOptsNoContentOutput)
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("read %s: %v", path, err)
		}
		rec.Content.Close()
		if typ := rec.Header.Get("WARC-Type"); typ == "response" || typ == "revisit" {
			out[rec.Header.Get("WARC-Target-URI")]++
		}
	}
}

func TestRun_exitCodes(t *testing.T) {
	srv, _ := testSite(t)
	cfg := writeConfig(t, srv.URL)
	dir := t.TempDir()
	notADir := filepath.Join(dir, "file")
	os.WriteFile(notADir, nil, 0o644)
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(body), 0o644)
		return p
	}
	unknownKey := write("unknown.toml", "[crawl]\nconcurency = 3\n")
	badRegex := write("regex.toml", "[[sites]]\nname = \"x\"\narticle_urls = ['(']\n")
	badSelector := write("sel.toml", "[[sites]]\nname = \"x\"\n[sites.selectors]\nbody = \"div[\"\n")
	badDuration := write("dur.toml", "[crawl]\ntimeout = \"soon\"\n")
	badSize := write("size.toml", "[archive]\nwarc_max_size = \"huge\"\n")

	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"version", []string{"version"}, exitOK, "newsarc "},
		{"no page could be fetched", []string{"--config", cfg, "--out", t.TempDir(), "archive", srv.URL + "/missing"}, exitFatal, "no page could be archived"},
		{"unreachable host", []string{"--config", cfg, "--out", t.TempDir(), "archive", "http://127.0.0.1:1/"}, exitFatal, "127.0.0.1:1"},
		{"unwritable archive dir", []string{"--config", cfg, "--out", filepath.Join(notADir, "a"), "archive", srv.URL + "/2023/07/05/tramway-t3.html"}, exitFatal, notADir},
		{"unknown config key", []string{"--config", unknownKey, "version"}, exitOK, ""},
		{"unknown config key on use", []string{"--config", unknownKey, "archive", srv.URL}, exitFatal, "concurency"},
		{"invalid regex", []string{"--config", badRegex, "archive", srv.URL}, exitFatal, "sites[0].article_urls[0]"},
		{"invalid selector", []string{"--config", badSelector, "archive", srv.URL}, exitFatal, "sites[0].selectors.body"},
		{"bad duration", []string{"--config", badDuration, "archive", srv.URL}, exitFatal, "crawl.timeout"},
		{"bad size", []string{"--config", badSize, "archive", srv.URL}, exitFatal, "archive.warc_max_size"},
		{"missing config", []string{"--config", filepath.Join(dir, "nope.toml"), "archive", srv.URL}, exitFatal, "nope.toml"},
		{"no URL", []string{"archive"}, exitUsage, "no URL given"},
		{"unknown flag", []string{"archive", "--frobnicate", srv.URL}, exitUsage, "frobnicate"},
		{"unknown command", []string{"frobnicate"}, exitUsage, "unknown command"},
		{"bad log format", []string{"--log-format", "xml", "version"}, exitUsage, "--log-format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, context.Background(), tt.args...)
			if code != tt.code || !strings.Contains(stdout+stderr, tt.want) {
				t.Errorf("exit %d, want %d with %q\nstdout: %s\nstderr: %s", code, tt.code, tt.want, stdout, stderr)
			}
			if strings.Count("\n"+stderr, "\nnewsarc:") > 1 {
				t.Errorf("more than one fatal error line:\n%s", stderr)
			}
		})
	}
}

// An interrupted archive still closes its WARC: no .open file, no
// truncated record.
func TestRun_archiveInterrupted(t *testing.T) {
	article, _ := os.ReadFile("testdata/site/article.html")
	release := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("/fast/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(article)
	})
	mux.HandleFunc("/slow/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(article[:200])
		w.(http.Flusher).Flush()
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	defer close(release)
	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(time.Second, cancel) // what SIGINT does to main's context
	code, stdout, stderr := runCLI(t, ctx, "--config", writeConfig(t, srv.URL), "--out", out, "--log-level", "error", "archive",
		srv.URL+"/fast/1.html", srv.URL+"/slow/2.html", srv.URL+"/slow/3.html")
	if code != exitFatal || !strings.Contains(stderr, "interrupted") {
		t.Errorf("exit %d, want 1 with 'interrupted'\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	if open, _ := filepath.Glob(filepath.Join(out, "warc", "*", "*.open")); len(open) > 0 {
		t.Errorf(".open left: %v", open)
	}
	files, _ := filepath.Glob(filepath.Join(out, "warc", "*", "*.warc.gz"))
	if len(files) == 0 {
		t.Fatal("no WARC written")
	}
	if uris := targetURIs(t, files[0]); uris[srv.URL+"/fast/1.html"] != 1 {
		t.Errorf("the page fetched before the interrupt is not in the WARC: %v", uris)
	}
	warctest.Validate(t, files...)
}

// TestMain lets a test run the real main in a subprocess (signals, kill -9):
// the test binary re-executes itself with NEWSARC_TEST_MAIN=1.
func TestMain(m *testing.M) {
	if os.Getenv("NEWSARC_TEST_MAIN") == "1" {
		if d, err := time.ParseDuration(os.Getenv("NEWSARC_TEST_HOLD")); err == nil {
			holdAfterSignal = d
		}
		if n, err := strconv.ParseUint(os.Getenv("NEWSARC_TEST_FSIZE"), 10, 64); err == nil {
			limitFileSize(n)
		}
		// Unset once read: to newsarc they are unknown NEWSARC_* variables,
		// which it warns about.
		for _, v := range []string{"NEWSARC_TEST_MAIN", "NEWSARC_TEST_HOLD", "NEWSARC_TEST_FSIZE"} {
			os.Unsetenv(v)
		}
		main()
		return
	}
	// The tests set the NEWSARC_* variables they mean; one left in the
	// shell (NEWSARC_CRAWL_TIMEOUT, a bench's NEWSARC_CORPUS) would change
	// the config or add a warning line.
	for _, kv := range os.Environ() {
		if name, _, _ := strings.Cut(kv, "="); strings.HasPrefix(name, "NEWSARC_") {
			os.Unsetenv(name)
		}
	}
	os.Exit(m.Run())
}

func TestRun_profiles(t *testing.T) {
	dir := t.TempDir()
	cpu, mem := filepath.Join(dir, "cpu.prof"), filepath.Join(dir, "mem.prof")
	code, _, stderr := runCLI(t, context.Background(), "--cpuprofile", cpu, "--memprofile", mem, "version")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, p := range []string{cpu, mem} {
		if fi, err := os.Stat(p); err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v, %v", p, fi, err)
		}
	}
	code, _, stderr = runCLI(t, context.Background(), "--cpuprofile", filepath.Join(dir, "no", "such", "dir"), "version")
	if code != exitFatal || !strings.Contains(stderr, "--cpuprofile") {
		t.Errorf("unwritable profile: exit %d, %s", code, stderr)
	}
}
