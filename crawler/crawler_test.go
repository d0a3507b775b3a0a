package crawler

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// recordingHandler keeps what the crawler hands it.
type recordingHandler struct {
	mu     sync.Mutex
	pages  []*Page
	errs   map[string]error
	reject string // HandlePage fails for this path
}

func (h *recordingHandler) HandlePage(_ context.Context, p *Page) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.reject != "" && p.URL.Path == h.reject {
		return errors.New("rejected " + p.URL.String())
	}
	h.pages = append(h.pages, p)
	return nil
}

func (h *recordingHandler) HandleError(_ context.Context, u string, err error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.errs == nil {
		h.errs = make(map[string]error)
	}
	h.errs[u] = err
}

func (h *recordingHandler) paths() []string {
	var out []string
	for _, p := range h.pages {
		out = append(out, p.URL.Path)
	}
	slices.Sort(out)
	return out
}

func TestCrawler_Fetch(t *testing.T) {
	var flaky, limited, robots atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		robots.Add(1)
		io.WriteString(w, "User-agent: *\nDisallow: /private/\n")
	})
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) {
		if r.UserAgent() != "test-agent/1" {
			t.Errorf("User-Agent %q", r.UserAgent())
		}
		w.Header().Set("Content-Type", "text/html; charset=windows-1256")
		w.Write([]byte{0xc7, 0xe1, 0xd3, 0xe1, 0xc7, 0xe3}) // السلام in windows-1256
	})
	mux.HandleFunc("/flaky", func(w http.ResponseWriter, r *http.Request) {
		if flaky.Add(1) == 1 {
			http.Error(w, "try again", http.StatusBadGateway)
			return
		}
		io.WriteString(w, "ok")
	})
	mux.HandleFunc("/limited", func(w http.ResponseWriter, r *http.Request) {
		if limited.Add(1) == 1 {
			w.Header().Set("Retry-After", "1")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		io.WriteString(w, "ok")
	})
	mux.HandleFunc("/gone", http.NotFound)
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/a", http.StatusFound) })
	mux.HandleFunc("/private/x", func(w http.ResponseWriter, r *http.Request) { t.Error("fetched a disallowed page") })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	h := &recordingHandler{}
	c, err := New(Config{UserAgent: "test-agent/1", RespectRobots: true, Retries: 2, RetryBase: 10 * time.Millisecond}, http.DefaultTransport, h)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	stats, err := c.Fetch(context.Background(), []string{
		srv.URL + "/a", srv.URL + "/a#comments", srv.URL + "/flaky", srv.URL + "/limited", srv.URL + "/gone",
		srv.URL + "/old", srv.URL + "/private/x", "mailto:someone@example.org",
	})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := h.paths(), []string{"/a", "/a", "/flaky", "/limited"}; !slices.Equal(got, want) {
		t.Errorf("pages %v, want %v (/a#comments is /a; /old redirects to /a)", got, want)
	}
	if stats.Fetched != 4 || stats.Failed != 3 {
		t.Errorf("stats %+v", stats)
	}
	var se *StatusError
	if err := h.errs[srv.URL+"/gone"]; !errors.As(err, &se) || se.Status != 404 {
		t.Errorf("/gone: %v", err)
	}
	if err := h.errs[srv.URL+"/private/x"]; err == nil || !strings.Contains(err.Error(), "robots.txt") {
		t.Errorf("/private/x: %v", err)
	}
	if err := h.errs["mailto:someone@example.org"]; err == nil || !strings.Contains(err.Error(), "mailto:someone@example.org") {
		t.Errorf("mailto: %v", err)
	}
	if time.Since(start) < time.Second {
		t.Errorf("Retry-After: 1 was not honoured")
	}
	if robots.Load() != 1 {
		t.Errorf("robots.txt fetched %d times, want once", robots.Load())
	}
	for _, p := range h.pages {
		if p.URL.Path == "/a" {
			if string(p.Body) != "السلام" || !strings.Contains(p.ContentType, "utf-8") {
				t.Errorf("windows-1256 page: body %q, content type %q", p.Body, p.ContentType)
			}
			if p.Requested != srv.URL+"/a" && p.Requested != srv.URL+"/old" {
				t.Errorf("requested %q", p.Requested)
			}
		}
	}
}

func TestCrawler_Fetch_handlerError(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "x") }))
	defer srv.Close()
	h := &recordingHandler{reject: "/bad"}
	c, _ := New(Config{}, http.DefaultTransport, h)
	stats, err := c.Fetch(context.Background(), []string{srv.URL + "/bad", srv.URL + "/good"})
	if err != nil {
		t.Fatal(err)
	}
	if stats.Fetched != 1 || stats.Failed != 1 || h.errs[srv.URL+"/bad"] == nil {
		t.Errorf("stats %+v, errs %v", stats, h.errs)
	}
}

func TestCrawler_Fetch_cancelled(t *testing.T) {
	block := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-block:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(block)
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	h := &recordingHandler{}
	c, _ := New(Config{Retries: 3}, http.DefaultTransport, h)
	_, err := c.Fetch(ctx, []string{srv.URL + "/1", srv.URL + "/2"})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want the context's", err)
	}
	if len(h.errs) != 2 {
		t.Errorf("errors %v, want one per URL", h.errs)
	}
}

func TestParseURL(t *testing.T) {
	for _, tt := range []struct {
		in, want, err string
	}{
		{"https://www.example.ma/2023/06/28/x.html#top", "https://www.example.ma/2023/06/28/x.html", ""},
		{"  http://example.org/a  ", "http://example.org/a", ""},
		{"ftp://example.org/", "", "want an http or https URL"},
		{"/relative", "", "want an http or https URL"},
		{"http://", "", "no host"},
		{"http://exa mple.org/", "", "malformed URL"},
	} {
		u, err := ParseURL(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) || !strings.Contains(err.Error(), strings.TrimSpace(tt.in)) {
				t.Errorf("ParseURL(%q) err = %v, want %q naming the input", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || u.String() != tt.want {
			t.Errorf("ParseURL(%q) = %v, %v; want %s", tt.in, u, err, tt.want)
		}
	}
}
