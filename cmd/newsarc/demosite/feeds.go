package demosite

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"strings"
	"text/template"
	"time"
)

// Content types of the generated resources.
const (
	typeHTML = "text/html; charset=utf-8"
	typeXML  = "application/xml; charset=utf-8"
	typeRSS  = "application/rss+xml; charset=utf-8"
)

// siteName is the publication's name in the news sitemap and the feed.
const siteName = "Nabae Demo"

// generatedRoute builds a resource whose content holds absolute URLs, which
// only the request can give: base is like "http://127.0.0.1:41234".
type generatedRoute struct {
	ctype  string
	render func(base string) ([]byte, error)
}

// generated are the resources built per request, by path.
var generated = map[string]generatedRoute{
	"/robots.txt":        {"text/plain; charset=utf-8", robotsTxt},
	"/sitemap_index.xml": {typeXML, xmlRenderer(sitemapIndexTmpl)},
	"/post-sitemap.xml":  {typeXML, xmlRenderer(postSitemapTmpl)},
	"/news-sitemap.xml":  {typeXML, xmlRenderer(newsSitemapTmpl)},
	"/feed/":             {typeRSS, xmlRenderer(feedTmpl)},
}

// requestBase returns the scheme and authority the client used to reach
// the site, for absolute URLs. A missing or odd Host (HTTP/1.0, or a
// handler mounted behind something that does not check it) falls back to
// the address the connection arrived on.
func requestBase(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	host := r.Host
	if !validHost(host) {
		host = "localhost"
		if a, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok && validHost(a.String()) {
			host = a.String()
		}
	}
	return scheme + "://" + host
}

// validHost accepts host names, IPv4 and bracketed IPv6 addresses, with an
// optional port: nothing that could break out of a robots.txt line or a URL.
func validHost(h string) bool {
	if h == "" || len(h) > 255 {
		return false
	}
	for _, c := range h {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.ContainsRune(".-_:[]", c):
		default:
			return false
		}
	}
	return true
}

// robotsTxt is site/robots.txt followed by the Sitemap line that points
// at the sitemap index of the host asked.
func robotsTxt(base string) ([]byte, error) {
	rules, err := fs.ReadFile(site, siteRoot+"/robots.txt")
	if err != nil {
		return nil, err
	}
	return fmt.Appendf(rules, "\nSitemap: %s/sitemap_index.xml\n", base), nil
}

// feedData is what the XML templates see.
type feedData struct {
	Base     string
	Articles []article // newest first
	LastMod  time.Time
	Sitemaps []string // paths of the sitemaps the index lists
}

func xmlRenderer(t *template.Template) func(base string) ([]byte, error) {
	return func(base string) ([]byte, error) {
		d := feedData{
			Base:     base,
			Articles: newest(""),
			LastMod:  siteLastMod(),
			Sitemaps: []string{"/post-sitemap.xml", "/news-sitemap.xml"},
		}
		var buf bytes.Buffer
		if err := t.Execute(&buf, d); err != nil {
			return nil, fmt.Errorf("render %s: %w", t.Name(), err)
		}
		return buf.Bytes(), nil
	}
}

func xmlTemplate(name, text string) *template.Template {
	return template.Must(template.New(name).Funcs(template.FuncMap{
		"x": func(s string) (string, error) {
			var b strings.Builder
			err := xml.EscapeText(&b, []byte(s))
			return b.String(), err
		},
		"w3c":     func(t time.Time) string { return t.Format(time.RFC3339) },
		"rfc1123": func(t time.Time) string { return t.Format(time.RFC1123Z) },
		"label": func(lang string) string {
			for _, c := range categories {
				if c.Key == lang {
					return c.Title
				}
			}
			return lang
		},
	}).Parse(text))
}

var sitemapIndexTmpl = xmlTemplate("sitemap_index.xml", `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{{range .Sitemaps}}<sitemap><loc>{{x $.Base}}{{x .}}</loc><lastmod>{{w3c $.LastMod}}</lastmod></sitemap>
{{end}}</sitemapindex>
`)

var postSitemapTmpl = xmlTemplate("post-sitemap.xml", `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{{range .Articles}}<url><loc>{{x $.Base}}{{x .Path}}</loc><lastmod>{{w3c .LastMod}}</lastmod></url>
{{end}}</urlset>
`)

var newsSitemapTmpl = xmlTemplate("news-sitemap.xml", `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
{{range .Articles}}<url><loc>{{x $.Base}}{{x .Path}}</loc><news:news><news:publication><news:name>`+siteName+`</news:name><news:language>{{x .Lang}}</news:language></news:publication><news:publication_date>{{w3c .Published}}</news:publication_date><news:title>{{x .Headline}}</news:title></news:news></url>
{{end}}</urlset>
`)

var feedTmpl = xmlTemplate("feed", `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>`+siteName+`</title>
<atom:link href="{{x .Base}}/feed/" rel="self" type="application/rss+xml"/>
<link>{{x .Base}}/</link>
<description>أخبار الجهة بثلاث لغات</description>
<language>ar</language>
<lastBuildDate>{{rfc1123 .LastMod}}</lastBuildDate>
{{range .Articles}}<item>
<title>{{x .Headline}}</title>
<link>{{x $.Base}}{{x .Path}}</link>
<guid isPermaLink="true">{{x $.Base}}{{x .Path}}</guid>
<pubDate>{{rfc1123 .Published}}</pubDate>
<category>{{x (label .Lang)}}</category>
<description>{{x .Excerpt}}</description>
</item>
{{end}}</channel>
</rss>
`)
