package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// What a user sees on standard error: a record per URL decision at
// --log-level debug, JSON lines with --log-format json, and nothing on a
// quiet run that went well.

// decisionSite is a small site where a crawl meets every decision there
// is: robots.txt, off-site and trap links, a sitemap and a feed, a
// redirect, a listing past max_depth and a 404.
func decisionSite(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	var srvURL string
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "User-agent: *\nDisallow: /private/\nSitemap: %s/sitemap.xml\n", srvURL)
	})
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, `<!doctype html><html><head><title>Accueil</title>
<link rel="alternate" type="application/rss+xml" href="/feed/"></head><body>
<a href="/2023/07/05/a.html">a</a> <a href="/private/p.html">privé</a> <a href="https://elsewhere.example/">ailleurs</a>
<a href="/search;jsessionid=0123456789ABCDEF0123456789ABCDEF">recherche</a> <a href="/old">ancien</a>
<a href="/page/2/">suivant</a> <a href="/2023/07/05/gone.html">disparu</a></body></html>`)
	})
	mux.HandleFunc("/page/2/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, `<html><body><a href="/2023/07/05/deep.html">trop loin</a></body></html>`)
	})
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/2023/07/05/moved.html", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		// A lastmod in the future: fetched again on every run, the same.
		fmt.Fprintf(w, `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>%s/2023/07/05/s.html</loc><lastmod>2099-01-01</lastmod></url></urlset>`, srvURL)
	})
	mux.HandleFunc("/feed/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>%s/</link><item><title>f</title><link>%s/2023/07/05/f.html</link></item></channel></rss>`, srvURL, srvURL)
	})
	mux.HandleFunc("/2023/07/05/gone.html", http.NotFound)
	mux.HandleFunc("/2023/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, articlePage("Article "+filepath.Base(r.URL.Path)))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	srvURL = srv.URL
	return srv
}

