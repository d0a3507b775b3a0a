package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	warc "github.com/newsarc/newsarc/third_party/gowarc"
	"github.com/spf13/cobra"

	"github.com/newsarc/newsarc/internal/warctest"
)

// The CLI against hostile servers, end to end: exit codes, error lines,
// files written, and what the WARC holds.

// articlePage is a small article the extractor finds a headline and body in.
func articlePage(title string) string {
	return fmt.Sprintf(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>%[1]s</title></head><body>
<article><h1 class="entry-title">%[1]s</h1><div class="entry-content"><p>La ligne du tramway de Casablanca a transporté ses premiers voyageurs ce mercredi matin, a annoncé la ville.</p>
<p>Longue de quatorze kilomètres, elle compte vingt-deux stations et doit accueillir cent mille passagers par jour.</p></div></article></body></html>`, title)
}

// hostileSite serves one well-behaved article and, beside it, the ways a
// server can misbehave.
func hostileSite(t *testing.T) (*httptest.Server, *sync.Map) {
	t.Helper()
	var hits sync.Map // path → *int
	count := func(p string) {
		v, _ := hits.LoadOrStore(p, new(int))
		*(v.(*int))++
	}
	var bomb bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&bomb, gzip.BestCompression)
	zw.Write(make([]byte, 1<<20))
	zw.Close()
	bombBody := bytes.Repeat(bomb.Bytes(), 2048) // 2 GiB of zeros in 2 MB

	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "User-agent: *\nDisallow: /private/\n")
	})
	mux.HandleFunc("/2023/07/05/good.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, articlePage("Le tramway de Casablanca"))
	})
	mux.HandleFunc("/2023/07/05/hints.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Link", "</style.css>; rel=preload")
		w.WriteHeader(http.StatusEarlyHints)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, articlePage("Les indices précoces"))
	})
	mux.HandleFunc("/2023/07/05/huge.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := bytes.Repeat([]byte("<p>sans fin</p>"), 4096)
		for {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/2023/07/05/bomb.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bombBody)
	})
	mux.HandleFunc("/loop/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(r.URL.Path, "/loop/%d", &n)
		http.Redirect(w, r, fmt.Sprintf("/loop/%d", n+1), http.StatusFound)
	})
	mux.HandleFunc("/garbage", func(w http.ResponseWriter, r *http.Request) {
		c, _, _ := w.(http.Hijacker).Hijack()
		io.WriteString(c, "SSH-2.0-OpenSSH_9.2\r\n\x00\x01\x02 not http\r\n\r\n")
		c.Close()
	})
	mux.HandleFunc("/early-eof", func(w http.ResponseWriter, r *http.Request) {
		c, _, _ := w.(http.Hijacker).Hijack()
		io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<html><body><p>coupé")
		c.Close()
	})
	mux.HandleFunc("/later", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "86400")
		http.Error(w, "demain", http.StatusServiceUnavailable)
	})
	mux.HandleFunc("/private/", func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("fetched %s, which robots.txt disallows", r.URL)
	})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		count(r.URL.Path)
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

// plainConfig writes a config with no sites and fast, small limits.
func plainConfig(t *testing.T, extra string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	err := os.WriteFile(path, []byte(`
[crawl]
user_agent = "newsarc-test/1.0"
concurrency = 4
per_host_delay = "0s"
timeout = "3s"
retries = 1
max_body_size = "8MiB"
`+extra), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	return path
}

func jsonFiles(t *testing.T, out string) map[string]map[string]any {
	t.Helper()
	found := map[string]map[string]any{}
	filepath.WalkDir(filepath.Join(out, "articles"), func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".json") {
			b, _ := os.ReadFile(p)
			var a map[string]any
			if err := json.Unmarshal(b, &a); err != nil {
				t.Errorf("%s: %v", p, err)
			}
			found[a["url"].(string)] = a
		}
		return nil
	})
	return found
}

// recordAt reads the record a JSON's warc reference points at.
func recordAt(t *testing.T, out string, ref map[string]any) *warc.Record {
	t.Helper()
	f, err := os.Open(filepath.Join(out, ref["file"].(string)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	if _, err := f.Seek(int64(ref["offset"].(float64)), io.SeekStart); err != nil {
		t.Fatal(err)
	}
	r, err := warc.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := r.ReadRecord()
	if err != nil {
		t.Fatalf("no record at %v: %v", ref, err)
	}
	return rec
}

func TestArchive_hostile(t *testing.T) {
	srv, _ := hostileSite(t)
	out := t.TempDir()
	urls := map[string]string{ // path → what its error line must say ("" when archived)
		"/2023/07/05/good.html":  "",
		"/2023/07/05/hints.html": "",
		"/2023/07/05/huge.html":  "response larger than max_body_size 8.0 MiB",
		"/2023/07/05/bomb.html":  "response larger than max_body_size 8.0 MiB once decoded",
		"/loop/0":                "too many redirects (more than 10)",
		"/garbage":               "malformed HTTP",
		"/early-eof":             "unexpected EOF",
		"/later":                 "Retry-After 24h0m0s, longer than max_retry_after 10m0s",
		"/private/secret.html":   "blocked by robots.txt",
	}
	args := []string{"--config", plainConfig(t, ""), "--out", out, "--log-level", "error", "archive"}
	for p := range urls {
		args = append(args, srv.URL+p)
	}
	code, stdout, stderr := runCLI(t, context.Background(), args...)
	if code != exitOK {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "archived 2 article(s), 7 failed") {
		t.Errorf("summary: %s", stdout)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != 7 {
		t.Errorf("%d error lines, want 7, one per failed URL:\n%s", len(lines), stderr)
	}
	for p, want := range urls {
		if want == "" {
			continue
		}
		prefix := "error: " + srv.URL + p + ": "
		found := false
		for _, l := range lines {
			if strings.HasPrefix(l, prefix) {
				found = true
				if !strings.Contains(l, want) {
					t.Errorf("%s: %q, want it to say %q", p, l, want)
				}
			}
		}
		if !found {
			t.Errorf("no error line for %s:\n%s", p, stderr)
		}
	}
	articles := jsonFiles(t, out)
	if len(articles) != 2 || articles[srv.URL+"/2023/07/05/good.html"] == nil || articles[srv.URL+"/2023/07/05/hints.html"] == nil {
		t.Fatalf("articles %v, want good.html and hints.html", articles)
	}
	for u, a := range articles {
		ref := a["warc"].(map[string]any)
		rec := recordAt(t, out, ref)
		if rec.Header.Get("WARC-Record-ID") != ref["record_id"] || rec.Header.Get("WARC-Target-URI") != u {
			t.Errorf("%s: the record at its offset is %s for %s", u, rec.Header.Get("WARC-Record-ID"), rec.Header.Get("WARC-Target-URI"))
		}
	}
	warcs, _ := filepath.Glob(filepath.Join(out, "warc", "*", "*.warc.gz"))
	warctest.Validate(t, warcs...)
	// The broken exchanges are in the WARC: truncated, or as they came.
	truncated := map[string]string{}
	for _, f := range warcs {
		for _, r := range readRecords(t, f) {
			if r.Header.Get("WARC-Type") == "response" {
				truncated[r.Header.Get("WARC-Target-URI")] = r.Header.Get("WARC-Truncated")
			}
		}
	}
	for p, want := range map[string]string{"/2023/07/05/huge.html": "length", "/early-eof": "disconnect", "/2023/07/05/good.html": "", "/garbage": "disconnect"} {
		if got, ok := truncated[srv.URL+p]; !ok || got != want {
			t.Errorf("%s: response record truncated %q (recorded: %v), want %q", p, got, ok, want)
		}
	}
}

func readRecords(t *testing.T, path string) []*warc.Record {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := warc.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var out []*warc.Record
	for {
		rec, err := r.ReadRecord(warc.ReadOptsNoContentOutput)
		if err != nil {
			return out
		}
		rec.Content.Close()
		out = append(out, rec)
	}
}

// archive and extract apply the robots.txt decision a crawl would.
func TestArchiveExtract_robotsUnavailable(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusServiceUnavailable) })
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { t.Errorf("fetched %s without knowing the rules", r.URL) })
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	cfg := plainConfig(t, "")
	for _, cmd := range []string{"archive", "extract"} {
		code, _, stderr := runCLI(t, context.Background(), "--config", cfg, "--out", t.TempDir(), "--log-level", "error", cmd, srv.URL+"/2023/a.html")
		if code != exitFatal || !strings.Contains(stderr, srv.URL+"/2023/a.html: robots.txt unavailable (HTTP 503)") {
			t.Errorf("%s: exit %d\n%s", cmd, code, stderr)
		}
		if strings.Contains(stderr, "next run") {
			t.Errorf("%s has no next run:\n%s", cmd, stderr)
		}
	}
}

// Names resolve as for every other program: localhost, /etc/hosts.
func TestArchiveCrawl_localhost(t *testing.T) {
	srv, _ := hostileSite(t)
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(srv.URL, "http://"))
	base := "http://localhost:" + port
	out := t.TempDir()
	code, stdout, stderr := runCLI(t, context.Background(), "--config", plainConfig(t, ""), "--out", out, "archive", base+"/2023/07/05/good.html")
	if code != exitOK || len(jsonFiles(t, out)) != 1 {
		t.Fatalf("archive via localhost: exit %d\n%s\n%s", code, stdout, stderr)
	}
	warcs, _ := filepath.Glob(filepath.Join(out, "warc", "*", "*.warc.gz"))
	for _, f := range warcs {
		for _, r := range readRecords(t, f) {
			if ip := r.Header.Get("WARC-IP-Address"); r.Header.Get("WARC-Type") == "response" && ip != "127.0.0.1" && ip != "::1" {
				t.Errorf("%s: WARC-IP-Address %q, want the loopback address localhost resolved to", r.Header.Get("WARC-Target-URI"), ip)
			}
		}
	}
	cfg := plainConfig(t, fmt.Sprintf(`
[[sites]]
name = "local"
start_urls = ["%s/2023/07/05/good.html"]
`, base))
	out = t.TempDir()
	code, stdout, stderr = runCLI(t, context.Background(), "--config", cfg, "--out", out, "crawl")
	if code != exitOK || !strings.Contains(stdout, "pages fetched") {
		t.Fatalf("crawl via localhost: exit %d\n%s\n%s", code, stdout, stderr)
	}
}

// connectProxy is an HTTP proxy that tunnels CONNECT requests to target,
// whatever host they name, and remembers what it was asked.
type connectProxy struct {
	*httptest.Server
	mu      sync.Mutex
	asked   []string // CONNECT targets
	auth    []string // Proxy-Authorization values
	forward int      // absolute-form requests, which it refuses
}

func newConnectProxy(t *testing.T, target string) *connectProxy {
	p := &connectProxy{}
	p.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		if r.Method != http.MethodConnect {
			p.forward++
			p.mu.Unlock()
			http.Error(w, "tunnels only", http.StatusMethodNotAllowed)
			return
		}
		p.asked = append(p.asked, r.Host)
		p.auth = append(p.auth, r.Header.Get("Proxy-Authorization"))
		p.mu.Unlock()
		up, err := net.Dial("tcp", target)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		c, brw, _ := w.(http.Hijacker).Hijack()
		io.WriteString(c, "HTTP/1.1 200 Connection established\r\n\r\n")
		go func() { io.Copy(up, brw); up.Close() }()
		io.Copy(c, up)
		c.Close()
	}))
	t.Cleanup(p.Close)
	return p
}

// HTTP_PROXY, HTTPS_PROXY and NO_PROXY are honoured as curl and wget
// honour them; the records hold what the origin server saw.
func TestArchive_proxy(t *testing.T) {
	srv, _ := hostileSite(t)
	proxy := newConnectProxy(t, strings.TrimPrefix(srv.URL, "http://"))
	// A name only the proxy can reach.
	page := "http://news.example.invalid/2023/07/05/good.html"
	t.Setenv("HTTP_PROXY", strings.Replace(proxy.URL, "http://", "http://user:secret@", 1))
	t.Setenv("NO_PROXY", "")
	out := t.TempDir()
	code, stdout, stderr := runCLI(t, context.Background(), "--config", plainConfig(t, ""), "--out", out, "archive", page)
	if code != exitOK || len(jsonFiles(t, out)) != 1 {
		t.Fatalf("archive through the proxy: exit %d\n%s\n%s", code, stdout, stderr)
	}
	proxy.mu.Lock()
	asked, auth, forward := proxy.asked, proxy.auth, proxy.forward
	proxy.mu.Unlock()
	if len(asked) < 2 || asked[0] != "news.example.invalid:80" || forward != 0 || !strings.HasPrefix(auth[0], "Basic ") {
		t.Errorf("proxy asked %v (auth %v), %d absolute-form requests: want tunnels to news.example.invalid:80", asked, auth, forward)
	}
	warcs, _ := filepath.Glob(filepath.Join(out, "warc", "*", "*.warc.gz"))
	warctest.Validate(t, warcs...)
	for _, f := range warcs {
		data, _ := os.ReadFile(f)
		zr, _ := gzip.NewReader(bytes.NewReader(data))
		all, _ := io.ReadAll(zr)
		if bytes.Contains(all, []byte("secret")) || bytes.Contains(all, []byte("Proxy-Authorization")) {
			t.Errorf("the proxy's credentials are in %s", f)
		}
		if !bytes.Contains(all, []byte("GET /2023/07/05/good.html HTTP/1.1")) {
			t.Errorf("%s lacks the origin-form request", f)
		}
	}
	// NO_PROXY: the name is tried directly, and does not resolve.
	t.Setenv("NO_PROXY", "news.example.invalid")
	code, _, stderr = runCLI(t, context.Background(), "--config", plainConfig(t, ""), "--out", t.TempDir(), "archive", page)
	if code != exitFatal || !strings.Contains(stderr, "news.example.invalid") {
		t.Errorf("NO_PROXY: exit %d\n%s", code, stderr)
	}
}

// archive into the dir of a crawl updates its catalog and versions like a
// crawl, instead of overwriting the crawl's JSON as version 1.
func TestArchive_intoCrawlArchive(t *testing.T) {
	site := newNewsSite(t)
	out := t.TempDir()
	cfg := site.config(t)
	if code, stdout, stderr := runCLI(t, context.Background(), "--config", cfg, "--out", out, "--log-level", "error", "crawl"); code != exitOK {
		t.Fatalf("crawl: exit %d\n%s\n%s", code, stdout, stderr)
	}
	site.update(4)
	code, stdout, stderr := runCLI(t, context.Background(), "--config", cfg, "--out", out, "--log-level", "error", "archive", site.srv.URL+articlePath(4), site.srv.URL+articlePath(6))
	if code != exitOK {
		t.Fatalf("archive: exit %d\n%s\n%s", code, stdout, stderr)
	}
	db, err := sql.Open("sqlite", filepath.Join(out, "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for n, want := range map[int]int{4: 2, 6: 1} {
		var v int
		db.QueryRow("SELECT max(version) FROM articles WHERE url = ?", site.srv.URL+articlePath(n)).Scan(&v)
		if v != want {
			t.Errorf("article %d: version %d in the catalog, want %d (changed: new version; unchanged: none)", n, v, want)
		}
	}
	if !strings.Contains(stdout, "archived 1 article(s), 0 failed, 1 unchanged since archived") {
		t.Errorf("summary %s: want the changed article archived, the unchanged one not again", stdout)
	}
}

// A state.db another process holds makes the run exit 75 (retry later),
// naming the file; a corrupt one is an error naming it.
func TestCrawl_stateBusyOrCorrupt(t *testing.T) {
	site := newNewsSite(t)
	cfg := site.config(t)
	out := t.TempDir()
	if code, _, stderr := runCLI(t, context.Background(), "--config", cfg, "--out", out, "--log-level", "error", "crawl"); code != exitOK {
		t.Fatalf("crawl: %d\n%s", code, stderr)
	}
	path := filepath.Join(out, "state.db")
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(1000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(context.Background(), "BEGIN EXCLUSIVE"); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, context.Background(), "--config", cfg, "--out", out, "--log-level", "error", "crawl")
	conn.ExecContext(context.Background(), "ROLLBACK")
	conn.Close()
	if code != exitLocked || !strings.Contains(stderr, path) {
		t.Errorf("state.db held by another process: exit %d, want 75 naming %s\n%s", code, path, stderr)
	}

	corrupt := t.TempDir()
	os.WriteFile(filepath.Join(corrupt, "state.db"), bytes.Repeat([]byte("not a database "), 1000), 0o644)
	code, _, stderr = runCLI(t, context.Background(), "--config", cfg, "--out", corrupt, "--log-level", "error", "crawl")
	if code != exitFatal || !strings.Contains(stderr, filepath.Join(corrupt, "state.db")) || !strings.Contains(stderr, "corrupt") {
		t.Errorf("corrupt state.db: exit %d\n%s", code, stderr)
	}
}

// A site whose robots.txt closes it entirely says so.
func TestCrawl_robotsClosesSite(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "User-agent: *\nDisallow: /\n") })
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { t.Errorf("fetched %s", r.URL) })
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	cfg := plainConfig(t, fmt.Sprintf("[[sites]]\nname = \"closed\"\nstart_urls = [%q]\n", srv.URL+"/"))
	code, _, stderr := runCLI(t, context.Background(), "--config", cfg, "--out", t.TempDir(), "crawl")
	if code != exitFatal || !strings.Contains(stderr, `robots.txt disallows every URL of closed for user agent "newsarc-test/1.0"`) {
		t.Errorf("exit %d\n%s", code, stderr)
	}
}

// 50 000 sitemap URLs behind a host that keeps failing are left for the
// next run, each deferral costing the same (no quadratic claim).
func TestCrawl_deferManyURLs(t *testing.T) {
	const n = 50_000
	mux := http.NewServeMux()
	var base string
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "User-agent: *\nAllow: /\nSitemap: %s/sitemap.xml\n", base)
	})
	mux.HandleFunc("/sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
		bw := bufio.NewWriter(w)
		fmt.Fprint(bw, `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		for i := range n {
			fmt.Fprintf(bw, "<url><loc>%s/2023/07/01/a-%d.html</loc></url>\n", base, i)
		}
		fmt.Fprint(bw, `</urlset>`)
		bw.Flush()
	})
	mux.HandleFunc("/2023/", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "overloaded", http.StatusServiceUnavailable)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "<html><body>home</body></html>") })
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	base = srv.URL
	cfg := plainConfig(t, fmt.Sprintf("[[sites]]\nname = \"failing\"\nstart_urls = [%q]\narticle_urls = ['/2023/']\n", srv.URL+"/"))
	out := t.TempDir()
	code, stdout, stderr := runCLI(t, context.Background(), "--config", cfg, "--out", out, "--log-level", "error", "crawl")
	if code != exitOK {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	db, _ := sql.Open("sqlite", filepath.Join(out, "state.db"))
	defer db.Close()
	var left int
	db.QueryRow("SELECT count(*) FROM frontier WHERE site = 'failing' AND claimed_until IS NULL").Scan(&left)
	if left < n-20 {
		t.Errorf("%d URLs left queued for the next run, want about %d", left, n)
	}
	if !strings.Contains(stdout, "URLs left for the next run") || strings.Count(stderr, "will retry next run") != 1 {
		t.Errorf("want the deferral said once:\nstdout %s\nstderr %s", stdout, stderr)
	}
}

