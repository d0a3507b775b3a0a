package newssite

import (
	"bytes"
	"fmt"
	"html"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// buf builds a page; WriteString on a bytes.Buffer never fails.
type buf struct{ bytes.Buffer }

func (b *buf) w(ss ...string) {
	for _, s := range ss {
		b.WriteString(s)
	}
}

var esc = html.EscapeString

const siteAr, siteEn = "نبأ بنش", "Nabae Bench"

func pick(lang, ar, en string) string {
	if lang == "ar" {
		return ar
	}
	return en
}

func (s *Site) abs(path string) string { return s.base + path }

func sectionPath(sec, page int) string {
	if page <= 1 {
		return "/category/" + sections[sec].slug + "/"
	}
	return "/category/" + sections[sec].slug + "/page/" + strconv.Itoa(page) + "/"
}

func (s *Site) sectionPages(sec int) int {
	return max(1, (len(s.bySection[sec])+s.cfg.PerPage-1)/s.cfg.PerPage)
}

func (a *article) url(s *Site) string { return s.abs(a.path) }

func localDate(lang string, t time.Time) string {
	if lang == "ar" {
		return fmt.Sprintf("%d %s %d - %s", t.Day(), arMonths[t.Month()-1], t.Year(), t.Format("15:04"))
	}
	return t.Format("January 2, 2006 at 3:04 pm")
}

// css is the theme's critical CSS, inlined in every page as page-speed
// plugins do: the same bytes on every page of the site.
func (s *Site) buildCSS() string {
	r := s.rng(streamSite, 1)
	props := []string{"margin:0 0 %dpx", "padding:%dpx %dpx", "color:#%06x", "font-size:%dpx", "line-height:1.%d",
		"border-bottom:1px solid #%06x", "display:flex;gap:%dpx", "max-width:%dpx", "background:#%06x", "border-radius:%dpx"}
	blocks := []string{"site-header", "main-menu", "mega-menu", "breaking-news", "entry-header", "entry-title", "entry-meta",
		"entry-content", "share-box", "post-thumbnail", "read-also", "tags-links", "author-box", "related-posts", "comments-area",
		"comment-list", "sidebar", "widget", "most-read", "newsletter", "site-footer", "footer-menu", "pagination", "post-item",
		"posts-grid", "cookie-banner", "top-bar", "ad-slot", "breadcrumbs", "page-header"}
	elems := []string{"", " a", " a:hover", " h2", " h3", " p", " ul", " li", " img", " span", " time", " .title", " .meta", " button", " input"}
	var b strings.Builder
	b.WriteString(":root{--brand:#c4161c;--ink:#1a1a1a;--muted:#6b6b6b}*{box-sizing:border-box}body{margin:0;font-family:Tajawal,Arial,sans-serif}")
	for _, bl := range blocks {
		for _, el := range elems {
			if r.IntN(3) != 0 {
				continue
			}
			b.WriteString("." + bl + el + "{")
			for j := range 2 + r.IntN(3) {
				if j > 0 {
					b.WriteByte(';')
				}
				p := props[r.IntN(len(props))]
				n := strings.Count(p, "%")
				args := make([]any, n)
				for k := range args {
					args[k] = r.IntN(0xffffff)%48 + 1
					if strings.Contains(p, "#") {
						args[k] = r.IntN(0xffffff)
					}
				}
				fmt.Fprintf(&b, p, args...)
			}
			b.WriteByte('}')
		}
		fmt.Fprintf(&b, "@media (max-width:%dpx){.%s{padding:0 %dpx}}", 600+r.IntN(400), bl, 4+r.IntN(16))
	}
	return b.String()
}

func (s *Site) head(b *buf, lang, title, desc, canonical, extra, ld string) {
	dir := pick(lang, "rtl", "ltr")
	site := pick(lang, siteAr, siteEn)
	b.w(`<!DOCTYPE html>
<html lang="`, lang, `" dir="`, dir, `" prefix="og: https://ogp.me/ns#">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>`, esc(title), ` | `, site, `</title>
<meta name="description" content="`, esc(desc), `">
<meta name="robots" content="index, follow, max-image-preview:large, max-snippet:-1, max-video-preview:-1">
<link rel="canonical" href="`, canonical, `">
<meta property="og:locale" content="`, pick(lang, "ar_AR", "en_US"), `">
<meta property="og:title" content="`, esc(title), `">
<meta property="og:description" content="`, esc(desc), `">
<meta property="og:url" content="`, canonical, `">
<meta property="og:site_name" content="`, site, `">
`, extra, `<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:site" content="@nabaebench">
<link rel="alternate" type="application/rss+xml" title="`, site, ` &raquo; Feed" href="`, s.abs("/feed/"), `">
<link rel="preconnect" href="`, cdn, `" crossorigin>
<link rel="dns-prefetch" href="//www.googletagmanager.com">
<link rel="stylesheet" id="nabae-style-css" href="`, cdn, `/wp-content/themes/nabae/style.min.css?ver=3.2.1" media="all">
<link rel="stylesheet" id="nabae-fonts-css" href="`, cdn, `/wp-content/themes/nabae/fonts/tajawal.css?ver=3.2.1" media="print" onload="this.media='all'">
<link rel="icon" href="`, cdn, `/wp-content/uploads/2020/01/favicon-32x32.png" sizes="32x32">
<style id="critical-css">`, s.css, `</style>
<script type="application/ld+json" class="yoast-schema-graph">`, ld, `</script>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-NB3NCH0001"></script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','G-NB3NCH0001',{'anonymize_ip':true,'content_group':'`, lang, `'});</script>
</head>
`)
}

// icon is a small thumbnail, without srcset.
func (s *Site) icon(b *buf, a *article, w, h int) {
	b.w(`<img src="`, strings.Replace(a.image, "1200x675", strconv.Itoa(w)+"x"+strconv.Itoa(h), 1), `" width="`, strconv.Itoa(w), `" height="`, strconv.Itoa(h), `" alt="" loading="lazy">`)
}

func (s *Site) thumb(b *buf, a *article, w, h int) {
	b.w(`<img src="`, a.image, `" srcset="`, strings.Replace(a.image, "1200x675", "400x225", 1), ` 400w, `,
		strings.Replace(a.image, "1200x675", "768x432", 1), ` 768w, `, a.image, ` 1200w" sizes="(max-width: 768px) 100vw, `,
		strconv.Itoa(w), `px" width="`, strconv.Itoa(w), `" height="`, strconv.Itoa(h), `" alt="`, esc(a.title), `" loading="lazy" decoding="async">`)
}

// buildHeader renders the site header of one language: the same on every
// page, with a mega menu of each section's newest articles and a breaking
// news ticker.
func (s *Site) buildHeader(lang string) string {
	var b buf
	b.w(`<a class="skip-link screen-reader-text" href="#main">`, pick(lang, "انتقل إلى المحتوى", "Skip to content"), `</a>
<div id="cookie-notice" class="cookie-banner" role="dialog"><p>`, pick(lang, "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا.", "We use cookies to improve your experience on our site."),
		` <a href="`, s.abs("/privacy/"), `">`, pick(lang, "اعرف المزيد", "Learn more"), `</a></p><button type="button" class="cookie-accept">`, pick(lang, "موافق", "Accept"), `</button></div>
<div class="top-bar"><span class="today">`, localDate(lang, newest), `</span><ul class="social">`)
	for _, sn := range []string{"facebook.com/nabaebench", "twitter.com/nabaebench", "youtube.com/@nabaebench", "instagram.com/nabaebench", "t.me/nabaebench"} {
		b.w(`<li><a href="https://`, sn, `" target="_blank" rel="noopener">`, sn[:strings.IndexByte(sn, '.')], `</a></li>`)
	}
	b.w(`</ul></div>
<header id="masthead" class="site-header"><div class="logo"><a href="`, s.abs("/"), `" rel="home"><img src="`, cdn, `/wp-content/uploads/2020/01/logo.svg" alt="`, pick(lang, siteAr, siteEn), `" width="220" height="60"></a></div>
<nav id="site-navigation" class="main-menu" aria-label="`, pick(lang, "القائمة الرئيسية", "Main menu"), `"><ul id="primary-menu" class="menu">
<li class="menu-item menu-item-home"><a href="`, s.abs("/"), `">`, pick(lang, "الرئيسية", "Home"), `</a></li>
`)
	for i, sec := range sections {
		b.w(`<li class="menu-item menu-item-has-children mega-menu-item"><a href="`, s.abs(sectionPath(i, 1)), `">`, pick(lang, sec.ar, sec.en), `</a><div class="mega-menu"><ul>`)
		for _, ai := range s.bySection[i][:min(3, len(s.bySection[i]))] {
			a := &s.articles[ai]
			b.w(`<li class="mega-item"><a href="`, a.url(s), `">`)
			s.icon(&b, a, 240, 135)
			b.w(`<span class="title">`, esc(a.title), `</span></a></li>`)
		}
		b.w("</ul></div></li>\n")
	}
	b.w(`</ul></nav>
<a class="search-toggle" href="`, s.abs("/search?q="), `" aria-label="`, pick(lang, "بحث", "Search"), `">`, pick(lang, "بحث", "Search"), `</a>
<form role="search" method="get" class="search-form" action="`, s.abs("/search"), `"><input type="search" class="search-field" name="q" placeholder="`, pick(lang, "ابحث هنا", "Search"), `…"><button type="submit">`, pick(lang, "بحث", "Search"), `</button></form>
</header>
<div class="breaking-news"><span class="label">`, pick(lang, "عاجل", "Breaking"), `</span><ul class="ticker">`)
	for i := range min(8, len(s.articles)) {
		a := &s.articles[i]
		b.w(`<li><a href="`, a.url(s), `">`, esc(a.title), `</a></li>`)
	}
	b.w("</ul></div>\n")
	return b.String()
}

// buildSidebar renders the widgets column: the same on every page.
func (s *Site) buildSidebar(lang string) string {
	r := s.rng(streamSite, 2)
	var b buf
	b.w(`<aside id="secondary" class="sidebar widget-area">
<section class="widget most-read"><h3 class="widget-title">`, pick(lang, "الأكثر قراءة", "Most read"), `</h3><ol>`)
	for range min(10, len(s.articles)) {
		a := &s.articles[r.IntN(min(len(s.articles), 200))]
		b.w(`<li><a href="`, a.url(s), `">`)
		s.icon(&b, a, 120, 68)
		b.w(`<span class="title">`, esc(a.title), `</span></a><span class="views">`, strconv.Itoa(1000+r.IntN(90000)), `</span></li>`)
	}
	b.w(`</ol></section>
<section class="widget ad-slot"><ins class="adsbygoogle" style="display:block" data-ad-client="ca-pub-0000000000000001" data-ad-slot="1234567890" data-ad-format="auto"></ins><script>(adsbygoogle=window.adsbygoogle||[]).push({});</script></section>
<section class="widget latest-posts"><h3 class="widget-title">`, pick(lang, "آخر الأخبار", "Latest news"), `</h3><ul>`)
	for i := range min(10, len(s.articles)) {
		a := &s.articles[i]
		b.w(`<li><a href="`, a.url(s), `">`, esc(a.title), `</a> <time datetime="`, a.published.Format(time.RFC3339), `">`, localDate(a.lang, a.published), `</time></li>`)
	}
	b.w(`</ul></section>
<section class="widget opinion"><h3 class="widget-title">`, pick(lang, "أعمدة الرأي", "Opinion"), `</h3><ul>`)
	op := s.bySection[len(sections)-1]
	for _, ai := range op[:min(4, len(op))] {
		a := &s.articles[ai]
		b.w(`<li><a href="`, a.url(s), `">`, esc(a.title), `</a> <a class="author" href="`, s.abs("/author/"+authors[a.author].slug+"/"), `">`, authors[a.author].name, `</a></li>`)
	}
	b.w(`</ul></section>
<section class="widget videos"><h3 class="widget-title">`, pick(lang, "فيديو", "Videos"), `</h3><ul>`)
	for range 4 {
		b.w(`<li><a href="https://www.youtube.com/watch?v=nabae`, strconv.Itoa(1000+r.IntN(9000)), `" target="_blank" rel="noopener">`, esc(title(r, lang)), `</a></li>`)
	}
	b.w(`</ul></section>
<section class="widget newsletter"><h3 class="widget-title">`, pick(lang, "النشرة البريدية", "Newsletter"), `</h3><p>`, pick(lang, "توصل بأهم الأخبار كل صباح.", "Get the top stories every morning."), `</p><form action="https://newsletter.nabae-bench.invalid/subscribe" method="post"><input type="email" name="email" required><button type="submit">`, pick(lang, "اشترك", "Subscribe"), `</button></form></section>
</aside>
`)
	return b.String()
}

// buildFooter renders the footer: sections, pages, a tag cloud and the
// team, the same on every page.
func (s *Site) buildFooter(lang string) string {
	var b buf
	b.w(`<footer id="colophon" class="site-footer"><div class="footer-widgets"><div class="footer-menu"><h4>`, pick(lang, "الأقسام", "Sections"), `</h4><ul>`)
	for i, sec := range sections {
		b.w(`<li><a href="`, s.abs(sectionPath(i, 1)), `">`, pick(lang, sec.ar, sec.en), `</a></li>`)
	}
	b.w(`</ul></div><div class="footer-menu"><h4>`, pick(lang, "الموقع", "About"), `</h4><ul>`)
	for _, p := range staticPages {
		b.w(`<li><a href="`, s.abs("/"+p.slug+"/"), `">`, pick(lang, p.ar, p.en), `</a></li>`)
	}
	b.w(`<li><a href="`, s.abs("/wp-admin/"), `" rel="nofollow">`, pick(lang, "دخول", "Log in"), `</a></li></ul></div><div class="tag-cloud"><h4>`, pick(lang, "وسوم", "Tags"), `</h4>`)
	for _, t := range tags {
		b.w(`<a href="`, s.abs("/tag/"+t.slug+"/"), `" class="tag-cloud-link">`, pick(lang, t.ar, t.en), `</a> `)
	}
	b.w(`</div><div class="team"><h4>`, pick(lang, "فريق التحرير", "Newsroom"), `</h4><ul>`)
	for _, au := range authors {
		b.w(`<li><a href="`, s.abs("/author/"+au.slug+"/"), `">`, au.name, `</a></li>`)
	}
	b.w(`</ul></div></div>
<div class="site-info">© 2025 `, pick(lang, siteAr, siteEn), ` — `, pick(lang, "جميع الحقوق محفوظة", "All rights reserved"), `</div></footer>
<script src="`, cdn, `/wp-content/themes/nabae/js/app.min.js?ver=3.2.1" id="nabae-app-js" defer></script>
<script src="`, cdn, `/wp-includes/js/comment-reply.min.js?ver=6.5.2" id="comment-reply-js" async></script>
`)
	return b.String()
}

// pad ends the page with the inline state blob a front-end framework would
// hydrate from, sized so the whole page weighs target bytes.
func (s *Site) pad(b *buf, r *rand.Rand, target int) {
	const tail = "</body>\n</html>\n"
	b.w(`<script id="__NABAE_STATE__">window.__NABAE_STATE__={"build":"3.2.1","teasers":[`)
	first := true
	for b.Len()+len(tail)+16 < target {
		a := &s.articles[r.IntN(len(s.articles))]
		if !first {
			b.WriteByte(',')
		}
		first = false
		b.w(`{"id":`, strconv.Itoa(a.id), `,"title":`, strconv.Quote(a.title), `,"url":`, strconv.Quote(a.url(s)),
			`,"image":`, strconv.Quote(a.image), `,"excerpt":`, strconv.Quote(a.excerpt), `,"date":"`, a.published.Format(time.RFC3339), `"}`)
	}
	b.w("]};</script>\n", tail)
}

// pageSize draws a page weight in 60–119 KB; pad may overshoot by one teaser.
func pageSize(r *rand.Rand) int { return 60_000 + r.IntN(59_000) }
