package archive

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha1"
	"encoding/base32"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	warc "github.com/newsarc/newsarc/third_party/gowarc"

	"github.com/newsarc/newsarc/internal/warctest"
)

// tapListener keeps every byte each accepted connection read and wrote, so a
// test can compare the WARC with what the server really saw.
type tapListener struct {
	net.Listener
	mu    sync.Mutex
	conns []*tapConn
}

type tapConn struct {
	net.Conn
	mu        sync.Mutex
	in, out   bytes.Buffer
	closeOnce sync.Once
	closed    chan struct{}
}

func (l *tapListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	tc := &tapConn{Conn: c, closed: make(chan struct{})}
	l.mu.Lock()
	l.conns = append(l.conns, tc)
	l.mu.Unlock()
	return tc, nil
}

func (c *tapConn) Read(b []byte) (int, error) {
	n, err := c.Conn.Read(b)
	c.mu.Lock()
	c.in.Write(b[:n])
	c.mu.Unlock()
	return n, err
}

func (c *tapConn) Write(b []byte) (int, error) {
	n, err := c.Conn.Write(b)
	c.mu.Lock()
	c.out.Write(b[:n])
	c.mu.Unlock()
	return n, err
}

func (c *tapConn) Close() error {
	c.closeOnce.Do(func() { close(c.closed) })
	return c.Conn.Close()
}

// exchanges returns what each connection read and wrote, keyed by the bytes
// it read (one request per connection: gowarc disables keep-alive).
// exchanges maps each request the server read to the responses it wrote
// to it: several when the same request came more than once (their Date
// headers may differ by a second).
func (l *tapListener) exchanges(t *testing.T) map[string][]string {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make(map[string][]string)
	for _, c := range l.conns {
		select {
		case <-c.closed:
		case <-time.After(5 * time.Second):
			t.Fatal("server connection never closed")
		}
		c.mu.Lock()
		out[c.in.String()] = append(out[c.in.String()], c.out.String())
		c.mu.Unlock()
	}
	return out
}

const page = `<!doctype html><html lang="en"><head><title>Tram line opens - Demo</title></head>
<body><h1>Tram line opens</h1><p>The new tram line carries its first passengers across the city today.</p></body></html>`

// newsServer serves the kinds of responses a news site sends.
func newsServer(t testing.TB) (*httptest.Server, *tapListener) {
	mux := http.NewServeMux()
	mux.HandleFunc("/plain", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Length", fmt.Sprint(len(page)))
		io.WriteString(w, page)
	})
	mux.HandleFunc("/chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		for part := range strings.SplitSeq(page, "<p>") {
			io.WriteString(w, part)
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		io.WriteString(zw, strings.Repeat(page, 20))
		zw.Close()
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/plain", http.StatusFound)
	})
	mux.HandleFunc("/missing", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "no such article", http.StatusNotFound)
	})
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "database down", http.StatusInternalServerError)
	})
	srv := httptest.NewUnstartedServer(mux)
	tap := &tapListener{Listener: srv.Listener}
	srv.Listener = tap
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, tap
}

type readRecord struct {
	header warc.Header
	block  []byte
	offset int64
	file   string
}

// readWARC reads every record of a file with gowarc's reader.
func readWARC(t *testing.T, path string) []readRecord {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := warc.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var out []readRecord
	for {
		rec, err := r.ReadRecord()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("read %s: %v", path, err)
		}
		b, err := io.ReadAll(rec.Content)
		if err != nil {
			t.Fatal(err)
		}
		rec.Content.Close()
		out = append(out, readRecord{header: rec.Header, block: b, offset: rec.Offset, file: path})
	}
}

// receiptOf returns the Receipt of a response the recorder returned.
func receiptOf(t *testing.T, resp *http.Response) *Receipt {
	t.Helper()
	r, ok := resp.Body.(interface{ Record() any })
	if !ok {
		t.Fatalf("response body %T does not report its record", resp.Body)
	}
	rc, ok := r.Record().(*Receipt)
	if !ok {
		t.Fatalf("Record() = %T, want *Receipt", r.Record())
	}
	return rc
}

func sha1b32(b []byte) string {
	s := sha1.Sum(b)
	return "sha1:" + base32.StdEncoding.EncodeToString(s[:])
}

