package pagekind

import (
	"fmt"
	"strings"

	"github.com/newsarc/newsarc/internal/jsonld"
)

// jsonLD reads the page's JSON-LD items: top-level objects, arrays,
// @graph and mainEntity. Items nested under other properties (an
// ItemList's elements, an article's publisher or isPartOf) are what an
// item talks about, not what the page is.
func (p *page) jsonLD() facts {
	var f facts
	var items []map[string]any
	for _, s := range p.scripts {
		if v, ok := jsonld.Parse(s); ok {
			collectItems(v, &items, 0)
		}
	}
	seen := map[string]bool{}
	for i, it := range items {
		for _, raw := range jsonStrings(it["@type"]) {
			name, lower := typeName(raw)
			switch {
			case collectionTypes[lower]:
				f.collection = cmpOr(f.collection, name)
			case lower == "website":
				f.home = f.home || p.isThisPage(cmpOr(jsonString(it["url"]), jsonString(it["@id"])))
			case lower == "itemlist":
				f.list = true
			case articleTypes[lower]:
				f.article = cmpOr(f.article, name)
				// The same article in two scripts is one article.
				key := jsonString(it["url"])
				for _, k := range []string{"@id", "headline", "name"} {
					key = cmpOr(key, jsonString(it[k]))
				}
				if key == "" {
					key = fmt.Sprint("#", i)
				}
				if !seen[key] {
					seen[key] = true
					f.articles++
				}
			}
		}
	}
	return f
}

// collectItems flattens arrays, @graph and mainEntity into a list of
// items.
func collectItems(v any, items *[]map[string]any, depth int) {
	if depth > 8 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			collectItems(e, items, depth+1)
		}
	case map[string]any:
		*items = append(*items, x)
		for _, k := range []string{"@graph", "mainEntity"} {
			if sub, ok := x[k]; ok {
				collectItems(sub, items, depth+1)
			}
		}
	}
}

// jsonString is a string value, or the first string of a list.
func jsonString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		for _, e := range x {
			if s := jsonString(e); s != "" {
				return s
			}
		}
	}
	return ""
}

// jsonStrings are the strings of a string or a list.
func jsonStrings(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}
