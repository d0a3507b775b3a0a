package crawler

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"mime"

	"github.com/newsarc/newsarc/crawler/discover"
	"github.com/newsarc/newsarc/crawler/frontier"
	"github.com/newsarc/newsarc/crawler/pagekind"
)

// handle deals with a 2xx response: a sitemap or feed is read for URLs, a
// page for links, and handed to the Handler.
func (cr *crawl) handle(ctx context.Context, e frontier.Entry, resp *response) {
	host := resp.URL.Host
	cr.mu.Lock()
	cr.failures[host] = 0
	cr.stats.Fetched++
	cr.mu.Unlock()
	p := &Page{
		Requested: e.Requested(), URL: resp.URL, Status: resp.Status, Header: resp.Header,
		Body: resp.Body, ContentType: resp.ContentType, FetchedAt: resp.FetchedAt, Record: resp.Record,
		Site: cr.site.Name, Depth: e.Depth,
	}
	final := p.URL.String()
	if c, err := discover.Canonical(final); err == nil {
		final = c
	}

	var found []frontier.Entry
	var herr error
	kind := "" // of a page
	switch e.Kind {
	case frontier.KindSitemap:
		found, herr = cr.sitemap(e, p)
	case frontier.KindFeed:
		found, herr = cr.feed(e, p)
	default:
		p.Article = cr.site.isArticle(final) || (final != e.URL && cr.site.isArticle(e.URL))
		// Without article patterns, the page says what it is (links).
		p.Tentative = p.Article && cr.site.judges()
		found = cr.links(e, p, final)
		herr = cr.c.handler.HandlePage(ctx, p)
		kind = frontier.KindListing
		if p.Article {
			kind = frontier.KindArticle
		}
		if errors.Is(herr, ErrNotArticle) {
			kind, herr = frontier.KindListing, nil
		}
	}
	if err := cr.push(foundIn(e.Kind), final, found); err != nil {
		cr.setErr(err)
	}
	if herr != nil && ctx.Err() != nil {
		return // interrupted while handled: fetched again next run
	}
	v := frontier.Visit{URL: e.URL, Status: p.Status, FetchedAt: p.FetchedAt, Kind: kind}
	if herr != nil {
		v.Err = herr.Error() // the handler reported it
	}
	cr.finish(v)
}

// links returns the in-scope links of an HTML page worth queueing, at most
// MaxLinksPerPage of them, and sets p.CopyOf. An article, tentative ones
// included, is parsed into a tree, which is handed on in p.Doc for
// extraction; other pages are only tokenized. A tentative article is
// judged on its tree (judge).
func (cr *crawl) links(e frontier.Entry, p *Page, final string) []frontier.Entry {
	if mt, _, _ := mime.ParseMediaType(p.ContentType); mt != "text/html" && mt != "application/xhtml+xml" {
		return nil
	}
	var pl discover.PageLinks
	var err error
	small := cr.c.cfg.MaxParseSize <= 0 || int64(len(p.Body)) <= cr.c.cfg.MaxParseSize
	tree := p.Article && small
	if !tree {
		pl, err = discover.Scan(p.Body, p.URL)
	}
	if tree || (err != nil && small) {
		doc, err := cr.c.cfg.ParseHTML(p)
		if err != nil || doc == nil {
			return nil
		}
		p.Doc = doc
		pl = discover.Tree(doc, p.URL)
	}
	if p.Tentative && p.Doc != nil {
		cr.judge(p, final)
	}
	var out []frontier.Entry
	// The page's canonical URL is where its article is archived, when it
	// is on the site; one outside it is no reason not to archive this one.
	// A page asked for by name is archived as it is.
	if c, ok := discover.Resolve(pl.Base, pl.Canonical); ok && c != final && !cr.site.SeedsOnly {
		if ok, _ := cr.inScope(c); ok {
			p.CopyOf = c
			out = append(out, frontier.Entry{URL: c, Site: cr.site.Name, Depth: e.Depth, Kind: frontier.KindPage})
		}
	}
	depth := e.Depth + 1
	follow := (cr.site.follows(final) || cr.site.follows(e.URL)) && (cr.site.MaxDepth == 0 || depth <= cr.site.MaxDepth)
	if !follow {
		if cr.site.MaxDepth > 0 && depth > cr.site.MaxDepth && len(pl.Anchors) > 0 {
			cr.c.cfg.Logger.Debug("links not followed", "url", final, "reason", "max depth", "max_depth", cr.site.MaxDepth, "links", len(pl.Anchors))
		}
		return out
	}
	if e.Depth == 0 {
		for _, href := range pl.Feeds {
			if l, ok := discover.Resolve(pl.Base, href); ok {
				if ok, _ := cr.inScope(l); ok {
					out = append(out, frontier.Entry{URL: l, Site: cr.site.Name, Kind: frontier.KindFeed})
				}
			}
		}
	}
	org := origin(pl.Base)
	limit := cr.c.cfg.MaxLinksPerPage
	onPage := make(map[string]bool, min(len(pl.Anchors)/4, limit))
	for _, href := range pl.Anchors {
		if len(onPage) >= limit {
			cr.c.cfg.Logger.Info("links past max_links_per_page not queued", "url", final, "links", len(pl.Anchors), "max", limit)
			break
		}
		k, memo := cr.memo.key(org, href)
		if memo {
			if m, ok := cr.memo.get(k); ok && (!m.queue || m.depth <= depth) {
				continue
			}
		}
		l, ok := discover.Resolve(pl.Base, href)
		queue := ok && cr.queueable(l)
		if memo {
			cr.memo.put(k, memoEntry{queue: queue, depth: depth})
		}
		if queue && !onPage[l] {
			onPage[l] = true
			out = append(out, frontier.Entry{URL: l, Site: cr.site.Name, Depth: depth, Kind: frontier.KindPage})
		}
	}
	return out
}

