package article

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Article is one extracted article, in the form the README gives for the article
// JSON. Empty strings, zero times and empty lists are absent values: they are
// written as null ([] for Byline and Tags), never as "" or a zero date.
type Article struct {
	ID           string    `json:"id"`
	URL          string    `json:"url"`
	CanonicalURL string    `json:"canonical_url"`
	Site         string    `json:"site"`       // set by the caller
	FetchedAt    time.Time `json:"fetched_at"` // set by the caller
	Headline     string    `json:"headline"`
	Byline       []string  `json:"byline"` // one entry per author
	Published    time.Time `json:"published"`
	Modified     time.Time `json:"modified"`
	Language     string    `json:"language"` // ISO 639-1 code such as "ar"
	Description  string    `json:"description"`
	Image        string    `json:"image"` // absolute URL
	Section      string    `json:"section"`
	Tags         []string  `json:"tags"`
	Body         string    `json:"body"` // paragraphs separated by "\n\n"
	WordCount    int       `json:"word_count"`
	// Provenance maps each field that has a value to where it came from.
	Provenance Provenance `json:"provenance"`
	WARC       *WARCRef   `json:"warc"` // set by the caller; nil when not archived
}

// WARCRef locates the response record an article was extracted from.
type WARCRef struct {
	File          string `json:"file"` // path relative to the archive dir
	RecordID      string `json:"record_id"`
	Offset        int64  `json:"offset"`
	PayloadDigest string `json:"payload_digest"`
}

// ArticleID is the first 16 hex digits of sha256 of the canonical URL.
func ArticleID(canonicalURL string) string {
	sum := sha256.Sum256([]byte(canonicalURL))
	return hex.EncodeToString(sum[:8])
}

// articleJSON is Article on the wire: pointers make absent values null.
type articleJSON struct {
	ID           string     `json:"id"`
	URL          *string    `json:"url"`
	CanonicalURL *string    `json:"canonical_url"`
	Site         *string    `json:"site"`
	FetchedAt    *string    `json:"fetched_at"`
	Headline     *string    `json:"headline"`
	Byline       []string   `json:"byline"`
	Published    *string    `json:"published"`
	Modified     *string    `json:"modified"`
	Language     *string    `json:"language"`
	Description  *string    `json:"description"`
	Image        *string    `json:"image"`
	Section      *string    `json:"section"`
	Tags         []string   `json:"tags"`
	Body         *string    `json:"body"`
	WordCount    int        `json:"word_count"`
	Provenance   Provenance `json:"provenance"`
	WARC         *WARCRef   `json:"warc"`
}

// MarshalJSON writes the article as the README shows it: fields in order, dates
// in RFC 3339 with the offset they were read with, absent values null.
func (a Article) MarshalJSON() ([]byte, error) {
	w := articleJSON{
		ID:           a.ID,
		URL:          optString(a.URL),
		CanonicalURL: optString(a.CanonicalURL),
		Site:         optString(a.Site),
		FetchedAt:    optTime(a.FetchedAt),
		Headline:     optString(a.Headline),
		Byline:       nonNil(a.Byline),
		Published:    optTime(a.Published),
		Modified:     optTime(a.Modified),
		Language:     optString(a.Language),
		Description:  optString(a.Description),
		Image:        optString(a.Image),
		Section:      optString(a.Section),
		Tags:         nonNil(a.Tags),
		Body:         optString(a.Body),
		WordCount:    a.WordCount,
		Provenance:   a.Provenance,
		WARC:         a.WARC,
	}
	if w.Provenance == nil {
		w.Provenance = Provenance{}
	}
	return marshalRaw(w)
}

