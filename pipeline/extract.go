package pipeline

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"

	"github.com/dustin/go-humanize"

	"github.com/newsarc/newsarc/archive"
	"github.com/newsarc/newsarc/crawler"
	"github.com/newsarc/newsarc/selectors"
	"github.com/newsarc/newsarc/selectors/article"
)

// Extract runs ex on p, giving up when ctx is done: a huge or hostile page
// must not hold an interrupted run (extraction does not watch ctx, so it
// is left to finish in the background of a process that is exiting). A
// panic in extraction is an error of this page, not the end of the run.
func Extract(ctx context.Context, ex *selectors.Extractor, p selectors.Page) (*article.Article, []selectors.Warning, error) {
	type result struct {
		a        *article.Article
		warnings []selectors.Warning
		err      error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{err: fmt.Errorf("internal error: %v", r)}
			}
		}()
		a, w, err := ex.Extract(p)
		done <- result{a, w, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			switch {
			case errors.Is(r.err, selectors.ErrTooLarge):
				return nil, r.warnings, tooLargeToExtract{size: len(p.Body)}
			case errors.Is(r.err, selectors.ErrNotHTML), errors.Is(r.err, selectors.ErrEmptyBody):
				return nil, r.warnings, notHTML{err: r.err, contentType: p.ContentType}
			}
			return nil, r.warnings, fmt.Errorf("extract: %w", unwrapAll(r.err))
		}
		return r.a, r.warnings, nil
	case <-ctx.Done():
		return nil, nil, ctx.Err()
	}
}

// tooLargeToExtract is a page over the extraction budget.
type tooLargeToExtract struct{ size int }

func (e tooLargeToExtract) Error() string {
	return fmt.Sprintf("page of %s is larger than the %s extraction budget; kept in the WARC only",
		humanize.IBytes(uint64(e.size)), humanize.IBytes(selectors.MaxHTMLSize))
}

func (e tooLargeToExtract) Unwrap() error { return selectors.ErrTooLarge }

// notHTML is a page extraction refused: it reads as a person needs it.
type notHTML struct {
	err         error
	contentType string
}

func (e notHTML) Error() string {
	if errors.Is(e.err, selectors.ErrEmptyBody) {
		return "empty page; kept in the WARC only"
	}
	return fmt.Sprintf("not an HTML page (Content-Type %q); kept in the WARC only", e.contentType)
}

func (e notHTML) Unwrap() error { return e.err }

// unwrapAll drops the "extract URL:" prefix selectors puts on its errors:
// the error line names the URL already.
func unwrapAll(err error) error {
	if inner := errors.Unwrap(err); inner != nil && strings.HasPrefix(err.Error(), "extract ") {
		return inner
	}
	return err
}

// ErrorKind sorts errors for a run's summary, by the causes the crawler,
// archive and selectors packages declare: "robots", "http_4xx",
// "timeout", "not_html", "write"…, "other" for the rest.
func ErrorKind(err error) string {
	var se *crawler.StatusError
	var ne net.Error
	switch {
	case errors.Is(err, archive.ErrWrite), errors.Is(err, archive.ErrDiskFull):
		return "write"
	case errors.Is(err, crawler.ErrDeferred):
		return "deferred"
	case errors.As(err, &se):
		return fmt.Sprintf("http_%dxx", se.Status/100)
	case errors.Is(err, crawler.ErrRobots):
		return "robots"
	case errors.Is(err, crawler.ErrRobotsUnavailable):
		return "robots_unavailable"
	case errors.Is(err, crawler.ErrOffSite):
		return "off_site"
	case errors.Is(err, crawler.ErrTooLarge):
		return "too_large"
	case errors.Is(err, selectors.ErrTooLarge):
		return "too_large_to_extract"
	case errors.Is(err, crawler.ErrTooManyRedirects):
		return "redirects"
	case errors.Is(err, selectors.ErrNotHTML), errors.Is(err, selectors.ErrEmptyBody):
		return "not_html"
	case errors.Is(err, crawler.ErrMalformedURL):
		return "malformed_url"
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return "timeout"
	case errors.As(err, &ne):
		return "network"
	}
	return "other"
}
