package crawler

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/zstd"
)

// Each test here is one way a server misbehaves, on purpose or not. Every
// one must end with the URL named in an error (or fetched as it should
// be), the crawl going on with the other URLs, and memory and time bounded.

// encode applies content codings in order.
func encode(t testing.TB, data []byte, codings ...string) []byte {
	t.Helper()
	for _, c := range codings {
		var b bytes.Buffer
		var w io.WriteCloser
		switch c {
		case "gzip":
			w = gzip.NewWriter(&b)
		case "deflate":
			w, _ = flate.NewWriter(&b, flate.DefaultCompression)
		case "br":
			w = brotli.NewWriter(&b)
		case "zstd":
			w, _ = zstd.NewWriter(&b)
		default:
			t.Fatalf("coding %s", c)
		}
		w.Write(data)
		w.Close()
		data = b.Bytes()
	}
	return data
}

// robotsSite serves robots.txt with handler rules and a start page
// linking to /2023/ok.html and /private/secret.html.
func robotsSite(t *testing.T, rules http.HandlerFunc) (*httptest.Server, *hits) {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", rules)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		page(w, `<a href="/2023/ok.html">ok</a> <a href="/private/secret.html">secret</a>`)
	})
	mux.HandleFunc("/2023/ok.html", func(w http.ResponseWriter, r *http.Request) { page(w, "<p>ok</p>") })
	mux.HandleFunc("/private/", func(w http.ResponseWriter, r *http.Request) { page(w, "<p>secret</p>") })
	return server(t, mux)
}

const disallowPrivate = "User-agent: *\nDisallow: /private/\n"

// robots.txt is read whatever content coding it comes in: parsed still
// compressed, it had no rules, and every Disallow was ignored.
func TestCrawl_robotsEncoded(t *testing.T) {
	for _, codings := range [][]string{{"gzip"}, {"deflate"}, {"br"}, {"zstd"}, {"gzip", "gzip"}} {
		t.Run(strings.Join(codings, ","), func(t *testing.T) {
			body := encode(t, []byte(disallowPrivate), codings...)
			srv, hit := robotsSite(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Encoding", strings.Join(codings, ", "))
				w.Write(body)
			})
			_, h, _, err := crawlOnce(t, testConfig(), siteAt(srv, "/"), nil)
			if err != nil {
				t.Fatal(err)
			}
			if hit.get("/private/secret.html") != 0 {
				t.Errorf("fetched a page robots.txt (%s) disallows", strings.Join(codings, ", "))
			}
			if hit.get("/2023/ok.html") != 1 || h.pageAt("/2023/ok.html") == nil {
				t.Errorf("allowed page not fetched")
			}
		})
	}
}

// RFC 9309: a robots.txt that answers 5xx (or cannot be reached) means
// nothing may be fetched for now; the URLs stay queued for the next run.
// 4xx means no rules.
func TestCrawl_robotsUnavailable(t *testing.T) {
	for _, tc := range []struct {
		name    string
		handle  http.HandlerFunc
		fetched bool
	}{
		{"503", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusServiceUnavailable) }, false},
		{"500", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "oops", http.StatusInternalServerError) }, false},
		{"429", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "slow", http.StatusTooManyRequests) }, false},
		{"reset", func(w http.ResponseWriter, r *http.Request) {
			c, _, _ := w.(http.Hijacker).Hijack()
			c.(*net.TCPConn).SetLinger(0)
			c.Close()
		}, false},
		{"404", http.NotFound, true},
		{"403", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "no", http.StatusForbidden) }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, hit := robotsSite(t, tc.handle)
			st, h, f, err := crawlOnce(t, testConfig(), siteAt(srv, "/"), nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := hit.get("/") > 0; got != tc.fetched {
				t.Fatalf("start page fetched: %v, want %v", got, tc.fetched)
			}
			if tc.fetched {
				if hit.get("/private/secret.html") != 1 {
					t.Errorf("with no rules (%s), every page may be fetched", tc.name)
				}
				return
			}
			if hit.get("/robots.txt") != 3 {
				t.Errorf("robots.txt asked %d times, want 3 (retries = 2)", hit.get("/robots.txt"))
			}
			err = h.errFor(srv.URL + "/")
			if !errors.Is(err, ErrRobotsUnavailable) || !errors.Is(err, ErrDeferred) ||
				!strings.HasPrefix(err.Error(), srv.URL+"/: robots.txt unavailable") || !strings.HasSuffix(err.Error(), "will retry next run") {
				t.Errorf("error %v: want one naming the page, robots.txt unavailable, deferred", err)
			}
			if st.Deferred != 1 || len(f.Pending()) != 1 || f.Pending()[0].URL != srv.URL+"/" {
				t.Errorf("stats %+v, pending %v: want the start page left for the next run", st, f.Pending())
			}
		})
	}
}

