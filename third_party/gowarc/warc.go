package warc

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

type compressionType string

const (
	CompressionNone = compressionType("none")
	CompressionGzip = compressionType("gzip")
	CompressionZstd = compressionType("zstd")
)

var CompressionTypes = []compressionType{CompressionNone, CompressionGzip, CompressionZstd}

func MustCompressionTypeFromString(s string) compressionType {
	switch strings.ToLower(s) {
	case "none":
		return CompressionNone
	case "gzip":
		return CompressionGzip
	case "zstd":
		return CompressionZstd
	default:
		panic(fmt.Sprintf("invalid compression type: %s", s))
	}
}

// RotatorSettings is used to store the settings
// needed by recordWriter to write WARC files
type RotatorSettings struct {
	// Content of the warcinfo record that will be written
	// to all WARC files
	WarcinfoContent Header
	// Prefix used for WARC filenames, WARC 1.1 specifications
	// recommend to name files this way:
	// Prefix-Timestamp-Serial-Crawlhost.warc.gz
	Prefix string
	// Compression algorithm to use
	Compression compressionType
	// Payload digest calculation algorithm to use
	digestAlgorithm DigestAlgorithm
	// Path to a ZSTD compression dictionary to embed (and use) in .warc.zst files
	CompressionDictionary string
	// Directory where the created WARC files will be stored,
	// default will be the current directory
	OutputDirectory string
	// WARCSize is in Megabytes
	WARCSize float64
	// WARCWriterPoolSize defines the number of parallel WARC writers
	WARCWriterPoolSize int
	// errs collects what stopped the writers (newsarc patch).
	errs *writerErrors
	// OnOpen, when set, is called with the name (with .open) of each file
	// a writer starts, before its first record (newsarc patch).
	OnOpen func(name string)
}

var (
	// Create a couple of counters for tracking various stats
	DataTotal atomic.Int64

	CDXDedupeTotalBytes          atomic.Int64
	DoppelgangerDedupeTotalBytes atomic.Int64
	LocalDedupeTotalBytes        atomic.Int64

	CDXDedupeTotal          atomic.Int64
	DoppelgangerDedupeTotal atomic.Int64
	LocalDedupeTotal        atomic.Int64
)

// NewWARCRotator creates and return a channel that can be used
// to communicate records to be written to WARC files to the
// recordWriter function running in a goroutine
func (s *RotatorSettings) NewWARCRotator() (recordWriterChan chan *RecordBatch, doneChannels []chan bool, err error) {
	recordWriterChan = make(chan *RecordBatch, 1)

	// Create global atomicSerial number for numbering WARC files.
	var serial = new(atomic.Uint64)

	// Check the rotator settings and set default values
	err = checkRotatorSettings(s)
	if err != nil {
		return recordWriterChan, doneChannels, err
	}

	var dictionary []byte

	if s.CompressionDictionary != "" {
		dictionary, err = os.ReadFile(s.CompressionDictionary)
		if err != nil {
			return recordWriterChan, doneChannels, fmt.Errorf("read compression dictionary %s: %w", s.CompressionDictionary, err)
		}
	}
	if s.errs == nil {
		s.errs = &writerErrors{}
	}

	for i := 0; i < s.WARCWriterPoolSize; i++ {
		doneChan := make(chan bool)
		doneChannels = append(doneChannels, doneChan)

		go recordWriter(s, recordWriterChan, doneChan, serial, dictionary)
	}

	return recordWriterChan, doneChannels, nil
}

// reset resets the compressed writer to write to a new output.
// This reuses the encoder's internal buffers.
func (w *Writer) Reset(output io.Writer) {
	if w.Compressor != nil {
		w.Compressor.Reset(output)
		w.BufWriter.Reset(w.Compressor)
	} else {
		w.BufWriter.Reset(output)
	}
}

// Close will flush the final output and close the stream.
// The function will block until everything has been written.
// The [Compressor] can still be re-used after calling this.
// If the [Compressor] is nil, this will just flush the [Writer.BufWriter].
func (w *Writer) FlushAndCloseCompressor() (err error) {
	if w.Compressor != nil {
		err1 := w.BufWriter.Flush()
		err2 := w.Compressor.Close()
		return errors.Join(err1, err2)
	} else {
		return w.BufWriter.Flush()
	}
}

