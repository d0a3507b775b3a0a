package warctest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base32"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

// Check reads every record of the WARC files (plain, or gzip with any
// number of records per member) and returns one line per problem, with the
// file and the offset of the record (of its gzip member, in a gzip file):
//
//   - the version line is WARC/1.0 or WARC/1.1, header lines are "Name: value";
//   - WARC-Record-ID (a <URI>, unique across the files), WARC-Date
//     (RFC 3339), WARC-Type and Content-Length (the block's exact length)
//     are there, and the block is followed by CRLF CRLF;
//   - every record but warcinfo has a WARC-Block-Digest, and it matches;
//   - a WARC-Payload-Digest matches the HTTP entity body (chunked
//     transfer coding removed, content coding kept: WARC 1.1 §5.9), or the
//     block when the record is not HTTP;
//   - a response, request, revisit or resource has an absolute
//     WARC-Target-URI;
//   - a revisit's WARC-Refers-To names a record of the files whose payload
//     digest is its own;
//   - a gzip file is whole (no truncated member, nothing after the last).
//
// It shares no code with the writer (gowarc) nor with archive's readers,
// so it checks them rather than repeating them. Supported digests: sha1,
// sha256, sha512, md5, in base32, hex or base64.
func Check(files ...string) []string {
	c := &checker{ids: map[string]recordSum{}}
	for _, f := range files {
		if err := c.file(f); err != nil {
			c.problem(f, -1, "%v", err)
		}
	}
	if c.records == 0 {
		c.problem(strings.Join(files, " "), -1, "no WARC records")
	}
	for _, r := range c.revisits {
		orig, ok := c.ids[r.refersTo]
		switch {
		case r.refersTo == "":
			c.problem(r.file, r.offset, "revisit without WARC-Refers-To")
		case !ok:
			c.problem(r.file, r.offset, "revisit refers to %s, not in the files checked", r.refersTo)
		case orig.payload != r.payload:
			c.problem(r.file, r.offset, "revisit payload digest %q, but %s has %q", r.payload, r.refersTo, orig.payload)
		}
	}
	return c.problems
}

type recordSum struct {
	file    string
	offset  int64
	payload string // WARC-Payload-Digest as written
}

type revisit struct {
	recordSum
	refersTo string
}

type checker struct {
	problems []string
	ids      map[string]recordSum
	revisits []revisit
	records  int
}

func (c *checker) problem(file string, offset int64, format string, a ...any) {
	where := file
	if offset >= 0 {
		where = fmt.Sprintf("%s@%d", file, offset)
	}
	c.problems = append(c.problems, where+": "+fmt.Sprintf(format, a...))
}

func (c *checker) file(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	br := bufio.NewReader(f)
	if magic, _ := br.Peek(2); len(magic) < 2 || magic[0] != 0x1f || magic[1] != 0x8b {
		data, err := io.ReadAll(br)
		if err != nil {
			return err
		}
		c.stream(name, data, func(rest []byte) int64 { return int64(len(data) - len(rest)) })
		return nil
	}
	// One member at a time, so that a problem names its member's offset;
	// cr, a ByteReader, keeps gzip from reading past a member's end.
	cr := &countReader{r: br}
	var zr *gzip.Reader
	for {
		start := cr.n
		if zr == nil {
			zr, err = gzip.NewReader(cr)
		} else if err = zr.Reset(cr); errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("gzip member at %d: %w", start, err)
		}
		zr.Multistream(false)
		data, err := io.ReadAll(zr)
		if err != nil {
			return fmt.Errorf("gzip member at %d: %w", start, err)
		}
		if !c.stream(name, data, func([]byte) int64 { return start }) {
			return nil
		}
	}
}

// countReader counts the bytes read through it.
type countReader struct {
	r io.ByteReader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	for i := range p {
		b, err := c.ReadByte()
		if err != nil {
			return i, err
		}
		p[i] = b
	}
	return len(p), nil
}