// judge settles from its markup whether a page of a site without article
// patterns is an article or a listing. A page that says neither stays
// tentative: the handler decides from what it extracts.
func (cr *crawl) judge(p *Page, final string) {
	v := pagekind.Of(p.Doc, p.URL)
	switch v.Kind {
	case pagekind.Article:
		p.Tentative = false
	case pagekind.Listing:
		p.Article, p.Tentative = false, false
	}
	cr.c.cfg.Logger.Debug("page judged", "url", final, "kind", v.Kind.String(), "by", v.By)
}

func (cr *crawl) sitemap(e frontier.Entry, p *Page) ([]frontier.Entry, error) {
	sm, err := discover.ParseSitemap(bytes.NewReader(p.Body), p.URL)
	if sm == nil {
		return nil, unreadable("sitemap", err)
	}
	var out []frontier.Entry
	for _, c := range sm.Sitemaps {
		if ok, _ := cr.inScope(c.Loc); ok {
			out = append(out, frontier.Entry{URL: c.Loc, Site: cr.site.Name, Depth: e.Depth, Kind: frontier.KindSitemap, Hint: c.LastMod})
		}
	}
	for _, su := range sm.URLs {
		if ok, _ := cr.inScope(su.Loc); !ok {
			continue
		}
		hint := su.LastMod
		if hint.IsZero() {
			hint = su.NewsPublished
		}
		out = append(out, frontier.Entry{URL: su.Loc, Site: cr.site.Name, Depth: e.Depth, Kind: frontier.KindPage, Hint: hint})
	}
	if err != nil {
		return out, unreadable("sitemap", err)
	}
	return out, nil
}

func (cr *crawl) feed(e frontier.Entry, p *Page) ([]frontier.Entry, error) {
	items, err := discover.ParseFeed(bytes.NewReader(p.Body), p.URL)
	var out []frontier.Entry
	for _, it := range items {
		if ok, _ := cr.inScope(it.Link); !ok {
			continue
		}
		hint := it.Updated
		if hint.IsZero() {
			hint = it.Published
		}
		out = append(out, frontier.Entry{URL: it.Link, Site: cr.site.Name, Depth: e.Depth + 1, Kind: frontier.KindPage, Hint: hint})
	}
	if err != nil {
		return out, unreadable("feed", err)
	}
	return out, nil
}

// unreadable words a sitemap or feed error for the line that names the
// URL: discover's errors name it too.
func unreadable(what string, err error) error {
	if inner := errors.Unwrap(err); inner != nil {
		err = inner
	}
	return fmt.Errorf("unreadable %s: %w", what, err)
}
