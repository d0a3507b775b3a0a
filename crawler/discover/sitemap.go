package discover

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

// Limits of one sitemap, from the protocol (sitemaps.org); feeds share
// MaxBytes.
const (
	MaxURLs  = 50_000
	MaxBytes = 50 << 20 // 52,428,800 bytes, decompressed
)

// Errors that ParseSitemap and ParseFeed wrap when input goes past a limit;
// what was read before it is returned with them.
var (
	ErrTooManyURLs = errors.New("discover: more than 50000 urls")
	ErrTooLarge    = errors.New("discover: input over 50 MB")
)

const newsNS = "http://www.google.com/schemas/sitemap-news/0.9"

// SitemapURL is one entry of a sitemap or sitemap index.
type SitemapURL struct {
	Loc           string    // absolute and canonical
	LastMod       time.Time // zero when absent or unreadable
	NewsTitle     string    // Google News news:title
	NewsPublished time.Time // Google News news:publication_date
}

// Sitemap is what one sitemap file lists: child sitemaps when it is a
// <sitemapindex>, pages when it is a <urlset> or a text sitemap.
type Sitemap struct {
	Sitemaps []SitemapURL
	URLs     []SitemapURL
}

func (s *Sitemap) len() int { return len(s.Sitemaps) + len(s.URLs) }

// ParseSitemap reads an XML sitemap or sitemap index (Google News and image
// extensions included) or a text sitemap with one URL per line, compressed
// with gzip or not (told by its magic bytes, not by its name). Locations
// are resolved against base, the sitemap's own URL, which also names it in
// errors; base may be nil. Entries without an http(s) location are
// skipped.
//
// It stops after MaxURLs entries or MaxBytes of decompressed input with an
// error wrapping ErrTooManyURLs or ErrTooLarge. On that and on malformed or
// truncated input, it returns the entries read before the problem together
// with the error.
func ParseSitemap(r io.Reader, base *url.URL) (*Sitemap, error) {
	return parseSitemap(r, base, MaxURLs, MaxBytes)
}

// parseSitemap is ParseSitemap with its limits as arguments, for tests.
func parseSitemap(r io.Reader, base *url.URL, maxURLs int, maxBytes int64) (*Sitemap, error) {
	name := nameOf(base)
	sm := &Sitemap{}
	br := bufio.NewReader(r)
	var src io.Reader = br
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return sm, fmt.Errorf("sitemap %s: gzip: %w", name, err)
		}
		defer zr.Close()
		src = zr
	}
	in := bufio.NewReader(&limitReader{r: src, left: maxBytes})
	head, _ := in.Peek(512)
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	var err error
	if len(head) > 0 && head[0] == '<' {
		err = parseXMLSitemap(in, base, sm, maxURLs)
	} else {
		err = parseTextSitemap(in, sm, maxURLs)
	}
	if err != nil {
		return sm, fmt.Errorf("sitemap %s: %w", name, err)
	}
	return sm, nil
}

func parseXMLSitemap(r io.Reader, base *url.URL, sm *Sitemap, maxURLs int) error {
	d := xml.NewDecoder(r)
	d.CharsetReader = charset.NewReaderLabel
	d.Entity = xml.HTMLEntity
	d.Strict = false // generators often leave & unescaped in <loc>
	var (
		root            string
		depth           int
		cur             SitemapURL
		inEntry, inNews bool
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			if root == "" {
				return errors.New("no root element")
			}
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			local := t.Name.Local
			switch {
			case depth == 1:
				root = local
				if root != "urlset" && root != "sitemapindex" {
					return fmt.Errorf("root element <%s> is not <urlset> or <sitemapindex>", local)
				}
			case depth == 2:
				inEntry = root == "urlset" && local == "url" || root == "sitemapindex" && local == "sitemap"
				cur = SitemapURL{}
			case depth == 3 && inEntry && local == "news" && (t.Name.Space == newsNS || t.Name.Space == "news"):
				inNews = true
			case depth == 3 && inEntry && (local == "loc" || local == "lastmod"),
				depth == 4 && inNews && (local == "title" || local == "publication_date"):
				var s string
				if err := d.DecodeElement(&s, &t); err != nil {
					return err
				}
				depth--
				setField(&cur, local, strings.TrimSpace(s))
			}
		case xml.EndElement:
			switch {
			case depth == 2 && inEntry:
				inEntry = false
				if err := addEntry(sm, base, root == "sitemapindex", cur, maxURLs); err != nil {
					return err
				}
			case depth == 3:
				inNews = false
			}
			depth--
		}
	}
}

func setField(e *SitemapURL, local, s string) {
	switch local {
	case "loc":
		e.Loc = s
	case "lastmod":
		e.LastMod = parseW3CTime(s)
	case "title":
		e.NewsTitle = s
	case "publication_date":
		e.NewsPublished = parseW3CTime(s)
	}
}

// addEntry resolves e's location and appends it, unless it has none; it
// fails once sm holds maxURLs entries.
func addEntry(sm *Sitemap, base *url.URL, index bool, e SitemapURL, maxURLs int) error {
	loc, ok := resolve(base, e.Loc)
	if !ok {
		return nil
	}
	if sm.len() >= maxURLs {
		return ErrTooManyURLs
	}
	e.Loc = loc
	if index {
		sm.Sitemaps = append(sm.Sitemaps, e)
	} else {
		sm.URLs = append(sm.URLs, e)
	}
	return nil
}

func parseTextSitemap(r io.Reader, sm *Sitemap, maxURLs int) error {
	sc := bufio.NewScanner(r)
	lines := 0
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		lines++
		// Lines must be full URLs (sitemaps.org): no base, so that a stray
		// line of text is not taken for a relative path.
		if err := addEntry(sm, nil, false, SitemapURL{Loc: line}, maxURLs); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("line %d: %w", lines+1, err)
	}
	if lines == 0 {
		return errors.New("empty")
	}
	if sm.len() == 0 {
		return fmt.Errorf("not XML, and none of its %d lines is a URL", lines)
	}
	return nil
}

// parseW3CTime reads the W3C datetime forms sitemaps use (2023, 2023-06,
// 2023-06-28, 2023-06-28T10:15+01:00, with seconds and a fraction), and the
// near misses found in the wild (a space for T, +0100, no zone, RFC 1123).
// A time without a zone is taken as UTC. It returns the zero time when s
// is none of these.
func parseW3CTime(s string) time.Time {
	for _, layout := range [...]string{
		"2006-01-02T15:04:05Z07:00", "2006-01-02T15:04Z07:00", "2006-01-02",
		"2006-01-02T15:04:05Z0700", "2006-01-02T15:04Z0700", "2006-01-02 15:04:05Z07:00",
		"2006-01-02 15:04:05Z0700", "2006-01-02 15:04:05 Z0700", "2006-01-02T15:04:05",
		"2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01", "2006",
		time.RFC1123Z, time.RFC1123,
	} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// limitReader reads at most left bytes, then fails with ErrTooLarge if
// there was more; unlike io.LimitReader it does not pass a cut document
// off as a whole one.
type limitReader struct {
	r    io.Reader
	left int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.left <= 0 {
		var one [1]byte
		n, err := l.r.Read(one[:])
		if n > 0 {
			return 0, ErrTooLarge
		}
		return 0, err
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	return n, err
}

// nameOf names a document in errors by its URL.
func nameOf(base *url.URL) string {
	if base == nil {
		return "(no url)"
	}
	return base.Redacted()
}