func (c *countReader) ReadByte() (byte, error) {
	b, err := c.r.ReadByte()
	if err == nil {
		c.n++
	}
	return b, err
}

// stream checks the records of one uncompressed stream; offset gives a
// record's offset in the file from what is left of data at its start. It
// reports false when a record could not be read, so nothing after it can.
func (c *checker) stream(file string, data []byte, offset func(rest []byte) int64) bool {
	for len(data) > 0 {
		at := offset(data)
		rest, err := c.record(file, at, data)
		if err != nil {
			c.problem(file, at, "%v", err)
			return false
		}
		data = rest
	}
	return true
}

// record checks the record at the start of data and returns what follows
// it; an error means the stream cannot be read on.
func (c *checker) record(file string, at int64, data []byte) (rest []byte, err error) {
	version, data, err := line(data)
	if err != nil {
		return nil, fmt.Errorf("version line: %w", err)
	}
	if version != "WARC/1.1" && version != "WARC/1.0" {
		return nil, fmt.Errorf("version line %q", version)
	}
	h := map[string]string{}
	for {
		var l string
		if l, data, err = line(data); err != nil {
			return nil, fmt.Errorf("header: %w", err)
		}
		if l == "" {
			break
		}
		name, value, ok := strings.Cut(l, ":")
		if !ok || strings.TrimSpace(name) != name || name == "" {
			return nil, fmt.Errorf("header line %q", l)
		}
		key := strings.ToLower(name)
		if _, dup := h[key]; dup && key != "warc-concurrent-to" {
			c.problem(file, at, "header %s twice", name)
		}
		h[key] = strings.TrimSpace(value)
	}
	length, err := strconv.ParseInt(h["content-length"], 10, 64)
	if err != nil || length < 0 {
		return nil, fmt.Errorf("Content-Length %q", h["content-length"])
	}
	if int64(len(data)) < length {
		return nil, fmt.Errorf("block of %d bytes, shorter than its Content-Length %d", len(data), length)
	}
	block, data := data[:length], data[length:]
	if !bytes.HasPrefix(data, []byte("\r\n\r\n")) {
		return nil, fmt.Errorf("block of Content-Length %d not followed by CRLF CRLF (got %q)", length, data[:min(len(data), 4)])
	}
	c.fields(file, at, h, block)
	return data[4:], nil
}

// fields checks a parsed record's headers and digests.
func (c *checker) fields(file string, at int64, h map[string]string, block []byte) {
	c.records++
	bad := func(format string, a ...any) {
		c.problem(file, at, "%s %s: %s", h["warc-type"], h["warc-target-uri"], fmt.Sprintf(format, a...))
	}
	typ := h["warc-type"]
	id := h["warc-record-id"]
	switch {
	case typ == "":
		bad("no WARC-Type")
	case !strings.HasPrefix(id, "<") || !strings.HasSuffix(id, ">"):
		bad("WARC-Record-ID %q is not a <URI>", id)
	}
	if prev, dup := c.ids[id]; dup {
		bad("WARC-Record-ID %s also at %s@%d", id, prev.file, prev.offset)
	}
	if _, err := time.Parse(time.RFC3339Nano, h["warc-date"]); err != nil {
		bad("WARC-Date %q: %v", h["warc-date"], err)
	}
	switch typ {
	case "response", "request", "revisit", "resource":
		if u, err := url.Parse(h["warc-target-uri"]); err != nil || !u.IsAbs() {
			bad("WARC-Target-URI %q is not an absolute URI", h["warc-target-uri"])
		}
	}
	if d := h["warc-block-digest"]; d != "" {
		if err := verify(d, block); err != nil {
			bad("WARC-Block-Digest: %v", err)
		}
	} else if typ != "warcinfo" {
		bad("no WARC-Block-Digest")
	}
	pd := h["warc-payload-digest"]
	sum := recordSum{file: file, offset: at, payload: pd}
	c.ids[id] = sum
	if typ == "revisit" {
		c.revisits = append(c.revisits, revisit{recordSum: sum, refersTo: h["warc-refers-to"]})
		return
	}
	if pd == "" {
		return
	}
	payload := block
	if strings.HasPrefix(strings.ToLower(h["content-type"]), "application/http") {
		p, err := httpPayload(block)
		if err != nil {
			bad("HTTP message: %v", err)
			return
		}
		payload = p
	}
	if err := verify(pd, payload); err != nil {
		bad("WARC-Payload-Digest: %v", err)
	}
}

