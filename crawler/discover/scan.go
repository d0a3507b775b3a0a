package discover

import (
	"bytes"
	"errors"
	"io"
	"net/url"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// PageLinks is what a page links to, as written in it: hrefs before they
// are resolved. Resolve each against Base with Resolve.
type PageLinks struct {
	// Base is what relative hrefs resolve against: the page's first
	// <base href>, resolved against the page's URL, or else that URL.
	Base *url.URL
	// Anchors are the href values of <a> and <area> elements, in document
	// order, repeats included, with the whitespace browsers strip removed.
	Anchors []string
	// Feeds are the href values of <link rel="alternate"> elements of an
	// RSS or Atom type.
	Feeds []string
	// Canonical is the href of the first <link rel="canonical" href>, and
	// HasCanonical says whether there was one.
	Canonical    string
	HasCanonical bool
}

// ErrNeedsDecoding is returned by Scan for a page whose links cannot be
// read from its raw bytes: it is UTF-16, or a link holds bytes that are not
// UTF-8, as in pages in a legacy charset named only by a <meta> tag. Decode
// and parse such a page, then use Tree.
var ErrNeedsDecoding = errors.New("page must be decoded before its links can be read")

// Scan reads a page's links from its bytes with the HTML tokenizer,
// without building a tree: for pages whose links are all that is wanted,
// it costs a fraction of html.Parse. It finds what Tree finds on the parsed
// page, except in markup a parser would move or drop (an <a> inside a
// <select>, say), where Scan keeps the link. page is the page's URL; it may
// be nil, and then relative hrefs resolve against nothing.
func Scan(body []byte, page *url.URL) (PageLinks, error) {
	if bytes.HasPrefix(body, []byte{0xFE, 0xFF}) || bytes.HasPrefix(body, []byte{0xFF, 0xFE}) {
		return PageLinks{}, ErrNeedsDecoding
	}
	pl := PageLinks{Base: page}
	baseSet := false
	z := html.NewTokenizer(bytes.NewReader(body))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if err := z.Err(); err != io.EOF {
				return PageLinks{}, err
			}
			return pl, nil
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if !hasAttr {
			continue
		}
		switch atom.Lookup(name) {
		case atom.A, atom.Area:
			href, ok, err := firstAttr(z, "href")
			if err != nil {
				return PageLinks{}, err
			}
			if ok {
				pl.Anchors = append(pl.Anchors, cleanHref(href))
			}
		case atom.Base:
			href, ok, err := firstAttr(z, "href")
			if err != nil {
				return PageLinks{}, err
			}
			if ok && !baseSet {
				baseSet = true
				pl.Base = baseURL(page, href)
			}
		case atom.Link:
			var a linkAttrs
			for {
				k, v, more := z.TagAttr()
				if err := a.set(k, v); err != nil {
					return PageLinks{}, err
				}
				if !more {
					break
				}
			}
			pl.addLink(a)
		}
	}
}

// Tree reads the same links as Scan from a parsed page. page may be nil.
func Tree(doc *html.Node, page *url.URL) PageLinks {
	pl := PageLinks{Base: page}
	baseSet := false
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.A, atom.Area:
			if href, ok := attr(n, "href"); ok {
				pl.Anchors = append(pl.Anchors, cleanHref(href))
			}
		case atom.Base:
			if href, ok := attr(n, "href"); ok && !baseSet {
				baseSet = true
				pl.Base = baseURL(page, href)
			}
		case atom.Link:
			var a linkAttrs
			for _, at := range n.Attr {
				if at.Namespace == "" {
					a.set([]byte(at.Key), []byte(at.Val))
				}
			}
			pl.addLink(a)
		}
	}
	return pl
}

// Resolve turns an href found on a page into an absolute canonical http(s)
// URL, resolved against base (PageLinks.Base); false for hrefs that are
// empty, a fragment of the page itself, another scheme (javascript:,
// mailto:, ...), malformed, or relative with a nil base.
func Resolve(base *url.URL, href string) (string, bool) {
	return resolve(base, href)
}

// linkAttrs are the attributes of a <link> element that matter here.
type linkAttrs struct {
	rel, typ, href      string
	hasRel, hasType, ok bool
}

// set records attribute k=v; the first of repeated attributes counts, as
// the tree builder keeps it first.
func (a *linkAttrs) set(k, v []byte) error {
	switch string(k) {
	case "rel":
		if !a.hasRel {
			a.rel, a.hasRel = string(v), true
		}
	case "type":
		if !a.hasType {
			a.typ, a.hasType = string(v), true
		}
	case "href":
		if !a.ok {
			if !utf8.Valid(v) {
				return ErrNeedsDecoding
			}
			a.href, a.ok = string(v), true
		}
	}
	return nil
}

func (pl *PageLinks) addLink(a linkAttrs) {
	if !pl.HasCanonical && a.ok && hasToken(a.rel, "canonical") {
		pl.Canonical, pl.HasCanonical = cleanHref(a.href), true
	}
	if hasToken(a.rel, "alternate") && isFeedType(a.typ) {
		pl.Feeds = append(pl.Feeds, cleanHref(a.href))
	}
}

// firstAttr returns the value of the first attribute named key of the
// tokenizer's current tag.
func firstAttr(z *html.Tokenizer, key string) (string, bool, error) {
	var val string
	found := false
	for {
		k, v, more := z.TagAttr()
		if !found && string(k) == key {
			if !utf8.Valid(v) {
				return "", false, ErrNeedsDecoding
			}
			val, found = string(v), true
		}
		if !more {
			return val, found, nil
		}
	}
}

// baseURL resolves a <base href> against the page's URL; a base that is
// malformed or not absolute leaves the page's URL.
func baseURL(page *url.URL, href string) *url.URL {
	ref, err := url.Parse(cleanHref(href))
	if err != nil {
		return page
	}
	if page != nil {
		ref = page.ResolveReference(ref)
	}
	if ref.IsAbs() && ref.Host != "" {
		return ref
	}
	return page
}
