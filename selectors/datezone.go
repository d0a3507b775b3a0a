package selectors

import (
	"time"

	"golang.org/x/net/html"

	"github.com/newsarc/newsarc/selectors/internal/markup"
	"github.com/newsarc/newsarc/selectors/structured"
)

// inPageZone writes the published and modified dates, when they are instants
// in UTC ("2017-02-24T01:18:13Z" in JSON-LD), in the offset that the page
// itself gives the same instant in another machine-readable value (the meta
// tag "2017-02-23T17:18:13-08:00", a <time datetime> of the header). The
// instant is kept; what changes is the day and the hour it is written with,
// which are then the ones the page prints for its readers: a story printed
// on the 23rd is not dated the 24th because one of its tags holds UTC.
// Nothing is changed when no value of the page names the same instant, nor
// when the site's time zone is configured (Config.Timezone): every date is
// then written in it.
func (x *extraction) inPageZone() {
	if x.e.localize || !isUTC(x.a.Published) && !isUTC(x.a.Modified) {
		return
	}
	zoned := x.zonedValues()
	for _, t := range []*time.Time{&x.a.Published, &x.a.Modified} {
		if !isUTC(*t) {
			continue
		}
		for _, z := range zoned {
			if z.Equal(*t) {
				*t = t.In(z.Location())
				break
			}
		}
	}
}

// isUTC reports a date written with a zero offset.
func isUTC(t time.Time) bool {
	if t.IsZero() {
		return false
	}
	_, off := t.Zone()
	return off == 0
}

// zonedValues parses the page's machine-readable dates (structured data,
// meta tags, <time datetime> of the header region), at most
// maxDateCandidates of them, and returns those with a non-zero offset.
func (x *extraction) zonedValues() []time.Time {
	var values []string
	for _, d := range []*structured.Item{x.ld, x.md} {
		if d != nil {
			values = append(values, d.Published, d.Modified)
		}
	}
	for _, keys := range [][]string{structured.PublishedKeys, structured.ModifiedKeys} {
		for _, k := range keys {
			values = append(values, x.meta[k]...)
		}
	}
	eachElement(x.region().Nodes, func(n *html.Node) bool {
		if n.Data == "time" {
			if v := markup.Attr(n, "datetime"); v != "" {
				values = append(values, v)
			}
		}
		return len(values) < 2*maxDateCandidates
	})
	var out []time.Time
	parsed := 0
	for _, v := range values {
		if v == "" {
			continue
		}
		if parsed++; parsed > maxDateCandidates {
			break
		}
		if t, ok := x.parseDate(v); ok {
			if _, off := t.Zone(); off != 0 {
				out = append(out, t)
			}
		}
	}
	return out
}