// Indent is a's JSON as newsarc writes it, in files and on stdout: indented
// with indent (none when empty) and with <, > and & as they are, not as
// \u003c, \u003e and \u0026, so that a body quoting HTML reads as it
// does on the page.
func Indent(a *Article, indent string) ([]byte, error) {
	raw, err := a.MarshalJSON() // json.Marshal would escape them again
	if err != nil || indent == "" {
		return raw, err
	}
	var b bytes.Buffer
	if err := json.Indent(&b, raw, "", indent); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// marshalRaw marshals v without escaping <, > and &: whether they are
// escaped is the choice of the caller's encoder (json.Marshal escapes them,
// an Encoder with SetEscapeHTML(false) does not).
func marshalRaw(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// UnmarshalJSON reads what MarshalJSON writes.
func (a *Article) UnmarshalJSON(data []byte) error {
	var w articleJSON
	if err := json.Unmarshal(data, &w); err != nil {
		return err
	}
	var times [3]time.Time
	for i, s := range []*string{w.FetchedAt, w.Published, w.Modified} {
		if s == nil {
			continue
		}
		t, err := time.Parse(time.RFC3339, *s)
		if err != nil {
			return fmt.Errorf("parse article time %q: %w", *s, err)
		}
		times[i] = t
	}
	*a = Article{
		ID:           w.ID,
		URL:          deref(w.URL),
		CanonicalURL: deref(w.CanonicalURL),
		Site:         deref(w.Site),
		FetchedAt:    times[0],
		Headline:     deref(w.Headline),
		Byline:       w.Byline,
		Published:    times[1],
		Modified:     times[2],
		Language:     deref(w.Language),
		Description:  deref(w.Description),
		Image:        deref(w.Image),
		Section:      deref(w.Section),
		Tags:         w.Tags,
		Body:         deref(w.Body),
		WordCount:    w.WordCount,
		Provenance:   w.Provenance,
		WARC:         w.WARC,
	}
	return nil
}

func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func optTime(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(time.RFC3339)
	return &s
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Field names, as keys of Provenance and in warnings.
const (
	FieldHeadline    = "headline"
	FieldByline      = "byline"
	FieldPublished   = "published"
	FieldModified    = "modified"
	FieldLanguage    = "language"
	FieldDescription = "description"
	FieldImage       = "image"
	FieldSection     = "section"
	FieldTags        = "tags"
	FieldBody        = "body"
)

// fieldOrder is the order of the fields in the article JSON.
var fieldOrder = []string{
	FieldHeadline, FieldByline, FieldPublished, FieldModified, FieldLanguage,
	FieldDescription, FieldImage, FieldSection, FieldTags, FieldBody,
}

// FieldIndex is the position of a field in the article JSON, or -1 when
// name is not one of the Field constants.
func FieldIndex(name string) int { return slices.Index(fieldOrder, name) }

// Sources of a field's value, the values of Provenance.
const (
	SourceSelector  = "selector"  // a CSS selector of the site's config
	SourceJSONLD    = "json-ld"   // a JSON-LD NewsArticle (or Article, BlogPosting…)
	SourceMicrodata = "microdata" // itemprop attributes of an Article item
	SourceMeta      = "meta"      // <meta> tags (OpenGraph, article:*, Dublin Core), <html lang>, rel=canonical
	SourceText      = "text"      // visible text near the headline or byline
	SourceTime      = "time"      // a <time datetime> element of the article header
	SourceURL       = "url"       // a date in the URL path
	SourceTitle     = "title"     // the <title> element
	SourceGeneric   = "generic"   // go-trafilatura's extraction
	SourceConfig    = "config"    // the site's configured language hint
)

// Provenance maps each field of an Article that has a value to its source.
type Provenance map[string]string

// MarshalJSON writes the fields in the order of the article JSON, so diffs of
// archived articles stay readable; keys it does not know come last, sorted.
func (p Provenance) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	b.WriteByte('{')
	n := 0
	write := func(k, v string) {
		if n > 0 {
			b.WriteByte(',')
		}
		n++
		kj, _ := marshalRaw(k)
		vj, _ := marshalRaw(v)
		b.Write(kj)
		b.WriteByte(':')
		b.Write(vj)
	}
	for _, k := range fieldOrder {
		if v, ok := p[k]; ok {
			write(k, v)
		}
	}
	var rest []string
	for k := range p {
		if !slices.Contains(fieldOrder, k) {
			rest = append(rest, k)
		}
	}
	slices.Sort(rest)
	for _, k := range rest {
		write(k, p[k])
	}
	b.WriteByte('}')
	return []byte(b.String()), nil
}
