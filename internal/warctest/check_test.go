package warctest

import (
	"bytes"
	"compress/gzip"
	"crypto/sha1"
	"encoding/base32"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// rec is one record to write; the digests are computed unless set.
type rec struct {
	typ, id, uri, contentType string
	block                     string
	payload                   string // the payload the digest covers; "" = none
	extra                     []string
	blockDigest               string // overrides the computed one; "-" = none
	length                    int    // overrides Content-Length when > 0
	trailer                   string // overrides CRLF CRLF
}

func sha1b32(s string) string {
	sum := sha1.Sum([]byte(s))
	return "sha1:" + base32.StdEncoding.EncodeToString(sum[:])
}

func (r rec) bytes() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\nWARC-Date: 2026-12-03T10:00:00Z\r\n", r.typ, r.id)
	if r.uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", r.uri)
	}
	if r.contentType != "" {
		fmt.Fprintf(&b, "Content-Type: %s\r\n", r.contentType)
	}
	switch r.blockDigest {
	case "":
		fmt.Fprintf(&b, "WARC-Block-Digest: %s\r\n", sha1b32(r.block))
	case "-":
	default:
		fmt.Fprintf(&b, "WARC-Block-Digest: %s\r\n", r.blockDigest)
	}
	if r.payload != "" {
		fmt.Fprintf(&b, "WARC-Payload-Digest: %s\r\n", sha1b32(r.payload))
	}
	for _, e := range r.extra {
		b.WriteString(e + "\r\n")
	}
	n := len(r.block)
	if r.length > 0 {
		n = r.length
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s", n, r.block)
	if r.trailer != "" {
		b.WriteString(r.trailer)
	} else {
		b.WriteString("\r\n\r\n")
	}
	return b.Bytes()
}

// good is a small archive as newsarc writes one: warcinfo, a request, a
// chunked response, a revisit of it and a resource.
func good() []rec {
	body := "<p>bonjour</p>"
	chunked := fmt.Sprintf("%x\r\n%s\r\n0\r\n\r\n", len(body), body)
	resp := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked
	return []rec{
		{typ: "warcinfo", id: "1", contentType: "application/warc-fields", block: "software: test\r\n", blockDigest: "-"},
		{typ: "request", id: "2", uri: "https://example.ma/a", contentType: "application/http; msgtype=request",
			block: "GET /a HTTP/1.1\r\nHost: example.ma\r\n\r\n", payload: "-empty-", extra: []string{"WARC-Concurrent-To: <urn:uuid:3>"}},
		{typ: "response", id: "3", uri: "https://example.ma/a", contentType: "application/http; msgtype=response", block: resp, payload: body},
		{typ: "revisit", id: "4", uri: "https://example.ma/a", contentType: "application/http; msgtype=response",
			block: "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n", payload: body,
			extra: []string{"WARC-Refers-To: <urn:uuid:3>", "WARC-Profile: http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"}},
		{typ: "resource", id: "5", uri: "urn:newsarc:test", contentType: "text/plain", block: "hello", payload: "hello"},
	}
}

// write writes the records to a file in dir, one gzip member each, or
// plain.
func write(t *testing.T, recs []rec, gz bool) string {
	t.Helper()
	var out bytes.Buffer
	for _, r := range recs {
		b := r.bytes()
		if r.payload == "-empty-" { // a request without body: digest of nothing
			b = bytes.Replace(b, []byte(sha1b32("-empty-")), []byte(sha1b32("")), 1)
		}
		if !gz {
			out.Write(b)
			continue
		}
		zw := gzip.NewWriter(&out)
		zw.Write(b)
		zw.Close()
	}
	name := filepath.Join(t.TempDir(), "test.warc")
	if gz {
		name += ".gz"
	}
	if err := os.WriteFile(name, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

func TestCheck_good(t *testing.T) {
	for _, gz := range []bool{true, false} {
		if p := Check(write(t, good(), gz)); len(p) > 0 {
			t.Errorf("gzip %v: %v", gz, p)
		}
	}
}

// Each broken archive gives a problem that says what is wrong.
func TestCheck_bad(t *testing.T) {
	cases := []struct {
		name  string
		edit  func([]rec) []rec
		wants string
	}{
		{"block digest", func(r []rec) []rec { r[2].blockDigest = sha1b32("other"); return r }, "WARC-Block-Digest"},
		{"no block digest", func(r []rec) []rec { r[2].blockDigest = "-"; return r }, "no WARC-Block-Digest"},
		{"payload digest over the chunked bytes", func(r []rec) []rec {
			r[2].payload = r[2].block[strings.Index(r[2].block, "\r\n\r\n")+4:]
			return r
		}, "WARC-Payload-Digest"},
		{"Content-Length too long", func(r []rec) []rec { r[4].length = 50; return r }, "shorter than its Content-Length"},
		{"no CRLF CRLF after the block", func(r []rec) []rec { r[4].trailer = "\r\n"; return r }, "not followed by CRLF CRLF"},
		{"revisit of a record not there", func(r []rec) []rec {
			r[3].extra[0] = "WARC-Refers-To: <urn:uuid:99>"
			return r
		}, "not in the files checked"},
		{"revisit with another payload", func(r []rec) []rec { r[3].payload = "changed"; return r }, "revisit payload digest"},
		{"record id twice", func(r []rec) []rec { r[4].id = "3"; return r }, "WARC-Record-ID <urn:uuid:3> also at"},
		{"relative target URI", func(r []rec) []rec { r[2].uri = "/a"; return r }, "not an absolute URI"},
		{"no records", func([]rec) []rec { return nil }, "no WARC records"},
	}
	for _, c := range cases {
		for _, gz := range []bool{true, false} {
			p := Check(write(t, c.edit(good()), gz))
			if !strings.Contains(strings.Join(p, "\n"), c.wants) {
				t.Errorf("%s (gzip %v): problems %q, want one saying %q", c.name, gz, p, c.wants)
			}
		}
	}
}

// A gzip file cut short, or with bytes after its last member, is not whole.
func TestCheck_gzipDamage(t *testing.T) {
	name := write(t, good(), true)
	b, _ := os.ReadFile(name)
	os.WriteFile(name, b[:len(b)-7], 0o644)
	if p := Check(name); !strings.Contains(strings.Join(p, "\n"), "gzip member at") {
		t.Errorf("truncated: %q", p)
	}
	os.WriteFile(name, append(b, "garbage"...), 0o644)
	if p := Check(name); !strings.Contains(strings.Join(p, "\n"), "gzip member at") {
		t.Errorf("trailing garbage: %q", p)
	}
	if p := Check(filepath.Join(t.TempDir(), "missing.warc.gz")); len(p) != 2 { // cannot open; no records
		t.Errorf("missing file: %q", p)
	}
}
