package main

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsarc/newsarc/archive/state"
	"github.com/newsarc/newsarc/crawler"
)

// fakeTerminal is standard error on a terminal: isTerminal says yes.
type fakeTerminal struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (f *fakeTerminal) IsTerminal() bool { return true }

func (f *fakeTerminal) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.b.Write(p)
}

func (f *fakeTerminal) String() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.b.String()
}

// screen replays what was written to a terminal, as far as newsarc draws
// on one (lines, and clearLine), and returns the lines left on screen and
// the progress lines drawn.
func screen(out string) (lines, progress []string) {
	var cur strings.Builder
	for len(out) > 0 {
		switch {
		case strings.HasPrefix(out, clearLine):
			if cur.Len() > 0 {
				progress = append(progress, cur.String())
			}
			cur.Reset()
			out = out[len(clearLine):]
		case out[0] == '\n':
			lines = append(lines, cur.String())
			cur.Reset()
			out = out[1:]
		default:
			cur.WriteByte(out[0])
			out = out[1:]
		}
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String()+" (not ended)")
	}
	return lines, progress
}

// A line written while the progress line is up clears it first and draws
// it again after: nothing is glued to it.
func TestConsole_progress(t *testing.T) {
	var b bytes.Buffer
	c := newConsole(&b, "text")
	p := c.progressWriter()
	p.Write([]byte(clearLine + "3s: 12 pages (4.0/s), 30 queued"))
	c.print(slog.LevelError, "error: ", "http://x/a: HTTP 404 Not Found")
	slog.New(slog.NewTextHandler(c, nil)).Info("archived", "url", "http://x/b")
	p.Write([]byte(clearLine + "4s: 13 pages (3.2/s), 29 queued"))
	p.Write([]byte(clearLine))
	c.print(slog.LevelError, "newsarc: ", "interrupted")
	want := clearLine + "3s: 12 pages (4.0/s), 30 queued" +
		clearLine + "error: http://x/a: HTTP 404 Not Found\n" + "3s: 12 pages (4.0/s), 30 queued" +
		clearLine + "time="
	if got := b.String(); !strings.HasPrefix(got, want) {
		t.Errorf("wrote %q\nwant it to start %q", got, want)
	}
	lines, _ := screen(b.String())
	if len(lines) != 3 || lines[0] != "error: http://x/a: HTTP 404 Not Found" || !strings.Contains(lines[1], "msg=archived") || lines[2] != "newsarc: interrupted" {
		t.Errorf("on screen: %q", lines)
	}
}

// A crawl on a terminal: the progress line says the queue and the rate,
// and the log lines and error lines written meanwhile stay whole.
func TestRun_progressLine(t *testing.T) {
	site := slowSite(t)
	inner := site.srv.Config.Handler
	site.srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/page/2/" {
			http.Error(w, "gone", http.StatusGone) // an error line mid-run
			return
		}
		inner.ServeHTTP(w, r)
	})
	var term fakeTerminal
	var stdout bytes.Buffer
	code := run(context.Background(), []string{"--config", site.config(t), "--out", t.TempDir(), "--log-level", "info", "crawl"}, &stdout, &term)
	if code != exitOK {
		t.Fatalf("exit %d\n%s\n%s", code, stdout.String(), term.String())
	}
	lines, progress := screen(term.String())
	if len(progress) == 0 {
		t.Fatalf("no progress line drawn on a terminal:\n%q", term.String())
	}
	last := progress[len(progress)-1]
	for _, want := range []string{" pages (", "/s), ", " queued; "} {
		if !strings.Contains(last, want) {
			t.Errorf("progress line %q lacks %q", last, want)
		}
	}
	sawError := false
	for _, l := range lines {
		if strings.Contains(l, " queued; ") || !(strings.HasPrefix(l, "time=") || strings.HasPrefix(l, "error: ")) {
			t.Errorf("line on screen glued to the progress line: %q", l)
		}
		sawError = sawError || strings.HasPrefix(l, "error: ")
	}
	if !sawError || !strings.Contains(term.String(), "msg=archived") {
		t.Errorf("want log and error lines on screen, got %q", lines)
	}
}

