package archive

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	warc "github.com/internetarchive/gowarc"
)

// Ref points at one WARC record.
type Ref struct {
	// File is the WARC file's path relative to the archive dir, without the
	// .open suffix it carries while being written.
	File          string
	RecordID      string
	Offset        int64
	PayloadDigest string
	// Type is "response" or "revisit".
	Type string
}

// index follows the WARC files one gowarc client writes, reading each new
// record once, and remembers where the response records lie until asked.
// It reads when asked (take), not as records are written: a crawl that
// locates nothing (archive-only) never reads its WARC back.
type index struct {
	root, dir, site string
	started         time.Time

	mu      sync.Mutex
	scanned map[string]int64 // file name without .open → bytes read
	refs    map[string]Ref   // WARC-Target-URI → newest response record
	order   []string         // keys of refs, oldest first, to bound it
	gz      gzipScanner
}

func newIndex(root, dir, site string, started time.Time) *index {
	return &index{root: root, dir: dir, site: site, started: started.UTC().Truncate(time.Second),
		scanned: make(map[string]int64), refs: make(map[string]Ref)}
}

// maxRefs bounds the records remembered for Locate. A page is located
// right after its body is closed, so only the last few hundred matter;
// pages nobody locates (listings, robots.txt, redirects) must not make the
// index grow with the crawl.
const maxRefs = 4096

func (x *index) remember(uri string, r Ref) {
	if _, ok := x.refs[uri]; !ok {
		x.order = append(x.order, uri)
	}
	x.refs[uri] = r
	for len(x.refs) > maxRefs && len(x.order) > 0 {
		delete(x.refs, x.order[0])
		x.order = x.order[1:]
	}
	if len(x.order) > 2*maxRefs {
		// Keys taken by Locate linger in order; compact it now and then.
		kept := make([]string, 0, len(x.refs))
		for _, k := range x.order {
			if _, ok := x.refs[k]; ok {
				kept = append(kept, k)
			}
		}
		x.order = kept
	}
}

// take returns and forgets the newest record for uri.
func (x *index) take(uri string) (Ref, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	ref, ok := x.refs[uri]
	if !ok {
		x.scanLocked()
		if ref, ok = x.refs[uri]; !ok {
			return Ref{}, fmt.Errorf("locate %s: no response record in %s", uri, x.dir)
		}
	}
	delete(x.refs, uri)
	return ref, nil
}

