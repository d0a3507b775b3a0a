package newssite

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

func ldJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // maps of strings and numbers always marshal
	}
	return string(b)
}

type obj = map[string]any

func (s *Site) organization() obj {
	return obj{"@type": "NewsMediaOrganization", "@id": s.abs("/#organization"), "name": siteEn, "url": s.abs("/"),
		"logo":   obj{"@type": "ImageObject", "url": cdn + "/wp-content/uploads/2020/01/logo.png", "width": 600, "height": 60},
		"sameAs": []string{"https://facebook.com/nabaebench", "https://twitter.com/nabaebench"}}
}

func (s *Site) breadcrumbs(lang string, items ...[2]string) obj {
	list := []obj{{"@type": "ListItem", "position": 1, "name": pick(lang, "الرئيسية", "Home"), "item": s.abs("/")}}
	for i, it := range items {
		list = append(list, obj{"@type": "ListItem", "position": i + 2, "name": it[0], "item": it[1]})
	}
	return obj{"@type": "BreadcrumbList", "@id": items[len(items)-1][1] + "#breadcrumb", "itemListElement": list}
}

func (s *Site) articleLD(a *article, words int) string {
	au := authors[a.author]
	u := a.url(s)
	news := obj{"@type": "NewsArticle", "@id": u + "#article", "isPartOf": obj{"@id": u},
		"headline": a.title, "description": a.excerpt, "datePublished": a.published.Format(time.RFC3339),
		"author":    []obj{{"@type": "Person", "name": au.name, "url": s.abs("/author/" + au.slug + "/")}},
		"publisher": obj{"@id": s.abs("/#organization")}, "mainEntityOfPage": obj{"@id": u},
		"image":          obj{"@type": "ImageObject", "url": a.image, "width": 1200, "height": 675},
		"articleSection": []string{pick(a.lang, sections[a.section].ar, sections[a.section].en)},
		"inLanguage":     a.lang, "wordCount": words, "commentCount": 0}
	var kw []string
	for _, t := range a.tags {
		kw = append(kw, pick(a.lang, tags[t].ar, tags[t].en))
	}
	news["keywords"] = kw
	if !a.modified.IsZero() {
		news["dateModified"] = a.modified.Format(time.RFC3339)
	}
	page := obj{"@type": "WebPage", "@id": u, "url": u, "name": a.title, "datePublished": a.published.Format(time.RFC3339),
		"breadcrumb": obj{"@id": u + "#breadcrumb"}, "inLanguage": a.lang}
	sec := sections[a.section]
	return ldJSON(obj{"@context": "https://schema.org", "@graph": []obj{news, page,
		s.breadcrumbs(a.lang, [2]string{pick(a.lang, sec.ar, sec.en), s.abs(sectionPath(a.section, 1))}, [2]string{a.title, u}),
		s.organization()}})
}