// The robots.txt request is retried like any other, and a rule it gives
// on the second try is obeyed.
func TestCrawl_robotsRetried(t *testing.T) {
	var n atomic.Int32
	srv, hit := robotsSite(t, func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			c, _, _ := w.(http.Hijacker).Hijack()
			c.(*net.TCPConn).SetLinger(0)
			c.Close() // connection reset on first contact
			return
		}
		io.WriteString(w, disallowPrivate)
	})
	_, h, _, err := crawlOnce(t, testConfig(), siteAt(srv, "/"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if hit.get("/private/secret.html") != 0 || hit.get("/2023/ok.html") != 1 {
		t.Errorf("robots.txt read on its second try was not obeyed")
	}
	if n := h.errorCount(); n != 0 {
		t.Errorf("errors: %v", h.errs)
	}
}

func TestCrawl_respectRobotsOff(t *testing.T) {
	srv, hit := robotsSite(t, func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "User-agent: *\nDisallow: /\n") })
	cfg := testConfig()
	cfg.RespectRobots = false
	if _, _, _, err := crawlOnce(t, cfg, siteAt(srv, "/"), nil); err != nil {
		t.Fatal(err)
	}
	if hit.get("/private/secret.html") != 1 || hit.get("/2023/ok.html") != 1 {
		t.Errorf("respect_robots = false: disallowed pages not fetched")
	}
}

// robots.txt redirects are followed within the site only, at most five.
func TestCrawl_robotsRedirect(t *testing.T) {
	other, otherHits := server(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "User-agent: *\nAllow: /\n") }))
	for _, tc := range []struct {
		name     string
		location func(r *http.Request) string
		obeyed   bool // the rules at the end of the chain apply
	}{
		{"within the site", func(r *http.Request) string { return "/robots-real.txt" }, true},
		{"five hops", func(r *http.Request) string { return "/hop/1" }, true},
		{"another host", func(*http.Request) string { return other.URL + "/robots.txt" }, false},
		{"link-local", func(*http.Request) string { return "http://169.254.169.254/latest/meta-data/" }, false},
		{"six hops", func(r *http.Request) string { return "/hop/0" }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mux := http.NewServeMux()
			mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, tc.location(r), http.StatusFound)
			})
			mux.HandleFunc("/hop/", func(w http.ResponseWriter, r *http.Request) {
				var n int
				fmt.Sscanf(r.URL.Path, "/hop/%d", &n)
				if n < 4 {
					http.Redirect(w, r, fmt.Sprintf("/hop/%d", n+1), http.StatusFound)
					return
				}
				http.Redirect(w, r, "/robots-real.txt", http.StatusFound)
			})
			mux.HandleFunc("/robots-real.txt", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, disallowPrivate) })
			mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
				page(w, `<a href="/2023/ok.html">ok</a> <a href="/private/secret.html">secret</a>`)
			})
			srv, hit := server(t, mux)
			before := otherHits.get("/robots.txt")
			_, h, f, err := crawlOnce(t, testConfig(), siteAt(srv, "/"), nil)
			if err != nil {
				t.Fatal(err)
			}
			if otherHits.get("/robots.txt") != before {
				t.Errorf("followed robots.txt to another host")
			}
			if tc.obeyed {
				if hit.get("/private/secret.html") != 0 || hit.get("/2023/ok.html") != 1 {
					t.Errorf("rules at the end of the redirect chain not obeyed")
				}
				return
			}
			if hit.get("/") != 0 {
				t.Errorf("fetched pages of a host whose robots.txt is unavailable")
			}
			if err := h.errFor(srv.URL + "/"); !errors.Is(err, ErrRobotsUnavailable) || len(f.Pending()) != 1 {
				t.Errorf("err %v, pending %v: want robots.txt unavailable, the page deferred", err, f.Pending())
			}
		})
	}
}

