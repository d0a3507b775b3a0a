package byline

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsarc/newsarc/selectors/internal/pagetext"
)

// bylinePrefixes are the words that introduce authors, lowercased; the longer
// ones first so "written by" wins over "by".
var bylinePrefixes = []string{
	"written by", "posted by", "reported by", "story by", "words by", "analysis by",
	"commentary by", "opinion by", "interview by", "by", "von", "por", "text", "texte", "текст", "автор",
	"publié par", "rédigé par", "écrit par", "un article de", "par", "auteur", "author",
	"escrito por", "publicado por", "geschrieben von", "autorin", "autora", "autor",
	"door", "av", "af", "tekst", "texto",
	"بقلم", "كتبت", "كتبه", "كتب", "إعداد", "اعداد", "تحرير", "إنجاز", "انجاز",
}

var (
	rxEmail  = regexp.MustCompile(`[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}.\-]+\.[\p{L}]{2,}`)
	rxURL    = regexp.MustCompile(`(?i)\b(?:https?://|www\.)\S+`)
	rxParens = regexp.MustCompile(`\([^)]*\)|\[[^\]]*\]`)
	// rxHandle finds a handle, also glued to the name it follows ("Jane
	// Doe@janedoe"); e-mails are removed before.
	rxHandle = regexp.MustCompile(`@[\p{L}\p{N}_.]+`)
	// rxAuthorSep splits several authors: "A and B", "A et B", "A & B", "A, B",
	// "A، B", "A و B". The attached Arabic "وB" is handled by splitWaw.
	rxAuthorSep = regexp.MustCompile(`(?i)\s+(?:and|et|avec|und|y|e)\s+|\s*[&,،;]\s*|\s+و\s+`)
)

// rxMidName is a parenthesis inside a name: a given or middle name
// between two of its words ("Bruno (Henrique Zecchin) Rodrigues").
var rxMidName = regexp.MustCompile(`(\p{L})\s*\(((?:\p{L}[\p{L}.'’-]*\s*){1,3})\)\s+(\p{Lu})`)

// dropParens removes parenthesised notes ("Jane Doe (AP)", "[Reuters]")
// but keeps the words of one inside a name, without its brackets. An
// acronym there is an agency's ("Jane Doe (AP) John Roe").
func dropParens(s string) string {
	s = rxMidName.ReplaceAllStringFunc(s, func(m string) string {
		g := rxMidName.FindStringSubmatch(m)
		if strings.ToUpper(g[2]) == g[2] {
			return m
		}
		return g[1] + " " + strings.TrimSpace(g[2]) + " " + g[3]
	})
	return rxParens.ReplaceAllString(s, " ")
}

// maxNameWords bounds one author's name; longer text is a sentence.
const maxNameWords = 7

// Clean turns a byline as printed ("By Jane Doe and John Roe",
// "بقلم: محمد العلوي", "Par Jean Dupont et Marie Curie", "jane@example.com")
// into the names of its credit, as Parse reads it: the people, then the
// organisations credited beside them ("By Jane Doe, AFP"), or the
// organisations alone ("By The Associated Press"). It returns nil when no
// name is left.
func Clean(s string) []string {
	return Parse(s).Names()
}

// Parse reads a byline as printed into its credit: prefixes and trailing
// colons stripped, several authors split, e-mails, URLs, handles,
// parenthesised notes, job titles, degrees and dated parts dropped,
// duplicates removed. Of text split by "|" ("By Jane Doe | Reuters"), the
// first part that names a person is used, else the first that names an
// organisation. A capitalised prefix followed by a lowercase word is prose,
// not a byline: "By the way", "Text is available under".
func Parse(s string) Credit {
	s = pagetext.Clean(s)
	s = rxEmail.ReplaceAllString(s, " ")
	s = rxURL.ReplaceAllString(s, " ")
	s = dropParens(s)
	s = rxHandle.ReplaceAllString(s, " ")
	// "OLJ / Par Philippe Abi-Akl": a slash between spaces separates
	// parts as a bar does.
	s = strings.ReplaceAll(s, " / ", " | ")
	var orgs Credit
	for segment := range strings.SplitSeq(s, "|") {
		if isProse(segment) {
			continue
		}
		c := cleanSegment(segment)
		if len(c.People) > 0 {
			return c
		}
		if len(orgs.Orgs) == 0 {
			orgs = c
		}
	}
	return orgs
}

// datelineSeps separate a dateline or an agency from the author's name.
var datelineSeps = []string{" - ", " – ", " — ", ": ", " : "}

// cutDateline keeps the name of "دمشق - رنا الحلبي", "الرياض: فهد العتيبي",
// "Jane Doe - Reuters", "مغرب بريس - محمد الراجي": of two parts, a single
// word or one naming an organisation is a place, an agency or the paper,
// and the other part of two to five words the author. It returns the
// author's part and the part it cut.
func cutDateline(s string) (name, cut string) {
	for _, sep := range datelineSeps {
		left, right, ok := strings.Cut(s, sep)
		if !ok || strings.Contains(right, sep) {
			continue
		}
		lw, rw := len(strings.Fields(left)), len(strings.Fields(right))
		switch {
		case (lw == 1 || hasOrgWord(left)) && rw >= 2 && rw <= 5 && !hasOrgWord(right):
			return right, left
		case (rw == 1 && !isCredential(strings.TrimSpace(right)) || hasOrgWord(right)) && lw >= 2 && lw <= 5 && !hasOrgWord(left):
			return left, right
		}
	}
	return s, ""
}