// articlePage renders article idx.
func (s *Site) articlePage(idx int) []byte {
	a := &s.articles[idx]
	r := s.rng(streamBody, uint64(idx))
	lang := a.lang
	sec := sections[a.section]
	au := authors[a.author]

	paras := make([]string, 8+r.IntN(9))
	words := 0
	for i := range paras {
		paras[i] = paragraph(r, lang)
		words += strings.Count(paras[i], " ") + 1
	}
	var extra strings.Builder
	extra.WriteString(`<meta property="og:type" content="article">
<meta property="og:image" content="` + a.image + `">
<meta property="og:image:width" content="1200">
<meta property="og:image:height" content="675">
<meta property="article:published_time" content="` + a.published.Format(time.RFC3339) + `">
`)
	if !a.modified.IsZero() {
		extra.WriteString(`<meta property="article:modified_time" content="` + a.modified.Format(time.RFC3339) + `">
`)
	}
	extra.WriteString(`<meta property="article:section" content="` + pick(lang, sec.ar, sec.en) + `">
`)
	for _, t := range a.tags {
		extra.WriteString(`<meta property="article:tag" content="` + pick(lang, tags[t].ar, tags[t].en) + `">
`)
	}
	extra.WriteString(`<meta name="author" content="` + au.name + `">
`)

	var b buf
	b.Grow(128 << 10)
	s.head(&b, lang, a.title, a.excerpt, a.url(s), extra.String(), s.articleLD(a, words))
	b.w(`<body class="post-template-default single single-post postid-`, strconv.Itoa(a.id), ` single-format-standard `, pick(lang, "rtl", "ltr"), `">
`, s.header[lang], `<div id="content" class="site-content container"><main id="main" class="content-area">
<nav class="breadcrumbs" aria-label="breadcrumbs"><a href="`, s.abs("/"), `">`, pick(lang, "الرئيسية", "Home"), `</a> » <a href="`, s.abs(sectionPath(a.section, 1)), `">`, pick(lang, sec.ar, sec.en), `</a> » <span>`, esc(a.title), `</span></nav>
<article id="post-`, strconv.Itoa(a.id), `" class="post-`, strconv.Itoa(a.id), ` post type-post status-publish format-standard has-post-thumbnail category-`, sec.slug, `">
<header class="entry-header"><span class="cat-links"><a href="`, s.abs(sectionPath(a.section, 1)), `" rel="category tag">`, pick(lang, sec.ar, sec.en), `</a></span>
<h1 class="entry-title">`, esc(a.title), `</h1>
<div class="entry-meta"><span class="byline">`, pick(lang, "بقلم", "By"), ` <span class="author vcard"><a class="url fn n" href="`, s.abs("/author/"+au.slug+"/"), `">`, au.name, `</a></span></span> <span class="posted-on"><time class="entry-date published" datetime="`, a.published.Format(time.RFC3339), `">`, localDate(lang, a.published), `</time>`)
	if !a.modified.IsZero() {
		b.w(` <time class="updated" datetime="`, a.modified.Format(time.RFC3339), `">`, pick(lang, "آخر تحديث: ", "Updated: "), localDate(lang, a.modified), `</time>`)
	}
	comments := r.IntN(7)
	b.w(`</span> <span class="reading-time">`, strconv.Itoa(1+words/200), pick(lang, " دقائق", " min read"), `</span> <a class="comments-link" href="`, a.url(s), `#comments">`, strconv.Itoa(comments), pick(lang, " تعليقات", " comments"), `</a></div>
</header>
<div class="share-box"><span>`, pick(lang, "شارك", "Share"), `</span>`)
	for _, sh := range []string{"https://www.facebook.com/sharer/sharer.php?u=", "https://twitter.com/intent/tweet?url=", "https://api.whatsapp.com/send?text=", "https://www.linkedin.com/shareArticle?mini=true&amp;url="} {
		b.w(`<a class="share" href="`, sh, a.url(s), `" target="_blank" rel="noopener nofollow">`, sh[12:strings.IndexByte(sh[12:], '.')+12], `</a>`)
	}
	b.w(`<a class="share print" href="javascript:window.print()">`, pick(lang, "طباعة", "Print"), `</a></div>
<figure class="post-thumbnail">`)
	s.thumb(&b, a, 1200, 675)
	b.w(`<figcaption>`, sentence(r, lang, 6, 12), `</figcaption></figure>
<div class="entry-content">
`)
	for i, p := range paras {
		if i == len(paras)/2 {
			b.w(`<h2>`, esc(title(r, lang)), "</h2>\n")
		}
		if i == 3 && r.IntN(2) == 0 {
			b.w(`<blockquote class="wp-block-quote"><p>`, sentence(r, lang, 12, 24), "</p></blockquote>\n")
		}
		if i == 1 && len(a.tags) > 0 {
			// An inline link, as editors add to a tag page.
			t := tags[a.tags[0]]
			b.w(`<p>`, p, ` <a href="`, s.abs("/tag/"+t.slug+"/"), `">`, pick(lang, t.ar, t.en), "</a></p>\n")
		} else {
			b.w("<p>", p, "</p>\n")
		}
		switch i {
		case 1:
			b.w(`<div class="ad-slot ad-inarticle"><ins class="adsbygoogle" style="display:block; text-align:center;" data-ad-layout="in-article" data-ad-format="fluid" data-ad-client="ca-pub-0000000000000001" data-ad-slot="2345678901"></ins><script>(adsbygoogle=window.adsbygoogle||[]).push({});</script></div>
`)
		case 3:
			b.w(`<div class="read-also"><strong>`, pick(lang, "اقرأ أيضا", "Read also"), `</strong><ul>`)
			for range 2 {
				o := &s.articles[r.IntN(len(s.articles))]
				b.w(`<li><a href="`, o.url(s), `">`, esc(o.title), `</a></li>`)
			}
			b.w("</ul></div>\n")
		}
	}
	b.w(`</div>
<footer class="entry-footer"><div class="tags-links"><span>`, pick(lang, "وسوم:", "Tags:"), `</span> `)
	for _, t := range a.tags {
		b.w(`<a href="`, s.abs("/tag/"+tags[t].slug+"/"), `" rel="tag">`, pick(lang, tags[t].ar, tags[t].en), `</a> `)
	}
	b.w(`</div></footer>
<div class="author-box"><img src="`, cdn, `/wp-content/uploads/authors/`, au.slug, `-96x96.jpg" alt="" width="96" height="96"><div><a class="author-name" href="`, s.abs("/author/"+au.slug+"/"), `">`, au.name, `</a><p class="author-bio">`, sentence(r, lang, 10, 18), `</p></div></div>
<nav class="post-navigation" aria-label="`, pick(lang, "مقالات", "Posts"), `">`)
	if idx+1 < len(s.articles) {
		o := &s.articles[idx+1]
		b.w(`<a rel="prev" href="`, o.url(s), `"><span>`, pick(lang, "السابق", "Previous"), `</span> `, esc(o.title), `</a>`)
	}
	if idx > 0 {
		o := &s.articles[idx-1]
		b.w(`<a rel="next" href="`, o.url(s), `"><span>`, pick(lang, "التالي", "Next"), `</span> `, esc(o.title), `</a>`)
	}
	b.w(`</nav>
<section class="related-posts"><h3>`, pick(lang, "مقالات ذات صلة", "Related articles"), `</h3><div class="posts-grid">`)
	peers := s.bySection[a.section]
	for range 6 {
		o := &s.articles[peers[r.IntN(len(peers))]]
		b.w(`<div class="post-item"><a href="`, o.url(s), `">`)
		s.icon(&b, o, 300, 169)
		b.w(`<span class="title">`, esc(o.title), `</span></a><time datetime="`, o.published.Format(time.RFC3339), `">`, localDate(o.lang, o.published), `</time></div>`)
	}
	b.w(`</div></section>
<div class="newsletter-inline"><p>`, pick(lang, "لا تفوت أي خبر: اشترك في نشرتنا.", "Never miss a story: subscribe to our newsletter."), `</p></div>
<div id="comments" class="comments-area"><h3 class="comments-title">`, strconv.Itoa(comments), pick(lang, " تعليقات", " comments"), `</h3><ol class="comment-list">`)
	for c := range comments {
		b.w(`<li id="comment-`, strconv.Itoa(a.id*10+c), `" class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">`, word(r, lang), ` `, word(r, lang), `</b> <time datetime="`,
			a.published.Add(time.Duration(c+1)*time.Hour).Format(time.RFC3339), `">`, localDate(lang, a.published.Add(time.Duration(c+1)*time.Hour)), `</time></footer><div class="comment-content"><p>`, sentence(r, lang, 5, 25),
			`</p></div><a class="comment-reply-link" href="#respond">`, pick(lang, "رد", "Reply"), `</a></article></li>`)
	}
	b.w(`</ol><div id="respond" class="comment-respond"><h3>`, pick(lang, "أضف تعليقا", "Leave a comment"), `</h3><form action="`, s.abs("/wp-comments-post.php"), `" method="post" id="commentform"><textarea name="comment" rows="6"></textarea><input name="author" type="text"><input name="email" type="email"><input type="hidden" name="comment_post_ID" value="`, strconv.Itoa(a.id), `"><button type="submit">`, pick(lang, "إرسال", "Post comment"), `</button></form></div></div>
</article></main>
`, s.sidebar[lang], `</div>
`, s.footer[lang])
	s.pad(&b, r, pageSize(r))
	return b.Bytes()
}

