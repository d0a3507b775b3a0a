package archive

import (
	"compress/flate"
	"io"
	"net/http"
	"strings"

	"github.com/klauspost/compress/zlib"
	"github.com/klauspost/compress/zstd"
)

// decodeBody undoes the content encodings that gowarc asks for but colly
// cannot read (deflate, zstd). The WARC records keep the encoded bytes; only
// the copy handed to the caller is decoded. gzip is left to colly.
func decodeBody(resp *http.Response) (io.ReadCloser, error) {
	enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding")))
	switch enc {
	case "deflate":
		raw := resp.Body
		br := &peekReader{r: raw}
		var rc io.ReadCloser
		// Servers send deflate both zlib-wrapped (as RFC 9110 says) and raw.
		if br.zlibHeader() {
			z, err := zlib.NewReader(br)
			if err != nil {
				return nil, err
			}
			rc = z
		} else {
			rc = flate.NewReader(br)
		}
		resp.Header.Del("Content-Encoding")
		resp.Header.Del("Content-Length")
		resp.ContentLength = -1
		return multiCloser{Reader: rc, closers: []io.Closer{rc, raw}}, nil
	case "zstd":
		raw := resp.Body
		d, err := zstd.NewReader(raw)
		if err != nil {
			return nil, err
		}
		resp.Header.Del("Content-Encoding")
		resp.Header.Del("Content-Length")
		resp.ContentLength = -1
		rc := d.IOReadCloser()
		return multiCloser{Reader: rc, closers: []io.Closer{rc, raw}}, nil
	}
	return resp.Body, nil
}

type multiCloser struct {
	io.Reader
	closers []io.Closer
}

func (m multiCloser) Close() error {
	var first error
	for _, c := range m.closers {
		if err := c.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// peekReader lets decodeBody look at the first two bytes of a body without
// losing them.
type peekReader struct {
	r    io.Reader
	head []byte
}

func (p *peekReader) zlibHeader() bool {
	var b [2]byte
	n, _ := io.ReadFull(p.r, b[:])
	p.head = b[:n]
	return n == 2 && b[0]&0x0f == 8 && (uint16(b[0])<<8|uint16(b[1]))%31 == 0
}

func (p *peekReader) Read(b []byte) (int, error) {
	if len(p.head) > 0 {
		n := copy(b, p.head)
		p.head = p.head[n:]
		return n, nil
	}
	return p.r.Read(b)
}
