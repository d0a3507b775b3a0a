package discover

import (
	"errors"
	"fmt"
	"html"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	"github.com/mmcdole/gofeed/rss"
)

// FeedItem is one entry of a feed.
type FeedItem struct {
	Link      string // absolute and canonical
	Title     string
	Published time.Time // zero when the feed does not say
	Updated   time.Time // zero when the feed does not say
}

// ParseFeed reads an RSS (0.9x, 1.0/RDF, 2.0), Atom or JSON Feed document
// and returns its items that link to an http(s) page, in feed order, with
// duplicates dropped. Links are resolved against xml:base where the feed
// sets one, then against base, the feed's own URL, which also names it in
// errors; base may be nil. An RSS item without a link falls back to its
// GUID when that is a permalink. Dates the feed does not give stay zero:
// an Atom entry without <published> has no Published, an RSS item whose
// only date is dc:date has it as Published alone.
//
// Input beyond MaxBytes is an error wrapping ErrTooLarge. A feed that
// cannot be parsed yields no items: unlike a sitemap, a feed is small and
// read again soon, so nothing is gained from half of one.
func ParseFeed(r io.Reader, base *url.URL) ([]FeedItem, error) {
	return parseFeed(r, base, MaxBytes)
}

// parseFeed is ParseFeed with its size limit as an argument, for tests.
func parseFeed(r io.Reader, base *url.URL, maxBytes int64) ([]FeedItem, error) {
	name := nameOf(base)
	p := gofeed.NewParser()
	p.KeepOriginalFeed = true // to tell given dates from gofeed's fallbacks
	f, err := p.Parse(&limitReader{r: r, left: maxBytes})
	if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
		return nil, fmt.Errorf("feed %s: not an RSS, Atom or JSON feed", name)
	}
	if err != nil {
		return nil, fmt.Errorf("feed %s: %w", name, err)
	}
	items := make([]FeedItem, 0, len(f.Items))
	seen := make(map[string]struct{}, len(f.Items))
	for i, it := range f.Items {
		if it == nil {
			continue
		}
		// Atom type="html" titles and many RSS ones hold escaped markup.
		fi := FeedItem{Title: strings.TrimSpace(html.UnescapeString(it.Title))}
		link, ok := firstLink(base, append([]string{it.Link}, it.Links...))
		switch orig := f.OriginalFeed().(type) {
		case *atom.Feed:
			if len(orig.Entries) == len(f.Items) {
				fi.Published = deref(orig.Entries[i].PublishedParsed)
			}
			fi.Updated = deref(it.UpdatedParsed)
		case *rss.Feed:
			fi.Published = deref(it.PublishedParsed)
			if len(orig.Items) == len(f.Items) {
				ri := orig.Items[i]
				if ri.PubDate != "" || ri.DublinCoreExt == nil || len(ri.DublinCoreExt.Date) == 0 {
					fi.Updated = deref(it.UpdatedParsed)
				}
				if !ok && ri.GUID != nil && !strings.EqualFold(ri.GUID.IsPermalink, "false") {
					link, ok = firstLink(nil, []string{ri.GUID.Value})
				}
			}
		default:
			fi.Published, fi.Updated = deref(it.PublishedParsed), deref(it.UpdatedParsed)
		}
		if !ok {
			continue
		}
		if _, dup := seen[link]; dup {
			continue
		}
		seen[link] = struct{}{}
		fi.Link = link
		items = append(items, fi)
	}
	return items, nil
}

// firstLink returns the first of links that resolves to an http(s) URL.
func firstLink(base *url.URL, links []string) (string, bool) {
	for _, l := range links {
		if s, ok := resolve(base, l); ok {
			return s, true
		}
	}
	return "", false
}

func deref(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return *t
}
