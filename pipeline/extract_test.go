package pipeline

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/newsarc/newsarc/archive"
	"github.com/newsarc/newsarc/crawler"
	"github.com/newsarc/newsarc/selectors"
)

func TestFetch(t *testing.T) {
	srv := newsSite(t, "")
	cfg := testConfig(t, srv, t.TempDir())
	p, err := Fetch(t.Context(), cfg, srv.URL+"/2026/12/01/harbour-works.html")
	if err != nil {
		t.Fatal(err)
	}
	if p.Doc == nil || len(p.Body) == 0 || !p.Date.Equal(time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)) {
		t.Errorf("page: doc %v, %d bytes, date %v", p.Doc != nil, len(p.Body), p.Date)
	}
	a, _, err := Extract(t.Context(), cfg.ExtractorFor("127.0.0.1"), p)
	if err != nil || a.Headline != "Harbour works begin" {
		t.Errorf("extract: %+v, %v", a, err)
	}
	if _, err := Fetch(t.Context(), cfg, srv.URL+"/gone.html"); err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("fetch of a 404: %v", err)
	}
}

func TestExtract_errors(t *testing.T) {
	ex, err := selectors.New(selectors.Config{})
	if err != nil {
		t.Fatal(err)
	}
	page := selectors.Page{URL: "https://example.ma/a", ContentType: "text/html"}

	page.Body = []byte("<html><body><p>" + strings.Repeat("x", selectors.MaxHTMLSize) + "</p></body></html>")
	if _, _, err := Extract(t.Context(), ex, page); !errors.Is(err, selectors.ErrTooLarge) || !strings.Contains(err.Error(), "extraction budget; kept in the WARC only") {
		t.Errorf("huge page: %v", err)
	}
	page.Body, page.ContentType = []byte("%PDF-1.7"), "application/pdf"
	if _, _, err := Extract(t.Context(), ex, page); ErrorKind(err) != "not_html" || !strings.Contains(err.Error(), `Content-Type "application/pdf"`) {
		t.Errorf("pdf: %v", err)
	}
	page.Body, page.ContentType = nil, "text/html"
	if _, _, err := Extract(t.Context(), ex, page); err == nil || err.Error() != "empty page; kept in the WARC only" {
		t.Errorf("empty page: %v", err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	page.Body = []byte("<p>text</p>")
	if _, _, err := Extract(ctx, ex, page); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

type timeoutError struct{}

func (timeoutError) Error() string   { return "i/o timeout" }
func (timeoutError) Timeout() bool   { return true }
func (timeoutError) Temporary() bool { return true }

func TestErrorKind(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("x: %w", archive.ErrDiskFull), "write"},
		{&crawler.URLError{URL: "u", Err: crawler.ErrDeferred}, "deferred"},
		{&crawler.StatusError{URL: "u", Status: 503}, "http_5xx"},
		{crawler.ErrRobots, "robots"},
		{crawler.ErrRobotsUnavailable, "robots_unavailable"},
		{crawler.ErrOffSite, "off_site"},
		{crawler.ErrTooLarge, "too_large"},
		{tooLargeToExtract{size: 1}, "too_large_to_extract"},
		{crawler.ErrTooManyRedirects, "redirects"},
		{crawler.ErrMalformedURL, "malformed_url"},
		{context.DeadlineExceeded, "timeout"},
		{&net.OpError{Op: "dial", Err: timeoutError{}}, "timeout"},
		{&net.OpError{Op: "dial", Err: errors.New("connection refused")}, "network"},
		{errors.New("what"), "other"},
	} {
		if got := ErrorKind(tc.err); got != tc.want {
			t.Errorf("ErrorKind(%v) = %q, want %q", tc.err, got, tc.want)
		}
	}
}