// A response longer than MaxBodySize, as sent or once decoded, ends with
// ErrTooLarge naming the URL; the crawl goes on; memory stays bounded.
func TestCrawl_bodyLimits(t *testing.T) {
	bomb := gzipBomb(t)
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		page(w, `<a href="/2023/huge.html">huge</a> <a href="/2023/endless.html">endless</a> <a href="/2023/bomb.html">bomb</a>
			<a href="/2023/fine.html">fine</a>`)
	})
	mux.HandleFunc("/2023/huge.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", fmt.Sprint(200<<20))
		chunk := bytes.Repeat([]byte("<p>lorem ipsum</p>\n"), 1<<12)
		for sent := 0; sent < 200<<20; sent += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/2023/endless.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := bytes.Repeat([]byte("<p>forever</p>"), 1<<10)
		for {
			if _, err := w.Write(chunk); err != nil {
				return
			}
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/2023/bomb.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb)
	})
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "User-agent: *\nAllow: /\nSitemap: http://%s/sitemap-bomb.xml\n", r.Host)
	})
	mux.HandleFunc("/sitemap-bomb.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb)
	})
	mux.HandleFunc("/feed-bomb.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb)
	})
	mux.HandleFunc("/2023/fine.html", func(w http.ResponseWriter, r *http.Request) { page(w, "<p>fine</p>") })
	srv, _ := server(t, mux)
	site := siteAt(srv, "/")
	site.Feeds = []string{srv.URL + "/feed-bomb.xml"}
	cfg := testConfig()
	cfg.MaxBodySize = 8 << 20

	peak := watchHeap(t)
	_, h, _, err := crawlOnce(t, cfg, site, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("peak heap %d MiB", peak()>>20)
	if p := peak(); p > 150<<20 {
		t.Errorf("peak heap %d MiB while cutting oversized bodies at 8 MiB", p>>20)
	}
	for _, p := range []string{"/2023/huge.html", "/2023/endless.html", "/2023/bomb.html", "/sitemap-bomb.xml", "/feed-bomb.xml"} {
		err := h.errFor(srv.URL + p)
		if !errors.Is(err, ErrTooLarge) || !strings.HasPrefix(err.Error(), srv.URL+p+": response larger than max_body_size 8.0 MiB") {
			t.Errorf("%s: %v, want ErrTooLarge naming it", p, err)
		}
		if h.pageAt(p) != nil {
			t.Errorf("%s was handed on", p)
		}
	}
	if h.pageAt("/2023/fine.html") == nil {
		t.Errorf("the crawl did not go on after oversized responses")
	}
	if n := h.failures(); n != 5 {
		t.Errorf("%d failures reported, want 5: %v", n, h.errs)
	}
}

var bomb struct {
	once sync.Once
	data []byte
}

// gzipBomb is 2 GiB of zeros in 2 MB: 2048 gzip members of 1 MiB each
// (a gzip stream may hold several; every reader takes them all).
func gzipBomb(t testing.TB) []byte {
	bomb.once.Do(func() {
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		zw.Write(make([]byte, 1<<20))
		zw.Close()
		bomb.data = bytes.Repeat(b.Bytes(), 2048)
	})
	return bomb.data
}

// watchHeap samples the heap until the test ends and returns a function
// that gives the peak so far.
func watchHeap(t *testing.T) func() uint64 {
	runtime.GC()
	var peak atomic.Uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > peak.Load() {
				peak.Store(ms.HeapAlloc)
			}
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	t.Cleanup(func() { close(done); <-stopped })
	return peak.Load
}

