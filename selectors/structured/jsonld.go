package structured

import (
	"html"
	"strings"

	"github.com/PuerkitoBio/goquery"

	"github.com/newsarc/newsarc/internal/jsonld"
	"github.com/newsarc/newsarc/selectors/internal/pagetext"
)

// Schema.org types that describe an article, by how specific they are.
var articleTypes = map[string]int{
	"newsarticle": 3, "reportagenewsarticle": 3, "analysisnewsarticle": 3,
	"opinionnewsarticle": 3, "reviewnewsarticle": 3, "backgroundnewsarticle": 3,
	"askpublicnewsarticle": 3, "liveblogposting": 3,
	"article": 2, "blogposting": 2, "report": 2, "scholarlyarticle": 2,
	"techarticle": 2, "socialmediaposting": 2, "posting": 2,
	"webpage": 1, "itempage": 1,
}

// readJSONLD reads the page's JSON-LD and returns its most specific article
// item, or nil. A WebPage item is used only when there is no article, and
// then only for its dates and description.
func readJSONLD(doc *goquery.Document) *Item {
	var items []map[string]any
	byID := map[string]map[string]any{}
	doc.Find(`script[type="application/ld+json"], script[type="application/json+ld"]`).Each(func(_ int, s *goquery.Selection) {
		v, ok := jsonld.Parse(s.Text())
		if ok {
			collectItems(v, &items, byID, 0)
		}
	})
	var best map[string]any
	bestScore := 0
	for _, it := range items {
		if sc := typeScore(it); sc > bestScore {
			best, bestScore = it, sc
		}
	}
	if best == nil {
		return nil
	}
	d := &Item{
		Published:   jsonString(best["datePublished"]),
		Modified:    jsonString(best["dateModified"]),
		Description: jsonString(best["description"]),
	}
	if d.Published == "" {
		d.Published = jsonString(best["dateCreated"])
	}
	if bestScore == 1 {
		return d
	}
	d.Headline = jsonString(best["headline"])
	if d.Headline == "" {
		d.Headline = jsonString(best["name"])
	}
	d.Authors, d.OrgAuthors = jsonAuthors(best["author"], byID)
	d.Image = jsonImage(best["image"], byID)
	d.Section = firstOf(jsonStrings(best["articleSection"]))
	d.Keywords = SplitKeywords(jsonStrings(best["keywords"]))
	d.Language = jsonString(best["inLanguage"])
	if p := resolveRef(best["publisher"], byID); p != nil {
		d.Publisher = jsonString(p["name"])
	}
	return d
}

// collectItems flattens arrays, @graph and mainEntity into a list of items
// and indexes them by @id.
func collectItems(v any, items *[]map[string]any, byID map[string]map[string]any, depth int) {
	if depth > 8 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			collectItems(e, items, byID, depth+1)
		}
	case map[string]any:
		*items = append(*items, x)
		if id, ok := x["@id"].(string); ok && len(x) > 1 {
			byID[id] = x
		}
		for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage"} {
			if sub, ok := x[k]; ok {
				collectItems(sub, items, byID, depth+1)
			}
		}
	}
}

func typeScore(it map[string]any) int {
	best := 0
	for _, t := range jsonStrings(it["@type"]) {
		t = strings.ToLower(t[strings.LastIndexAny(t, "/:")+1:])
		best = max(best, articleTypes[t])
	}
	return best
}

func resolveRef(v any, byID map[string]map[string]any) map[string]any {
	if a, ok := v.([]any); ok && len(a) > 0 {
		v = a[0]
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	if id, ok := m["@id"].(string); ok && len(m) <= 2 {
		if full, ok := byID[id]; ok {
			return full
		}
	}
	return m
}

// jsonAuthors reads author as a string, a Person, an Organization, an @id
// reference or a list of them, into the people (and untyped names) and the
// organisations.
func jsonAuthors(v any, byID map[string]map[string]any) (people, orgs []string) {
	var add func(v any)
	add = func(v any) {
		switch x := v.(type) {
		case string:
			people = append(people, cleanJSONText(x))
		case []any:
			for _, e := range x {
				add(e)
			}
		case map[string]any:
			m := resolveRef(x, byID)
			n := jsonString(m["name"])
			if n == "" {
				if g, f := jsonString(m["givenName"]), jsonString(m["familyName"]); g+f != "" {
					n = strings.TrimSpace(g + " " + f)
				}
			}
			switch {
			case n == "":
			case isOrganizationType(m):
				orgs = append(orgs, n)
			default:
				people = append(people, n)
			}
		}
	}
	add(v)
	return people, orgs
}

// isOrganizationType reports an item typed Organization or one of its
// subtypes (NewsMediaOrganization…).
func isOrganizationType(m map[string]any) bool {
	for _, t := range jsonStrings(m["@type"]) {
		if strings.Contains(strings.ToLower(t), "organization") {
			return true
		}
	}
	return false
}

func jsonImage(v any, byID map[string]map[string]any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		for _, e := range x {
			if s := jsonImage(e, byID); s != "" {
				return s
			}
		}
	case map[string]any:
		m := resolveRef(x, byID)
		for _, k := range []string{"url", "contentUrl", "@id"} {
			if s, ok := m[k].(string); ok && strings.TrimSpace(s) != "" {
				return strings.TrimSpace(s)
			}
		}
	}
	return ""
}

// jsonString reads a string value, or the first string of a list, or the
// name of an object ("inLanguage": {"name": "ar"}).
func jsonString(v any) string {
	switch x := v.(type) {
	case string:
		return cleanJSONText(x)
	case []any:
		for _, e := range x {
			if s := jsonString(e); s != "" {
				return s
			}
		}
	case map[string]any:
		for _, k := range []string{"alternateName", "name", "@value"} {
			if s, ok := x[k].(string); ok {
				return cleanJSONText(s)
			}
		}
	}
	return ""
}

func jsonStrings(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{cleanJSONText(x)}
	case []any:
		var out []string
		for _, e := range x {
			if s := jsonString(e); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// cleanJSONText undoes the HTML escaping CMSs leave in JSON-LD strings.
func cleanJSONText(s string) string {
	if strings.ContainsRune(s, '&') {
		s = html.UnescapeString(s)
	}
	return pagetext.Clean(s)
}

func firstOf(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// SplitKeywords splits comma-separated keyword strings (also at "،" and
// ";") and drops duplicates, ignoring case.
func SplitKeywords(in []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range in {
		for part := range strings.FieldsFuncSeq(s, func(r rune) bool { return r == ',' || r == '،' || r == ';' }) {
			part = pagetext.Clean(part)
			k := strings.ToLower(part)
			if part == "" || seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, part)
		}
	}
	return out
}