func (s *Site) teaser(b *buf, a *article) {
	sec := sections[a.section]
	au := authors[a.author]
	b.w(`<article class="post-item post-`, strconv.Itoa(a.id), `"><a class="thumb" href="`, a.url(s), `">`)
	s.thumb(b, a, 400, 225)
	b.w(`</a><div class="post-item-body"><span class="cat"><a href="`, s.abs(sectionPath(a.section, 1)), `">`, pick(a.lang, sec.ar, sec.en), `</a></span><h3 class="post-item-title"><a href="`, a.url(s), `">`, esc(a.title), `</a></h3><p class="excerpt">`, esc(a.excerpt), `</p><div class="meta"><a href="`, s.abs("/author/"+au.slug+"/"), `">`, au.name, `</a> <time datetime="`, a.published.Format(time.RFC3339), `">`, localDate(a.lang, a.published), "</time></div></div></article>\n")
}

// listing renders a page of teasers: a section page, a tag, an author, the
// home page. pages and pageURL give its pagination (pages 1: none).
func (s *Site) listing(path, heading, desc string, items []int, page, pages int, pageURL func(int) string, body string) []byte {
	r := s.rng(streamPage, hashString(path))
	const lang = "ar"
	u := s.abs(path)
	var extra strings.Builder
	extra.WriteString(`<meta property="og:type" content="website">
`)
	if page > 1 {
		extra.WriteString(`<link rel="prev" href="` + s.abs(pageURL(page-1)) + `">
`)
	}
	if page < pages {
		extra.WriteString(`<link rel="next" href="` + s.abs(pageURL(page+1)) + `">
`)
	}
	ld := ldJSON(obj{"@context": "https://schema.org", "@graph": []obj{
		{"@type": "CollectionPage", "@id": u, "url": u, "name": heading, "isPartOf": obj{"@id": s.abs("/#website")}, "inLanguage": lang},
		s.breadcrumbs(lang, [2]string{heading, u}),
		{"@type": "WebSite", "@id": s.abs("/#website"), "url": s.abs("/"), "name": siteAr,
			"potentialAction": obj{"@type": "SearchAction", "target": s.abs("/search?q={search_term_string}"), "query-input": "required name=search_term_string"}},
		s.organization()}})
	var b buf
	b.Grow(128 << 10)
	s.head(&b, lang, heading, desc, u, extra.String(), ld)
	b.w(`<body class="archive `, pick(lang, "rtl", "ltr"), `">
`, s.header[lang], `<div id="content" class="site-content container"><main id="main" class="content-area">
<header class="page-header"><h1 class="page-title">`, esc(heading), `</h1><div class="taxonomy-description"><p>`, esc(desc), `</p></div></header>
`, body, `<div class="posts-grid">
`)
	for _, ai := range items {
		s.teaser(&b, &s.articles[ai])
	}
	b.w("</div>\n")
	if pages > 1 {
		b.w(`<nav class="pagination" aria-label="`, pick(lang, "الصفحات", "Pages"), `">`)
		if page > 1 {
			b.w(`<a class="prev page-numbers" href="`, s.abs(pageURL(page-1)), `">`, pick(lang, "السابق", "Previous"), `</a>`)
		}
		last := 0
		for p := 1; p <= pages; p++ {
			if p != 1 && p != pages && (p < page-2 || p > page+2) {
				continue
			}
			if last != 0 && p > last+1 {
				b.w(`<span class="page-numbers dots">…</span>`)
			}
			last = p
			if p == page {
				b.w(`<span aria-current="page" class="page-numbers current">`, strconv.Itoa(p), `</span>`)
			} else {
				b.w(`<a class="page-numbers" href="`, pageURL(p), `">`, strconv.Itoa(p), `</a>`)
			}
		}
		if page < pages {
			b.w(`<a class="next page-numbers" href="`, s.abs(pageURL(page+1)), `">`, pick(lang, "التالي", "Next"), `</a>`)
		}
		b.w("</nav>\n")
	}
	b.w("</main>\n", s.sidebar[lang], "</div>\n", s.footer[lang])
	s.pad(&b, r, pageSize(r))
	return b.Bytes()
}

