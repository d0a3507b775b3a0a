package selectors

// structured is what an Article item of structured data (JSON-LD or
// microdata) says about the page. Strings are cleaned; "" means absent.
type structured struct {
	Headline    string
	Authors     []string
	Published   string
	Modified    string
	Description string
	Image       string
	Section     string
	Keywords    []string
	Language    string
	Publisher   string // the site's name, to cut it from titles
}