// getNextWARCFilename returns a name no file in outputDir has yet.
// newsarc patch: errors are returned, not panicked.
func getNextWARCFilename(outputDir, prefix string, compression compressionType, serial *atomic.Uint64) (string, error) {
	for {
		name, err := generateWARCFilename(prefix, compression, serial)
		if err != nil {
			return "", err
		}
		_, err = os.Stat(path.Join(outputDir, name))
		if errors.Is(err, os.ErrNotExist) {
			return name, nil
		}
		if err != nil {
			return "", fmt.Errorf("check warc name %s: %w", name, err)
		}
	}
}

// newsarc patch: from here to the end of the file, the record writer
// gowarc as served ran as recordWriter, which panicked on every I/O error
// (a full disk, an unwritable directory: the process died with exit code
// 2 and the file stayed .open, cut mid-record), renamed files without
// syncing them, and told a waiting caller only that a batch was written.
// Now a failed write cuts the file back to its last complete record,
// closes it and stops the writer; every batch after that is failed with
// the same error; Close reports it. Files are synced before they are
// renamed, and each batch reports where its records went.

// writerErrors collects the errors that stopped writers.
type writerErrors struct {
	mu   sync.Mutex
	errs []error
}

func (w *writerErrors) add(err error) {
	w.mu.Lock()
	w.errs = append(w.errs, err)
	w.mu.Unlock()
}

