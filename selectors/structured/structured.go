package structured

import "github.com/PuerkitoBio/goquery"

// Item is what an Article item of structured data (JSON-LD or microdata)
// says about the page. Strings are cleaned; "" means absent.
type Item struct {
	Headline    string
	Authors     []string // people, and names given without a type
	OrgAuthors  []string // authors typed Organization: an agency, a desk, the newsroom
	Published   string
	Modified    string
	Description string
	Image       string
	Section     string
	Keywords    []string
	Language    string
	Publisher   string // the site's name, to cut it from titles
}

// Data is what a page says about itself in markup meant for machines.
type Data struct {
	// JSONLD is the most specific article item of the page's JSON-LD, or
	// nil. A WebPage item is used only when there is no article, and then
	// only for its dates and description.
	JSONLD *Item
	// Microdata is the page's first Article item (itemtype NewsArticle,
	// Article, BlogPosting…), or nil.
	Microdata *Item
	// Meta holds the page's <meta> values.
	Meta Meta
}

// Read reads the page's meta tags, JSON-LD and microdata. It only reads
// the tree.
func Read(doc *goquery.Document) Data {
	return Data{
		Meta:      readMeta(doc),
		JSONLD:    readJSONLD(doc),
		Microdata: readMicrodata(doc),
	}
}