// A Retry-After longer than MaxRetryAfter is not waited for: the URL is
// left for the next run, and the run ends.
func TestCrawl_retryAfterTooLong(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		page(w, `<a href="/2023/later.html">later</a> <a href="/2023/now.html">now</a>`)
	})
	mux.HandleFunc("/2023/later.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "86400")
		http.Error(w, "come back tomorrow", http.StatusServiceUnavailable)
	})
	mux.HandleFunc("/2023/now.html", func(w http.ResponseWriter, r *http.Request) { page(w, "<p>now</p>") })
	srv, hit := server(t, mux)
	st, h, f, err := crawlOnce(t, testConfig(), siteAt(srv, "/"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if hit.get("/2023/later.html") != 1 {
		t.Errorf("asked %d times; a Retry-After beyond max_retry_after is not retried", hit.get("/2023/later.html"))
	}
	err = h.errFor(srv.URL + "/2023/later.html")
	if !errors.Is(err, ErrDeferred) || !strings.Contains(err.Error(), "Retry-After 24h0m0s, longer than max_retry_after 10m0s; will retry next run") {
		t.Errorf("err %v", err)
	}
	if st.Deferred != 1 || len(f.Pending()) != 1 || h.pageAt("/2023/now.html") == nil {
		t.Errorf("stats %+v pending %v", st, f.Pending())
	}
}

// Redirect chains through the queue count toward MaxRedirects; the error
// names the URL the chain started at.
func TestCrawl_endlessRedirects(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { page(w, `<a href="/r/0">start</a>`) })
	mux.HandleFunc("/r/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(r.URL.Path, "/r/%d", &n)
		http.Redirect(w, r, fmt.Sprintf("/r/%d", n+1), http.StatusFound)
	})
	srv, hit := server(t, mux)
	_, h, _, err := crawlOnce(t, testConfig(), siteAt(srv, "/"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := hit.total("/r/"); n != 11 {
		t.Errorf("%d hops fetched, want 11 (the URL and 10 redirects)", n)
	}
	if err := h.errFor(srv.URL + "/r/0"); !errors.Is(err, ErrTooManyRedirects) || !strings.Contains(err.Error(), "too many redirects") {
		t.Errorf("err %v, want too many redirects for the URL the chain started at", err)
	}
}

// A page with a million links queues at most MaxLinksPerPage of them.
func TestCrawl_manyLinks(t *testing.T) {
	var body bytes.Buffer
	for i := range 1_000_000 {
		fmt.Fprintf(&body, `<a href="/2023/%d">%d</a>`, i, i)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { page(w, body.String()) })
	mux.HandleFunc("/2023/", func(w http.ResponseWriter, r *http.Request) { page(w, "x") })
	srv, _ := server(t, mux)
	site := siteAt(srv, "/")
	site.MaxPages = 1
	_, _, f, err := crawlOnce(t, testConfig(), site, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(f.Pending()); n != DefaultMaxLinksPerPage {
		t.Errorf("%d queued, want %d", n, DefaultMaxLinksPerPage)
	}
}

// Links with userinfo are the same pages: not crawled twice, and the
// userinfo never sent as credentials.
func TestCrawl_userinfo(t *testing.T) {
	var auth atomic.Int32
	mux := http.NewServeMux()
	var host string
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "" {
			auth.Add(1)
		}
		if r.URL.Path != "/" {
			page(w, "<p>article</p>")
			return
		}
		page(w, fmt.Sprintf(`<a href="http://a%%2f@%[1]s/2023/a.html">1</a> <a href="http://user:pw@%[1]s/2023/a.html">2</a>
			<a href="/2023/a.html">3</a> <a href="http://user@%[1]s/2023/b.html">4</a>`, host))
	})
	srv, hit := server(t, mux)
	host = strings.TrimPrefix(srv.URL, "http://")
	_, h, _, err := crawlOnce(t, testConfig(), siteAt(srv, "/"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if hit.get("/2023/a.html") != 1 || hit.get("/2023/b.html") != 1 {
		t.Errorf("a fetched %d times, b %d: want once each", hit.get("/2023/a.html"), hit.get("/2023/b.html"))
	}
	if auth.Load() != 0 {
		t.Errorf("userinfo sent as Authorization %d times", auth.Load())
	}
	for _, p := range h.pages {
		if p.URL.User != nil {
			t.Errorf("page URL with userinfo: %s", p.URL.Redacted())
		}
	}
}

// Another port on an allowed host is another service: out of scope unless
// the site lists host:port.
func TestCrawl_otherPort(t *testing.T) {
	other, otherHits := server(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { page(w, "<p>other service</p>") }))
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		page(w, fmt.Sprintf(`<a href="%s/2023/x.html">other port</a>`, other.URL))
	})
	srv, _ := server(t, mux)
	if _, _, _, err := crawlOnce(t, testConfig(), siteAt(srv, "/"), nil); err != nil {
		t.Fatal(err)
	}
	if otherHits.get("/2023/x.html") != 0 {
		t.Errorf("a link to another port of the host was followed")
	}
	site := siteAt(srv, "/")
	site.AllowedDomains = append(site.AllowedDomains, strings.TrimPrefix(other.URL, "http://"))
	if _, _, _, err := crawlOnce(t, testConfig(), site, nil); err != nil {
		t.Fatal(err)
	}
	if otherHits.get("/2023/x.html") != 1 {
		t.Errorf("a listed host:port was not followed")
	}
}

