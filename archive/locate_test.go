package archive

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	warc "github.com/internetarchive/gowarc"
)

type scanned struct {
	id     string
	offset int64
}

// TestScanGzip_MatchesReader checks the header-only scan against gowarc's
// Reader on a file of many records: the same records at the same offsets,
// from the start, from a record boundary, and in a file cut anywhere.
func TestScanGzip_MatchesReader(t *testing.T) {
	srv, _ := newsServer(t)
	dir := t.TempDir()
	rec, err := NewRecorder(Config{Dir: dir, SiteFor: func(string) string { return "test" }})
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Transport: rec}
	for range 3 {
		for _, p := range []string{"/plain", "/chunked", "/gzip", "/moved", "/missing", "/broken"} {
			resp, err := client.Get(srv.URL + p)
			if err != nil {
				t.Fatalf("GET %s: %v", p, err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
	}
	if err := rec.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	files := rec.Files()
	if len(files) != 1 {
		t.Fatalf("files = %v, want one", files)
	}
	path := filepath.Join(dir, files[0])
	var want []scanned
	for _, r := range readWARC(t, path) {
		want = append(want, scanned{r.header.Get("WARC-Record-ID"), r.offset})
	}
	if len(want) < 30 {
		t.Fatalf("only %d records written", len(want))
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var gz gzipScanner // reused, as the index does, also after failed scans
	scan := func(b []byte, off int64) ([]scanned, int64) {
		var got []scanned
		end := gz.scan(bytes.NewReader(b[off:]), off, func(h warc.Header, at int64) {
			got = append(got, scanned{h.Get("WARC-Record-ID"), at})
		})
		return got, end
	}
	equal := func(got, want []scanned) bool {
		if len(got) != len(want) {
			return false
		}
		for i := range got {
			if got[i] != want[i] {
				return false
			}
		}
		return true
	}

	got, end := scan(data, 0)
	if !equal(got, want) || end != int64(len(data)) {
		t.Fatalf("scan = %v, end %d; want %v, end %d", got, end, want, len(data))
	}
	mid := len(want) / 2
	if got, end := scan(data, want[mid].offset); !equal(got, want[mid:]) || end != int64(len(data)) {
		t.Errorf("scan from %d = %v, end %d; want %v", want[mid].offset, got, end, want[mid:])
	}
	// A record being written: the scan stops before it.
	for cut := 0; cut < len(data); cut += 97 {
		complete := 0
		for complete < len(want) && (complete+1 < len(want) && want[complete+1].offset <= int64(cut)) {
			complete++
		}
		wantEnd := int64(0)
		if complete > 0 {
			wantEnd = want[complete].offset
		}
		got, end := scan(data[:cut], 0)
		if !equal(got, want[:complete]) || end != wantEnd {
			t.Fatalf("cut at %d: scan = %d records, end %d; want %d, end %d", cut, len(got), end, complete, wantEnd)
		}
	}
}

// Records nobody locates (listing pages, robots.txt) do not make the index
// grow with the crawl.
func TestIndex_bounded(t *testing.T) {
	x := newIndex(t.TempDir(), t.TempDir(), "s", time.Now())
	for i := range 3 * maxRefs {
		u := fmt.Sprintf("http://example.org/%d", i)
		x.remember(u, Ref{RecordID: u})
		if i%2 == 0 {
			if _, err := x.take(u); err != nil {
				t.Fatal(err)
			}
		}
	}
	if len(x.refs) > maxRefs || len(x.order) > 2*maxRefs {
		t.Errorf("index holds %d refs and %d keys, want at most %d and %d", len(x.refs), len(x.order), maxRefs, 2*maxRefs)
	}
	last := fmt.Sprintf("http://example.org/%d", 3*maxRefs-1)
	if r, err := x.take(last); err != nil || r.RecordID != last {
		t.Errorf("the newest record was lost: %+v, %v", r, err)
	}
}
