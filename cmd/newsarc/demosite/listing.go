package demosite

import (
	"bytes"
	"fmt"
	"html/template"
	"sync"
	"time"
)

// perPage is how many teasers a listing page shows, like WordPress's
// "Blog pages show at most".
const perPage = 4

// Texts of the pagination links, in the site's three languages.
const (
	nextPageText = "Page suivante / الصفحة التالية / Next page"
	prevPageText = "Page précédente / الصفحة السابقة / Previous page"
)

// listing is one page of a list of teasers: the home page and its
// /page/N/ sequels, or a category page.
type listing struct {
	Path       string // root-relative, ending in "/"
	Title      string
	BodyClass  string
	Heading    string
	Lang       string // of every teaser; "" when they mix languages
	Articles   []article
	Prev, Next string // neighbouring pages, "" at either end
	Pages      []pageLink
}

type pageLink struct {
	N       int
	Href    string
	Current bool
}

// paginate cuts list into pages of perPage: the first at base, the
// others at base+"page/N/". A list with no articles still has one page.
func paginate(base, title, heading, lang, bodyClass string, list []article) []listing {
	n := max(1, (len(list)+perPage-1)/perPage)
	href := func(i int) string {
		if i == 1 {
			return base
		}
		return fmt.Sprintf("%spage/%d/", base, i)
	}
	pages := make([]listing, n)
	for i := range pages {
		num := i + 1
		l := listing{
			Path:      href(num),
			Title:     title,
			BodyClass: bodyClass,
			Heading:   heading,
			Lang:      lang,
			Articles:  list[i*perPage : min(len(list), num*perPage)],
		}
		if num > 1 {
			l.Title = fmt.Sprintf("%s – الصفحة %d", title, num)
			l.BodyClass = fmt.Sprintf("%s paged paged-%d", bodyClass, num)
			l.Prev = href(num - 1)
		}
		if num < n {
			l.Next = href(num + 1)
		}
		if n > 1 {
			for j := 1; j <= n; j++ {
				l.Pages = append(l.Pages, pageLink{N: j, Href: href(j), Current: j == num})
			}
		}
		pages[i] = l
	}
	return pages
}

// allListings returns every listing page of the site: the home page
// first, then its sequels, then the categories.
func allListings() []listing {
	out := paginate("/", "Nabae Demo – أخبار الجهة بثلاث لغات", "آخر الأخبار", "", "home blog", newest(""))
	for _, c := range categories {
		out = append(out, paginate("/category/"+c.Key+"/", c.Title+" – Nabae Demo", c.Title, c.Key,
			"archive category category-"+c.Key, newest(c.Key))...)
	}
	return out
}

// listingPages holds the rendered listing pages by path, except the home
// page, which is site/index.html (see TestHomePage_generated).
var listingPages = sync.OnceValue(func() map[string][]byte {
	pages := make(map[string][]byte)
	for _, l := range allListings() {
		if l.Path == "/" {
			continue
		}
		pages[l.Path] = mustRender(l)
	}
	return pages
})

func mustRender(l listing) []byte {
	var buf bytes.Buffer
	if err := listingTmpl.Execute(&buf, l); err != nil {
		// The template and its data are compiled in: a build defect.
		panic(fmt.Sprintf("demosite: render %s: %v", l.Path, err))
	}
	return buf.Bytes()
}

