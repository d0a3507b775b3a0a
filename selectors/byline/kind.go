package byline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// What a part of a byline names: a person, an organisation, or nothing.

// isCredential reports a degree, a title or a zone left as a part of its
// own after a name: "Rachael Link, MS, RD" gives MS and RD, "Jane Doe,
// CEO" gives CEO. An agency's initials there are credited: "Jane Doe, AP".
func isCredential(s string) bool {
	if strings.ContainsRune(s, ' ') || utf8.RuneCountInString(s) > 4 || orgWords[strings.ToLower(s)] {
		return false
	}
	if credentials[strings.ToLower(strings.TrimSuffix(s, "."))] {
		return true
	}
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func hasRoleWord(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if roleWords[w] {
			return true
		}
	}
	return false
}

func hasOrgWord(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if orgWords[w] {
			return true
		}
	}
	return false
}

// isAbbreviation reports a word of two to five capitals: "AFP", "OLJ".
func isAbbreviation(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 5
}

// startsLikePhrase reports words in lowercase that start with a small word,
// a piece of a sentence left after a prefix: "the way" of "by the way", "of
// the article". A name may hold one ("Lisa de Moraes") but not start with
// it in lowercase.
func startsLikePhrase(fields []string) bool {
	if len(fields) < 2 || !stopWords[fields[0]] {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(fields[0]); !unicode.IsLower(r) {
		return false // a script without case gives no sign: "على محمود" may be a name
	}
	for _, w := range fields {
		if strings.ToLower(w) != w {
			return false
		}
	}
	return true
}

// kind is what a part of a byline names.
type kind int

const (
	notName kind = iota
	person
	organisation
)

// kindOf tells a person's name from an organisation's (a newsroom, an
// agency, a desk: "Times News Service", "AFP", "La Rédaction", "Staff
// Reporter") and from what is no name: empty text, a handle, a sentence, a
// label, a date or a number.
func kindOf(s string) kind {
	if s == "" || strings.HasPrefix(s, "@") || strings.ContainsAny(s, "/@=<>{}") {
		return notName
	}
	fields := strings.Fields(s)
	if len(fields) > maxNameWords || utf8.RuneCountInString(s) > 80 {
		return notName
	}
	org := len(fields) == 1 && isAbbreviation(fields[0])
	onlyStop, onlyStaff := true, true
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if labelWords[w] {
			return notName
		}
		org = org || orgWords[w]
		onlyStop = onlyStop && stopWords[w]
		onlyStaff = onlyStaff && (staffWords[w] || stopWords[w])
	}
	if onlyStop || startsLikePhrase(fields) {
		return notName
	}
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			return notName
		case unicode.IsLetter(r):
			letters++
		}
	}
	switch {
	case letters < 2:
		return notName
	case org || onlyStaff:
		return organisation
	}
	return person
}
