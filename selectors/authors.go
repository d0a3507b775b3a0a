package selectors

import (
	"slices"

	"github.com/PuerkitoBio/goquery"

	"github.com/newsarc/newsarc/selectors/article"
	"github.com/newsarc/newsarc/selectors/byline"
	"github.com/newsarc/newsarc/selectors/structured"
)

// extractByline: the selector (each match one author), else the first of
// JSON-LD, microdata, each meta author key (not URLs) and the page's text
// (rel=author and byline-looking elements near the headline) that credits
// a person, with the organisations credited beside them ("Jane Doe, AP");
// else the first that credits an organisation other than the site (an
// agency, a desk); else the first that credits the site itself, its
// newsroom. The site's name where a person's should be is a default of
// its CMS, so it is the credit of last resort; the JSON-LD publisher alone
// is no credit.
func (x *extraction) extractByline() {
	if r := x.e.byline; r != nil {
		if s := x.selectAll(r); s.Length() > 0 {
			var c byline.Credit
			s.Each(func(_ int, m *goquery.Selection) {
				c = c.Add(byline.Parse(r.value(m)))
			})
			if names, _ := x.credited(c); len(names) > 0 {
				x.setByline(names, article.SourceSelector)
				return
			}
			x.warn(r, WarnNoValue, 0, "")
		}
	}
	type step struct {
		source string
		credit func() byline.Credit
	}
	steps := []step{
		{article.SourceJSONLD, func() byline.Credit { return itemCredit(x.ld) }},
		{article.SourceMicrodata, func() byline.Credit { return itemCredit(x.md) }},
	}
	for _, k := range structured.AuthorKeys {
		steps = append(steps, step{article.SourceMeta, func() byline.Credit { return parseAll(x.meta[k]) }})
	}
	steps = append(steps, step{article.SourceText, x.textByline})
	var best []string
	bestRank, bestSource := rankNone, ""
	for _, st := range steps {
		names, r := x.credited(x.own(st.credit()))
		if r < bestRank {
			best, bestRank, bestSource = names, r, st.source
		}
		if r == rankPeople {
			break
		}
	}
	if bestRank < rankNone {
		x.setByline(best, bestSource)
	}
}

// CleanByline turns a byline as printed ("By Jane Doe and John Roe",
// "بقلم: محمد العلوي", "By The Associated Press") into the names it
// credits, as byline.Clean does; it returns nil when no name is left.
func CleanByline(s string) []string {
	return byline.Clean(s)
}

func (x *extraction) setByline(names []string, source string) {
	x.a.Byline = names
	x.set(article.FieldByline, source)
}

// rank is how well a credit names the authors, best first.
type rank int

const (
	rankPeople   rank = iota // people, with the organisations beside them
	rankOrgs                 // organisations other than the site
	rankNewsroom             // the site itself
	rankNone
)

// credited reads c as the byline field holds it: the people and the
// organisations beside them other than the site ("Jane Doe, AP", not
// "Jane Doe, Site"), else the organisations other than the site, else the
// site's own name.
func (x *extraction) credited(c byline.Credit) ([]string, rank) {
	site := x.siteNames()
	var orgs, own []string
	for _, o := range c.Orgs {
		if isSiteName(o, site) {
			own = append(own, o)
		} else {
			orgs = append(orgs, o)
		}
	}
	switch {
	case len(c.People) > 0:
		return append(slices.Clip(c.People), orgs...), rankPeople
	case len(orgs) > 0:
		return orgs, rankOrgs
	case len(own) > 0:
		return own, rankNewsroom
	}
	return nil, rankNone
}

// own moves the site's name out of c's people: sites put it in meta author
// and JSON-LD, alone or before the author's ("مغرب بريس - محمد الراجي"),
// and in the page's byline elements; it credits the newsroom, not a person.
func (x *extraction) own(c byline.Credit) byline.Credit {
	site := x.siteNames()
	var out byline.Credit
	for _, n := range c.People {
		switch n = cutSiteName(n, site); {
		case n == "":
		case isSiteName(n, site):
			out.Orgs = append(out.Orgs, n)
		default:
			out.People = append(out.People, n)
		}
	}
	return out.Add(byline.Credit{Orgs: c.Orgs})
}

// itemCredit is what an item of structured data credits: its authors, read
// as bylines, and those it types as organisations, kept whole.
func itemCredit(it *structured.Item) byline.Credit {
	if it == nil {
		return byline.Credit{}
	}
	c := parseAll(it.Authors)
	for _, s := range it.OrgAuthors {
		if o := byline.Organisation(s); o != "" {
			c = c.Add(byline.Credit{Orgs: []string{o}})
		}
	}
	return c
}

func parseAll(in []string) byline.Credit {
	var c byline.Credit
	for _, s := range in {
		c = c.Add(byline.Parse(s))
	}
	return c
}

// firstCredit returns the first credit of steps that names a person, else
// the first that names an organisation.
func firstCredit(steps ...func() byline.Credit) byline.Credit {
	var org byline.Credit
	for _, f := range steps {
		c := f()
		if len(c.People) > 0 {
			return c
		}
		if org.Empty() {
			org = c
		}
	}
	return org
}
