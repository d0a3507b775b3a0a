package byline

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsarc/newsarc/selectors/internal/pagetext"
)

// Credit is what a byline credits: the people it names, and the
// organisations it names beside them or instead of them (an agency, a desk,
// the newsroom).
type Credit struct {
	People []string
	Orgs   []string
}

// Names lists the credit as an article's byline holds it: the people, then
// the organisations.
func (c Credit) Names() []string {
	if len(c.People)+len(c.Orgs) == 0 {
		return nil
	}
	return append(slices.Clip(c.People), c.Orgs...)
}

// Empty reports a credit that names no one.
func (c Credit) Empty() bool {
	return len(c.People)+len(c.Orgs) == 0
}

// Add appends the names of d not yet in c.
func (c Credit) Add(d Credit) Credit {
	seen := map[string]bool{}
	for _, n := range c.Names() {
		seen[pagetext.Fold(n)] = true
	}
	keep := func(dst []string, names []string) []string {
		for _, n := range names {
			if k := pagetext.Fold(n); !seen[k] {
				seen[k] = true
				dst = append(dst, n)
			}
		}
		return dst
	}
	c.People = keep(slices.Clip(c.People), d.People)
	c.Orgs = keep(slices.Clip(c.Orgs), d.Orgs)
	return c.tidy()
}

// tidy drops the titles printed beside a person's name, as parts of their
// own or in an element of their own ("<span>Jane Doe</span><span>CEO</span>",
// "Jill Disis, CNN Business Editor"): they are no second author.
func (c Credit) tidy() Credit {
	if len(c.People) > 1 {
		c.People = slices.DeleteFunc(c.People, hasRoleWord)
	}
	if len(c.People) > 0 {
		c.Orgs = slices.DeleteFunc(c.Orgs, func(o string) bool { return isCredential(o) || hasRoleWord(o) })
	}
	return c
}

// Organisation cleans the name of an organisation that structured data
// types as the author (a JSON-LD or microdata Organization): white space
// collapsed, e-mails and URLs dropped. Its name is kept whole ("Procter &
// Gamble", "France 24"); it returns "" when no name is left.
func Organisation(s string) string {
	s = pagetext.Clean(s)
	s = rxEmail.ReplaceAllString(s, " ")
	s = rxURL.ReplaceAllString(s, " ")
	s = trimName(s)
	if strings.ContainsAny(s, "/@=<>{}") || len(strings.Fields(s)) > maxNameWords || utf8.RuneCountInString(s) > 80 {
		return ""
	}
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 2 {
		return ""
	}
	return s
}
