package selectors

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// metaTags holds the page's <meta> values by lowercased name, property or
// http-equiv, in document order (article:tag and article:author repeat).
type metaTags map[string][]string

func readMeta(doc *goquery.Document) metaTags {
	m := metaTags{}
	doc.Find("meta[content]").Each(func(_ int, s *goquery.Selection) {
		if _, ok := s.Attr("itemprop"); ok {
			return // microdata, read with its item
		}
		v := cleanText(s.AttrOr("content", ""))
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

// first returns the first value of the first key present.
func (m metaTags) first(keys ...string) string {
	for _, k := range keys {
		if v := m[k]; len(v) > 0 {
			return v[0]
		}
	}
	return ""
}

// Meta keys of each field, best first.
var (
	metaPublished = []string{
		"article:published_time", "og:article:published_time", "article:published",
		"datepublished", "published_time", "publish-date", "publish_date", "publishdate",
		"pubdate", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
		"dc.date.created", "dcterms.created", "sailthru.date", "parsely-pub-date",
		"cxenseparse:recs:publishtime", "date", "article.published",
	}
	metaModified = []string{
		"article:modified_time", "og:article:modified_time", "og:updated_time",
		"article:updated_time", "datemodified", "dcterms.modified", "dc.date.modified",
		"modified_time", "last-modified-date", "article.updated",
	}
	metaAuthor = []string{
		"author", "article:author", "og:article:author", "dc.creator", "dcterms.creator",
		"byl", "sailthru.author", "parsely-author",
	}
	metaTitle       = []string{"og:title", "twitter:title", "dc.title", "dcterms.title"}
	metaDescription = []string{"og:description", "description", "twitter:description", "dc.description", "dcterms.description"}
	metaImage       = []string{"og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"}
	metaSection     = []string{"article:section", "og:article:section", "section", "parsely-section", "dc.subject"}
	metaSiteName    = []string{"og:site_name", "application-name", "twitter:site", "publisher"}
)
