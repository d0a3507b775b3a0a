// Command warcstat counts what WARC files hold, so that crawlers that
// write WARC (newsarc, wget) are compared on the same count: HTML pages
// fetched are response and revisit records of a 200 text/html response.
//
//	warcstat [-json] FILE.warc[.gz]...
//
// It reads plain and gzip (one or many members) files with the standard
// library only, independently of the WARC writer under test.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/textproto"
	"os"
	"strconv"
	"strings"
)

type stats struct {
	Files     int            `json:"files"`
	FileBytes int64          `json:"file_bytes"`
	Records   map[string]int `json:"records"` // by WARC-Type
	HTML      int            `json:"html_pages"`
	Statuses  map[string]int `json:"statuses"` // of response and revisit records
	// RefetchedURIs counts response and revisit records whose
	// WARC-Target-URI an earlier one in the files already had: URLs
	// fetched twice.
	RefetchedURIs int `json:"refetched_uris"`
	uris          map[string]bool
}

func main() {
	asJSON := flag.Bool("json", false, "print JSON")
	flag.Parse()
	st := stats{Records: map[string]int{}, Statuses: map[string]int{}, uris: map[string]bool{}}
	for _, name := range flag.Args() {
		if err := st.add(name); err != nil {
			fmt.Fprintln(os.Stderr, "warcstat:", err)
			os.Exit(1)
		}
	}
	if *asJSON {
		json.NewEncoder(os.Stdout).Encode(st)
		return
	}
	fmt.Printf("%d files, %d bytes, %d HTML pages, %d URLs fetched again; records %v; statuses %v\n", st.Files, st.FileBytes, st.HTML, st.RefetchedURIs, st.Records, st.Statuses)
}

func (st *stats) add(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil {
		st.FileBytes += fi.Size()
	}
	st.Files++
	var r io.Reader = f
	if strings.HasSuffix(name, ".gz") || strings.HasSuffix(name, ".gz.open") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		r = zr // multistream: one member per record reads as one stream
	}
	br := bufio.NewReaderSize(r, 64<<10)
	for {
		err := st.record(br)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
}

// record reads one record: version line, headers, block.
func (st *stats) record(br *bufio.Reader) error {
	var line string
	for line == "" {
		l, err := br.ReadString('\n')
		if err != nil {
			if l == "" {
				return io.EOF
			}
			return fmt.Errorf("truncated record: %w", err)
		}
		line = strings.TrimRight(l, "\r\n")
	}
	if !strings.HasPrefix(line, "WARC/") {
		return fmt.Errorf("want a WARC version line, got %q", line)
	}
	hdr, err := textproto.NewReader(br).ReadMIMEHeader()
	if err != nil {
		return fmt.Errorf("warc headers: %w", err)
	}
	n, err := strconv.ParseInt(hdr.Get("Content-Length"), 10, 64)
	if err != nil {
		return fmt.Errorf("content-length %q", hdr.Get("Content-Length"))
	}
	typ := hdr.Get("WARC-Type")
	st.Records[typ]++
	block := io.LimitReader(br, n)
	if typ == "response" || typ == "revisit" {
		uri := hdr.Get("WARC-Target-URI")
		if st.uris[uri] {
			st.RefetchedURIs++
		}
		st.uris[uri] = true
		head := make([]byte, min(n, 16<<10))
		if _, err := io.ReadFull(block, head); err != nil {
			return fmt.Errorf("block: %w", err)
		}
		status, ctype := httpHead(head)
		st.Statuses[status]++
		if status == "200" && strings.HasPrefix(strings.ToLower(ctype), "text/html") {
			st.HTML++
		}
	}
	if _, err := io.Copy(io.Discard, block); err != nil {
		return fmt.Errorf("block: %w", err)
	}
	return nil
}

// httpHead returns the status code and Content-Type of an HTTP response head.
func httpHead(b []byte) (status, ctype string) {
	if i := bytes.Index(b, []byte("\r\n\r\n")); i >= 0 {
		b = b[:i]
	}
	lines := strings.Split(string(b), "\r\n")
	if f := strings.Fields(lines[0]); len(f) >= 2 && strings.HasPrefix(f[0], "HTTP/") {
		status = f[1]
	}
	for _, l := range lines[1:] {
		k, v, ok := strings.Cut(l, ":")
		if ok && strings.EqualFold(strings.TrimSpace(k), "Content-Type") {
			ctype = strings.TrimSpace(v)
		}
	}
	return status, ctype
}
