package structured

import (
	"strings"

	"github.com/PuerkitoBio/goquery"

	"github.com/newsarc/newsarc/selectors/internal/pagetext"
)

// Meta holds the page's <meta> values by lowercased name, property or
// http-equiv, in document order (article:tag and article:author repeat).
type Meta map[string][]string

// readMeta reads the <meta content> tags that are not microdata.
func readMeta(doc *goquery.Document) Meta {
	m := Meta{}
	doc.Find("meta[content]").Each(func(_ int, s *goquery.Selection) {
		if _, ok := s.Attr("itemprop"); ok {
			return // microdata, read with its item
		}
		v := pagetext.Clean(s.AttrOr("content", ""))
		if v == "" {
			return
		}
		for _, attr := range []string{"property", "name", "http-equiv"} {
			if k := strings.ToLower(strings.TrimSpace(s.AttrOr(attr, ""))); k != "" {
				m[k] = append(m[k], v)
			}
		}
	})
	return m
}

// First returns the first value of the first key present.
func (m Meta) First(keys ...string) string {
	for _, k := range keys {
		if v := m[k]; len(v) > 0 {
			return v[0]
		}
	}
	return ""
}

// Meta keys of each field of an article, best first.
var (
	PublishedKeys = []string{
		"article:published_time", "og:article:published_time", "article:published",
		"datepublished", "published_time", "publish-date", "publish_date", "publishdate",
		"pubdate", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
		"dc.date.created", "dcterms.created", "sailthru.date", "parsely-pub-date",
		"cxenseparse:recs:publishtime", "date", "article.published",
	}
	ModifiedKeys = []string{
		"article:modified_time", "og:article:modified_time", "og:updated_time",
		"article:updated_time", "datemodified", "dcterms.modified", "dc.date.modified",
		"modified_time", "last-modified-date", "article.updated",
	}
	AuthorKeys = []string{
		"author", "article:author", "og:article:author", "dc.creator", "dcterms.creator",
		"byl", "sailthru.author", "parsely-author",
	}
	TitleKeys       = []string{"og:title", "twitter:title", "dc.title", "dcterms.title"}
	DescriptionKeys = []string{"og:description", "description", "twitter:description", "dc.description", "dcterms.description"}
	ImageKeys       = []string{"og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"}
	SectionKeys     = []string{"article:section", "og:article:section", "section", "parsely-section", "dc.subject"}
	SiteNameKeys    = []string{"og:site_name", "application-name", "twitter:site", "publisher"}
)
