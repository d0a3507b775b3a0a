package selectors

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"

	"github.com/newsarc/newsarc/selectors/article"
	"github.com/newsarc/newsarc/selectors/dates"
	"github.com/newsarc/newsarc/selectors/structured"
)

// futureSlack is how far after the fetch a date read from the page may lie;
// later dates printed near the headline are events, not publication.
const futureSlack = 24 * time.Hour

// extractDates: selector → JSON-LD → microdata → meta → <time datetime> in
// the article header → visible text near the headline → URL path →
// go-htmldate (published only). A date in UTC is then written in the offset
// the page gives the same instant elsewhere (inPageZone).
func (x *extraction) extractDates() {
	x.dateField(article.FieldPublished, x.e.published, &x.a.Published,
		func(d *structured.Item) string { return d.Published }, structured.PublishedKeys)
	x.dateField(article.FieldModified, x.e.modified, &x.a.Modified,
		func(d *structured.Item) string { return d.Modified }, structured.ModifiedKeys)
	if marked := x.structuredPublished(); x.a.Published.IsZero() || x.a.Modified.IsZero() || marked {
		pub, mod := x.headerDates()
		if marked && pub.source == article.SourceTime && farApart(x.a.Published, pub.t) {
			// A structured date more than a day from the <time
			// datetime> of the article's header belongs to something
			// else: a re-saved page, the WebPage item around the story.
			// Loose header text is not trusted this far: it may be
			// relative, or a date the story talks about.
			x.a.Published = time.Time{}
		}
		x.setDate(article.FieldPublished, &x.a.Published, pub)
		x.setDate(article.FieldModified, &x.a.Modified, mod)
	}
	if x.a.Published.IsZero() {
		if t, ok := x.urlDate(); ok {
			x.setDate(article.FieldPublished, &x.a.Published, dated{t, article.SourceURL})
		}
	}
	if x.a.Published.IsZero() {
		if t, ok := x.htmlDate(); ok {
			x.setDate(article.FieldPublished, &x.a.Published, dated{t, article.SourceGeneric})
		}
	}
	x.inPageZone()
}

// structuredPublished reports a published date read from JSON-LD,
// microdata or meta tags, which the header's printed date may overrule.
func (x *extraction) structuredPublished() bool {
	switch x.a.Provenance[article.FieldPublished] {
	case article.SourceJSONLD, article.SourceMicrodata, article.SourceMeta:
		return !x.a.Published.IsZero()
	}
	return false
}

// farApart reports dates more than a day apart on both sides of a day
// printed without its time: more than 48 hours.
func farApart(a, b time.Time) bool {
	d := a.Sub(b)
	return d > 48*time.Hour || d < -48*time.Hour
}

// dated is a date with its source; a zero t is no date.
type dated struct {
	t      time.Time
	source string
}

func (x *extraction) setDate(field string, dst *time.Time, d dated) {
	if dst.IsZero() && !d.t.IsZero() {
		*dst = d.t
		if x.e.localize {
			*dst = d.t.In(x.e.tz)
		}
		x.set(field, d.source)
	}
}

func (x *extraction) parseDate(s string) (time.Time, bool) {
	t, _, ok := dates.Parse(s, x.e.tz, x.now)
	return t, ok
}

// dateField runs the selector, structured data and meta steps of one date.
func (x *extraction) dateField(field string, r *rule, dst *time.Time, get func(*structured.Item) string, metaKeys []string) {
	if r != nil {
		if s := x.selectFirst(r); s != nil {
			v := dateValue(r, s)
			if t, ok := x.parseDate(v); ok {
				x.setDate(field, dst, dated{t, article.SourceSelector})
				return
			}
			x.warn(r, WarnNoValue, 0, truncate(v, 60))
		}
	}
	for _, d := range []struct {
		s      *structured.Item
		source string
	}{{x.ld, article.SourceJSONLD}, {x.md, article.SourceMicrodata}} {
		if d.s == nil {
			continue
		}
		if t, ok := x.parseDate(get(d.s)); ok {
			x.setDate(field, dst, dated{t, d.source})
			return
		}
	}
	parsed := 0
	for _, k := range metaKeys {
		for _, v := range x.meta[k] {
			if parsed++; parsed > maxDateCandidates {
				return
			}
			if t, ok := x.parseDate(v); ok {
				x.setDate(field, dst, dated{t, article.SourceMeta})
				return
			}
		}
	}
}

// dateValue reads a date selector's match. Without an @attr, a machine
// readable attribute of the element (datetime, content) is preferred to its
// text, which often shows the day only.
func dateValue(r *rule, s *goquery.Selection) string {
	if r.attr != "" {
		return r.value(s)
	}
	for _, sel := range []*goquery.Selection{s, s.Find("time[datetime]").First()} {
		for _, a := range []string{"datetime", "content"} {
			if v, ok := sel.Attr(a); ok && strings.TrimSpace(v) != "" {
				return v
			}
		}
	}
	return r.value(s)
}

var rxURLDate = regexp.MustCompile(`(?:^|/)((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_.]|$)|(?:^|/)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:/|[-_.]|$)`)

// urlDate reads a day from the URL path: /2023/06/28/, /2023-06-28-slug,
// /20230628/. It is midnight in the site's time zone.
func (x *extraction) urlDate() (time.Time, bool) {
	if x.base == nil {
		return time.Time{}, false
	}
	m := rxURLDate.FindStringSubmatch(x.base.EscapedPath())
	if m == nil {
		return time.Time{}, false
	}
	if m[1] == "" {
		m = append(m[:1], m[4:]...)
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, x.e.tz)
	if t.Day() != d || t.After(x.now.Add(futureSlack)) {
		return time.Time{}, false
	}
	return t, true
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
