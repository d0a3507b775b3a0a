package archive

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"time"

	warc "github.com/newsarc/newsarc/third_party/gowarc"
)

// RoundTrip sends req through the site's WARC-writing client. The body of
// the response it returns is as it came off the wire (no content coding
// undone); it implements Record() any, which returns the exchange's
// *Receipt. Closing the body before reading it to its end marks the
// response record truncated (WARC-Truncated: length): that is how a
// caller enforces a size limit. Once the recorder failed to write, every
// request fails with an error wrapping ErrWrite, without being sent.
func (r *Recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := r.Err(); err != nil {
		return nil, err
	}
	if free, ok := freeBytes(r.cfg.Dir); ok && free < r.cfg.MinFree {
		return nil, fmt.Errorf("%w: %s has %d bytes free, need %d to fetch %s", ErrDiskFull, r.cfg.Dir, free, r.cfg.MinFree, req.URL)
	}
	s, err := r.site(SiteName(r.cfg.SiteFor(req.URL.Hostname())))
	if err != nil {
		return nil, err
	}
	ex := warc.NewExchange()
	req = req.WithContext(warc.WithExchange(req.Context(), ex))
	resp, err := s.client.Transport.RoundTrip(req)
	if err != nil {
		if isTimeout(err) || pastDeadline(req.Context()) {
			ex.Truncate(warc.TruncatedTime)
		}
		ex.ClientDone()
		if !ex.Started() {
			// No connection, no record; a late dial that starts one
			// finds the exchange already ended.
			ex.Finish(nil, warc.ErrNoRecord)
		}
		return nil, err
	}
	rc := &Receipt{uri: req.URL.String(), site: s, root: r.cfg.Dir, ex: ex, rec: r}
	resp.Body = &recordedBody{rc: resp.Body, receipt: rc, ctx: req.Context()}
	return resp, nil
}

// recordedBody tells the exchange, when it is closed, whether the client
// read the response to its end.
type recordedBody struct {
	rc      io.ReadCloser
	receipt *Receipt
	ctx     context.Context // the request's: its deadline is the client's timeout
	eof     bool
	err     error // the first read error
	once    sync.Once
}

func (b *recordedBody) Read(p []byte) (int, error) {
	n, err := b.rc.Read(p)
	switch {
	case err == io.EOF:
		b.eof = true
	case err != nil && b.err == nil:
		b.err = err
	}
	return n, err
}

func (b *recordedBody) Close() error {
	b.once.Do(func() {
		ex := b.receipt.ex
		switch {
		case b.eof:
		case b.err == nil:
			ex.Truncate(warc.TruncatedLength) // the caller stopped reading
		case isTimeout(b.err) || pastDeadline(b.ctx):
			ex.Truncate(warc.TruncatedTime)
		case errors.Is(b.err, context.Canceled) || b.ctx.Err() != nil:
			ex.Truncate(warc.TruncatedUnspecified) // interrupted
		default:
			ex.Truncate(warc.TruncatedDisconnect)
		}
		ex.ClientDone()
	})
	return b.rc.Close()
}

// Record returns the exchange's *Receipt; the crawler hands it on opaque.
func (b *recordedBody) Record() any { return b.receipt }

// pastDeadline reports whether ctx's deadline has come. http.Client
// cancels a request that times out with a timer of its own, which fires
// about when the context's does: ctx.Err() may still be nil, or say
// Canceled, so the clock decides.
func pastDeadline(ctx context.Context) bool {
	d, ok := ctx.Deadline()
	return ok && time.Until(d) < 10*time.Millisecond
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout()
}
