package pipeline

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsarc/newsarc/archive/state"
	"github.com/newsarc/newsarc/selectors/article"
)

func TestCrawl(t *testing.T) {
	srv := newsSite(t, "User-agent: *\nDisallow: /private/\n")
	dir := t.TempDir()
	cfg := testConfig(t, srv, dir)
	var errOut bytes.Buffer
	sum, err := Crawl(t.Context(), cfg, cfg.Sites, Output{Errors: &errOut})
	if err != nil {
		t.Fatalf("crawl: %v\nerrors: %s", err, errOut.String())
	}
	// The front page, the section page and two articles; robots.txt keeps
	// the draft out and only the log says so.
	if sum.Pages != 4 || sum.ArticlesNew != 2 || sum.ErrorCount() != 0 || len(sum.WARCFiles) != 1 || sum.Bytes == 0 {
		t.Errorf("first run: %+v", sum)
	}
	if errOut.Len() != 0 {
		t.Errorf("errors reported: %s", errOut.String())
	}
	files, _ := filepath.Glob(filepath.Join(dir, "articles", "example", "*", "*", "*.json"))
	if len(files) != 2 {
		t.Fatalf("article files: %v", files)
	}
	var a article.Article
	raw, _ := os.ReadFile(files[0])
	if err := json.Unmarshal(raw, &a); err != nil {
		t.Fatal(err)
	}
	if a.Site != "example" || a.Headline == "" || len(a.Byline) != 1 || a.WARC == nil || a.WARC.File != sum.WARCFiles[0] || a.WARC.Offset <= 0 {
		t.Errorf("article: %+v, warc %+v", a, a.WARC)
	}

	// The second run fetches the front and section pages again, finds the
	// articles archived, and archives nothing new.
	sum2, err := Crawl(t.Context(), cfg, cfg.Sites, Output{})
	if err != nil {
		t.Fatal(err)
	}
	if sum2.ArticlesNew != 0 || sum2.ArticlesChanged != 0 || sum2.Skipped != 2 || sum2.Run == sum.Run {
		t.Errorf("second run: %+v", sum2)
	}
	db, err := state.Open(t.Context(), filepath.Join(dir, "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got, ok, err := db.LatestArticle(t.Context(), a.ID); err != nil || !ok || got.PayloadDigest != a.WARC.PayloadDigest {
		t.Errorf("catalog: %+v %v %v", got, ok, err)
	}
}

func TestCrawl_locked(t *testing.T) {
	srv := newsSite(t, "")
	dir := t.TempDir()
	unlock, err := state.Lock(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	cfg := testConfig(t, srv, dir)
	if _, err := Crawl(t.Context(), cfg, cfg.Sites, Output{}); !errors.Is(err, ErrLocked) {
		t.Errorf("crawl of a locked archive: %v, want ErrLocked", err)
	}
}

func TestCrawl_robotsCloseTheSite(t *testing.T) {
	srv := newsSite(t, "User-agent: *\nDisallow: /\n")
	cfg := testConfig(t, srv, t.TempDir())
	sum, err := Crawl(t.Context(), cfg, cfg.Sites, Output{})
	if err == nil || !strings.Contains(err.Error(), "robots.txt disallows every URL of example") {
		t.Errorf("crawl: %v, want robots.txt named", err)
	}
	if sum.Pages != 0 {
		t.Errorf("summary %+v", sum)
	}
}

// A run interrupted while it fetches archives what it fetched and
// leaves the rest queued.
func TestCrawl_interrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	srv := newsSiteHook(t, "", func(r *http.Request) {
		if r.URL.Path == "/section/economy" {
			cancel()
		}
	})
	dir := t.TempDir()
	cfg := testConfig(t, srv, dir)
	cfg.Crawl.Concurrency = 1
	var stops []int
	sum, err := Crawl(ctx, cfg, cfg.Sites, Output{Stopping: func(n int) { stops = append(stops, n) }})
	if !errors.Is(err, ErrInterrupted) || !sum.Interrupted {
		t.Errorf("crawl: %+v, %v; want ErrInterrupted", sum, err)
	}
	// Called once, before Crawl returned, with the section page in flight.
	if len(stops) != 1 || stops[0] != 1 {
		t.Errorf("Stopping called with %v, want once with 1 request in flight", stops)
	}
	// What was queued waits for the next run, which archives it.
	next, err := Crawl(t.Context(), cfg, cfg.Sites, Output{})
	if err != nil || sum.ArticlesNew+next.ArticlesNew != 2 {
		t.Errorf("runs: %+v then %+v, %v; want the two articles archived once", sum, next, err)
	}
}

func TestCrawl_progress(t *testing.T) {
	srv := newsSite(t, "")
	cfg := testConfig(t, srv, t.TempDir())
	var buf syncBuffer
	if _, err := Crawl(t.Context(), cfg, cfg.Sites, Output{Progress: &buf}); err != nil {
		t.Fatal(err)
	}
	// The run is shorter than the first redraw: only the clearing remains.
	if out := buf.String(); !strings.HasSuffix(out, "\r\033[K") {
		t.Errorf("progress wrote %q", out)
	}
}

// A run that died (kill -9) stays "running" in the runs table until the
// next run, which holds the lock and so knows it is dead, marks it killed.
func TestCrawl_killedRun(t *testing.T) {
	srv := newsSite(t, "")
	dir := t.TempDir()
	cfg := testConfig(t, srv, dir)
	db, err := state.Open(t.Context(), filepath.Join(dir, "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.StartRun(t.Context(), "dead", time.Time{}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	var log bytes.Buffer
	sum, err := Crawl(t.Context(), cfg, cfg.Sites, Output{Log: slog.New(slog.NewTextHandler(&log, nil))})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log.String(), "marked killed") || !strings.Contains(log.String(), "run=dead") {
		t.Errorf("no warning about the dead run:\n%s", log.String())
	}
	r, err := sql.Open("sqlite", filepath.Join(dir, "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for id, want := range map[string]string{"dead": state.StatusKilled, sum.Run: state.StatusDone} {
		var status string
		if err := r.QueryRow("SELECT status FROM runs WHERE id = ?", id).Scan(&status); err != nil || status != want {
			t.Errorf("run %s: status %q (%v), want %q", id, status, err, want)
		}
	}
}