// An article whose rel=canonical is outside the site is archived under
// its own URL; one whose canonical is on the site is a copy of it.
func TestCrawl_canonical(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		page(w, `<a href="/2023/syndicated.html">a</a> <a href="/2023/amp.html">b</a>`)
	})
	mux.HandleFunc("/2023/syndicated.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, `<html><head><link rel="canonical" href="https://agency.example.com/story/1"></head><body><p>x</p></body></html>`)
	})
	mux.HandleFunc("/2023/amp.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, `<html><head><link rel="canonical" href="/2023/story.html"></head><body><p>x</p></body></html>`)
	})
	mux.HandleFunc("/2023/story.html", func(w http.ResponseWriter, r *http.Request) { page(w, "<p>story</p>") })
	srv, _ := server(t, mux)
	_, h, _, err := crawlOnce(t, testConfig(), siteAt(srv, "/"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if p := h.pageAt("/2023/syndicated.html"); p == nil || p.CopyOf != "" || !p.Article {
		t.Errorf("canonical off the site: %+v, want an article of its own", p)
	}
	if p := h.pageAt("/2023/amp.html"); p == nil || p.CopyOf != srv.URL+"/2023/story.html" {
		t.Errorf("canonical on the site: %+v, want a copy of /2023/story.html", p)
	}
	if h.pageAt("/2023/story.html") == nil {
		t.Errorf("the canonical URL was not fetched")
	}
}

// Pages asked for by name (archive, extract): what a crawl would defer
// fails, redirects off the site and loops are errors.
func TestCrawl_seedsOnly(t *testing.T) {
	other, _ := server(t, http.NotFoundHandler())
	mux := http.NewServeMux()
	mux.HandleFunc("/away", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, other.URL+"/x", http.StatusFound) })
	mux.HandleFunc("/loop/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/b", http.StatusFound) })
	mux.HandleFunc("/loop/b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/a", http.StatusFound) })
	mux.HandleFunc("/later", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/here", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/here", func(w http.ResponseWriter, r *http.Request) { page(w, `<a href="/elsewhere">not followed</a>`) })
	srv, hit := server(t, mux)
	site := siteAt(srv, "/away", "/loop/a", "/later", "/moved")
	site.SeedsOnly = true
	_, h, f, err := crawlOnce(t, testConfig(), site, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p := h.pageAt("/here"); p == nil || !p.Article || p.Requested != srv.URL+"/moved" {
		t.Errorf("/moved: %+v, want /here as an article asked for as /moved", p)
	}
	if hit.get("/elsewhere") != 0 {
		t.Errorf("a link was followed")
	}
	if err := h.errFor(srv.URL + "/away"); !errors.Is(err, ErrOffSite) || !strings.Contains(err.Error(), other.URL+"/x") {
		t.Errorf("/away: %v", err)
	}
	if err := h.errFor(srv.URL + "/loop/a"); err == nil || !strings.Contains(err.Error(), "redirect loop") {
		t.Errorf("/loop/a: %v", err)
	}
	if err := h.errFor(srv.URL + "/later"); errors.Is(err, ErrDeferred) || err == nil || !strings.Contains(err.Error(), "Retry-After 1h0m0s") {
		t.Errorf("/later: %v, want a failure (no next run)", err)
	}
	if left := f.Pending(); len(left) != 0 {
		t.Errorf("left: %v", left)
	}
}
