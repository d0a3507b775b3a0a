// Package lines tells the short paragraphs that are page furniture from
// article text, by their words alone: labels that point elsewhere ("Read
// more: …", "اقرأ أيضا"), box titles (IsJunk), and the lines that close an
// article without being its text: copyright, "updated at", credits, how
// to reach the author, newsletter offers (IsClosing, IsCallToAction). The
// patterns cover the languages of our users: Arabic, French and English.
//
// It is shared by package selectors (which cleans every body) and
// selectors/maintext (which trims the tail of a generic body). It imports
// only the standard library.
package lines
