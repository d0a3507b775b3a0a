package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/newsarc/newsarc/internal/warctest"
)

// startCrawl runs `newsarc crawl` as a real process against a slow site.
func startCrawl(t *testing.T, cfg, out string, env ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "--config", cfg, "--out", out, "--log-level", "warn", "crawl")
	cmd.Env = append(append(os.Environ(), "NEWSARC_TEST_MAIN=1"), env...)
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &buf
}

// slowSite is the news site with every article taking a while, so a signal
// lands mid-crawl.
func slowSite(t *testing.T) *newsSite {
	s := newNewsSite(t)
	inner := s.srv.Config.Handler
	s.srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/2023/") {
			time.Sleep(150 * time.Millisecond)
		}
		inner.ServeHTTP(w, r)
	})
	return s
}

// waitForArticles waits until the crawl has written n article files.
func waitForArticles(t *testing.T, out string, n int) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for countJSON(t, out) < n {
		if time.Now().After(deadline) {
			t.Fatalf("the crawl wrote fewer than %d articles in 30s", n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestCrawl_SIGTERM(t *testing.T) {
	site := slowSite(t)
	cfg := site.config(t)
	out := t.TempDir()
	cmd, buf := startCrawl(t, cfg, out)
	waitForArticles(t, out, 3)
	cmd.Process.Signal(syscall.SIGTERM)
	err := cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != exitFatal || !strings.Contains(buf.String(), "interrupted") {
		t.Fatalf("after SIGTERM: exit %d (%v), want 1 saying interrupted\n%s", code, err, buf.String())
	}
	if n := countJSON(t, out); n >= siteArticles {
		t.Fatalf("the crawl finished before the signal (%d articles): make the site slower", n)
	}
	if open, _ := filepath.Glob(filepath.Join(out, "warc", "*", "*.open")); len(open) > 0 {
		t.Errorf(".open left after SIGTERM: %v", open)
	}
	warcs, _ := filepath.Glob(filepath.Join(out, "warc", "*", "*.warc.gz"))
	warctest.Validate(t, warcs...)

	// The next run completes what was left.
	code, stdout, stderr := runCLI(t, context.Background(), "--config", cfg, "--out", out, "--log-level", "warn", "crawl")
	if code != exitOK {
		t.Fatalf("resumed crawl: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if n := countJSON(t, out); n != siteArticles {
		t.Errorf("%d articles after the resumed crawl, want %d", n, siteArticles)
	}
}

func TestCrawl_kill9(t *testing.T) {
	site := slowSite(t)
	cfg := site.config(t)
	out := t.TempDir()
	cmd, _ := startCrawl(t, cfg, out)
	waitForArticles(t, out, 3)
	cmd.Process.Kill()
	cmd.Wait()
	if open, _ := filepath.Glob(filepath.Join(out, "warc", "*", "*.open")); len(open) == 0 {
		t.Log("kill -9 left no .open file (gowarc had just rotated); repair has nothing to do")
	}

	code, stdout, stderr := runCLI(t, context.Background(), "--config", cfg, "--out", out, "--log-level", "warn", "crawl")
	if code != exitOK {
		t.Fatalf("crawl after kill -9: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if n := countJSON(t, out); n != siteArticles {
		t.Errorf("%d article files, want each of the %d articles exactly once", n, siteArticles)
	}
	if left, _ := filepath.Glob(filepath.Join(out, "articles", "*", "*", "*", ".*")); len(left) > 0 {
		t.Errorf("half-written JSON left: %v", left)
	}
	if open, _ := filepath.Glob(filepath.Join(out, "warc", "*", "*.open")); len(open) > 0 {
		t.Errorf(".open left: %v", open)
	}
	warcs, _ := filepath.Glob(filepath.Join(out, "warc", "*", "*.warc.gz"))
	warctest.Validate(t, warcs...)
	// The run that died is marked so by the next one, under the lock.
	db, err := sql.Open("sqlite", filepath.Join(out, "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var statuses []string
	rows, err := db.Query("SELECT status FROM runs ORDER BY started, id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var s string
		rows.Scan(&s)
		statuses = append(statuses, s)
	}
	if !slices.Equal(statuses, []string{"killed", "done"}) {
		t.Errorf("runs after kill -9 and a new run: %v, want [killed done]", statuses)
	}
	if !strings.Contains(stderr, "marked killed") {
		t.Errorf("the run after kill -9 does not say it found a dead run:\n%s", stderr)
	}
}

// SIGTERM stops a polite crawl at once, whatever per_host_delay is: the
// requests waiting for their host's turn give up, the one in flight is
// cut short, and none of them is reported as an error. One line says so
// as the signal lands.
func TestCrawl_SIGTERMWithDelay(t *testing.T) {
	arrived := make(chan struct{})
	var once sync.Once
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", http.NotFound)
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		for i := range 10 {
			fmt.Fprintf(&b, `<a href="/2023/07/05/a-%d.html">%d</a>`, i, i)
		}
		io.WriteString(w, "<html><body>"+b.String()+"</body></html>")
	})
	mux.HandleFunc("/2023/", func(w http.ResponseWriter, r *http.Request) {
		once.Do(func() { close(arrived) })
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, "<html><body><h1>Slow</h1>")
		w.(http.Flusher).Flush()
		<-r.Context().Done() // in flight until the crawl cuts it
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	cfg := filepath.Join(t.TempDir(), "config.toml")
	os.WriteFile(cfg, []byte(fmt.Sprintf(`[crawl]
user_agent = "newsarc-test/1.0"
concurrency = 8
per_host_delay = "3s"
timeout = "30s"
retries = 2
[[sites]]
name = "polite"
start_urls = ["%s/"]
article_urls = ['/2023/']
`, srv.URL)), 0o644)
	out := t.TempDir()
	cmd := exec.Command(os.Args[0], "--config", cfg, "--out", out, "--log-level", "debug", "crawl")
	cmd.Env = append(os.Environ(), "NEWSARC_TEST_MAIN=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	select {
	case <-arrived: // 3 s after the start page: its delay
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatal("no article was requested")
	}
	time.Sleep(100 * time.Millisecond) // the article's response has begun
	sent := time.Now()
	cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		<-done
		t.Fatalf("still running 30 s after SIGTERM\n%s", stderr.String())
	}
	took := time.Since(sent)
	t.Logf("exited %s after SIGTERM", took)
	if took > 2*time.Second {
		t.Errorf("took %s to stop after SIGTERM with per_host_delay 3s, want under 2 s", took)
	}
	if code := cmd.ProcessState.ExitCode(); code != exitFatal || !strings.Contains(stderr.String(), "newsarc: interrupted") {
		t.Errorf("exit %d, want 1 saying interrupted\n%s", code, stderr.String())
	}
	var stops []string
	for _, l := range strings.Split(stderr.String(), "\n") {
		if strings.HasPrefix(l, "stopping:") {
			stops = append(stops, l)
		}
	}
	if len(stops) != 1 || stops[0] != "stopping: 1 requests in flight (again to quit now)" {
		t.Errorf("stopping lines %q, want one for the request in flight\n%s", stops, stderr.String())
	}
	if strings.Contains(stderr.String(), "context canceled") || strings.Contains(stderr.String(), "error: ") {
		t.Errorf("requests cut by the stop are reported as errors:\n%s", stderr.String())
	}
	if open, _ := filepath.Glob(filepath.Join(out, "warc", "*", "*.open")); len(open) > 0 {
		t.Errorf(".open left: %v", open)
	}
	warcs, _ := filepath.Glob(filepath.Join(out, "warc", "*", "*.warc.gz"))
	warctest.Validate(t, warcs...)
	db, err := sql.Open("sqlite", filepath.Join(out, "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var status string
	var queued int
	db.QueryRow("SELECT status FROM runs").Scan(&status)
	db.QueryRow("SELECT count(*) FROM frontier WHERE worker IS NULL").Scan(&queued)
	if status != "interrupted" || queued != 10 {
		t.Errorf("run %q with %d URLs queued, want interrupted with the 10 articles left for the next run", status, queued)
	}
}

// A second signal ends the process at once, without the graceful close.
func TestCrawl_secondSignal(t *testing.T) {
	site := slowSite(t)
	out := t.TempDir()
	// The graceful shutdown takes well under a second; the process holds
	// 20 s after it, so the second signal lands while it still runs.
	cmd, buf := startCrawl(t, site.config(t), out, "NEWSARC_TEST_HOLD=20s")
	waitForArticles(t, out, 1)
	cmd.Process.Signal(syscall.SIGTERM)
	time.Sleep(300 * time.Millisecond) // the first one is handled by now
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("still running 10s after the second signal")
	}
	ws, _ := cmd.ProcessState.Sys().(syscall.WaitStatus)
	if !ws.Signaled() || ws.Signal() != syscall.SIGTERM {
		t.Errorf("exit %v, want death by the second SIGTERM\n%s", cmd.ProcessState, buf.String())
	}
}

// bylinePage is an article of about n bytes whose body is one block of
// lines that start like a byline: among the slowest pages to extract for
// its size (seconds at 15 MiB), and quick to parse.
func bylinePage(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>River buses</title></head><body>
<main><article><h1 class="entry-title">River buses return to Cairo's Nile corridor</h1><div class="entry-content">
<p>A fleet of twelve electric river buses began service on Wednesday between Maadi and Zamalek.</p><div>`)
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "By reader %d<br>", i)
	}
	b.WriteString("</div></div></article></main></body></html>")
	return b.Bytes()
}

// SIGTERM while a huge page is being extracted stops the run within
// seconds: the extraction is abandoned (it does not watch the context),
// the WARC closed and the run recorded. The page's extraction alone takes
// several times longer than the bound checked here.
func TestCrawl_SIGTERMDuringExtraction(t *testing.T) {
	big := bylinePage(15 << 20)
	served := make(chan struct{})
	var once sync.Once
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `<html><body><a href="/2023/07/05/big.html">big</a></body></html>`)
	})
	mux.HandleFunc("/2023/07/05/big.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(big)
		once.Do(func() { close(served) })
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	cfg := plainConfig(t, fmt.Sprintf("max_body_size = \"32MiB\"\n[[sites]]\nname = \"big\"\nstart_urls = [%q]\narticle_urls = ['/2023/']\n", srv.URL+"/"))
	b, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, bytes.Replace(b, []byte("max_body_size = \"8MiB\"\n"), nil, 1), 0o644)
	out := t.TempDir()
	// At debug level, the handler says when extraction begins: the signal
	// must land then, not while the crawler parses the page (which no
	// signal cuts short, and which takes seconds under -race on a busy
	// machine).
	cmd := exec.Command(os.Args[0], "--config", cfg, "--out", out, "--log-level", "debug", "crawl")
	cmd.Env = append(os.Environ(), "NEWSARC_TEST_MAIN=1")
	buf := &lockedBuffer{}
	cmd.Stdout, cmd.Stderr = buf, buf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for !strings.Contains(buf.String(), "msg=extracting url="+srv.URL+"/2023/07/05/big.html") {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("the big page's extraction never began\n%s", buf)
		}
		time.Sleep(20 * time.Millisecond)
	}
	<-served
	time.Sleep(500 * time.Millisecond) // well into extraction (seconds long)
	sent := time.Now()
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("still running 30 s after SIGTERM\n%s", buf)
	}
	took := time.Since(sent)
	t.Logf("exited %s after SIGTERM", took)
	if code := cmd.ProcessState.ExitCode(); code != exitFatal || !strings.Contains(buf.String(), "interrupted") {
		t.Fatalf("exit %d, want 1 saying interrupted\n%s", code, buf)
	}
	if took > 5*time.Second {
		t.Errorf("took %s to stop after SIGTERM during extraction, want a few seconds at most", took)
	}
	if strings.Contains(buf.String(), "context canceled") {
		t.Errorf("an interrupted run talks of a cancelled context:\n%s", buf)
	}
	if open, _ := filepath.Glob(filepath.Join(out, "warc", "*", "*.open")); len(open) > 0 {
		t.Errorf(".open left: %v", open)
	}
}

// lockedBuffer is a bytes.Buffer that a child process's output is copied
// into while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
