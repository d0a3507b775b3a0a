package archive

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsarc/newsarc/internal/warctest"
)

// rawServer answers every connection with handle, which gets the
// connection after the request's header block has been read. It speaks
// bytes, not HTTP, so it can send what no well-behaved server would.
func rawServer(t *testing.T, handle func(c net.Conn)) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				br := bufio.NewReader(c)
				for {
					line, err := br.ReadString('\n')
					if err != nil {
						return
					}
					if line == "\r\n" {
						break
					}
				}
				handle(c)
			}()
		}
	}()
	return "http://" + ln.Addr().String()
}

// record is one WARC record read back by the test.
type recordOf struct {
	typ, truncated, payloadDigest string
	block                         []byte
}

// fetchRecorded fetches url through a new Recorder, reading at most
// limit bytes of the body (all when limit < 0), and returns what the
// client got, the records of the exchange, and the WARC file.
func fetchRecorded(t *testing.T, url string, limit int64, timeout time.Duration) (body []byte, records []recordOf, file string, clientErr error) {
	t.Helper()
	dir := t.TempDir()
	rec, err := NewRecorder(Config{Dir: dir, SiteFor: func(string) string { return "hostile" }, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	// http.Client wraps the body when it has a Timeout: the receipt is
	// taken below it, as the crawler's transport takes it.
	var rc *Receipt
	tr := roundTripFunc(func(req *http.Request) (*http.Response, error) {
		resp, err := rec.RoundTrip(req)
		if err == nil {
			rc = receiptOf(t, resp)
		}
		return resp, err
	})
	client := &http.Client{Transport: tr, Timeout: timeout}
	resp, err := client.Get(url)
	clientErr = err
	if err == nil {
		r := io.Reader(resp.Body)
		if limit >= 0 {
			r = io.LimitReader(resp.Body, limit)
		}
		body, clientErr = io.ReadAll(r)
		resp.Body.Close()
	}
	if rc != nil {
		if _, err := rc.Wait(context.Background()); err != nil && clientErr == nil {
			t.Errorf("receipt: %v", err)
		}
	}
	if err := rec.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	files := rec.Files()
	if len(files) != 1 {
		t.Fatalf("WARC files %v, want one", files)
	}
	file = filepath.Join(dir, files[0])
	for _, r := range readWARC(t, file) {
		if r.header.Get("WARC-Type") == "warcinfo" {
			continue
		}
		records = append(records, recordOf{typ: r.header.Get("WARC-Type"), truncated: r.header.Get("WARC-Truncated"),
			payloadDigest: r.header.Get("WARC-Payload-Digest"), block: r.block})
	}
	warctest.Validate(t, file)
	return body, records, file, clientErr
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func types(rs []recordOf) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.typ)
	}
	return out
}

func find(rs []recordOf, typ string) recordOf {
	for _, r := range rs {
		if r.typ == typ {
			return r
		}
	}
	return recordOf{}
}

const okBody = "<html><body><p>Le tramway arrive.</p></body></html>"

