package archive

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	warc "github.com/newsarc/newsarc/third_party/gowarc"
)

// Receipt follows the records of one exchange until they are written.
type Receipt struct {
	uri  string
	site *siteWriter
	root string
	ex   *warc.Exchange
	rec  *Recorder
}

// Wait returns where the exchange's response (or revisit) record lies,
// once it is written and on stable storage (the file synced): an article
// JSON that points at it can never point at a record a crash lost. It
// fails when the exchange left no response record, and with an error
// wrapping ErrWrite when the WARC file could not be written.
func (rc *Receipt) Wait(ctx context.Context) (Ref, error) {
	select {
	case <-rc.ex.Done():
	case <-ctx.Done():
		return Ref{}, fmt.Errorf("locate record of %s: %w", rc.uri, ctx.Err())
	}
	locs, err := rc.ex.Result()
	if err != nil {
		if errors.Is(err, warc.ErrWriterFailed) {
			return Ref{}, rc.rec.fail(writeError{err})
		}
		return Ref{}, fmt.Errorf("record %s: %w", rc.uri, err)
	}
	var ref Ref
	for _, l := range locs {
		if l.Type == "response" || l.Type == "revisit" {
			ref = Ref{
				File:          filepath.Join(rc.site.dir, l.File),
				RecordID:      l.RecordID,
				Offset:        l.Offset,
				PayloadDigest: l.PayloadDigest,
				Type:          l.Type,
				Truncated:     l.Truncated,
			}
			ref.File, _ = filepath.Rel(rc.root, ref.File)
			break
		}
	}
	if ref.RecordID == "" {
		return Ref{}, fmt.Errorf("record %s: no response record was written", rc.uri)
	}
	if err := rc.site.client.SyncWritten(ctx); err != nil {
		if ctx.Err() != nil {
			return Ref{}, fmt.Errorf("sync record of %s: %w", rc.uri, err)
		}
		if errors.Is(err, warc.ErrClientClosed) {
			// Close syncs every file it closes; the record is not lost,
			// but it is too late to say it is on disk.
			return Ref{}, fmt.Errorf("sync record of %s: %w", rc.uri, ErrClosed)
		}
		return Ref{}, rc.rec.fail(writeError{err})
	}
	return ref, nil
}

// Ref points at one WARC record.
type Ref struct {
	// File is the WARC file's path relative to the archive dir, without the
	// .open suffix it carries while being written.
	File          string
	RecordID      string
	Offset        int64
	PayloadDigest string
	// Type is "response" or "revisit".
	Type string
	// Truncated is the record's WARC-Truncated value, "" when it is whole.
	Truncated string
}

// writeError is a failure to write the WARC files: it reads as its cause
// and is ErrWrite.
type writeError struct{ err error }

func (e writeError) Error() string        { return e.err.Error() }
func (e writeError) Unwrap() error        { return e.err }
func (e writeError) Is(target error) bool { return target == ErrWrite }
