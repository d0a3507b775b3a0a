// Package markup says what the elements of a parsed page are by their
// markup: boxes that are not article text (IsJunk, InsideJunk, RemoveJunk:
// sharing, related links, comments, ads, by tag and by the words of class
// and id in several languages; Boxes for the metadata rules, where an
// element holding most of the page's prose is no box), and elements that print the authors or a
// date (IsAuthorElement, HasDateClass). It also holds the walks over the
// tree that several rooms of package selectors need (Inside, Precedes,
// Attr, FindElement, Clone).
//
// It imports only golang.org/x/net/html and selectors/internal/pagetext;
// never package selectors or its other rooms (structured, byline,
// maintext), so that all of them can use it.
package markup