func decisionConfig(t *testing.T, srvURL, extra string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	err := os.WriteFile(path, []byte(fmt.Sprintf(`[crawl]
user_agent = "newsarc-test/1.0"
concurrency = 2
per_host_delay = "0s"
timeout = "5s"
retries = 0
max_depth = 1
%s
[[sites]]
name = "decisions"
start_urls = ["%s/"]
article_urls = ['/2023/']
`, extra, srvURL)), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// jsonLines parses each line of s as a JSON object; a line that is none
// fails the test.
func jsonLines(t *testing.T, s string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for i, line := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		if line == "" && s == "" {
			break
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Errorf("stderr line %d is no JSON object: %v\n%q", i+1, err, line)
			continue
		}
		out = append(out, m)
	}
	return out
}

// record finds the record of msg whose attributes hold want (values
// compared as text), or fails the test.
func record(t *testing.T, recs []map[string]any, msg string, want map[string]string) map[string]any {
	t.Helper()
next:
	for _, r := range recs {
		if r["msg"] != msg {
			continue
		}
		for k, v := range want {
			if fmt.Sprint(r[k]) != v {
				continue next
			}
		}
		return r
	}
	t.Errorf("no %q record with %v", msg, want)
	return nil
}

// Each decision taken about a URL is one debug record naming it.
func TestRun_debugDecisions(t *testing.T) {
	srv := decisionSite(t)
	u := srv.URL
	cfg := decisionConfig(t, u, "")
	out := t.TempDir()
	args := []string{"--config", cfg, "--out", out, "--log-level", "debug", "--log-format", "json", "crawl"}
	code, stdout, stderr := runCLI(t, context.Background(), args...)
	if code != exitOK {
		t.Fatalf("first crawl: exit %d\n%s\n%s", code, stdout, stderr)
	}
	recs := jsonLines(t, stderr)
	for _, q := range []map[string]string{
		{"url": u + "/", "from": "start URL", "depth": "0"},
		{"url": u + "/sitemap.xml", "from": "robots.txt", "via": u + "/robots.txt", "kind": "sitemap"},
		{"url": u + "/2023/07/05/a.html", "from": "link", "via": u + "/", "depth": "1"},
		{"url": u + "/feed/", "from": "link", "via": u + "/", "kind": "feed"},
		{"url": u + "/2023/07/05/s.html", "from": "sitemap", "via": u + "/sitemap.xml"},
		{"url": u + "/2023/07/05/f.html", "from": "feed", "via": u + "/feed/"},
		{"url": u + "/2023/07/05/moved.html", "from": "redirect", "via": u + "/old"},
	} {
		record(t, recs, "queued", q)
	}
	record(t, recs, "skipped", map[string]string{"url": u + "/private/p.html", "reason": "robots"})
	record(t, recs, "skipped", map[string]string{"url": "https://elsewhere.example/", "reason": "out of scope"})
	if r := record(t, recs, "skipped", map[string]string{"reason": "trap"}); r != nil && !strings.Contains(fmt.Sprint(r["url"]), "/search") {
		t.Errorf("trap record for %v, want the search page", r["url"])
	}
	record(t, recs, "links not followed", map[string]string{"url": u + "/page/2/", "reason": "max depth"})
	if r := record(t, recs, "fetched", map[string]string{"url": u + "/2023/07/05/a.html", "status": "200"}); r != nil {
		if b, _ := r["bytes"].(float64); b < 100 {
			t.Errorf("fetched %v bytes", r["bytes"])
		}
		if _, ok := r["ms"].(float64); !ok {
			t.Errorf("fetched record without ms: %v", r)
		}
	}
	record(t, recs, "fetched", map[string]string{"url": u + "/2023/07/05/gone.html", "status": "404"})
	if r := record(t, recs, "archived", map[string]string{"url": u + "/2023/07/05/a.html", "version": "1"}); r != nil {
		if id, _ := r["id"].(string); !regexp.MustCompile(`^[0-9a-f]{16}$`).MatchString(id) {
			t.Errorf("archived record with id %q", id)
		}
	}
	// The 404 is an error line, an object too, with the URL and its kind.
	record(t, recs, u+"/2023/07/05/gone.html: HTTP 404 Not Found", map[string]string{"level": "ERROR", "url": u + "/2023/07/05/gone.html", "kind": "http_4xx"})

	// Next run: known articles are not due; the one the sitemap says
	// changed is fetched and found unchanged.
	code, stdout, stderr = runCLI(t, context.Background(), args...)
	if code != exitOK {
		t.Fatalf("second crawl: exit %d\n%s\n%s", code, stdout, stderr)
	}
	recs = jsonLines(t, stderr)
	record(t, recs, "skipped", map[string]string{"url": u + "/2023/07/05/a.html", "reason": "not due"})
	record(t, recs, "skipped", map[string]string{"url": u + "/2023/07/05/s.html", "reason": "unchanged", "version": "1"})

	// With max_pages = 1, what the run claimed beyond the first page.
	args[1] = decisionConfig(t, u, "max_pages = 1")
	code, stdout, stderr = runCLI(t, context.Background(), args...)
	if code != exitOK {
		t.Fatalf("third crawl: exit %d\n%s\n%s", code, stdout, stderr)
	}
	record(t, jsonLines(t, stderr), "skipped", map[string]string{"reason": "max pages"})
}

// With --log-format json every line on standard error is a JSON object:
// the log, the line of each URL that failed, and the final error.
func TestRun_logFormatJSON(t *testing.T) {
	srv, _ := testSite(t)
	cfg := writeConfig(t, srv.URL)
	code, stdout, stderr := runCLI(t, context.Background(), "--config", cfg, "--out", t.TempDir(), "--log-format", "json", "archive",
		srv.URL+"/2023/07/05/tramway-t3.html", srv.URL+"/missing", srv.URL+"/private/secret.html")
	if code != exitOK {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	recs := jsonLines(t, stderr)
	record(t, recs, srv.URL+"/missing: HTTP 404 Not Found", map[string]string{"level": "ERROR", "url": srv.URL + "/missing", "kind": "http_4xx"})
	record(t, recs, srv.URL+"/private/secret.html: blocked by robots.txt", map[string]string{"level": "ERROR", "kind": "robots"})
	record(t, recs, "archived", map[string]string{"level": "INFO", "url": srv.URL + "/2023/07/05/tramway-t3.html"})

	// A run that fails: its final error is an object too, with the exit code.
	code, _, stderr = runCLI(t, context.Background(), "--config", cfg, "--out", t.TempDir(), "--log-format", "json", "archive", srv.URL+"/missing")
	if code != exitFatal {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	record(t, jsonLines(t, stderr), "no page could be archived", map[string]string{"level": "ERROR", "exit": "1"})

	// So is the error of a command line cobra cannot parse.
	code, _, stderr = runCLI(t, context.Background(), "--log-format=json", "crawl", "--frobnicate")
	if code != exitUsage {
		t.Fatalf("exit %d, want 2\n%s", code, stderr)
	}
	record(t, jsonLines(t, stderr), "unknown flag: --frobnicate", map[string]string{"exit": "2"})
}