func (w *writerErrors) all() []error {
	if w == nil {
		return nil
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clone(w.errs)
}

// fileWriter is one writer goroutine's state: the file it writes, or the
// error that stopped it.
type fileWriter struct {
	settings   *RotatorSettings
	serial     *atomic.Uint64
	dictionary []byte

	file       *os.File
	name       string // the file's name while written, with .open
	writer     *Writer
	warcinfoID string
	size       int64
	err        error
}

func recordWriter(settings *RotatorSettings, records chan *RecordBatch, done chan bool, serial *atomic.Uint64, dictionary []byte) {
	w := &fileWriter{settings: settings, serial: serial, dictionary: dictionary}
	for batch := range records {
		w.handle(batch)
	}
	if w.file != nil {
		if err := w.closeFile(); err != nil {
			w.fail(err)
		}
	}
	done <- true
}

func (w *fileWriter) handle(b *RecordBatch) {
	if b.syncReq != nil {
		b.syncReq.begin()
		if w.err == nil && w.file != nil {
			if err := w.file.Sync(); err != nil {
				w.fail(fileErr("sync warc", w.path(), err))
			}
		}
		b.syncReq.finish(w.err)
		return
	}
	err := w.err
	if err == nil && w.file != nil && float64(w.size) >= w.settings.WARCSize*1024*1024 {
		if err = w.closeFile(); err != nil {
			w.fail(err)
		}
	}
	if err == nil && w.file == nil {
		if err = w.openFile(); err != nil {
			w.fail(err)
		}
	}
	if err != nil {
		w.reject(b, b.Records, err)
		return
	}
	final := strings.TrimSuffix(w.name, ".open")
	locs := make([]RecordLocation, 0, len(b.Records))
	for i, r := range b.Records {
		off := w.size
		w.writer.Reset(w.file)
		r.Header.Set("WARC-Date", b.CaptureTime)
		r.Header.Set("WARC-Warcinfo-ID", "<urn:uuid:"+w.warcinfoID+">")
		if _, err := w.writer.WriteRecord(r); err != nil {
			w.fail(fileErr("write warc", w.path(), err))
			w.reject(b, b.Records[i+1:], w.err)
			return
		}
		end, err := w.file.Seek(0, io.SeekCurrent)
		if err != nil {
			w.fail(fileErr("write warc", w.path(), err))
			w.reject(b, b.Records[i+1:], w.err)
			return
		}
		w.size = end
		locs = append(locs, RecordLocation{
			Type:          r.Header.Get("WARC-Type"),
			RecordID:      r.Header.Get("WARC-Record-ID"),
			TargetURI:     r.Header.Get("WARC-Target-URI"),
			PayloadDigest: r.Header.Get("WARC-Payload-Digest"),
			Truncated:     r.Header.Get("WARC-Truncated"),
			File:          final,
			Offset:        off,
		})
	}
	if b.FeedbackChan != nil {
		b.FeedbackChan <- struct{}{}
		close(b.FeedbackChan)
	}
	if b.onWritten != nil {
		b.onWritten(locs, nil)
	}
}

// reject fails a batch: its remaining records are dropped.
func (w *fileWriter) reject(b *RecordBatch, rest []*Record, err error) {
	for _, r := range rest {
		r.Content.Close()
	}
	if b.FeedbackChan != nil {
		close(b.FeedbackChan)
	}
	if b.onWritten != nil {
		b.onWritten(nil, err)
	}
}

func (w *fileWriter) path() string {
	return filepath.Join(w.settings.OutputDirectory, w.name)
}

// openFile starts a new file with its warcinfo record.
func (w *fileWriter) openFile() error {
	name, err := getNextWARCFilename(w.settings.OutputDirectory, w.settings.Prefix, w.settings.Compression, w.serial)
	if err != nil {
		return err
	}
	w.name = name
	f, err := os.OpenFile(w.path(), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fileErr("create warc", w.path(), err)
	}
	if w.settings.OnOpen != nil {
		w.settings.OnOpen(name)
	}
	w.file, w.size = f, 0
	wr, err := NewWriter(f, name, w.settings.digestAlgorithm, w.settings.Compression, true, w.dictionary)
	if err != nil {
		return fileErr("create warc", w.path(), err)
	}
	w.writer = wr
	if w.warcinfoID, err = wr.WriteInfoRecord(w.settings.WarcinfoContent); err != nil {
		return fileErr("write warc: warcinfo", w.path(), err)
	}
	if w.size, err = f.Seek(0, io.SeekCurrent); err != nil {
		return fileErr("write warc", w.path(), err)
	}
	return nil
}

// closeFile flushes, syncs, closes and renames the current file (drops
// .open), then syncs its directory, so that a file without .open is whole
// on disk.
func (w *fileWriter) closeFile() error {
	f := w.file
	w.file = nil
	err := w.writer.FlushAndCloseCompressor()
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fileErr("close warc", w.path(), err)
	}
	final := strings.TrimSuffix(w.path(), ".open")
	if err := os.Rename(w.path(), final); err != nil {
		return fileErr("close warc", w.path(), err)
	}
	if d, err := os.Open(w.settings.OutputDirectory); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// fail stops the writer with err. The current file is cut back to its
// last complete record and closed, so it validates; if even that fails it
// stays .open for the next run's repair.
func (w *fileWriter) fail(err error) {
	if w.err != nil {
		return
	}
	err = writerError{err}
	w.err = err
	w.settings.errs.add(err)
	if w.file == nil {
		return
	}
	if w.size == 0 {
		// Not even the warcinfo record was written.
		w.file.Close()
		os.Remove(w.path())
		w.file = nil
		return
	}
	if terr := w.file.Truncate(w.size); terr != nil {
		w.file.Close()
		w.file = nil
		return
	}
	f := w.file
	w.file = nil
	if f.Sync() == nil && f.Close() == nil {
		os.Rename(w.path(), strings.TrimSuffix(w.path(), ".open"))
		return
	}
	f.Close()
}

// syncState lets concurrent SyncWritten calls share one fsync.
type syncState struct {
	mu      sync.Mutex
	pending *syncRequest // sent to the writer, not begun yet
}

type syncRequest struct {
	owner *syncState
	done  chan struct{}
	err   error
}

// begin is called by the writer as it starts the fsync: a caller that
// comes later may have records written after this point, so it needs a
// sync of its own.
func (r *syncRequest) begin() {
	r.owner.mu.Lock()
	if r.owner.pending == r {
		r.owner.pending = nil
	}
	r.owner.mu.Unlock()
}

func (r *syncRequest) finish(err error) {
	r.err = err
	close(r.done)
}

// fileErr names op and path once: an *os.PathError already names the path.
func fileErr(op, path string, err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) && pe.Path == path {
		err = pe.Err
	}
	return fmt.Errorf("%s %s: %w", op, path, err)
}

// writerError is an error that stopped a writer: it reads as its cause and
// is ErrWriterFailed.
type writerError struct{ err error }

func (e writerError) Error() string        { return e.err.Error() }
func (e writerError) Unwrap() error        { return e.err }
func (e writerError) Is(target error) bool { return target == ErrWriterFailed }
