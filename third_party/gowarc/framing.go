package warc

// newsarc patch: this whole file. gowarc as served parsed a recorded
// response with http.ReadResponse and digested what Go's body reader
// returned. That fails a record, or gives it a digest of something else
// than it holds, whenever the bytes on the wire are not one clean HTTP
// message: an interim 1xx response before the final one (the digest was of
// the 103's empty body), a body longer than its Content-Length (the digest
// skipped the excess the record kept), or an exchange cut short (the whole
// exchange was dropped). frameResponse reads the recorded bytes the way an
// independent WARC reader does (warcio: the payload starts after the first
// CRLF CRLF and is de-chunked by RFC 9112's rules), so the digests cover
// exactly what the record holds.

import (
	"bufio"
	"bytes"
	"errors"
	"hash"
	"io"
	"strconv"
	"strings"
)

// maxInterim bounds the 1xx responses skipped before the final one; Go's
// client gives up after 5 too.
const maxInterim = 8

// maxHeaderBytes bounds one header block, as net/http's default does.
const maxHeaderBytes = 1 << 20

// responseFraming says where the parts of a recorded response lie, as
// offsets into what was recorded.
type responseFraming struct {
	finalStart int64 // where the final response starts, after interim 1xx responses
	bodyStart  int64 // where its body starts
	end        int64 // where the message ends; what follows is not part of it
	status     int
	parsed     bool // a status line and a complete header block were read
	chunked    bool
	// complete: the message ended where its framing says (a close-delimited
	// body is complete when it reached the end of what was recorded).
	complete bool
	// digest is the payload digest, "" when the payload cannot be told
	// apart the way a WARC reader will (header lines not ended by CRLF,
	// chunked framing broken or cut).
	digest string
}

// errMalformed is a framing error as opposed to running out of bytes.
var errMalformed = errors.New("malformed http framing")

// frameResponse reads a recorded response of total bytes from r. head is
// true for a response to a HEAD request (no body whatever it says).
func frameResponse(r io.Reader, total int64, head bool, alg DigestAlgorithm) responseFraming {
	cr := &countReader{r: r}
	br := bufio.NewReaderSize(cr, 32<<10)
	pos := func() int64 { return cr.n - int64(br.Buffered()) }
	f := responseFraming{end: total}

	var hdr headerBlock
	for i := 0; ; i++ {
		start := pos()
		var err error
		hdr, err = readHeaderBlock(br)
		if err != nil {
			return f
		}
		if hdr.status >= 100 && hdr.status < 200 && hdr.status != 101 && i < maxInterim {
			continue // interim: 100 Continue, 103 Early Hints
		}
		f.finalStart = start
		break
	}
	f.parsed, f.status, f.bodyStart = true, hdr.status, pos()
	f.chunked = hdr.chunked

	hasher := newHasher(alg)
	switch {
	case head || hdr.status == 204 || hdr.status == 304 || hdr.status == 101:
		f.end, f.complete = f.bodyStart, true
		// No body, whatever the headers say; a reader that sees
		// "chunked" would fail to de-chunk the empty payload.
		if hdr.crlf && hasher != nil && !hdr.chunked {
			f.digest = hasher.sum()
		}
		return f
	case hdr.chunked:
		err := dechunk(br, hasher)
		if err == nil {
			f.end, f.complete = pos(), true
			if hdr.crlf && hasher != nil {
				f.digest = hasher.sum()
			}
		} else if errors.Is(err, errMalformed) {
			// Go's client may have read it all the same (it accepts bare
			// LF): not cut, but no digest a strict reader would agree with.
			f.complete = true
		}
		return f
	case hdr.length >= 0:
		n, _ := io.CopyN(hasherOrDiscard(hasher), br, hdr.length)
		f.end = f.bodyStart + n
		f.complete = n == hdr.length
	default: // close-delimited: the body is all that came
		n, _ := io.Copy(hasherOrDiscard(hasher), br)
		f.end = f.bodyStart + n
		f.complete = true
	}
	if hdr.crlf && hasher != nil {
		f.digest = hasher.sum()
	}
	return f
}

type headerBlock struct {
	status  int
	chunked bool
	length  int64 // -1 when absent or unusable
	crlf    bool  // every line ended with CRLF, as warcio expects
}

