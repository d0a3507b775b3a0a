package archive

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsarc/newsarc/internal/warctest"
)

// writeSample records a few exchanges and returns the closed WARC file.
func writeSample(t *testing.T, dir string) string {
	t.Helper()
	srv, _ := newsServer(t)
	rec, err := NewRecorder(Config{Dir: dir, SiteFor: func(string) string { return "s" }})
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Transport: rec}
	for _, p := range []string{"/plain", "/gzip", "/chunked"} {
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