// line cuts one CRLF-terminated line off data.
func line(data []byte) (string, []byte, error) {
	l, rest, ok := bytes.Cut(data, []byte("\n"))
	if !ok {
		return "", nil, fmt.Errorf("%q: no end of line", data[:min(len(data), 40)])
	}
	if !bytes.HasSuffix(l, []byte("\r")) {
		return "", nil, fmt.Errorf("line %q does not end in CRLF", l)
	}
	return string(l[:len(l)-1]), rest, nil
}

// httpPayload is the entity body of an HTTP message: what follows the
// header, with a chunked transfer coding removed.
func httpPayload(block []byte) ([]byte, error) {
	head, body, ok := bytes.Cut(block, []byte("\r\n\r\n"))
	if !ok {
		return nil, errors.New("no end of header")
	}
	chunked := false
	for _, l := range strings.Split(string(head), "\r\n")[1:] {
		name, value, _ := strings.Cut(l, ":")
		if strings.EqualFold(strings.TrimSpace(name), "Transfer-Encoding") && strings.Contains(strings.ToLower(value), "chunked") {
			chunked = true
		}
	}
	if !chunked {
		return body, nil
	}
	return dechunk(body)
}

// dechunk decodes the chunked transfer coding (RFC 9112 §7.1) strictly.
func dechunk(b []byte) ([]byte, error) {
	var out []byte
	for {
		sizeLine, rest, ok := bytes.Cut(b, []byte("\r\n"))
		if !ok {
			return nil, errors.New("chunk size line without CRLF")
		}
		hexSize, _, _ := strings.Cut(string(sizeLine), ";")
		size, err := strconv.ParseUint(strings.TrimSpace(hexSize), 16, 63)
		if err != nil {
			return nil, fmt.Errorf("chunk size %q", sizeLine)
		}
		if size == 0 {
			return out, nil // trailers are not payload
		}
		if uint64(len(rest)) < size+2 || string(rest[size:size+2]) != "\r\n" {
			return nil, errors.New("truncated chunk")
		}
		out = append(out, rest[:size]...)
		b = rest[size+2:]
	}
}

// verify checks a "label:value" digest of data.
func verify(digest string, data []byte) error {
	label, want, ok := strings.Cut(digest, ":")
	if !ok {
		return fmt.Errorf("%q is not label:value", digest)
	}
	var h hash.Hash
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "sha1", "sha-1":
		h = sha1.New()
	case "sha256", "sha-256":
		h = sha256.New()
	case "sha512", "sha-512":
		h = sha512.New()
	case "md5":
		h = md5.New()
	default:
		return fmt.Errorf("%q: unsupported algorithm", digest)
	}
	h.Write(data)
	sum := h.Sum(nil)
	want = strings.TrimSpace(want)
	b32 := base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(sum)
	if strings.EqualFold(strings.TrimRight(want, "="), b32) || strings.EqualFold(want, hex.EncodeToString(sum)) ||
		strings.TrimRight(want, "=") == base64.RawStdEncoding.EncodeToString(sum) ||
		strings.TrimRight(want, "=") == base64.RawURLEncoding.EncodeToString(sum) {
		return nil
	}
	return fmt.Errorf("%s does not match the data (%s:%s)", digest, label, b32)
}
