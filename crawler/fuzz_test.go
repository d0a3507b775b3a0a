package crawler

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

var robotsSeeds = []string{
	disallowPrivate,
	"User-agent: newsarc-test\nDisallow: /\n\nUser-agent: *\nAllow: /\n",
	"Disallow: /before-any-group\nUser-agent: *\nDisallow: /after\n",
	"User-agent: *\nCrawl-delay: abc\nCrawl-delay: -4\nCrawl-delay: 1e999\nDisallow: /x\n",
	"User-agent: *\nCrawl-delay: 86400\n",
	"User-agent: *\nDisallow: /*.pdf$\nAllow: /public/*\nSitemap: https://example.ma/sitemap.xml\n",
	"\xef\xbb\xbfUser-agent: *\r\nDisallow: /private/ # comment\r\n",
	"User-agent:*\nDisallow:\n",
	"<html><body>Not Found</body></html>",
	"\x1f\x8b\x08\x00\x00\x00\x00\x00", // a gzip header: what was parsed before bodies were decoded
}

// FuzzParseRobots: any robots.txt parses without panic into rules whose
// Crawl-delay is bounded, and the same file sent in any content coding
// gives the same decisions once decoded.
func FuzzParseRobots(f *testing.F) {
	for _, s := range robotsSeeds {
		f.Add([]byte(s), "/private/a.html")
	}
	f.Fuzz(func(t *testing.T, body []byte, path string) {
		if !strings.HasPrefix(path, "/") {
			path = "/" + path
		}
		const agent = "newsarc-test/1.0"
		g, delay, _, perr := parseRobots(200, body, agent)
		if perr != nil {
			// RFC 9309: what cannot be parsed is ignored, never the file.
			t.Fatalf("a robots.txt the parser rejects whole: %v", perr)
		}
		if delay < 0 || delay > maxCrawlDelay {
			t.Fatalf("crawl delay %v out of [0, %v]", delay, maxCrawlDelay)
		}
		h := &hostRobots{group: g, err: perr}
		want := h.allowed(path)
		for _, coding := range []string{"gzip", "br", "deflate", "zstd"} {
			rd, err := decodeContent(bytes.NewReader(encode(t, body, coding)), coding, 1<<20)
			if err != nil {
				t.Fatalf("%s: %v", coding, err)
			}
			dec, err := io.ReadAll(rd)
			if err != nil && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("%s: %v", coding, err)
			}
			if len(body) <= 1<<20 && !bytes.Equal(dec, body) {
				t.Fatalf("%s: decoded %d bytes, sent %d", coding, len(dec), len(body))
			}
			g2, _, _, err2 := parseRobots(200, dec, agent)
			if (perr == nil) != (err2 == nil) {
				t.Fatalf("%s: parse error %v, plain %v", coding, err2, perr)
			}
			if got := (&hostRobots{group: g2}).allowed(path); got != want {
				t.Fatalf("%s: allowed(%q) = %v, plain %v", coding, path, got, want)
			}
		}
		for _, status := range []int{500, 503, 429} {
			if _, _, _, err := parseRobots(status, body, agent); !errors.Is(err, ErrRobotsUnavailable) {
				t.Fatalf("HTTP %d: %v, want unavailable", status, err)
			}
		}
		if g, _, _, err := parseRobots(404, body, agent); g != nil || err != nil {
			t.Fatalf("HTTP 404: rules %v, %v; want none", g, err)
		}
	})
}

// FuzzDecodeContent: whatever the bytes and the Content-Encoding, decoding
// never gives more than its limit, never panics, and undoes what it is
// said to undo.
func FuzzDecodeContent(f *testing.F) {
	f.Add([]byte("hello, world"), "gzip", uint16(100))
	f.Add([]byte("hello, world"), "gzip, br", uint16(5))
	f.Add([]byte("\x1f\x8b\x08\x00garbage"), "gzip", uint16(1000))
	f.Add([]byte("x\x9c\xcbH\xcd\xc9\xc9\x07\x00\x06,\x02\x15"), "deflate", uint16(1000)) // zlib "hello"
	f.Add([]byte("plain"), "identity", uint16(3))
	f.Add([]byte("plain"), "compress", uint16(3))
	f.Add([]byte{}, "zstd", uint16(0))
	f.Fuzz(func(t *testing.T, data []byte, coding string, limit uint16) {
		max := int64(limit) + 1
		if rd, err := decodeContent(bytes.NewReader(data), coding, max); err == nil {
			out, err := io.ReadAll(rd)
			rd.Close()
			if int64(len(out)) > max {
				t.Fatalf("decoded %d bytes past the limit %d", len(out), max)
			}
			if err != nil && errors.Is(err, ErrTooLarge) && int64(len(out)) != max {
				t.Fatalf("ErrTooLarge after %d bytes, limit %d", len(out), max)
			}
		}
		// A known stack of codings round-trips.
		var stack []string
		for _, c := range splitCodings(coding) {
			switch c {
			case "gzip", "br", "deflate", "zstd":
				stack = append(stack, c)
			}
		}
		if len(stack) == 0 || len(stack) > maxCodings {
			return
		}
		rd, err := decodeContent(bytes.NewReader(encode(t, data, stack...)), strings.Join(stack, ", "), max)
		if err != nil {
			t.Fatalf("decode %v: %v", stack, err)
		}
		out, err := io.ReadAll(rd)
		switch {
		case int64(len(data)) <= max && (err != nil || !bytes.Equal(out, data)):
			t.Fatalf("%v: got %d bytes (%v), sent %d", stack, len(out), err, len(data))
		case int64(len(data)) > max && !errors.Is(err, ErrTooLarge):
			t.Fatalf("%v: %d bytes past limit %d gave %v", stack, len(data), max, err)
		}
	})
}
