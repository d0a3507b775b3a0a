package crawler

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/zlib"
	"github.com/klauspost/compress/zstd"
)

// maxCodings bounds the content codings undone for one response: more
// than a few is no honest server.
const maxCodings = 4

// errUnknownCoding is a Content-Encoding the crawler cannot undo.
var errUnknownCoding = errors.New("unknown content coding")

// decodeContent undoes the content codings named by a Content-Encoding
// header (gzip, x-gzip, deflate, br, zstd, identity, in the order they
// were applied, stacked ones included) on r. Every response is decoded
// here, robots.txt, sitemaps and feeds as well as pages, so that nothing
// downstream ever reads compressed bytes as text. The result stops with an
// error wrapping ErrTooLarge once it has given more than limit bytes
// (limit <= 0: no limit), so a small compressed bomb cannot become a huge
// body. A coding it does not know is an error.
func decodeContent(r io.Reader, contentEncoding string, limit int64) (io.ReadCloser, error) {
	codings := splitCodings(contentEncoding)
	if len(codings) > maxCodings {
		return nil, fmt.Errorf("content-encoding %q: more than %d codings", contentEncoding, maxCodings)
	}
	var closers []io.Closer
	// Codings are listed in the order applied; undo the last first.
	for i := len(codings) - 1; i >= 0; i-- {
		var err error
		var c io.Closer
		switch codings[i] {
		case "identity":
			continue
		case "gzip", "x-gzip":
			var zr *gzip.Reader
			zr, err = gzip.NewReader(r)
			if err == nil {
				r, c = zr, zr
			}
		case "deflate":
			// Servers send deflate zlib-wrapped (as RFC 9110 says) and raw.
			br := bufio.NewReader(r)
			if head, _ := br.Peek(2); len(head) == 2 && head[0]&0x0f == 8 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 {
				var zr io.ReadCloser
				zr, err = zlib.NewReader(br)
				if err == nil {
					r, c = zr, zr
				}
			} else {
				fr := flate.NewReader(br)
				r, c = fr, fr
			}
		case "br":
			r = brotli.NewReader(r)
		case "zstd":
			var d *zstd.Decoder
			// Bounded window: a frame may not ask for more memory than
			// the body may hold.
			d, err = zstd.NewReader(r, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxWindow(uint64(max(limit, 8<<20))))
			if err == nil {
				rc := d.IOReadCloser()
				r, c = rc, rc
			}
		default:
			err = fmt.Errorf("%w %q", errUnknownCoding, codings[i])
		}
		if err != nil {
			closeAll(closers)
			return nil, fmt.Errorf("content-encoding %s: %w", codings[i], err)
		}
		if c != nil {
			closers = append(closers, c)
		}
	}
	return &decoded{r: r, left: limit, limit: limit, closers: closers}, nil
}

// splitCodings lists the codings of a Content-Encoding value, lower-cased.
func splitCodings(v string) []string {
	var out []string
	for c := range strings.SplitSeq(v, ",") {
		if c = strings.ToLower(strings.TrimSpace(c)); c != "" {
			out = append(out, c)
		}
	}
	return out
}

func closeAll(cs []io.Closer) {
	for _, c := range cs {
		c.Close()
	}
}

// decoded is a decoded body that stops past its limit.
type decoded struct {
	r       io.Reader
	left    int64
	limit   int64
	closers []io.Closer
}

func (d *decoded) Read(p []byte) (int, error) {
	if d.limit <= 0 {
		return d.r.Read(p)
	}
	n, err := readLimited(d.r, p, &d.left)
	if errors.Is(err, errPastLimit) {
		err = tooLarge(d.limit, true)
	}
	return n, err
}

func (d *decoded) Close() error {
	closeAll(d.closers)
	return nil
}

// errPastLimit is what readLimited says of a reader with more to give
// than its limit.
var errPastLimit = errors.New("past the limit")

// readLimited reads from r into p while *left bytes may still be read,
// counting them off; once none may, it reads one byte more, to tell a
// reader of exactly the limit (io.EOF) from a longer one (errPastLimit).
func readLimited(r io.Reader, p []byte, left *int64) (int, error) {
	if *left <= 0 {
		var b [1]byte
		n, err := r.Read(b[:])
		if n > 0 {
			return 0, errPastLimit
		}
		return 0, err
	}
	if int64(len(p)) > *left {
		p = p[:*left]
	}
	n, err := r.Read(p)
	*left -= int64(n)
	return n, err
}
