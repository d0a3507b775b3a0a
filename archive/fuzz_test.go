package archive

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"

	warc "github.com/newsarc/newsarc/third_party/gowarc"
)

// smallWARC records a few exchanges and returns the file's bytes.
func smallWARC(f *testing.F, compression string) []byte {
	b, err := os.ReadFile(writeSampleAs(f, f.TempDir(), compression, "fuzz"))
	if err != nil {
		f.Fatal(err)
	}
	return b
}

// FuzzCompleteLength: the readers repair trusts never panic on any bytes,
// never claim more than the file holds, and are stable: the complete
// prefix they find is itself complete, to its end.
func FuzzCompleteLength(f *testing.F) {
	for _, comp := range []string{"gzip", "none"} {
		w := smallWARC(f, comp)
		plain := comp == "none"
		for _, cut := range []int{len(w), len(w) - 1, len(w) / 2, 100, 0} {
			f.Add(w[:cut], plain)
		}
		f.Add(append(bytes.Clone(w), "garbage after the last record"...), plain)
	}
	f.Fuzz(func(t *testing.T, data []byte, plain bool) {
		good := completeLength(bytes.NewReader(data), plain)
		if good < 0 || good > int64(len(data)) {
			t.Fatalf("complete length %d of a %d-byte file", good, len(data))
		}
		again := completeLength(bytes.NewReader(data[:good]), plain)
		if again != good {
			t.Fatalf("the complete prefix of %d bytes reads as %d complete bytes", good, again)
		}
	})
}

// FuzzWARCRoundTrip: a record written by gowarc's writer, whatever its
// content and header values, reads back the same with gowarc's reader, in
// both compressions.
func FuzzWARCRoundTrip(f *testing.F) {
	f.Add([]byte("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"), "https://example.ma/2023/a.html", "response")
	f.Add([]byte{}, "dns:example.ma", "resource")
	f.Add([]byte("\r\n\r\nWARC/1.1\r\n"), "https://example.ma/?q=\u00e9", "metadata")
	f.Fuzz(func(t *testing.T, content []byte, target, typ string) {
		if strings.ContainsAny(target+typ, "\r\n") || typ == "" || strings.TrimSpace(typ) != typ || strings.TrimSpace(target) != target {
			return // header values are single lines without edge spaces
		}
		for _, name := range []string{"gzip", "none"} {
			comp := warc.MustCompressionTypeFromString(name)
			var buf bytes.Buffer
			w, err := warc.NewWriter(&buf, "fuzz.warc", warc.SHA1, comp, true, nil)
			if err != nil {
				t.Fatal(err)
			}
			r := warc.NewRecord("", false)
			r.Header.Set("WARC-Type", typ)
			r.Header.Set("WARC-Target-URI", target)
			r.Content.Write(content)
			if _, err := w.WriteRecord(r); err != nil {
				t.Fatal(err)
			}
			rd, err := warc.NewReader(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			got, err := rd.ReadRecord()
			if err != nil {
				t.Fatalf("%s: read back: %v", comp, err)
			}
			body, _ := io.ReadAll(got.Content)
			got.Content.Close()
			if !bytes.Equal(body, content) || got.Header.Get("WARC-Type") != typ || got.Header.Get("WARC-Target-URI") != target {
				t.Fatalf("%s: read back %q %q %q, wrote %q %q %q", comp, got.Header.Get("WARC-Type"), got.Header.Get("WARC-Target-URI"), body, typ, target, content)
			}
			if want := sha1b32(content); got.Header.Get("WARC-Block-Digest") != want {
				t.Fatalf("%s: block digest %s, want %s", comp, got.Header.Get("WARC-Block-Digest"), want)
			}
		}
	})
}