// cleanSegment reads the credit of one part of a byline. An organisation
// cut from the name as a dateline is credited beside the person when it
// says it is one ("Jane Doe - Reuters News"); a single word there is as
// often a place ("CAIRO – Nada Mahmoud").
func cleanSegment(s string) Credit {
	var c Credit
	seen := map[string]bool{}
	s, cut := cutDateline(s)
	rest, _ := cutBylinePrefix(s)
	parts := rxAuthorSep.Split(rest, -1)
	if cut = trimName(cut); hasOrgWord(cut) {
		parts = append(parts, cut)
	}
	for _, part := range parts {
		part, _ = cutBylinePrefix(part)
		for _, name := range splitWaw(part) {
			name = trimTrailingStop(trimName(name))
			k := pagetext.Fold(name)
			if seen[k] {
				continue
			}
			kind := kindOf(name)
			if kind == notName || len(c.People)+len(c.Orgs) > 0 && isCredential(name) {
				continue
			}
			seen[k] = true
			if kind == person {
				c.People = append(c.People, name)
			} else {
				c.Orgs = append(c.Orgs, name)
			}
		}
	}
	// "Jill Disis, CNN Business Editor", "Jane Doe, Staff Writer": the
	// person's title, not a second author or a desk.
	return c.tidy()
}

// trimTrailingStop drops the words a cut date leaves after a name: "Minh Do
// on Monday", "Jeff Foust Monday".
func trimTrailingStop(s string) string {
	words := strings.Fields(s)
	for len(words) > 0 {
		w := strings.ToLower(strings.Trim(words[len(words)-1], ".,;:"))
		if !stopWords[w] && !weekdays[w] {
			break
		}
		words = words[:len(words)-1]
	}
	return strings.Join(words, " ")
}

// cutBylinePrefix removes "By", "Par", "بقلم:" and the like, repeatedly
// ("Publié par : Par Jean"), and reports whether it removed one.
func cutBylinePrefix(s string) (string, bool) {
	found := false
	for {
		s = strings.TrimLeftFunc(s, func(r rune) bool {
			return unicode.IsSpace(r) || strings.ContainsRune(":-–—|/.،,", r)
		})
		cut := false
		for _, p := range bylinePrefixes {
			if len(s) < len(p) || !strings.EqualFold(s[:len(p)], p) {
				continue
			}
			rest := s[len(p):]
			if r, _ := utf8.DecodeRuneInString(rest); rest != "" && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)) && !glued(s[:len(p)], rest) {
				continue // "Byron", "Paris", "كتبي"
			}
			s, cut, found = rest, true, true
			break
		}
		if !cut {
			return s, found
		}
	}
}

// splitWaw splits "محمد علي وأحمد حسن" into two names. The attached waw means
// "and" only when both sides have at least two words and the word it starts
// is not a name of its own.
func splitWaw(s string) []string {
	words := strings.Fields(s)
	for i := 2; i <= len(words)-2; i++ {
		w := words[i]
		if !strings.HasPrefix(w, "و") || utf8.RuneCountInString(w) < 3 || wawNames[w] {
			continue
		}
		left := strings.Join(words[:i], " ")
		right := strings.TrimPrefix(w, "و") + " " + strings.Join(words[i+1:], " ")
		return append([]string{left}, splitWaw(right)...)
	}
	return []string{s}
}

func trimName(s string) string {
	return strings.TrimFunc(pagetext.Clean(s), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '.' && r != '\'' && r != '’' || unicode.IsSymbol(r)
	})
}

// glued reports a prefix printed against what follows it, the way
// "<span>By</span><a>Jane Doe</a>" reads: the case changes where the words
// meet ("ByJane Doe"), or a second prefix follows ("Byby Jane Doe").
// "Byron" and "BYRON" are names.
func glued(prefix, rest string) bool {
	last, _ := utf8.DecodeLastRuneInString(prefix)
	next, _ := utf8.DecodeRuneInString(rest)
	if unicode.IsLower(last) && unicode.IsUpper(next) {
		return true
	}
	for _, p := range bylinePrefixes {
		if len(rest) > len(p) && strings.EqualFold(rest[:len(p)], p) {
			r, _ := utf8.DecodeRuneInString(rest[len(p):])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
				return true
			}
		}
	}
	return false
}

// isProse reports text whose byline prefix is capitalised, as a sentence
// starts, and followed by a lowercase word: "By the way", "By definition
// of the matrix", "Text is available under the licence". A byline written
// in lowercase ("by jane doe", "Posted by kovarex") or in capitals
// ("BY JANE DOE") is not.
func isProse(s string) bool {
	s = strings.TrimSpace(s)
	rest, ok := cutBylinePrefix(s)
	if !ok {
		return false
	}
	words := strings.Fields(s[:len(s)-len(rest)])
	if len(words) == 0 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(words[len(words)-1])
	next, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(first) && unicode.IsLower(next)
}

// HasPrefix reports text that starts like a byline: "By ", "Par ",
// "بقلم", "كتب".
func HasPrefix(t string) bool {
	_, ok := cutBylinePrefix(t)
	return ok
}
