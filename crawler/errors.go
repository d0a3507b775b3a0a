package crawler

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/dustin/go-humanize"
)

// Causes of a URL not being fetched or handed on. Errors given to
// Handler.HandleError wrap one of them, or a *StatusError, or the network
// error itself; check them with errors.Is, never by their text.
var (
	// ErrRobots: robots.txt disallows the URL for our user agent.
	ErrRobots = errors.New("blocked by robots.txt")
	// ErrRobotsUnavailable: the host's robots.txt could not be read (5xx,
	// unreachable, redirected off-site): nothing is fetched from it until
	// it can be (RFC 9309).
	ErrRobotsUnavailable = errors.New("robots.txt unavailable")
	// ErrOffSite: the URL, or the target of a redirect, is outside the
	// site's allowed_domains.
	ErrOffSite = errors.New("outside allowed_domains")
	// ErrTooLarge: the response, as sent or once decoded, is longer than
	// max_body_size. Its record is kept, truncated.
	ErrTooLarge = errors.New("response larger than max_body_size")
	// ErrTooManyRedirects: a redirect chain longer than max_redirects.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrDeferred: the URL stays in the frontier for the next run (its
	// host is paused, its robots.txt unavailable, or the server asks to
	// wait longer than max_retry_after).
	ErrDeferred = errors.New("deferred to the next run")
	// ErrMalformedURL: not an absolute http or https URL.
	ErrMalformedURL = errors.New("malformed URL")
)

// ErrNotArticle is what a Handler returns for a tentative article
// (Page.Tentative) that does not read as one once extracted: the crawler
// records the page as a listing, to be fetched again on every run, not as
// failed.
var ErrNotArticle = errors.New("not an article")

// URLError is the error of one URL: it names the URL that was asked for
// (the start of a redirect chain) and the cause.
type URLError struct {
	URL string
	Err error
}

func (e *URLError) Error() string { return e.URL + ": " + e.Err.Error() }
func (e *URLError) Unwrap() error { return e.Err }

func urlError(u string, err error) error {
	var ue *URLError
	if errors.As(err, &ue) && ue.URL == u {
		return err
	}
	return &URLError{URL: u, Err: err}
}

// StatusError is a response whose status code is not 2xx (or a redirect
// the crawler does not follow).
type StatusError struct {
	URL    string
	Status int
}

// Error gives the status alone: the error line that reports it names the
// URL (URLError).
func (e *StatusError) Error() string {
	return fmt.Sprintf("HTTP %d %s", e.Status, http.StatusText(e.Status))
}

// deferredError is why a URL is left for the next run.
type deferredError struct {
	cause error  // what made it wait
	why   string // in words, after the cause
}

func (e *deferredError) Error() string {
	if e.why != "" {
		return e.cause.Error() + " " + e.why + "; will retry next run"
	}
	return e.cause.Error() + "; will retry next run"
}

func (e *deferredError) Unwrap() []error { return []error{ErrDeferred, e.cause} }

// retryAfterError is a server asking to come back later than
// max_retry_after allows to wait.
type retryAfterError struct {
	status int
	after  time.Duration
	max    time.Duration
}

func (e *retryAfterError) Error() string {
	return fmt.Sprintf("HTTP %d with Retry-After %s, longer than max_retry_after %s", e.status, e.after.Round(time.Second), e.max)
}

func tooLarge(limit int64, decoded bool) error {
	what := ""
	if decoded {
		what = " once decoded"
	}
	return fmt.Errorf("%w %s%s", ErrTooLarge, humanize.IBytes(uint64(limit)), what)
}