func TestRecorder_hostile(t *testing.T) {
	for _, tc := range []struct {
		name    string
		handle  func(c net.Conn)
		limit   int64 // bytes the client reads, -1 for all
		timeout time.Duration

		wantBody      string
		wantClientErr bool
		wantTypes     []string
		wantTruncated string
		wantDigest    bool   // the response record has a payload digest
		wantBlock     string // the response record's block, "" to skip
	}{{
		name: "103 early hints",
		handle: func(c net.Conn) {
			io.WriteString(c, "HTTP/1.1 103 Early Hints\r\nLink: </s.css>; rel=preload\r\n\r\n")
			fmt.Fprintf(c, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s", len(okBody), okBody)
		},
		limit: -1, wantBody: okBody,
		wantTypes: []string{"response", "request", "metadata"}, wantDigest: true,
		wantBlock: fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s", len(okBody), okBody),
	}, {
		name: "100 continue",
		handle: func(c net.Conn) {
			io.WriteString(c, "HTTP/1.1 100 Continue\r\n\r\n")
			fmt.Fprintf(c, "HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s", len(okBody), okBody)
		},
		limit: -1, wantBody: okBody,
		wantTypes: []string{"response", "request", "metadata"}, wantDigest: true,
	}, {
		name: "content-length shorter than the body",
		handle: func(c net.Conn) {
			io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello world, and more")
		},
		limit: -1, wantBody: "hello",
		wantTypes: []string{"response", "request"}, wantDigest: true,
		wantBlock: "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
	}, {
		name: "early EOF",
		handle: func(c net.Conn) {
			io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nonly this much")
		},
		limit: -1, wantClientErr: true,
		wantTypes: []string{"response", "request"}, wantTruncated: "disconnect", wantDigest: true,
		wantBlock: "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nonly this much",
	}, {
		name: "bad chunking",
		handle: func(c net.Conn) {
			io.WriteString(c, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nzz\r\nnot a chunk\r\n")
		},
		limit: -1, wantClientErr: true,
		wantTypes: []string{"response", "request"}, wantTruncated: "disconnect",
	}, {
		name: "garbage",
		handle: func(c net.Conn) {
			io.WriteString(c, "\x00\x01 this is not HTTP at all \xff\xfe\r\n\r\n")
		},
		limit: -1, wantClientErr: true,
		wantTypes: []string{"response", "request"}, wantTruncated: "disconnect",
		wantBlock: "\x00\x01 this is not HTTP at all \xff\xfe\r\n\r\n",
	}, {
		name:   "no answer",
		handle: func(c net.Conn) {},
		limit:  -1, wantClientErr: true,
		wantTypes: []string{"request"},
	}, {
		name: "stalls mid-body",
		handle: func(c net.Conn) {
			io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\nthe start")
			time.Sleep(2 * time.Second)
		},
		limit: -1, timeout: 300 * time.Millisecond, wantClientErr: true,
		wantTypes: []string{"response", "request"}, wantTruncated: "time", wantDigest: true,
	}, {
		name: "cut by the client",
		handle: func(c net.Conn) {
			io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 8000000\r\n\r\n")
			c.Write(bytes.Repeat([]byte("x"), 8000000))
		},
		limit: 100000, wantBody: strings.Repeat("x", 100000),
		wantTypes: []string{"response", "request"}, wantTruncated: "length", wantDigest: true,
	}, {
		name: "chunked, cut by the client",
		handle: func(c net.Conn) {
			io.WriteString(c, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
			for range 2000 {
				fmt.Fprintf(c, "1000\r\n%s\r\n", bytes.Repeat([]byte("y"), 0x1000))
			}
			io.WriteString(c, "0\r\n\r\n")
		},
		limit: 100000, wantBody: strings.Repeat("y", 100000),
		wantTypes: []string{"response", "request"}, wantTruncated: "length",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			url := rawServer(t, tc.handle)
			timeout := tc.timeout
			if timeout == 0 {
				timeout = 5 * time.Second
			}
			body, records, _, err := fetchRecorded(t, url+"/page", tc.limit, timeout)
			if tc.wantClientErr != (err != nil) {
				t.Errorf("client error %v, want one: %v", err, tc.wantClientErr)
			}
			if !tc.wantClientErr && string(body) != tc.wantBody {
				t.Errorf("client read %q, want %q", body, tc.wantBody)
			}
			if got := types(records); !slices.Equal(got, tc.wantTypes) {
				t.Fatalf("records %v, want %v", got, tc.wantTypes)
			}
			resp := find(records, "response")
			if resp.typ == "" {
				return
			}
			if resp.truncated != tc.wantTruncated {
				t.Errorf("WARC-Truncated %q, want %q", resp.truncated, tc.wantTruncated)
			}
			if (resp.payloadDigest != "") != tc.wantDigest {
				t.Errorf("payload digest %q, want one: %v", resp.payloadDigest, tc.wantDigest)
			}
			if tc.wantBlock != "" && string(resp.block) != tc.wantBlock {
				t.Errorf("response block\n%q\nwant\n%q", resp.block, tc.wantBlock)
			}
			if md := find(records, "metadata"); md.typ != "" && !strings.HasPrefix(string(md.block), "HTTP/1.1 1") {
				t.Errorf("metadata record %q, want the interim response", md.block)
			}
		})
	}
}

var warcName = regexp.MustCompile(`^hostile-(\d{17})-(\d{5})-[^/]+\.warc\.gz$`)

// WARC names sort by time: the milliseconds are zero-padded.
func TestRecorder_namesSortByTime(t *testing.T) {
	url := rawServer(t, func(c net.Conn) { io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok") })
	var names []string
	for range 12 {
		_, _, file, _ := fetchRecorded(t, url+"/", -1, time.Second)
		name := filepath.Base(file)
		if !warcName.MatchString(name) {
			t.Fatalf("WARC name %q does not match %v", name, warcName)
		}
		names = append(names, warcName.FindStringSubmatch(name)[1])
		time.Sleep(7 * time.Millisecond)
	}
	if !slices.IsSorted(names) {
		t.Errorf("names made one after the other do not sort: %v", names)
	}
}

// Exchanges whose connection was refused leave no record and no error
// that would stop the recorder.
func TestRecorder_refused(t *testing.T) {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln.Addr().String()
	ln.Close()
	dir := t.TempDir()
	rec, err := NewRecorder(Config{Dir: dir, SiteFor: func(string) string { return "refused" }})
	if err != nil {
		t.Fatal(err)
	}
	_, err = (&http.Client{Transport: rec}).Get("http://" + addr + "/")
	var oe *net.OpError
	if !errors.As(err, &oe) {
		t.Errorf("err = %v, want the dial error", err)
	}
	if err := rec.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	if rec.Err() != nil {
		t.Errorf("recorder failed: %v", rec.Err())
	}
	if _, err := os.Stat(filepath.Join(dir, "warc", "refused")); err == nil {
		files, _ := os.ReadDir(filepath.Join(dir, "warc", "refused"))
		if len(files) > 0 {
			t.Errorf("files written for a refused connection: %v", files)
		}
	}
}
