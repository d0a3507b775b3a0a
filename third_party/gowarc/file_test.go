package warc

import (
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestGenerateWARCFilename(t *testing.T) {
	serial := &atomic.Uint64{}
	serial.Store(5)
	// newsarc patch 8: generateWARCFilename returns its error instead of
	// panicking.
	fname1, err := generateWARCFilename("youtube", CompressionGzip, serial)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(fname1, ".warc.gz.open") {
		t.Errorf("expected filename suffix: .warc.gz.open, got: %v", fname1)
	}
	if !strings.HasPrefix(fname1, "youtube-") {
		t.Errorf("expected filename prefix: youtube-, got: %v", fname1)
	}
	if !strings.Contains(fname1, "-00006-") {
		t.Errorf("expected filename containing serial+1: -00006-, got: %v", fname1)
	}
}

// newsarc patch 8: isFileSizeExceeded went with the record writer it
// served; the writer that replaced it rotates on the bytes it has written
// to its file (fileWriter.size) before each batch. The same limits are
// checked on that writer: a batch for a file of sizeMB MiB goes to a new
// file exactly when the old one has reached maxSize MiB.
func TestIsFileSizeExceeded(t *testing.T) {
	tests := []struct {
		name     string
		sizeMB   int64   // size in megabytes
		maxSize  float64 // max allowed size
		expected bool
	}{
		{"Below limit", 1, 2.0, false},
		{"Above limit", 3, 2.0, true},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			settings := NewRotatorSettings()
			settings.OutputDirectory = t.TempDir()
			settings.WARCSize = tt.maxSize
			settings.Compression = CompressionNone
			settings.errs = &writerErrors{}
			w := &fileWriter{settings: settings, serial: new(atomic.Uint64)}
			if err := w.openFile(); err != nil {
				t.Fatal(err)
			}
			first := w.name

			// Truncate file to desired size
			if err := w.file.Truncate(tt.sizeMB * 1024 * 1024); err != nil {
				t.Fatal(err)
			}
			var err error
			if w.size, err = w.file.Seek(0, io.SeekEnd); err != nil {
				t.Fatal(err)
			}

			r := NewRecord("", false)
			r.Content.Write([]byte("record"))
			w.handle(&RecordBatch{CaptureTime: time.Now().UTC().Format(time.RFC3339Nano), Records: []*Record{r}})
			if w.err != nil {
				t.Fatal(w.err)
			}
			result := w.name != first
			if result != tt.expected {
				t.Errorf("expected %v, got %v", tt.expected, result)
			}
			if err := w.closeFile(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// to be run with -race flag
func TestGenerateWARCFilename_NoRace(t *testing.T) {
	var serial atomic.Uint64
	var wg sync.WaitGroup
	iterations := 1000
	prefix := "test"
	compression := CompressionGzip

	start := make(chan struct{})

	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for range iterations {
				// newsarc patch 8: an error return, not a panic.
				if _, err := generateWARCFilename(prefix, compression, &serial); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}

	close(start)
	wg.Wait()
}
