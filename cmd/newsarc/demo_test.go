package main

import (
	"context"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/newsarc/newsarc/cmd/newsarc/demosite"
	"github.com/newsarc/newsarc/internal/warctest"
)

// freeAddr is a 127.0.0.1 address nobody listens on, for the demo site.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// demoArticles reads the article JSON files under dir/articles/demo, by
// file name (the article id).
func demoArticles(t *testing.T, dir string) map[string]map[string]any {
	t.Helper()
	got := map[string]map[string]any{}
	filepath.WalkDir(filepath.Join(dir, "articles", "demo"), func(p string, d os.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".json") {
			return err
		}
		b, _ := os.ReadFile(p)
		var a map[string]any
		if err := json.Unmarshal(b, &a); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		got[filepath.Base(p)] = a
		return nil
	})
	return got
}

// The demo as a new user runs it: in a folder with no config.toml, with
// neither --config nor --out. Its built-in profile archives every article
// and no listing page, with no warning; it writes to ./newsarc-demo; run
// again, it finds every article known under the same id, and each
// summary names only that run's WARC file.
func TestRun_demo(t *testing.T) {
	work := t.TempDir()
	t.Chdir(work)
	addr := freeAddr(t)
	code, stdout, stderr := runCLI(t, context.Background(), "demo", "--addr", addr)
	if code != exitOK {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	if strings.Contains(stderr, "level=WARN") || strings.Contains(stderr, "level=ERROR") {
		t.Errorf("the demo warns about its own site:\n%s", stderr)
	}
	out := filepath.Join(work, demoDir)
	want := len(demosite.Articles())
	first, second, ok := strings.Cut(stdout, "crawl again")
	if !ok || !strings.Contains(first, "articles: "+strconv.Itoa(want)+" new, 0 changed") || !strings.Contains(first, filepath.Join(demoDir, "articles")) {
		t.Errorf("first crawl's summary does not say %d new articles and where they went:\n%s", want, stdout)
	}
	if !strings.Contains(second, "articles: 0 new, 0 changed, 0 unchanged, "+strconv.Itoa(want)+" not fetched again; 0 errors") {
		t.Errorf("second crawl's summary does not say nothing was fetched again:\n%s", stdout)
	}
	articles := demoArticles(t, out)
	for name, a := range articles {
		if a["headline"] == nil || a["body"] == nil || a["published"] == nil {
			t.Errorf("%s: headline %v, published %v, body empty: %v", name, a["headline"], a["published"], a["body"] == nil)
		}
		if prov, _ := a["provenance"].(map[string]any); prov["body"] != "selector" {
			t.Errorf("%s: body from %v, want the demo profile's selector", name, prov["body"])
		}
		if u, _ := a["url"].(string); !strings.Contains(u, "/20") {
			t.Errorf("%s: %s is a listing page, archived as an article", name, u)
		}
		checkWARCRef(t, out, a)
	}
	if len(articles) != want {
		t.Errorf("%d article files, want %d", len(articles), want)
	}
	files, _ := filepath.Glob(filepath.Join(out, "warc", "demo", "*.warc.gz"))
	if len(files) != 2 { // one per run
		t.Fatalf("warc files %v", files)
	}
	warctest.Validate(t, files...)

	// The second invocation: same address, so same URLs and ids.
	code, stdout, stderr = runCLI(t, context.Background(), "demo", "--addr", addr)
	if code != exitOK {
		t.Fatalf("second demo: exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	if n := strings.Count(stdout, "articles: 0 new, 0 changed, 0 unchanged, "+strconv.Itoa(want)+" not fetched again"); n != 2 {
		t.Errorf("second demo: %d of its 2 crawls found every article known:\n%s", n, stdout)
	}
	again := demoArticles(t, out)
	if len(again) != len(articles) {
		t.Errorf("second demo: %d article files, want the same %d", len(again), len(articles))
	}
	for name := range again {
		if articles[name] == nil {
			t.Errorf("second demo wrote %s, a new id", name)
		}
	}
	// Each summary names only the WARC file its own run wrote.
	for _, line := range strings.Split(stdout, "\n") {
		if f, ok := strings.CutPrefix(line, "warc: "); ok && slices.Contains(files, filepath.Join(work, f)) {
			t.Errorf("second demo's summary names %s, written by the first", f)
		}
	}
	if n := strings.Count(stdout, "warc: "); n != 2 {
		t.Errorf("second demo names %d WARC files, want one per run:\n%s", n, stdout)
	}
}

// Outside the repo, a config that names a site "demo" replaces the built-in
// profile (here, with a body selector that matches nothing, which says so).
func TestRun_demoConfigOverrides(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "config.toml")
	os.WriteFile(cfg, []byte("[[sites]]\nname = \"demo\"\narticle_urls = ['/\\d{4}/\\d{2}/\\d{2}/']\n[sites.selectors]\nbody = \".no-such-class\"\n"), 0o644)
	out := t.TempDir()
	code, stdout, stderr := runCLI(t, context.Background(), "--config", cfg, "--out", out, "--log-level", "warn", "demo", "--addr", freeAddr(t))
	if code != exitOK {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "field=body selector=.no-such-class") {
		t.Errorf("the config's demo profile was not used:\n%s", stderr)
	}
	for name, a := range demoArticles(t, out) {
		if prov, _ := a["provenance"].(map[string]any); prov["body"] == "selector" {
			t.Errorf("%s: body from the built-in selector", name)
		}
	}
}

// When the usual port is taken, the demo says so and serves on another;
// when --addr names a taken one, it fails.
func TestRun_demoPortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	busy := ln.Addr().String()
	code, _, stderr := runCLI(t, context.Background(), "--out", t.TempDir(), "demo", "--addr", busy)
	if code != exitFatal || !strings.Contains(stderr, busy) {
		t.Errorf("--addr %s (taken): exit %d, stderr %q", busy, code, stderr)
	}
	defer func(a string) { demoAddr = a }(demoAddr)
	demoAddr = busy
	code, stdout, stderr := runCLI(t, context.Background(), "--out", t.TempDir(), "demo")
	if code != exitOK || !strings.Contains(stderr, busy+" is in use") || strings.Contains(stdout, "demo site at http://"+busy) {
		t.Errorf("usual port taken: exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
}

// The built-in profile compiles, and holds no site address.
func TestDemoProfile(t *testing.T) {
	s, errs := demoProfile().compile("demo")
	if len(errs) > 0 || s == nil {
		t.Fatalf("compile: %v", errs)
	}
	if len(s.StartURLs) != 0 || len(s.AllowedDomains) != 0 {
		t.Errorf("start %v, domains %v: the demo fills them in", s.StartURLs, s.AllowedDomains)
	}
}

// The repository's sample config.toml loads as it is, and no longer
// carries the demo's profile.
func TestSampleConfig(t *testing.T) {
	cfg, err := loadConfig("../../config.toml", true)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Site("demo") != nil {
		t.Error("config.toml has a demo site: it would replace the built-in profile")
	}
}
