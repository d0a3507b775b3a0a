//go:build linux

package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsarc/newsarc/internal/warctest"
)

// bigArticles is a site of n articles of ~100 KB of text that does not
// compress, linked from its home page.
func bigArticles(t *testing.T, n int) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, `<a href="/2023/07/%02d/article-%d.html">%d</a> `, 1+i%28, i, i)
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<html><body>%s</body></html>", b.String())
	})
	mux.HandleFunc("/2023/", func(w http.ResponseWriter, r *http.Request) {
		noise := make([]byte, 75<<10)
		rand.NewChaCha8([32]byte{byte(len(r.URL.Path))}).Read(noise)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "%s<!-- %s -->", articlePage("Article "+r.URL.Path), base64.StdEncoding.EncodeToString(noise))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// A disk that fills up mid-write (here: RLIMIT_FSIZE on the process) stops
// the crawl with exit 1 and a clear error; the WARC is closed where its
// last complete record ends; no JSON points at a record that was not
// written; the next run resumes.
func TestCrawl_diskFullMidWrite(t *testing.T) {
	srv := bigArticles(t, 20)
	cfg := plainConfig(t, fmt.Sprintf("[[sites]]\nname = \"big\"\nstart_urls = [%q]\narticle_urls = ['/2023/']\n", srv.URL+"/"))
	out := t.TempDir()
	cmd := exec.Command(os.Args[0], "--config", cfg, "--out", out, "--log-level", "error", "crawl")
	cmd.Env = append(os.Environ(), "NEWSARC_TEST_MAIN=1", fmt.Sprintf("NEWSARC_TEST_FSIZE=%d", 600<<10))
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	cmd.Run()
	if code := cmd.ProcessState.ExitCode(); code != exitFatal || !strings.Contains(buf.String(), "file too large") || !strings.Contains(buf.String(), out) {
		t.Fatalf("exit %d, want 1 with the write error naming the file\n%s", code, buf.String())
	}
	if open, _ := filepath.Glob(filepath.Join(out, "warc", "*", "*.open")); len(open) > 0 {
		t.Errorf(".open left: %v", open)
	}
	articles := jsonFiles(t, out)
	if len(articles) == 0 || len(articles) == 20 {
		t.Fatalf("%d articles written before the disk filled up: make the limit fit a few", len(articles))
	}
	for u, a := range articles {
		ref := a["warc"].(map[string]any)
		if rec := recordAt(t, out, ref); rec.Header.Get("WARC-Record-ID") != ref["record_id"] {
			t.Errorf("%s points at %v, which holds another record", u, ref)
		}
	}
	warcs, _ := filepath.Glob(filepath.Join(out, "warc", "*", "*.warc.gz"))
	warctest.Validate(t, warcs...)

	// Room again: the next run archives the rest.
	code, stdout, stderr := runCLI(t, context.Background(), "--config", cfg, "--out", out, "--log-level", "error", "crawl")
	if code != exitOK || len(jsonFiles(t, out)) != 20 {
		t.Fatalf("next run: exit %d, %d articles\n%s\n%s", code, len(jsonFiles(t, out)), stdout, stderr)
	}
	warcs, _ = filepath.Glob(filepath.Join(out, "warc", "*", "*.warc.gz"))
	warctest.Validate(t, warcs...)
}