var listingTmpl = template.Must(template.New("listing").Funcs(template.FuncMap{
	"iso":        func(t time.Time) string { return t.Format(time.RFC3339) },
	"categories": func() []category { return categories },
	"nextText":   func() string { return nextPageText },
	"prevText":   func() string { return prevPageText },
}).Parse(`<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<meta name="description" content="Nabae Demo: موقع إخباري تجريبي متعدد اللغات مضمن في newsarc.">
<link rel="canonical" href="{{.Path}}">
{{with .Prev}}<link rel="prev" href="{{.}}">
{{end}}{{with .Next}}<link rel="next" href="{{.}}">
{{end}}<link rel="alternate" type="application/rss+xml" title="Nabae Demo » RSS" href="/feed/">
<meta property="og:type" content="website">
<meta property="og:site_name" content="Nabae Demo">
<link rel="stylesheet" id="nabae-style-css" href="/wp-content/themes/nabae/style.css?ver=2.4.1" media="all">
</head>
<body class="{{.BodyClass}} rtl">
<a class="skip-link screen-reader-text" href="#content">انتقل إلى المحتوى</a>
<div id="page" class="site">
<div class="top-bar"><span class="today">السبت 15 يوليو 2023</span> <span class="weather">الدار البيضاء 24°</span></div>
<header id="masthead" class="site-header">
<div class="site-branding"><a href="/" rel="home"><img src="/wp-content/themes/nabae/logo.svg" alt="Nabae Demo" width="180" height="48"></a>
<p class="site-description">أخبار الجهة بثلاث لغات</p></div>
<nav id="site-navigation" class="main-navigation" aria-label="القائمة الرئيسية">
<ul id="primary-menu" class="menu">
<li class="menu-item"><a href="/">الرئيسية</a></li>
{{range categories}}<li class="menu-item"><a href="/category/{{.Key}}/" lang="{{.Key}}">{{.Label}}</a></li>
{{end}}<li class="menu-item"><a href="/authors.html">فريق التحرير</a></li>
</ul>
</nav>
<form role="search" method="get" class="search-form" action="/"><input type="search" class="search-field" name="s" placeholder="ابحث في الموقع…"></form>
</header>
<div id="content" class="site-content">
<main id="main" class="site-main home-main">
<section class="home-section latest-posts"{{with .Lang}} lang="{{.}}"{{end}}>
<h2 class="section-title">{{.Heading}}</h2>
{{range .Articles}}<article class="teaser post-{{.ID}}" lang="{{.Lang}}" dir="{{.Dir}}"><h3 class="teaser-title"><a href="{{.Path}}">{{.Headline}}</a></h3><p class="teaser-date"><time datetime="{{iso .Published}}">{{.Dateline}}</time></p><p class="teaser-excerpt">{{.Excerpt}}</p></article>
{{else}}<p class="no-results">لا توجد مقالات.</p>
{{end}}</section>
{{if .Pages}}<nav class="navigation pagination" aria-label="تصفح المقالات">
<div class="nav-links">
{{with .Prev}}<a class="prev page-numbers" rel="prev" href="{{.}}">{{prevText}}</a>
{{end}}{{range .Pages}}{{if .Current}}<span aria-current="page" class="page-numbers current">{{.N}}</span>
{{else}}<a class="page-numbers" href="{{.Href}}">{{.N}}</a>
{{end}}{{end}}{{with .Next}}<a class="next page-numbers" rel="next" href="{{.}}">{{nextText}}</a>
{{end}}</div>
</nav>
{{end}}<section class="home-sections">
<h2 class="section-title">الأقسام</h2>
<ul>
{{range categories}}<li id="{{.Key}}" lang="{{.Key}}"><a href="/category/{{.Key}}/">{{.Title}}</a></li>
{{end}}</ul>
</section>
</main>
</div>
<footer id="colophon" class="site-footer">
<nav class="footer-navigation"><ul>
<li><a href="/">الرئيسية</a></li>
<li><a href="/authors.html">من نحن</a></li>
<li><a href="/private/secret.html">Espace rédaction</a></li>
</ul></nav>
<p class="copyright">© 2013–2023 Nabae Demo. جميع الحقوق محفوظة.</p>
<p class="site-note">موقع تجريبي مضمن في newsarc: جميع الأخبار والأسماء الواردة فيه خيالية.</p>
<p class="site-updated">آخر تحديث للموقع: 15 يوليو 2023</p>
</footer>
</div>
<div id="cookie-notice" class="cookie-banner" role="dialog" aria-live="polite"><p>نستخدم ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك على موقعنا. بمواصلة التصفح فإنك توافق على ذلك.</p><button type="button" class="cookie-accept">موافق</button></div>
<script>document.querySelector('.cookie-accept').addEventListener('click',function(){document.getElementById('cookie-notice').remove();});</script>
</body>
</html>
`))
