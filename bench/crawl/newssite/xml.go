package newssite

import (
	"html"
	"strconv"
	"strings"
	"time"
)

// postsPerSitemap is Yoast's default: 1 000 URLs per post sitemap.
const postsPerSitemap = 1000

func (s *Site) postSitemaps() int {
	return (len(s.articles) + postsPerSitemap - 1) / postsPerSitemap
}

func (s *Site) robots() []byte {
	return []byte(`# robots.txt of ` + siteEn + `
User-agent: *
Disallow: /wp-admin/
Allow: /wp-admin/admin-ajax.php
Disallow: /search
Disallow: /_bench/

User-agent: GPTBot
Disallow: /

Sitemap: ` + s.abs("/sitemap_index.xml") + `
`)
}

const xmlHead = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

func (s *Site) sitemapIndex() []byte {
	var b buf
	b.w(xmlHead, `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`, "\n")
	add := func(path string, mod time.Time) {
		b.w("<sitemap><loc>", s.abs(path), "</loc><lastmod>", mod.Format(time.RFC3339), "</lastmod></sitemap>\n")
	}
	for i := range s.postSitemaps() {
		add("/post-sitemap"+strconv.Itoa(i+1)+".xml", s.articles[i*postsPerSitemap].published)
	}
	for _, name := range []string{"page", "category", "post_tag", "author"} {
		add("/"+name+"-sitemap.xml", newest)
	}
	b.w("</sitemapindex>\n")
	return b.Bytes()
}

func (s *Site) urlset(fn func(add func(loc string, mod time.Time, img string))) []byte {
	var b buf
	b.w(xmlHead, `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">`, "\n")
	fn(func(loc string, mod time.Time, img string) {
		b.w("<url><loc>", loc, "</loc><lastmod>", mod.Format(time.RFC3339), "</lastmod>")
		if img != "" {
			b.w("<image:image><image:loc>", img, "</image:loc></image:image>")
		}
		b.w("</url>\n")
	})
	b.w("</urlset>\n")
	return b.Bytes()
}

// postSitemap lists articles oldest first, as Yoast does.
func (s *Site) postSitemap(n int) []byte {
	return s.urlset(func(add func(string, time.Time, string)) {
		hi := len(s.articles) - n*postsPerSitemap
		for i := hi - 1; i >= max(0, hi-postsPerSitemap); i-- {
			a := &s.articles[i]
			mod := a.published
			if !a.modified.IsZero() {
				mod = a.modified
			}
			add(a.url(s), mod, a.image)
		}
	})
}

func (s *Site) taxonomySitemap(name string) []byte {
	return s.urlset(func(add func(string, time.Time, string)) {
		switch name {
		case "page":
			add(s.abs("/"), newest, "")
			for _, p := range staticPages {
				add(s.abs("/"+p.slug+"/"), newest.AddDate(0, -6, 0), "")
			}
		case "category":
			for i := range sections {
				add(s.abs(sectionPath(i, 1)), newest, "")
			}
		case "post_tag":
			for _, t := range tags {
				add(s.abs("/tag/"+t.slug+"/"), newest, "")
			}
		case "author":
			for _, a := range authors {
				add(s.abs("/author/"+a.slug+"/"), newest, "")
			}
		}
	})
}

// feed is the RSS 2.0 feed of the 50 newest articles.
func (s *Site) feed() []byte {
	var b buf
	b.w(xmlHead, `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>`, siteAr, `</title>
<atom:link href="`, s.abs("/feed/"), `" rel="self" type="application/rss+xml"/>
<link>`, s.abs("/"), `</link>
<description>أخبار المغرب والعالم</description>
<lastBuildDate>`, newest.Format(time.RFC1123Z), `</lastBuildDate>
<language>ar</language>
`)
	for i := range min(50, len(s.articles)) {
		a := &s.articles[i]
		b.w("<item>\n<title>", html.EscapeString(a.title), "</title>\n<link>", a.url(s), "</link>\n<dc:creator><![CDATA[", authors[a.author].name,
			"]]></dc:creator>\n<pubDate>", a.published.Format(time.RFC1123Z), "</pubDate>\n<category><![CDATA[", sections[a.section].ar,
			"]]></category>\n<guid isPermaLink=\"false\">", s.abs("/?p="+strconv.Itoa(a.id)), "</guid>\n<description><![CDATA[", a.excerpt, "]]></description>\n</item>\n")
	}
	b.w("</channel>\n</rss>\n")
	return b.Bytes()
}

// Paths lists every path the site serves with a 200, robots.txt, sitemaps
// and feed included, as linked (Arabic slugs percent-encoded). The bare
// fetch loop reads it from /_bench/urls.txt, which nothing links to.
func (s *Site) Paths() []string {
	out := []string{"/robots.txt", "/sitemap_index.xml"}
	for i := range s.postSitemaps() {
		out = append(out, "/post-sitemap"+strconv.Itoa(i+1)+".xml")
	}
	for _, name := range []string{"page", "category", "post_tag", "author"} {
		out = append(out, "/"+name+"-sitemap.xml")
	}
	out = append(out, "/feed/", "/")
	for i := range sections {
		for p := 1; p <= s.sectionPages(i); p++ {
			out = append(out, sectionPath(i, p))
		}
	}
	for _, t := range tags {
		out = append(out, "/tag/"+t.slug+"/")
	}
	for _, a := range authors {
		out = append(out, "/author/"+a.slug+"/")
	}
	for _, p := range staticPages {
		out = append(out, "/"+p.slug+"/")
	}
	for i := range s.articles {
		out = append(out, s.articles[i].path)
	}
	return out
}

func (s *Site) urlList() []byte {
	var b strings.Builder
	for _, p := range s.Paths() {
		b.WriteString(s.abs(p))
		b.WriteByte('\n')
	}
	return []byte(b.String())
}
