package archive

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsarc/newsarc/internal/warctest"
)

// writeSample records a few exchanges and returns the closed WARC file.
func writeSample(t testing.TB, dir string) string {
	return writeSampleAs(t, dir, "gzip", "s")
}

func writeSampleAs(t testing.TB, dir, compression, site string) string {
	t.Helper()
	srv, _ := newsServer(t)
	rec, err := NewRecorder(Config{Dir: dir, Compression: compression, SiteFor: func(string) string { return site }})
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Transport: rec}
	for _, p := range []string{"/plain", "/gzip", "/chunked", "/missing"} {
		resp, err := client.Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	if err := rec.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, rec.Files()[0])
}

func TestRepair(t *testing.T) {
	dir := t.TempDir()
	whole := writeSample(t, dir)
	data, err := os.ReadFile(whole)
	if err != nil {
		t.Fatal(err)
	}
	records := readWARC(t, whole)
	last := records[len(records)-1].offset
	os.Remove(whole)

	// What kill -9 leaves: the last record cut in the middle of its gzip member.
	cut := filepath.Join(dir, "warc", "s", "s-20261128000000000-00001-host.warc.gz.open")
	os.WriteFile(cut, data[:last+(int64(len(data))-last)/2], 0o644)
	// A file with nothing readable in it.
	junk := filepath.Join(dir, "warc", "s", "s-20261128000000000-00002-host.warc.gz.open")
	os.WriteFile(junk, []byte("not a warc at all"), 0o644)

	got, err := Repair(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("repaired %+v, want 2 files", got)
	}
	fixed := strings.TrimSuffix(cut, ".open")
	info, err := os.Stat(fixed)
	if err != nil {
		t.Fatalf("repaired file not closed: %v", err)
	}
	if info.Size() != last {
		t.Errorf("kept %d bytes, want %d (up to the last complete record)", info.Size(), last)
	}
	if n := len(readWARC(t, fixed)); n != len(records)-1 {
		t.Errorf("%d records kept, want %d", n, len(records)-1)
	}
	if _, err := os.Stat(strings.TrimSuffix(junk, ".open") + ".corrupt"); err != nil {
		t.Errorf("unreadable file not set aside: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "warc", "s", "*.open")); len(left) > 0 {
		t.Errorf(".open files left: %v", left)
	}
	warctest.Validate(t, fixed)
}

// A file being written by a live recorder is not touched.
func TestRepair_liveWriter(t *testing.T) {
	dir := t.TempDir()
	srv, _ := newsServer(t)
	rec, err := NewRecorder(Config{Dir: dir, SiteFor: func(string) string { return "s" }})
	if err != nil {
		t.Fatal(err)
	}
	defer rec.Close(context.Background())
	resp, err := (&http.Client{Transport: rec}).Get(srv.URL + "/plain")
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if _, err := receiptOf(t, resp).Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	got, err := Repair(dir, nil)
	if err != nil || len(got) != 0 {
		t.Errorf("Repair with a live writer: %+v, %v", got, err)
	}
	if open, _ := filepath.Glob(filepath.Join(dir, "warc", "s", "*.open")); len(open) != 1 {
		t.Errorf("the live .open file was touched: %v", open)
	}
}

// A WARC file closed (renamed) by a run that then lost power may end in
// the middle of a record: the next repair cuts it back to its last
// complete record, and checks each closed file only once.
func TestRepair_closedFiles(t *testing.T) {
	dir := t.TempDir()
	whole := writeSample(t, dir)
	records := readWARC(t, whole)
	last := records[len(records)-1].offset
	data, _ := os.ReadFile(whole)
	if err := os.WriteFile(whole, data[:last+(int64(len(data))-last)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	// Half a JSON file a killed run was writing.
	os.MkdirAll(filepath.Join(dir, tmpDir), 0o755)
	os.WriteFile(filepath.Join(dir, tmpDir, "abc.json.tmp-1"), []byte(`{"id":`), 0o644)

	got, err := Repair(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Kept != last {
		t.Fatalf("repaired %+v, want the closed file cut to %d bytes", got, last)
	}
	if fi, _ := os.Stat(whole); fi.Size() != last {
		t.Errorf("closed file is %d bytes, want %d", fi.Size(), last)
	}
	warctest.Validate(t, whole)
	if left, _ := os.ReadDir(filepath.Join(dir, tmpDir)); len(left) != 0 {
		t.Errorf("half-written JSON left: %v", left)
	}

	// Checked once: a file older than the last check is not read again
	// (here: cut again, and left so).
	old := time.Now().Add(-time.Hour)
	os.Chtimes(whole, old, old)
	data, _ = os.ReadFile(whole)
	os.WriteFile(whole, data[:len(data)-10], 0o644)
	os.Chtimes(whole, old, old)
	if got, err := Repair(dir, nil); err != nil || len(got) != 0 {
		t.Errorf("second repair: %+v, %v; want nothing checked again", got, err)
	}
}
