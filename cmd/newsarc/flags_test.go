package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// recorder serves a small site (a home page linking to ten articles, one
// robots.txt rule) and records what each request looked like.
type recorder struct {
	srv  *httptest.Server
	mu   sync.Mutex
	uas  []string // User-Agent of each request but robots.txt
	hits []time.Time
	seen map[string]int
}

func newRecorder(t *testing.T) *recorder {
	r := &recorder{seen: map[string]int{}}
	r.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.URL.Path == "/robots.txt" {
			fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
			return
		}
		r.mu.Lock()
		r.uas = append(r.uas, req.UserAgent())
		r.hits = append(r.hits, time.Now())
		r.seen[req.URL.Path]++
		r.mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		var b strings.Builder
		if req.URL.Path == "/" {
			for i := range 10 {
				fmt.Fprintf(&b, `<p><a href="/2023/07/%02d/article-%d.html">Article %d</a></p>`, i+1, i, i)
			}
		}
		fmt.Fprintf(w, `<!doctype html><html lang="en"><head><title>Page %s</title></head><body><article><h1>Page %s</h1>
<p>The city council voted on Tuesday to extend the tram line by four kilometres, adding six stations to the east of the city.</p>%s</article></body></html>`,
			req.URL.Path, req.URL.Path, b.String())
	}))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *recorder) count(path string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.seen[path]
}

func (r *recorder) userAgents() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.uas...)
}

// config writes a config for the site with the [crawl] keys given.
func (r *recorder) config(t *testing.T, crawl string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	body := fmt.Sprintf("[crawl]\ntimeout = \"5s\"\nretries = 0\n%s\n\n[[sites]]\nname = \"city\"\nstart_urls = [\"%s/\"]\narticle_urls = ['/\\d{4}/']\n", crawl, r.srv.URL)
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A flag beats NEWSARC_CRAWL_*, which beats the file, which beats the
// default: seen in the User-Agent the server receives.
func TestFlags_userAgentPrecedence(t *testing.T) {
	site := newRecorder(t)
	withUA := site.config(t, "per_host_delay = \"0s\"\nuser_agent = \"file-agent/1.0\"")
	withoutUA := site.config(t, "per_host_delay = \"0s\"")
	page := site.srv.URL + "/2023/07/01/article-0.html"
	tests := []struct {
		name   string
		env    string
		args   []string
		wantUA string
	}{
		{"default", "", []string{"--config", withoutUA, "archive", page}, "newsarc/"},
		{"file", "", []string{"--config", withUA, "archive", page}, "file-agent/1.0"},
		{"env beats file", "env-agent/2.0", []string{"--config", withUA, "archive", page}, "env-agent/2.0"},
		{"flag beats env", "env-agent/2.0", []string{"--config", withUA, "archive", "--user-agent", "flag-agent/3.0", page}, "flag-agent/3.0"},
		{"crawl flag", "env-agent/2.0", []string{"--config", withUA, "crawl", "--max-pages", "1", "--user-agent", "flag-agent/3.0"}, "flag-agent/3.0"},
		{"extract flag", "env-agent/2.0", []string{"--config", withUA, "extract", "--user-agent", "flag-agent/3.0", page}, "flag-agent/3.0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.env != "" {
				t.Setenv("NEWSARC_CRAWL_USER_AGENT", tt.env)
			}
			before := len(site.userAgents())
			code, stdout, stderr := runCLI(t, context.Background(), append([]string{"--out", t.TempDir(), "--log-level", "error"}, tt.args...)...)
			if code != exitOK {
				t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
			}
			uas := site.userAgents()[before:]
			if len(uas) == 0 {
				t.Fatal("no request reached the server")
			}
			for _, ua := range uas {
				if !strings.HasPrefix(ua, tt.wantUA) {
					t.Errorf("User-Agent %q, want %q", ua, tt.wantUA)
				}
			}
		})
	}
}

// --max-pages over NEWSARC_CRAWL_MAX_PAGES over max_pages in the file,
// seen in the pages the crawl fetches.
func TestFlags_maxPagesPrecedence(t *testing.T) {
	site := newRecorder(t)
	cfg := site.config(t, "per_host_delay = \"0s\"\nmax_pages = 6")
	tests := []struct {
		name string
		env  string
		flag []string
		want int
	}{
		{"file", "", nil, 6},
		{"env beats file", "4", nil, 4},
		{"flag beats env", "4", []string{"--max-pages", "2"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.env != "" {
				t.Setenv("NEWSARC_CRAWL_MAX_PAGES", tt.env)
			}
			args := append([]string{"--config", cfg, "--out", t.TempDir(), "--log-level", "error", "crawl", "--json"}, tt.flag...)
			code, stdout, stderr := runCLI(t, context.Background(), args...)
			if code != exitOK {
				t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
			}
			var sum struct {
				Pages int `json:"pages_fetched"`
			}
			if err := json.Unmarshal([]byte(stdout), &sum); err != nil || sum.Pages != tt.want {
				t.Errorf("pages_fetched %d (%v), want %d\n%s", sum.Pages, err, tt.want, stdout)
			}
		})
	}
}

// --delay, --respect-robots and --concurrency reach their keys too.
func TestFlags_politeness(t *testing.T) {
	site := newRecorder(t)
	cfg := site.config(t, "per_host_delay = \"0s\"\nconcurrency = 4")
	t.Setenv("NEWSARC_CRAWL_PER_HOST_DELAY", "0s")
	run := func(args ...string) (int, string) {
		t.Helper()
		code, stdout, stderr := runCLI(t, context.Background(), append([]string{"--config", cfg, "--out", t.TempDir(), "--log-level", "error"}, args...)...)
		return code, stdout + stderr
	}

	site.mu.Lock()
	from := len(site.hits)
	site.mu.Unlock()
	if code, out := run("archive", "--delay", "400ms", site.srv.URL+"/a.html", site.srv.URL+"/b.html"); code != exitOK {
		t.Fatalf("--delay: exit %d\n%s", code, out)
	}
	site.mu.Lock()
	hits := site.hits[from:]
	site.mu.Unlock()
	if len(hits) != 2 || hits[1].Sub(hits[0]) < 400*time.Millisecond {
		t.Errorf("--delay 400ms: %d requests, %v apart", len(hits), hits[len(hits)-1].Sub(hits[0]))
	}

	private := site.srv.URL + "/private/a.html"
	if code, out := run("archive", private); code != exitFatal || !strings.Contains(out, "blocked by robots.txt") {
		t.Errorf("robots.txt obeyed by default: exit %d\n%s", code, out)
	}
	if code, out := run("archive", "--respect-robots=false", private); code != exitOK || site.count("/private/a.html") != 1 {
		t.Errorf("--respect-robots=false: exit %d, %d fetches\n%s", code, site.count("/private/a.html"), out)
	}

	if code, out := run("crawl", "--concurrency", "0"); code != exitFatal || !strings.Contains(out, "crawl.concurrency: 0: must be at least 1") {
		t.Errorf("--concurrency 0 over the file's 4: exit %d\n%s", code, out)
	}
	if code, out := run("crawl", "--delay", "soon"); code != exitUsage || !strings.Contains(out, "--delay") {
		t.Errorf("--delay soon: exit %d, want 2\n%s", code, out)
	}
}