func (s *Site) sectionPage(sec, page int) []byte {
	all := s.bySection[sec]
	lo := (page - 1) * s.cfg.PerPage
	items := all[min(lo, len(all)):min(lo+s.cfg.PerPage, len(all))]
	heading := sections[sec].ar
	if page > 1 {
		heading += " - الصفحة " + strconv.Itoa(page)
	}
	return s.listing(sectionPath(sec, page), heading, "آخر أخبار "+sections[sec].ar+" في المغرب والعالم.", items, page, s.sectionPages(sec),
		func(p int) string { return sectionPath(sec, p) }, "")
}

func (s *Site) tagPage(t int) []byte {
	items := s.byTag[t]
	return s.listing("/tag/"+tags[t].slug+"/", tags[t].ar, "كل ما نشر حول "+tags[t].ar+".", items[:min(len(items), s.cfg.PerPage)], 1, 1, nil, "")
}

func (s *Site) authorPage(n int) []byte {
	r := s.rng(streamPage, uint64(1000+n))
	items := s.byAuthor[n]
	bio := `<div class="author-box"><img src="` + cdn + `/wp-content/uploads/authors/` + authors[n].slug + `-96x96.jpg" alt="" width="96" height="96"><p>` + paragraph(r, "ar") + "</p></div>\n"
	return s.listing("/author/"+authors[n].slug+"/", authors[n].name, "مقالات "+authors[n].name, items[:min(len(items), s.cfg.PerPage)], 1, 1, nil, bio)
}

