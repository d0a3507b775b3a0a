package selectors

import (
	"net/url"
	"strings"

	"github.com/RadhiFadlillah/whatlanggo"

	"github.com/newsarc/newsarc/selectors/article"
	"github.com/newsarc/newsarc/selectors/maintext"
	"github.com/newsarc/newsarc/selectors/structured"
)

// canonical is rel=canonical resolved against the page URL, else og:url
// when it is on the same site, else the page URL. A canonical pointing at
// the home page from an article is a template bug and is ignored.
func (x *extraction) canonical() string {
	if href, ok := x.doc.Find(`link[rel~="canonical"]`).First().Attr("href"); ok {
		if u := x.resolve(href); u != nil && !x.homeOf(u) {
			return u.String()
		}
	}
	if u := x.resolve(x.meta.First("og:url")); u != nil && x.base != nil && sameSite(u, x.base) && !x.homeOf(u) {
		return u.String()
	}
	return x.a.URL
}

// resolve makes an http(s) URL absolute against the page, or returns nil.
func (x *extraction) resolve(ref string) *url.URL {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil
	}
	u, err := url.Parse(ref)
	if err != nil {
		return nil
	}
	if x.base != nil {
		u = x.base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil
	}
	u.Fragment = ""
	return u
}

func (x *extraction) homeOf(u *url.URL) bool {
	return x.base != nil && (u.Path == "" || u.Path == "/") && x.base.Path != "" && x.base.Path != "/"
}

func sameSite(a, b *url.URL) bool {
	return strings.TrimPrefix(a.Hostname(), "www.") == strings.TrimPrefix(b.Hostname(), "www.")
}

// extractDescription: JSON-LD → microdata → og:description, description →
// the standfirst printed under the headline, which the body leaves out.
func (x *extraction) extractDescription() {
	x.firstOf(article.FieldDescription, &x.a.Description, func(d *structured.Item) string { return d.Description }, structured.DescriptionKeys)
	if x.a.Description == "" {
		if s := maintext.Standfirst(x.anchor); s != "" {
			x.a.Description = s
			x.set(article.FieldDescription, article.SourceText)
		}
	}
}

// extractSection: JSON-LD articleSection → microdata → article:section.
func (x *extraction) extractSection() {
	x.firstOf(article.FieldSection, &x.a.Section, func(d *structured.Item) string { return d.Section }, structured.SectionKeys)
}

// extractImage: JSON-LD image → microdata → og:image, twitter:image; always
// an absolute http(s) URL.
func (x *extraction) extractImage() {
	var img string
	x.firstOf(article.FieldImage, &img, func(d *structured.Item) string {
		if u := x.resolve(d.Image); u != nil {
			return u.String()
		}
		return ""
	}, nil)
	if img == "" {
		for _, k := range structured.ImageKeys {
			if u := x.resolve(x.meta.First(k)); u != nil {
				img = u.String()
				x.set(article.FieldImage, article.SourceMeta)
				break
			}
		}
	}
	x.a.Image = img
}

// firstOf sets a string field from structured data, then from meta keys.
func (x *extraction) firstOf(field string, dst *string, get func(*structured.Item) string, metaKeys []string) {
	for _, d := range []struct {
		s      *structured.Item
		source string
	}{{x.ld, article.SourceJSONLD}, {x.md, article.SourceMicrodata}} {
		if d.s != nil {
			if v := get(d.s); v != "" {
				*dst = v
				x.set(field, d.source)
				return
			}
		}
	}
	if v := x.meta.First(metaKeys...); v != "" {
		*dst = v
		x.set(field, article.SourceMeta)
	}
}

// extractTags: JSON-LD keywords → microdata → article:tag → keywords and
// news_keywords meta.
func (x *extraction) extractTags() {
	for _, d := range []struct {
		s      *structured.Item
		source string
	}{{x.ld, article.SourceJSONLD}, {x.md, article.SourceMicrodata}} {
		if d.s != nil && len(d.s.Keywords) > 0 {
			x.a.Tags = d.s.Keywords
			x.set(article.FieldTags, d.source)
			return
		}
	}
	for _, k := range []string{"article:tag", "og:article:tag", "news_keywords", "keywords"} {
		if tags := structured.SplitKeywords(x.meta[k]); len(tags) > 0 {
			x.a.Tags = tags
			x.set(article.FieldTags, article.SourceMeta)
			return
		}
	}
}

// extractLanguage: <html lang> → JSON-LD inLanguage → content-language and
// og:locale meta → the site's configured language → detection on the body.
func (x *extraction) extractLanguage() {
	if l, source := x.declaredLang(); l != "" {
		x.a.Language = l
		x.set(article.FieldLanguage, source)
		return
	}
	if x.a.Body == "" {
		return
	}
	if info := whatlanggo.Detect(x.a.Body); info.IsReliable() {
		if l := primaryLang(info.Lang.Iso6391()); l != "" {
			x.a.Language = l
			x.set(article.FieldLanguage, article.SourceGeneric)
		}
	}
}

// declaredLang is the primary language the page or the site's config
// declares, and where it was read; "" when none does.
func (x *extraction) declaredLang() (lang, source string) {
	html := x.doc.Find("html").First()
	for _, c := range []struct{ v, source string }{
		{html.AttrOr("lang", html.AttrOr("xml:lang", "")), article.SourceMeta},
		{x.ldLanguage(), article.SourceJSONLD},
		{x.meta.First("content-language", "og:locale", "dc.language", "language"), article.SourceMeta},
		{x.e.lang, article.SourceConfig},
	} {
		if l := primaryLang(c.v); l != "" {
			return l, c.source
		}
	}
	return "", ""
}

func (x *extraction) ldLanguage() string {
	if x.ld == nil {
		return ""
	}
	return x.ld.Language
}

// primaryLang returns the primary subtag of a language tag, lowercased:
// "ar-MA" and "ar_MA" give "ar". Anything that is not a tag gives "".
func primaryLang(tag string) string {
	tag = strings.TrimSpace(tag)
	if i := strings.IndexAny(tag, "-_,; "); i >= 0 {
		tag = tag[:i]
	}
	tag = strings.ToLower(tag)
	if len(tag) < 2 || len(tag) > 3 {
		return ""
	}
	for _, r := range tag {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	return tag
}