func TestRecorder_RoundTrip(t *testing.T) {
	srv, tap := newsServer(t)
	dir := t.TempDir()
	rec, err := NewRecorder(Config{Dir: dir, SiteFor: func(string) string { return "test" }})
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Transport: rec}
	paths := []string{"/plain", "/chunked", "/gzip", "/moved", "/missing", "/broken", "/plain"}
	var receipt *Receipt
	for _, p := range paths {
		resp, err := client.Get(srv.URL + p)
		if err != nil {
			t.Fatalf("GET %s: %v", p, err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if p == "/gzip" {
			receipt = receiptOf(t, resp)
		}
	}
	ref, err := receipt.Wait(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if err := rec.Close(context.Background()); err != nil {
		t.Fatal(err)
	}

	files := rec.Files()
	if len(files) != 1 || !strings.HasSuffix(files[0], ".warc.gz") {
		t.Fatalf("files = %v, want one closed .warc.gz", files)
	}
	open, _ := filepath.Glob(filepath.Join(dir, "warc", "test", "*.open"))
	if len(open) > 0 {
		t.Errorf(".open files left after Close: %v", open)
	}
	path := filepath.Join(dir, files[0])
	records := readWARC(t, path)
	if records[0].header.Get("WARC-Type") != "warcinfo" {
		t.Errorf("first record is %q, want warcinfo", records[0].header.Get("WARC-Type"))
	}

	sent := tap.exchanges(t)
	// /moved is followed by a request for /plain: 8 exchanges in all.
	if len(tap.conns) != len(paths)+1 {
		t.Errorf("server saw %d connections, want %d", len(tap.conns), len(paths)+1)
	}
	byID := make(map[string]readRecord)
	for _, r := range records {
		byID[r.header.Get("WARC-Record-ID")] = r
		if got, want := r.header.Get("WARC-Block-Digest"), sha1b32(r.block); got != want {
			t.Errorf("%s %s: block digest %s, want %s", r.header.Get("WARC-Type"), r.header.Get("WARC-Target-URI"), got, want)
		}
	}
	var requests, responses, revisits int
	for _, r := range records {
		typ := r.header.Get("WARC-Type")
		switch typ {
		case "request":
			requests++
			resp, ok := byID[r.header.Get("WARC-Concurrent-To")]
			if !ok {
				t.Fatalf("request %s: WARC-Concurrent-To points nowhere", r.header.Get("WARC-Target-URI"))
			}
			wrote, ok := sent[string(r.block)]
			if !ok {
				t.Errorf("request record for %s is not byte-identical to any request the server read:\n%q", r.header.Get("WARC-Target-URI"), r.block)
				continue
			}
			if resp.header.Get("WARC-Type") == "response" && !slices.Contains(wrote, string(resp.block)) {
				t.Errorf("response record for %s differs from the bytes the server wrote:\nrecord %q\nserver %q", r.header.Get("WARC-Target-URI"), resp.block, wrote)
			}
		case "response", "revisit":
			if typ == "response" {
				responses++
			} else {
				revisits++
			}
			if r.header.Get("WARC-IP-Address") != "127.0.0.1" {
				t.Errorf("%s: WARC-IP-Address = %q", r.header.Get("WARC-Target-URI"), r.header.Get("WARC-IP-Address"))
			}
			if typ == "revisit" {
				continue
			}
			hr, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(r.block)), nil)
			if err != nil {
				t.Fatal(err)
			}
			payload, _ := io.ReadAll(hr.Body) // de-chunked, still gzip-encoded
			if got, want := r.header.Get("WARC-Payload-Digest"), sha1b32(payload); got != want {
				t.Errorf("%s: payload digest %s, want %s", r.header.Get("WARC-Target-URI"), got, want)
			}
		}
	}
	if requests != 8 || responses+revisits != 8 {
		t.Errorf("got %d requests, %d responses, %d revisits; want 8 exchanges", requests, responses, revisits)
	}
	// /plain was fetched three times (once through /moved): identical payloads.
	if revisits != 2 {
		t.Errorf("got %d revisit records, want 2 for the identical /plain payloads", revisits)
	}

	// The receipt pointed at the gzip response record.
	var found bool
	for _, r := range records {
		if r.header.Get("WARC-Record-ID") == ref.RecordID {
			found = true
			if r.offset != ref.Offset || r.header.Get("WARC-Target-URI") != srv.URL+"/gzip" || r.header.Get("WARC-Payload-Digest") != ref.PayloadDigest {
				t.Errorf("Locate = %+v, record at %d for %s", ref, r.offset, r.header.Get("WARC-Target-URI"))
			}
		}
	}
	if !found || filepath.Join(dir, ref.File) != path {
		t.Errorf("Locate = %+v: no such record in %s", ref, path)
	}
	warctest.Validate(t, path)
}

func TestRecorder_uncompressed(t *testing.T) {
	srv, _ := newsServer(t)
	dir := t.TempDir()
	rec, err := NewRecorder(Config{Dir: dir, Compression: "none", SiteFor: func(string) string { return "plain" }})
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Transport: rec}
	var receipt *Receipt
	for _, p := range []string{"/chunked", "/gzip"} {
		resp, err := client.Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		receipt = receiptOf(t, resp)
	}
	ref, err := receipt.Wait(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if err := rec.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(dir, ref.File))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.Seek(ref.Offset, io.SeekStart)
	r, _ := warc.NewReader(f)
	got, err := r.ReadRecord()
	if err != nil {
		t.Fatalf("read record at %d: %v", ref.Offset, err)
	}
	if got.Header.Get("WARC-Record-ID") != ref.RecordID {
		t.Errorf("record at offset %d is %s, want %s", ref.Offset, got.Header.Get("WARC-Record-ID"), ref.RecordID)
	}
	warctest.Validate(t, filepath.Join(dir, ref.File))
}

func TestNewRecorder_unwritable(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	_, err := NewRecorder(Config{Dir: filepath.Join(file, "archive")})
	if err == nil || !strings.Contains(err.Error(), file) {
		t.Fatalf("NewRecorder under a file: err = %v, want one naming %s", err, file)
	}
}

func TestRecorder_diskFull(t *testing.T) {
	srv, tap := newsServer(t)
	dir := t.TempDir()
	free, ok := freeBytes(dir)
	if !ok {
		t.Skip("free space unknown on this system")
	}
	rec, err := NewRecorder(Config{Dir: dir, MinFree: free + 1<<40})
	if err != nil {
		t.Fatal(err)
	}
	defer rec.Close(context.Background())
	_, err = (&http.Client{Transport: rec}).Get(srv.URL + "/plain")
	if !errors.Is(err, ErrDiskFull) || !strings.Contains(err.Error(), dir) {
		t.Fatalf("err = %v, want ErrDiskFull naming %s", err, dir)
	}
	if len(tap.conns) != 0 {
		t.Errorf("a request was sent with no room to record it")
	}
}