func (s *Site) homePage() []byte {
	var body buf
	for i := range sections {
		body.w(`<section class="home-section section-`, sections[i].slug, `"><h2 class="section-title"><a href="`, s.abs(sectionPath(i, 1)), `">`, sections[i].ar, `</a></h2><ul>`)
		for _, ai := range s.bySection[i][:min(5, len(s.bySection[i]))] {
			a := &s.articles[ai]
			body.w(`<li><a href="`, a.url(s), `">`, esc(a.title), `</a></li>`)
		}
		body.w(`</ul><a class="more" href="`, s.abs(sectionPath(i, min(2, s.sectionPages(i)))), `">`, "المزيد", "</a></section>\n")
	}
	items := make([]int, min(30, len(s.articles)))
	for i := range items {
		items[i] = i
	}
	return s.listing("/", siteAr+" - أخبار المغرب والعالم", "موقع إخباري مغربي مستقل: سياسة، اقتصاد، رياضة، ثقافة.", items, 1, 1, nil, body.String())
}

func (s *Site) staticPage(n int) []byte {
	r := s.rng(streamPage, uint64(2000+n))
	var body buf
	body.w(`<div class="entry-content page-content">`)
	for range 5 {
		body.w("<p>", paragraph(r, "ar"), "</p>\n")
	}
	body.w("</div>\n")
	return s.listing("/"+staticPages[n].slug+"/", staticPages[n].ar, staticPages[n].ar, nil, 1, 1, nil, body.String())
}

func (s *Site) notFound() []byte {
	return []byte(`<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="UTF-8"><title>الصفحة غير موجودة</title></head><body><h1>404</h1><p>الصفحة غير موجودة.</p><a href="` + s.abs("/") + `">الرئيسية</a></body></html>
`)
}

func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}