// --quiet: a run that went well prints nothing at all; one that did not
// still says why, and its exit code tells.
func TestRun_quiet(t *testing.T) {
	srv, _ := testSite(t)
	cfg := writeConfig(t, srv.URL)
	var term fakeTerminal
	var stdout bytes.Buffer
	code := run(context.Background(), []string{"--config", cfg, "--out", t.TempDir(), "--quiet", "archive", srv.URL + "/2023/07/05/tramway-t3.html"}, &stdout, &term)
	if code != exitOK || stdout.Len() != 0 || term.String() != "" {
		t.Errorf("archive --quiet: exit %d, stdout %q, stderr %q; want 0 and nothing", code, stdout.String(), term.String())
	}

	site := newNewsSite(t)
	path := site.config(t)
	code, stdout2, stderr := runCLI(t, context.Background(), "--config", path, "--out", t.TempDir(), "--quiet", "crawl")
	if code != exitOK || stdout2 != "" {
		t.Errorf("crawl --quiet: exit %d, stdout %q; want 0 and no summary", code, stdout2)
	}
	// The site's byline selector is broken: a warning is no success to
	// keep quiet about. Nothing else is said.
	if lines := strings.Split(strings.TrimSpace(stderr), "\n"); len(lines) != 1 || !strings.Contains(lines[0], "selector byline") {
		t.Errorf("crawl --quiet: stderr %q, want the selector warning alone", stderr)
	}

	code, stdout2, stderr = runCLI(t, context.Background(), "--config", cfg, "--out", t.TempDir(), "--quiet", "archive", srv.URL+"/missing")
	if code != exitFatal || stdout2 != "" || !strings.Contains(stderr, "error: "+srv.URL+"/missing: HTTP 404") || !strings.Contains(stderr, "newsarc: no page could be archived") {
		t.Errorf("failed archive --quiet: exit %d, stdout %q, stderr %q; want 1, the error lines, no summary", code, stdout2, stderr)
	}
}

// A crawl that finds another holding the archive exits 75 with one line,
// in each format, and no summary of a run that did not happen.
func TestRun_lockedForCron(t *testing.T) {
	site := newNewsSite(t)
	out := t.TempDir()
	unlock, err := state.Lock(out)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	for _, args := range [][]string{{"crawl"}, {"crawl", "--json"}, {"--log-format", "json", "crawl"}} {
		start := time.Now()
		code, stdout, stderr := runCLI(t, context.Background(), append([]string{"--config", site.config(t), "--out", out}, args...)...)
		if code != exitLocked || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, out) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 75, one line naming the archive, no summary", args, code, stdout, stderr)
		}
		if args[0] == "--log-format" {
			jsonLines(t, stderr)
		}
		if took := time.Since(start); took > 2*time.Second {
			t.Errorf("%v: took %s, want at once", args, took)
		}
	}
	if site.hit("/") != 0 {
		t.Errorf("a locked-out crawl fetched pages")
	}
}

// In json mode the lines that are no log records are objects too.
func TestConsole_json(t *testing.T) {
	var b bytes.Buffer
	c := newConsole(&b, "json")
	c.stopping(3)
	c.urlError(&crawler.URLError{URL: "http://x/a", Err: &crawler.StatusError{URL: "http://x/a", Status: 404}})
	recs := jsonLines(t, b.String())
	record(t, recs, "stopping: 3 requests in flight (again to quit now)", map[string]string{"level": "WARN", "in_flight": "3"})
	record(t, recs, "http://x/a: HTTP 404 Not Found", map[string]string{"level": "ERROR", "url": "http://x/a", "kind": "http_4xx"})
}

// A quiet run holds the lines of failed URLs back: written, at most
// maxHeld of them, only if the run fails.
func TestConsole_holdURLErrors(t *testing.T) {
	var b bytes.Buffer
	c := newConsole(&b, "text")
	c.holdURLErrors()
	for i := range maxHeld + 2 {
		c.urlError(&crawler.URLError{URL: fmt.Sprintf("http://x/%d", i), Err: crawler.ErrRobots})
	}
	if b.Len() != 0 {
		t.Fatalf("held lines written before the end: %q", b.String())
	}
	c.releaseHeld(true)
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != maxHeld+1 || lines[0] != "error: http://x/0: blocked by robots.txt" || lines[maxHeld] != "error: 2 more URLs failed" {
		t.Errorf("released %d lines, first %q, last %q", len(lines), lines[0], lines[len(lines)-1])
	}
	b.Reset()
	c.urlError(&crawler.URLError{URL: "http://x/y", Err: crawler.ErrRobots})
	c.releaseHeld(false)
	if b.Len() != 0 {
		t.Errorf("a run that went well wrote its held lines: %q", b.String())
	}
}