// files lists the WARC files this client has written, relative to the
// archive dir and without their .open suffix. It reads names only.
func (x *index) files() []string {
	entries, err := os.ReadDir(x.dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if name := e.Name(); isWARCName(x.site, name) && x.ours(name) {
			rel, _ := filepath.Rel(x.root, filepath.Join(x.dir, strings.TrimSuffix(name, ".open")))
			out = append(out, rel)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// scanLocked reads the records added since the last scan in every file this
// client has written. A record still being written ends the read of its
// file; the next scan starts again at its first byte.
func (x *index) scanLocked() {
	entries, err := os.ReadDir(x.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !isWARCName(x.site, name) || !x.ours(name) {
			continue
		}
		base := strings.TrimSuffix(name, ".open")
		off, known := x.scanned[base]
		if !known {
			x.scanned[base] = 0
		}
		info, err := e.Info()
		if err != nil || info.Size() <= off {
			continue
		}
		x.scanned[base] = x.scanFile(name, base, off)
	}
}

// ours reports whether a file was started by this client, from the UTC
// timestamp gowarc puts after the prefix, so old files are never re-read.
func (x *index) ours(name string) bool {
	rest := strings.TrimPrefix(name, x.site+"-")
	if len(rest) < 14 {
		return false
	}
	t, err := time.Parse("20060102150405", rest[:14])
	return err == nil && !t.Before(x.started)
}

func (x *index) scanFile(name, base string, off int64) int64 {
	f, err := os.Open(filepath.Join(x.dir, name))
	if errors.Is(err, os.ErrNotExist) {
		// Renamed from .open to its final name (or back) under us.
		f, err = os.Open(filepath.Join(x.dir, base))
	}
	if err != nil {
		return off
	}
	defer f.Close()
	if _, err := f.Seek(off, io.SeekStart); err != nil {
		return off
	}
	rel, _ := filepath.Rel(x.root, filepath.Join(x.dir, base))
	add := func(h warc.Header, at int64) {
		switch h.Get("WARC-Type") {
		case "response", "revisit":
			x.remember(h.Get("WARC-Target-URI"), Ref{File: rel, RecordID: h.Get("WARC-Record-ID"),
				Offset: at, PayloadDigest: h.Get("WARC-Payload-Digest"), Type: h.Get("WARC-Type")})
		}
	}
	if strings.HasSuffix(base, ".warc") {
		return scanPlain(f, off, add)
	}
	return x.gz.scan(f, off, add)
}

// gzipScanner reads records of one gzip member each and reports the
// offset of the member that holds each one. Only the WARC header is
// parsed; the rest of the member is inflated into io.Discard to find where
// it ends, which costs a fraction of gowarc's Reader (that spools and
// digests every block). gzip.Reader takes no byte past its member from an
// io.ByteReader, so counting what it takes gives each member's exact
// length. The index keeps one scanner and its buffers for all its scans.
type gzipScanner struct {
	cr countingReader
	zr gzip.Reader
	hr *bufio.Reader
}

func (s *gzipScanner) scan(f io.Reader, off int64, add func(warc.Header, int64)) int64 {
	if s.cr.r == nil {
		s.cr.r = bufio.NewReaderSize(f, 64<<10)
	} else {
		s.cr.r.Reset(f)
	}
	s.cr.n = 0
	for {
		start := s.cr.n
		if err := s.zr.Reset(&s.cr); err != nil {
			return off
		}
		s.zr.Multistream(false)
		if s.hr == nil {
			s.hr = bufio.NewReader(&s.zr)
		} else {
			s.hr.Reset(&s.zr)
		}
		h, ok := readHeader(s.hr)
		if !ok {
			return off
		}
		// The rest of the member, and its checksum: a record still being
		// written ends the scan.
		if _, err := io.Copy(io.Discard, s.hr); err != nil {
			return off
		}
		add(h, off)
		off += s.cr.n - start
	}
}

// countingReader counts the bytes read through it, by Read and ReadByte.
type countingReader struct {
	r *bufio.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func (c *countingReader) ReadByte() (byte, error) {
	b, err := c.r.ReadByte()
	if err == nil {
		c.n++
	}
	return b, err
}

// readHeader reads a record's version line and named fields, up to the
// empty line that ends them.
func readHeader(br *bufio.Reader) (warc.Header, bool) {
	line, err := br.ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "WARC/") {
		return nil, false
	}
	h := warc.NewHeader()
	for {
		line, err = br.ReadString('\n')
		if err != nil {
			return nil, false
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			return h, true
		}
		if k, v, ok := strings.Cut(line, ":"); ok {
			h.Set(strings.TrimSpace(k), strings.TrimSpace(v))
		}
	}
}

// scanPlain reads uncompressed records, for which gowarc reports no offsets.
func scanPlain(f io.Reader, off int64, add func(warc.Header, int64)) int64 {
	br := bufio.NewReader(f)
	for {
		start := off
		pos := off
		line, err := br.ReadString('\n')
		if err != nil || !strings.HasPrefix(line, "WARC/") {
			return start
		}
		pos += int64(len(line))
		h := warc.NewHeader()
		for {
			line, err = br.ReadString('\n')
			if err != nil {
				return start
			}
			pos += int64(len(line))
			line = strings.TrimRight(line, "\r\n")
			if line == "" {
				break
			}
			if k, v, ok := strings.Cut(line, ":"); ok {
				h.Set(strings.TrimSpace(k), strings.TrimSpace(v))
			}
		}
		n, err := strconv.ParseInt(h.Get("Content-Length"), 10, 64)
		if err != nil {
			return start
		}
		if _, err := br.Discard(int(n) + 4); err != nil {
			return start
		}
		pos += n + 4
		add(h, start)
		off = pos
	}
}
