package warc

// newsarc patch: tests of framing.go.

import (
	"bytes"
	"crypto/sha1"
	"encoding/base32"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// validatorPayload is the payload of an HTTP record block as
// warc-validate (warcio.js) reads it: everything after the first CRLF
// CRLF, de-chunked by RFC 9112 when the header block's Transfer-Encoding
// says chunked. It is written from the validator's rules, not from
// framing.go, so the two can disagree.
func validatorPayload(block []byte) ([]byte, error) {
	end := bytes.Index(block, []byte("\r\n\r\n"))
	if end < 0 {
		return nil, errors.New("no end of HTTP headers")
	}
	var te []string
	for _, l := range strings.Split(string(block[:end]), "\r\n")[1:] {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.EqualFold(strings.TrimSpace(k), "transfer-encoding") {
			te = append(te, strings.ToLower(v))
		}
	}
	raw := block[end+4:]
	if !regexp.MustCompile(`\bchunked\b`).MatchString(strings.Join(te, ",")) {
		return raw, nil
	}
	var out []byte
	for p := 0; ; {
		eol := bytes.Index(raw[p:], []byte("\r\n"))
		if eol < 0 {
			return nil, errors.New("chunk-size line without CRLF")
		}
		field, _, _ := strings.Cut(string(raw[p:p+eol]), ";")
		size, err := strconv.ParseInt(strings.TrimSpace(field), 16, 64)
		if err != nil {
			return nil, errors.New("bad chunk size")
		}
		p += eol + 2
		if size == 0 {
			return out, nil
		}
		if int64(len(raw)-p) < size+2 || raw[p+int(size)] != '\r' || raw[p+int(size)+1] != '\n' {
			return nil, errors.New("truncated chunk")
		}
		out = append(out, raw[p:p+int(size)]...)
		p += int(size) + 2
	}
}

func sha1Label(b []byte) string {
	s := sha1.Sum(b)
	return "sha1:" + base32.StdEncoding.EncodeToString(s[:])
}

var framingSeeds = []string{
	"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
	"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello world, and then some",
	"HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\ncut short",
	"HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
	"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n",
	"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nTrailer: x\r\n\r\nexcess",
	"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
	"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel",
	"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nnope\r\n",
	"HTTP/1.1 200 OK\nContent-Length: 2\n\nok",
	"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc",
	"HTTP/1.1 304 Not Modified\r\nContent-Length: 100\r\n\r\n",
	"HTTP/1.0 200 OK\r\n\r\nclose-delimited body",
	"garbage\r\n\r\n",
	"",
}

// FuzzFrameResponse: whatever bytes came back, the record frameResponse
// makes of them (from the final response to the end of the message) has a
// payload digest only when it equals what an independent WARC reader
// computes, and offsets that make sense.
func FuzzFrameResponse(f *testing.F) {
	for _, s := range framingSeeds {
		f.Add([]byte(s), false)
	}
	f.Add([]byte(framingSeeds[0]), true)
	f.Fuzz(func(t *testing.T, raw []byte, head bool) {
		fr := frameResponse(bytes.NewReader(raw), int64(len(raw)), head, SHA1)
		if !fr.parsed {
			if fr.digest != "" {
				t.Fatalf("a digest for bytes that are no HTTP response")
			}
			return
		}
		if fr.finalStart < 0 || fr.finalStart > fr.bodyStart || fr.bodyStart > fr.end || fr.end > int64(len(raw)) {
			t.Fatalf("offsets final %d body %d end %d of %d bytes", fr.finalStart, fr.bodyStart, fr.end, len(raw))
		}
		if fr.status >= 100 && fr.status < 200 && fr.status != 101 && fr.finalStart == 0 && bytes.Count(raw, []byte("HTTP/")) > 1 {
			// An interim response is skipped unless it is all there is.
			if rest := frameResponse(bytes.NewReader(raw[fr.bodyStart:]), int64(len(raw))-fr.bodyStart, head, SHA1); rest.parsed {
				t.Fatalf("interim %d kept as the final response", fr.status)
			}
		}
		if fr.digest == "" {
			return
		}
		block := raw[fr.finalStart:fr.end]
		payload, err := validatorPayload(block)
		if err != nil {
			t.Fatalf("digest %s, but a WARC reader cannot read the payload: %v\nblock %q", fr.digest, err, block)
		}
		if got := sha1Label(payload); got != fr.digest {
			t.Fatalf("digest %s, a WARC reader computes %s\nblock %q", fr.digest, got, block)
		}
	})
}

func TestFrameResponse(t *testing.T) {
	for _, tc := range []struct {
		raw                    string
		final, body, end       int
		complete, chunked, dig bool
	}{
		{framingSeeds[0], 0, 38, 43, true, false, true},
		{framingSeeds[1], 0, 38, 43, true, false, true}, // excess dropped
		{framingSeeds[2], 0, 39, 48, false, false, true},
		{framingSeeds[3], 57, 95, 97, true, false, true},
		{framingSeeds[5], 0, 47, 91, true, true, true},
		{framingSeeds[7], 0, 47, 53, false, true, false},
		{framingSeeds[9], 0, 35, 37, true, false, false}, // LF-only headers: no digest a reader would agree with
	} {
		fr := frameResponse(strings.NewReader(tc.raw), int64(len(tc.raw)), false, SHA1)
		if fr.finalStart != int64(tc.final) || fr.bodyStart != int64(tc.body) || fr.end != int64(tc.end) ||
			fr.complete != tc.complete || fr.chunked != tc.chunked || (fr.digest != "") != tc.dig {
			t.Errorf("%q:\n got %+v\nwant final %d body %d end %d complete %v chunked %v digest %v", tc.raw, fr, tc.final, tc.body, tc.end, tc.complete, tc.chunked, tc.dig)
		}
	}
}
