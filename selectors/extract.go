package selectors

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsarc/newsarc/selectors/article"
	"github.com/newsarc/newsarc/selectors/internal/markup"
	"github.com/newsarc/newsarc/selectors/structured"
)

// Selectors are the per-site CSS selectors from config.toml
// ([sites.selectors]); all are optional. "selector@attr" reads an attribute
// instead of text (e.g. "time.entry-date@datetime").
type Selectors struct {
	Headline, Byline, Published, Modified, Body string
	// Remove lists elements dropped before the body text is taken, by the
	// body selector and by generic extraction alike.
	Remove []string
}

// Config is one site's extraction settings.
type Config struct {
	Selectors Selectors
	// Timezone reads dates printed without an offset; when set, every date
	// of the article is also written in it (the same instant, the offset the
	// site's readers see). Nil means UTC, and dates keep the offset they
	// were printed with.
	Timezone *time.Location
	Language string // hint, may be ""
}

// Extractor extracts articles of one site. It is safe for concurrent use.
type Extractor struct {
	headline, byline, published, modified, body *rule
	remove                                      []*rule
	prune                                       string // Remove as one selector group, for go-trafilatura
	tz                                          *time.Location
	localize                                    bool // Timezone was set: print every date in it
	lang                                        string
}

var errAttrInRemove = errors.New("remove takes elements, not an @attribute")

// New compiles every selector once. An invalid selector is a *SelectorError
// naming the key, e.g. `selectors.body: invalid CSS selector "div[": ...`;
// the first one in key order is returned.
func New(cfg Config) (*Extractor, error) {
	e := &Extractor{tz: cfg.Timezone, localize: cfg.Timezone != nil, lang: primaryLang(cfg.Language)}
	if e.tz == nil {
		e.tz = time.UTC
	}
	var errs []error
	for _, f := range []struct {
		key string
		src string
		dst **rule
	}{
		{article.FieldHeadline, cfg.Selectors.Headline, &e.headline},
		{article.FieldByline, cfg.Selectors.Byline, &e.byline},
		{article.FieldPublished, cfg.Selectors.Published, &e.published},
		{article.FieldModified, cfg.Selectors.Modified, &e.modified},
		{article.FieldBody, cfg.Selectors.Body, &e.body},
	} {
		r, err := compileRule(f.key, f.src)
		if err != nil {
			errs = append(errs, err)
		}
		*f.dst = r
	}
	var prune []string
	for i, src := range cfg.Selectors.Remove {
		key := fmt.Sprintf("remove[%d]", i)
		r, err := compileRule(key, src)
		switch {
		case err != nil:
			errs = append(errs, err)
		case r != nil && r.attr != "":
			errs = append(errs, &SelectorError{Key: key, Selector: src, Err: errAttrInRemove})
		case r != nil:
			e.remove = append(e.remove, r)
			prune = append(prune, r.src)
		}
	}
	e.prune = strings.Join(prune, ", ")
	if len(errs) > 0 {
		return nil, errs[0]
	}
	return e, nil
}

// Page is one fetched page.
type Page struct {
	URL         string    // final URL of the page (after redirects)
	Body        []byte    // bytes as received, content-encoding already removed, charset NOT converted
	ContentType string    // HTTP Content-Type header, may be ""
	Date        time.Time // response Date header or fetch time: relative dates resolve against it
	// Doc is Body already parsed by Parse of the same Extractor, or nil.
	// When set, Body is not parsed again; Extract may change the tree.
	Doc *html.Node
}

// MaxHTMLSize is the largest body Extract reads. Articles are well under a
// megabyte of HTML; a larger page is a hostile or broken server's, and
// extraction time and memory grow with the page.
const MaxHTMLSize = 16 << 20

// Errors of pages that are not extracted: the caller keeps them in the
// WARC only.
var (
	ErrNotHTML   = errors.New("selectors: not html")
	ErrEmptyBody = errors.New("selectors: empty body")
	ErrTooLarge  = errors.New("selectors: page larger than 16 MiB: archived, not extracted")
)

// Extract returns the article on the page and warnings for tuning the site's
// selectors: at most one per configured field, naming the field and the
// selector (`selector byline ".author a" matched nothing`). It sets ID, URL
// and CanonicalURL; Site, FetchedAt and WARC are the caller's. The error
// wraps ErrNotHTML when Page.ContentType names another media type than
// text/html or application/xhtml+xml (a missing or generic one is decided
// by sniffing the bytes), ErrTooLarge when the body is larger than
// MaxHTMLSize, and ErrEmptyBody when it holds nothing.
func (e *Extractor) Extract(p Page) (*article.Article, []Warning, error) {
	if err := checkHTML(p); err != nil {
		return nil, nil, fmt.Errorf("extract %s: %w", p.URL, err)
	}
	root := p.Doc
	if root == nil {
		var err error
		if root, err = e.Parse(p.Body, p.ContentType); err != nil {
			return nil, nil, fmt.Errorf("extract %s: %w", p.URL, err)
		}
	}
	x := newExtraction(e, p, root)
	x.run()
	return x.a, x.warnings, nil
}

// Parse decodes body to UTF-8 the way Extract does (byte order mark,
// Content-Type charset, <meta charset>, then the site's language) and
// parses it. Extract takes the tree in Page.Doc, so that a page parsed for
// its links is not parsed twice.
func (e *Extractor) Parse(body []byte, contentType string) (*html.Node, error) {
	text, _ := decodeHTML(body, contentType, e.lang)
	root, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	return root, nil
}

