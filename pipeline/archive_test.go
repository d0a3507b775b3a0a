package pipeline

import (
	"bytes"
	"net/url"
	"strings"
	"testing"
)

func TestArchive(t *testing.T) {
	srv := newsSite(t, "User-agent: *\nDisallow: /private/\n")
	cfg := testConfig(t, srv, t.TempDir())
	cfg.Sites = nil // any host: a site of its own
	var errOut bytes.Buffer
	urls := []string{
		srv.URL + "/2026/11/30/budget-vote.html",
		srv.URL + "/report.pdf",
		srv.URL + "/gone.html",
		srv.URL + "/private/draft.html",
		"http://[::1:bad/",
	}
	sum, err := Archive(t.Context(), cfg, urls, Output{Errors: &errOut})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Articles != 1 || sum.Failed != 4 || len(sum.WARCFiles) != 1 {
		t.Errorf("summary %+v", sum)
	}
	lines := strings.Split(strings.TrimSpace(errOut.String()), "\n")
	if len(lines) != 4 {
		t.Fatalf("error lines: %q", lines)
	}
	for _, want := range []string{
		srv.URL + "/report.pdf: not an HTML page",
		srv.URL + "/gone.html: ",
		srv.URL + "/private/draft.html: ",
		`malformed URL "http://[::1:bad/"`,
	} {
		if !strings.Contains(errOut.String(), "error: "+want) {
			t.Errorf("no error line with %q in\n%s", want, errOut.String())
		}
	}
	// Archived again into the same dir without state: a new JSON version.
	if sum, err := Archive(t.Context(), cfg, urls[:1], Output{}); err != nil || sum.Articles != 1 {
		t.Errorf("second archive: %+v, %v", sum, err)
	}
}

func TestArchive_nothingArchived(t *testing.T) {
	srv := newsSite(t, "User-agent: *\nDisallow: /\n")
	cfg := testConfig(t, srv, t.TempDir())
	_, err := Archive(t.Context(), cfg, []string{srv.URL + "/2026/11/30/budget-vote.html"}, Output{})
	if err == nil || !strings.Contains(err.Error(), `robots.txt disallows every URL for user agent "newsarc-test"`) {
		t.Errorf("archive: %v", err)
	}
	_, err = Archive(t.Context(), cfg, []string{srv.URL + "/gone.html", "ftp://example.org/"}, Output{})
	if err == nil || err.Error() != "no page could be archived" {
		t.Errorf("archive: %v", err)
	}
}

func TestRegistrableDomain(t *testing.T) {
	for _, tc := range []struct{ host, hostPort, want string }{
		{"www.example.co.uk", "www.example.co.uk", "example.co.uk"},
		{"news.example.ma", "news.example.ma:8080", "example.ma:8080"},
		{"127.0.0.1", "127.0.0.1:8080", "127.0.0.1:8080"},
		{"localhost", "localhost", "localhost"},
	} {
		if got := registrableDomain(tc.host, tc.hostPort); got != tc.want {
			t.Errorf("registrableDomain(%q, %q) = %q, want %q", tc.host, tc.hostPort, got, tc.want)
		}
	}
	u, _ := url.Parse("https://Example.MA:443/a")
	if got := HostDomain(u); got != "example.ma" {
		t.Errorf("HostDomain = %q", got)
	}
	u, _ = url.Parse("http://example.ma:8080/a")
	if got := HostDomain(u); got != "example.ma:8080" {
		t.Errorf("HostDomain = %q", got)
	}
}
