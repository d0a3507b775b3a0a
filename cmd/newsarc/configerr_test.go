package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A config that cannot be read says where and what, in the words of the
// file: file:line:column for a syntax error, the key and the type wanted
// for a value of the wrong type.
func TestConfig_errors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, file, env string
		want            string
	}{
		{"syntax: unterminated string", "[crawl]\nconcurrency = 4\ntimeout = \"5s\n", "", "bad.toml:3:"},
		{"syntax: table header", "[archive]\ndir = \"a\"\n[crawl\n", "", "bad.toml:3:"},
		{"integer", "[crawl]\nconcurrency = \"eight\"\n", "", `crawl.concurrency: want an integer, got "eight"`},
		{"integer, fraction", "[crawl]\nmax_pages = 1.5\n", "", "crawl.max_pages: want an integer, got 1.5"},
		{"integer, boolean", "[crawl]\nretries = true\n", "", "crawl.retries: want an integer, got true"},
		{"boolean", "[crawl]\nrespect_robots = \"yes\"\n", "", `crawl.respect_robots: want true or false, got "yes"`},
		{"string, table", "[crawl]\nuser_agent = {name = \"x\"}\n", "", "crawl.user_agent: want a string, got a table"},
		{"list", "[[sites]]\nname = \"x\"\nallowed_domains = {a = 1}\n", "", "sites[0].allowed_domains: want a list of strings, got a table"},
		{"tables", "sites = 3\n", "", "sites: want a list of tables, got 3"},
		{"duration", "[crawl]\ntimeout = 30\n", "", `crawl.timeout: "30" is not a positive duration (like "30s")`},
		{"size", "[crawl]\nmax_body_size = \"big\"\n", "", `crawl.max_body_size: "big" is not a size`},
		{"two keys, one line", "[crawl]\nconcurrency = \"eight\"\nmax_depth = \"deep\"\n", "",
			`crawl.concurrency: want an integer, got "eight"; crawl.max_depth: want an integer, got "deep"`},
		{"environment", "", "eight", `crawl.concurrency (NEWSARC_CRAWL_CONCURRENCY): want an integer, got "eight"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, "bad.toml")
			os.WriteFile(path, []byte(tt.file), 0o644)
			if tt.env != "" {
				t.Setenv("NEWSARC_CRAWL_CONCURRENCY", tt.env)
			}
			code, stdout, stderr := runCLI(t, context.Background(), "--config", path, "extract", "testdata/site/article.html")
			if code != exitFatal || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, want 1 with %q\nstdout: %s\nstderr: %s", code, tt.want, stdout, stderr)
			}
			if strings.Contains(stderr, "strconv") || strings.Contains(stderr, "mapstructure") || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
				t.Errorf("want one line in the words of the config file:\n%s", stderr)
			}
		})
	}
	// The column too, where go-toml puts it.
	path := filepath.Join(dir, "col.toml")
	os.WriteFile(path, []byte("[crawl]\nconcurrency = 4\nuser_agent = newsarc\n"), 0o644)
	if _, _, stderr := runCLI(t, context.Background(), "--config", path, "extract", "testdata/site/article.html"); !strings.Contains(stderr, "col.toml:3:14: ") {
		t.Errorf("want col.toml:3:14, where the bare value starts:\n%s", stderr)
	}
}

// A NEWSARC_* variable that sets nothing (a typo most likely) gets a
// warning naming it, and the variable meant when that is obvious; the
// command runs all the same.
func TestConfig_unknownEnv(t *testing.T) {
	t.Setenv("NEWSARC_CRAWL_CONCURENCY", "3")
	t.Setenv("NEWSARC_TIMEOUT", "5s")
	t.Setenv("NEWSARC_FROBNICATE", "1")
	t.Setenv("NEWSARC_CONFIG", filepath.Join(t.TempDir(), "none.toml"))
	code, stdout, stderr := runCLI(t, context.Background(), "--config", writeConfig(t, "http://127.0.0.1:1"), "extract", "testdata/site/article.html")
	if code != exitOK {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	for _, want := range []string{
		"NEWSARC_CRAWL_CONCURENCY names no config key; ignored (did you mean NEWSARC_CRAWL_CONCURRENCY?)",
		"NEWSARC_TIMEOUT names no config key; ignored (did you mean NEWSARC_CRAWL_TIMEOUT?)",
		"NEWSARC_FROBNICATE names no config key; ignored",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "NEWSARC_FROBNICATE names no config key; ignored (") || strings.Contains(stderr, "NEWSARC_CONFIG") {
		t.Errorf("a guess for a name near nothing, or NEWSARC_CONFIG reported:\n%s", stderr)
	}
	if n := strings.Count(stderr, "level=WARN"); n != 3 {
		t.Errorf("%d warnings, want 3:\n%s", n, stderr)
	}
}

func TestClosest(t *testing.T) {
	known := []string{"NEWSARC_CONFIG", "NEWSARC_CRAWL_USER_AGENT", "NEWSARC_CRAWL_TIMEOUT", "NEWSARC_ARCHIVE_DIR", "NEWSARC_CRAWL_MAX_DEPTH"}
	tests := []struct{ in, want string }{
		{"NEWSARC_CRAWL_USERAGENT", "NEWSARC_CRAWL_USER_AGENT"},
		{"NEWSARC_CRAWL_TIMOUT", "NEWSARC_CRAWL_TIMEOUT"},
		{"NEWSARC_CONFG", "NEWSARC_CONFIG"},
		{"NEWSARC_DIR", "NEWSARC_ARCHIVE_DIR"},
		{"NEWSARC_MAX_DEPTH", "NEWSARC_CRAWL_MAX_DEPTH"},
		{"NEWSARC_CORPUS", ""},
	}
	for _, tt := range tests {
		if got := closest(tt.in, known); got != tt.want {
			t.Errorf("closest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