// readHeaderBlock reads a status line and header fields up to the empty
// line that ends them.
func readHeaderBlock(br *bufio.Reader) (headerBlock, error) {
	h := headerBlock{length: -1, crlf: true}
	read := 0
	line, err := readLine(br, &h.crlf, &read)
	if err != nil {
		return h, err
	}
	// HTTP/1.1 200 OK
	proto, rest, ok := strings.Cut(line, " ")
	if !ok || !strings.HasPrefix(proto, "HTTP/") || len(rest) < 3 {
		return h, errMalformed
	}
	code, err := strconv.Atoi(rest[:3])
	if err != nil || code < 100 || code > 999 {
		return h, errMalformed
	}
	h.status = code
	var te []string
	lengths := 0
	for {
		line, err := readLine(br, &h.crlf, &read)
		if err != nil {
			return h, err
		}
		if line == "" {
			break
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		value = strings.TrimSpace(value)
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "transfer-encoding":
			te = append(te, strings.ToLower(value))
		case "content-length":
			lengths++
			if n, err := strconv.ParseInt(value, 10, 64); err == nil && n >= 0 && lengths == 1 {
				h.length = n
			} else {
				h.length = -1 // unusable or conflicting: read to the end
			}
		}
	}
	// "chunked" as a word anywhere in the field, as warcio (and so the
	// validators and replay tools built on it) reads it.
	h.chunked = hasWord(strings.Join(te, ","), "chunked")
	if h.chunked {
		h.length = -1
	}
	return h, nil
}

// hasWord reports whether w occurs in s between non-word characters
// (regexp \bw\b).
func hasWord(s, w string) bool {
	isWord := func(c byte) bool {
		return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
	}
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		if (j == 0 || !isWord(s[j-1])) && (j+len(w) == len(s) || !isWord(s[j+len(w)])) {
			return true
		}
		i = j + 1
	}
}

// readLine reads one line without its line ending, noting in crlf whether
// it ended with CRLF.
func readLine(br *bufio.Reader, crlf *bool, read *int) (string, error) {
	line, err := br.ReadSlice('\n')
	*read += len(line)
	if *read > maxHeaderBytes {
		return "", errMalformed
	}
	if errors.Is(err, bufio.ErrBufferFull) {
		return "", errMalformed
	}
	if err != nil {
		return "", io.ErrUnexpectedEOF
	}
	// One line ending off, as a reader that looks for CRLF CRLF sees it:
	// "\r\r\n" is a line holding "\r", not an empty one.
	line = line[:len(line)-1]
	if l := len(line); l > 0 && line[l-1] == '\r' {
		line = line[:l-1]
	} else {
		*crlf = false
	}
	return string(line), nil
}

// dechunk reads a chunked body (RFC 9112, section 7.1) and its trailer
// section, writing the chunk data to h. It is as strict as warcio's reader:
// chunk-size lines end with CRLF, each chunk is followed by CRLF.
func dechunk(br *bufio.Reader, h *digester) error {
	w := hasherOrDiscard(h)
	for {
		line, err := br.ReadSlice('\n')
		if err != nil {
			if errors.Is(err, bufio.ErrBufferFull) {
				return errMalformed
			}
			return io.ErrUnexpectedEOF
		}
		if !bytes.HasSuffix(line, []byte("\r\n")) {
			return errMalformed
		}
		sizeField, _, _ := bytes.Cut(line[:len(line)-2], []byte(";"))
		size, err := strconv.ParseInt(string(bytes.TrimSpace(sizeField)), 16, 64)
		if err != nil || size < 0 {
			return errMalformed
		}
		if size == 0 {
			// Trailer fields, then the empty line that ends the message.
			for {
				line, err := br.ReadSlice('\n')
				if err != nil {
					if errors.Is(err, bufio.ErrBufferFull) {
						return errMalformed
					}
					return io.ErrUnexpectedEOF
				}
				if len(bytes.TrimRight(line, "\r\n")) == 0 {
					return nil
				}
			}
		}
		if n, err := io.CopyN(w, br, size); err != nil || n != size {
			return io.ErrUnexpectedEOF
		}
		var crlf [2]byte
		if _, err := io.ReadFull(br, crlf[:]); err != nil {
			return io.ErrUnexpectedEOF
		}
		if crlf != [2]byte{'\r', '\n'} {
			return errMalformed
		}
	}
}

// digester hashes a payload the way GetDigest formats it.
type digester struct {
	h      hash.Hash
	format func([]byte) string
}

func newHasher(alg DigestAlgorithm) *digester {
	h, format, ok := digestFuncs(alg)
	if !ok {
		return nil
	}
	return &digester{h: h, format: format}
}

func (d *digester) sum() string { return d.format(d.h.Sum(nil)) }

func hasherOrDiscard(d *digester) io.Writer {
	if d == nil {
		return io.Discard
	}
	return d.h
}

// countReader counts the bytes read through it.
type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