// checkHTML refuses pages of another media type than HTML, pages too large
// to extract within bounds, and bodies without any content. A missing or
// generic type (misconfigured servers send HTML as octet-stream or
// text/plain) is decided by sniffing the first bytes, as browsers do.
func checkHTML(p Page) error {
	mt := mediaType(p.ContentType)
	switch mt {
	case "text/html", "application/xhtml+xml", "", "application/octet-stream", "text/plain", "binary/octet-stream":
	default:
		return fmt.Errorf("%w: content type %q", ErrNotHTML, p.ContentType)
	}
	if len(p.Body) > MaxHTMLSize {
		return fmt.Errorf("%w (%d bytes)", ErrTooLarge, len(p.Body))
	}
	if len(bytes.TrimSpace(p.Body)) == 0 {
		return ErrEmptyBody
	}
	switch mt {
	case "text/html", "application/xhtml+xml":
		return nil
	default:
		head := p.Body[:min(len(p.Body), 1024)]
		if startsLikeHTML(p.Body[:min(len(p.Body), sniffScan)]) {
			return nil
		}
		return fmt.Errorf("%w: content type %q, sniffed %q", ErrNotHTML, p.ContentType, mediaType(http.DetectContentType(head)))
	}
}

// sniffScan is how much of an undeclared page startsLikeHTML reads: leading
// comments (a banner, conditional comments) can be long.
const sniffScan = 8 << 10

// startsLikeHTML reports whether a page whose type is not declared starts
// as an HTML parser reads an HTML page: past a byte order mark, white
// space, comments and processing instructions (<?xml …?>, which the parser
// reads as a comment), the first thing is a doctype naming html or the
// start tag of an HTML element. So <!doctypehtml>, a line break inside the
// doctype, <!--[if IE]> before <html> and a fragment that starts with
// <meta> are HTML, as browsers render them; a feed (<rss>), plain text or
// JSON is not. (http.DetectContentType knows a fixed list of prefixes and
// misses all of these.)
func startsLikeHTML(head []byte) bool {
	z := html.NewTokenizer(bytes.NewReader(bytes.TrimPrefix(head, utf8BOM)))
	for {
		switch z.Next() {
		case html.CommentToken:
			continue
		case html.TextToken:
			if len(bytes.TrimSpace(z.Text())) == 0 {
				continue
			}
			return false
		case html.DoctypeToken:
			name, _, _ := strings.Cut(strings.TrimSpace(string(z.Text())), " ")
			return strings.EqualFold(name, "html")
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			return atom.Lookup(name) != 0
		default: // an end tag first, or the end of what was read
			return false
		}
	}
}

// mediaType is the lowercased media type of a Content-Type header. A
// header with a broken parameter ("text/html; charset") still names its
// type.
func mediaType(contentType string) string {
	if mt, _, err := mime.ParseMediaType(contentType); mt != "" || err == nil {
		return mt
	}
	mt, _, _ := strings.Cut(contentType, ";")
	return strings.ToLower(strings.TrimSpace(mt))
}

// extraction is the state of one Extract call.
type extraction struct {
	e        *Extractor
	root     *html.Node
	doc      *goquery.Document
	base     *url.URL // nil when the page URL is not a URL
	now      time.Time
	meta     structured.Meta
	ld, md   *structured.Item
	a        *article.Article
	warnings []Warning
	anchor   *html.Node // the headline's element, nil when unknown
	generic  *genericResult
	// boxes remembers which elements the metadata rules skip as junk.
	boxes *markup.Boxes
}

func newExtraction(e *Extractor, p Page, root *html.Node) *extraction {
	doc := goquery.NewDocumentFromNode(root)
	sd := structured.Read(doc)
	x := &extraction{
		e:    e,
		root: root,
		doc:  doc,
		now:  p.Date,
		meta: sd.Meta,
		ld:   sd.JSONLD,
		md:   sd.Microdata,
		a:    &article.Article{URL: p.URL, Provenance: article.Provenance{}},
	}
	if x.now.IsZero() {
		x.now = time.Now()
	}
	if u, err := url.Parse(p.URL); err == nil && u.IsAbs() {
		x.base = u
	}
	return x
}

func (x *extraction) run() {
	x.a.CanonicalURL = x.canonical()
	x.a.ID = article.ArticleID(x.a.CanonicalURL)
	x.extractHeadline()
	x.extractByline()
	x.extractDates()
	x.extractDescription()
	x.extractBody()
	x.extractImage()
	x.extractSection()
	x.extractTags()
	x.extractLanguage()
	x.a.WordCount = wordCount(x.a.Body)
}

// set records a field's source.
func (x *extraction) set(field, source string) {
	x.a.Provenance[field] = source
}

// warn records a problem with a field's selector. A field keeps one
// warning: the most telling (nothing matched, then no value, then several
// matches).
func (x *extraction) warn(r *rule, kind WarningKind, count int, value string) {
	w := Warning{Field: r.key, Selector: r.src, Kind: kind, Count: count, Value: value}
	for i, old := range x.warnings {
		if old.Field == w.Field {
			if warnRank[kind] < warnRank[old.Kind] {
				x.warnings[i] = w
			}
			return
		}
	}
	x.warnings = append(x.warnings, w)
}

var warnRank = map[WarningKind]int{WarnNoMatch: 0, WarnNoValue: 1, WarnSeveral: 2}

// selectAll runs a rule and warns when it matches nothing.
func (x *extraction) selectAll(r *rule) *goquery.Selection {
	s := x.doc.FindMatcher(r.m)
	if s.Length() == 0 {
		x.warn(r, WarnNoMatch, 0, "")
	}
	return s
}

// selectFirst runs a rule whose field has one value and warns when it
// matches nothing or several elements.
func (x *extraction) selectFirst(r *rule) *goquery.Selection {
	s := x.selectAll(r)
	switch n := s.Length(); {
	case n == 0:
		return nil
	case n > 1:
		x.warn(r, WarnSeveral, n, "")
	}
	return s.First()
}
