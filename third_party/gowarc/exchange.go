package warc

// newsarc patch: this whole file. An Exchange follows one HTTP exchange from
// the connection to the WARC file, so the caller learns where each record
// went (file and offset, as nlnwa/gowarc's Write reports them) or why it was
// not written, instead of reading the WARC files back to find out.

import (
	"context"
	"errors"
	"sync"
)

// ContextKeyExchange is the context key of an *Exchange (see WithExchange).
const ContextKeyExchange contextKey = "newsarcExchange"

// Values of WARC-Truncated (WARC 1.1, section 5.13).
const (
	TruncatedLength      = "length"     // the client stopped reading at a size limit
	TruncatedTime        = "time"       // a timeout ended the exchange
	TruncatedDisconnect  = "disconnect" // the connection broke before the message ended
	TruncatedUnspecified = "unspecified"
)

// ErrWriterFailed is wrapped by the errors of a writer that could not
// write, sync, close or rename a file: nothing more is written after it.
var ErrWriterFailed = errors.New("warc: writer failed")

// ErrNoRecord is the result of an exchange that never reached the writer:
// no connection was made, or it carried no request.
var ErrNoRecord = errors.New("warc: exchange not recorded")

// RecordLocation is where one record of an exchange was written.
type RecordLocation struct {
	Type          string // WARC-Type: request, response, revisit or metadata
	RecordID      string // WARC-Record-ID, with its <urn:uuid:…> brackets
	TargetURI     string
	PayloadDigest string // "" when the record has none
	Truncated     string // WARC-Truncated, "" when complete
	File          string // the file's final name (no .open suffix), no directory
	Offset        int64  // of the record (its gzip member) in the file
}

// Exchange follows one HTTP exchange. Put it in the request's context with
// WithExchange before the request is sent; Done is closed once its records
// are written, or once it is known they never will be.
type Exchange struct {
	mu        sync.Mutex
	truncated string
	started   bool
	finished  bool
	records   []RecordLocation
	err       error
	done      chan struct{}
	// clientDone is closed by ClientDone: the client has finished reading
	// the response (or has given up on it), so truncation() is final.
	clientDone chan struct{}
	clientOnce sync.Once
}

// NewExchange returns an Exchange that has not started.
func NewExchange() *Exchange {
	return &Exchange{done: make(chan struct{}), clientDone: make(chan struct{})}
}

// WithExchange returns a context that makes the client report on ex.
func WithExchange(ctx context.Context, ex *Exchange) context.Context {
	return context.WithValue(ctx, ContextKeyExchange, ex)
}

func exchangeFrom(ctx context.Context) *Exchange {
	ex, _ := ctx.Value(ContextKeyExchange).(*Exchange)
	return ex
}

// Truncate says the client ended the response early, for reason (one of
// the Truncated values). Call it before closing the response body; the
// first reason given is kept.
func (ex *Exchange) Truncate(reason string) {
	ex.mu.Lock()
	if ex.truncated == "" {
		ex.truncated = reason
	}
	ex.mu.Unlock()
}

// ClientDone says the client is done with the response: it read it to its
// end, or called Truncate first, or the request failed. Call it before
// closing the response body. The recording of a connection waits for it
// (up to clientVerdictWait) to know whether a response cut short was cut by
// the client or by the server.
func (ex *Exchange) ClientDone() {
	ex.clientOnce.Do(func() { close(ex.clientDone) })
}

func (ex *Exchange) truncation() string {
	ex.mu.Lock()
	defer ex.mu.Unlock()
	return ex.truncated
}

// start marks that a connection is being recorded for ex.
func (ex *Exchange) start() {
	ex.mu.Lock()
	ex.started = true
	ex.mu.Unlock()
}

// Started reports whether a connection was recorded for ex. A request that
// failed before one was (refused, unresolvable) leaves no record.
func (ex *Exchange) Started() bool {
	ex.mu.Lock()
	defer ex.mu.Unlock()
	return ex.started
}

// Done is closed when the exchange's records are written or have failed.
func (ex *Exchange) Done() <-chan struct{} { return ex.done }

// Result returns the records written, in file order, or the error that
// kept them from being written. Call it after Done is closed.
func (ex *Exchange) Result() ([]RecordLocation, error) {
	ex.mu.Lock()
	defer ex.mu.Unlock()
	return ex.records, ex.err
}

// Finish ends ex with err unless it has ended already. The client calls it;
// callers use it for a request that failed before any connection was made.
func (ex *Exchange) Finish(records []RecordLocation, err error) {
	ex.mu.Lock()
	defer ex.mu.Unlock()
	if ex.finished {
		return
	}
	ex.finished = true
	ex.records, ex.err = records, err
	close(ex.done)
}