// A panic is an internal error: exit 1, never 2 (the usage code).
func TestRun_panicIsFatal(t *testing.T) {
	testCommands = append(testCommands, func(*globals) *cobra.Command {
		return &cobra.Command{Use: "panic", RunE: func(*cobra.Command, []string) error { panic("boom") }}
	})
	t.Cleanup(func() { testCommands = testCommands[:len(testCommands)-1] })
	code, _, stderr := runCLI(t, context.Background(), "panic")
	if code != exitFatal || !strings.Contains(stderr, "internal error: boom") {
		t.Errorf("exit %d\n%s", code, stderr)
	}
}

// A page over the extraction budget (but within max_body_size) is
// archived whole and not extracted, with an error that says so.
func TestArchive_tooLargeToExtract(t *testing.T) {
	big := bytes.Repeat([]byte("<p>Le tramway de Casablanca, encore et encore.</p>\n"), (17<<20)/50)
	mux := http.NewServeMux()
	mux.HandleFunc("/2023/07/05/big.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(big)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	cfg := plainConfig(t, "")
	b, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, bytes.Replace(b, []byte(`max_body_size = "8MiB"`), []byte(`max_body_size = "32MiB"`), 1), 0o644)
	out := t.TempDir()
	code, _, stderr := runCLI(t, context.Background(), "--config", cfg, "--out", out, "--log-level", "error", "archive", srv.URL+"/2023/07/05/big.html")
	want := srv.URL + "/2023/07/05/big.html: page of 17 MiB is larger than the 16 MiB extraction budget; kept in the WARC only"
	if code != exitFatal || !strings.Contains(stderr, want) {
		t.Fatalf("exit %d\n%s\nwant %q", code, stderr, want)
	}
	if n := len(jsonFiles(t, out)); n != 0 {
		t.Errorf("%d article JSON files for a page not extracted", n)
	}
	warcs, _ := filepath.Glob(filepath.Join(out, "warc", "*", "*.warc.gz"))
	for _, f := range warcs {
		for _, r := range readRecords(t, f) {
			if r.Header.Get("WARC-Type") == "response" && r.Header.Get("WARC-Truncated") != "" {
				t.Errorf("the page's record is truncated: %s", r.Header.Get("WARC-Truncated"))
			}
		}
	}
	warctest.Validate(t, warcs...)
}
