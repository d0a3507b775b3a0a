// Package pagetext reads the text of a parsed page as a reader sees it:
// white space collapsed, invisible format characters dropped, block
// elements and <br> read as breaks (Of, Write, Paragraphs), and the bounded
// readers that stop once a text cannot be a short label (Short, ShortOwn).
// Fold and the rune classes (IsWordRune, ToLower, IsSpace) compare texts
// that differ only in spacing, case and punctuation.
//
// It is shared by the rooms of package selectors (structured, byline,
// maintext and selectors itself), so it holds no rule about what is
// article text. It imports only the standard library, goquery and
// golang.org/x/net/html; never another package of newsarc.
package pagetext
