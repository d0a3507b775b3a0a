//go:build linux

package archive

import (
	"bufio"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	warc "github.com/newsarc/newsarc/third_party/gowarc"

	"github.com/newsarc/newsarc/internal/warctest"
)

// fsizeLimit is the largest file the child process may write: a few pages'
// records, so the WARC file hits it mid-crawl.
const fsizeLimit = 400 << 10

// The child half of TestRecorder_writeFails: it records pages into
// $NEWSARC_TEST_DIR under RLIMIT_FSIZE, so writes past fsizeLimit fail
// with EFBIG as they would on a full disk, and prints what happened.
func writeFailChild() {
	signal.Ignore(syscall.SIGXFSZ) // the write fails instead of killing us
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: fsizeLimit, Max: fsizeLimit}); err != nil {
		fmt.Println("setrlimit:", err)
		os.Exit(3)
	}
	// Random text does not compress: each page adds ~70 KB to the file.
	noise := make([]byte, 52<<10)
	rand.NewChaCha8([32]byte{1}).Read(noise)
	page := "<p>" + base64.StdEncoding.EncodeToString(noise) + "</p>"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "<html><body><h1>%s</h1>%s</body></html>", r.URL.Path, page)
	}))
	defer srv.Close()
	rec, err := NewRecorder(Config{Dir: os.Getenv("NEWSARC_TEST_DIR"), SiteFor: func(string) string { return "full" }})
	if err != nil {
		fmt.Println("recorder:", err)
		os.Exit(3)
	}
	var rc *Receipt
	client := &http.Client{Transport: roundTripFunc(func(req *http.Request) (*http.Response, error) {
		resp, err := rec.RoundTrip(req)
		if err == nil {
			rc = resp.Body.(interface{ Record() any }).Record().(*Receipt)
		}
		return resp, err
	})}
	for i := range 20 {
		rc = nil
		resp, err := client.Get(fmt.Sprintf("%s/page-%d", srv.URL, i))
		if err != nil {
			fmt.Printf("get %d: write=%v %v\n", i, errors.Is(err, ErrWrite), err)
			continue
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		ref, err := rc.Wait(context.Background())
		if err != nil {
			fmt.Printf("wait %d: write=%v %v\n", i, errors.Is(err, ErrWrite), err)
			continue
		}
		fmt.Printf("ok %d %s %d %s\n", i, ref.File, ref.Offset, ref.RecordID)
	}
	err = rec.Close(context.Background())
	fmt.Printf("close: write=%v %v\n", errors.Is(err, ErrWrite), err)
}

func TestMain(m *testing.M) {
	if os.Getenv("NEWSARC_TEST_CHILD") == "writefail" {
		writeFailChild()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// A WARC file that cannot grow (a full disk; here RLIMIT_FSIZE) fails the
// record being written and every one after it with ErrWrite: no panic,
// the file cut back to its last complete record and closed, and every
// record reported written is in it where the receipt said.
func TestRecorder_writeFails(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "NEWSARC_TEST_CHILD=writefail", "NEWSARC_TEST_DIR="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	t.Logf("child:\n%s", out)
	var oks, fails, gets int
	refs := map[string]int64{} // record ID → offset
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	var file string
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		switch {
		case f[0] == "ok":
			if fails > 0 {
				t.Errorf("a page was written after a write failed: %s", sc.Text())
			}
			oks++
			file = f[2]
			var off int64
			fmt.Sscan(f[3], &off)
			refs[f[4]] = off
		case f[0] == "wait" || f[0] == "get":
			if f[2] != "write=true" {
				t.Errorf("failure not an ErrWrite: %s", sc.Text())
			}
			fails++
			if f[0] == "get" {
				gets++
			}
		case f[0] == "close:":
			if f[1] != "write=true" {
				t.Errorf("Close: %s, want an ErrWrite", sc.Text())
			}
		}
	}
	if oks == 0 || fails == 0 || gets == 0 {
		t.Fatalf("%d pages written, %d failed (%d refused before sending): want some of each", oks, fails, gets)
	}
	if open, _ := filepath.Glob(filepath.Join(dir, "warc", "full", "*.open")); len(open) > 0 {
		t.Errorf(".open files left: %v", open)
	}
	path := filepath.Join(dir, file)
	found := 0
	for _, r := range readWARC(t, path) {
		if off, ok := refs[r.header.Get("WARC-Record-ID")]; ok {
			found++
			if off != r.offset {
				t.Errorf("record %s at %d, receipt said %d", r.header.Get("WARC-Record-ID"), r.offset, off)
			}
		}
	}
	if found != oks {
		t.Errorf("%d of %d records reported written are in %s", found, oks, file)
	}
	warctest.Validate(t, path)
	_ = warc.ErrWriterFailed
}
