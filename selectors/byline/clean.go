package byline

import (
	"regexp"
	"slices"
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
	"بقلم", "كتبت", "كتبه", "كتب", "إعداد", "اعداد", "تحرير", "إنجاز", "انجاز",
}

var (
	rxEmail  = regexp.MustCompile(`[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}.\-]+\.[\p{L}]{2,}`)
	rxURL    = regexp.MustCompile(`(?i)\b(?:https?://|www\.)\S+`)
	rxParens = regexp.MustCompile(`\([^)]*\)|\[[^\]]*\]`)
	rxHandle = regexp.MustCompile(`(?:^|\s)@[\p{L}\p{N}_.]+`)
	// rxAuthorSep splits several authors: "A and B", "A et B", "A & B", "A, B",
	// "A، B", "A و B". The attached Arabic "وB" is handled by splitWaw.
	rxAuthorSep = regexp.MustCompile(`(?i)\s+(?:and|et|avec|und|y|e)\s+|\s*[&,،;]\s*|\s+و\s+`)
)

// maxNameWords bounds one author's name; longer text is a sentence.
const maxNameWords = 7

// Clean turns a byline as printed ("By Jane Doe and John Roe",
// "بقلم: محمد العلوي", "Par Jean Dupont et Marie Curie", "jane@example.com")
// into author names: prefixes and trailing colons stripped, several authors
// split, e-mails, URLs, handles, parenthesised notes and dated parts dropped,
// duplicates removed. Of text split by "|" ("By Jane Doe | Reuters"), the
// first part that holds a name is used. It returns nil when no name is left.
func Clean(s string) []string {
	s = pagetext.Clean(s)
	s = rxEmail.ReplaceAllString(s, " ")
	s = rxURL.ReplaceAllString(s, " ")
	s = rxParens.ReplaceAllString(s, " ")
	s = rxHandle.ReplaceAllString(s, " ")
	// "OLJ / Par Philippe Abi-Akl": a slash between spaces separates
	// parts as a bar does.
	s = strings.ReplaceAll(s, " / ", " | ")
	for segment := range strings.SplitSeq(s, "|") {
		if names := cleanSegment(cutDateline(segment)); len(names) > 0 {
			return names
		}
	}
	return nil
}

// datelineSeps separate a dateline or an agency from the author's name.
var datelineSeps = []string{" - ", " – ", " — ", ": ", " : "}

// cutDateline keeps the name of "دمشق - رنا الحلبي", "الرياض: فهد العتيبي",
// "Jane Doe - Reuters", "مغرب بريس - محمد الراجي": of two parts, a single
// word or one naming an organisation is a place, an agency or the paper,
// and the other part of two to five words the author.
func cutDateline(s string) string {
	for _, sep := range datelineSeps {
		left, right, ok := strings.Cut(s, sep)
		if !ok || strings.Contains(right, sep) {
			continue
		}
		lw, rw := len(strings.Fields(left)), len(strings.Fields(right))
		switch {
		case (lw == 1 || hasOrgWord(left)) && rw >= 2 && rw <= 5 && !hasOrgWord(right):
			return right
		case (rw == 1 && !isCredential(strings.TrimSpace(right)) || hasOrgWord(right)) && lw >= 2 && lw <= 5 && !hasOrgWord(left):
			return left
		}
	}
	return s
}

func cleanSegment(s string) []string {
	var out []string
	seen := map[string]bool{}
	rest, _ := cutBylinePrefix(s)
	for _, part := range rxAuthorSep.Split(rest, -1) {
		part, _ = cutBylinePrefix(part)
		for _, name := range splitWaw(part) {
			name = trimTrailingStop(trimName(name))
			if !plausibleName(name) || len(out) > 0 && isCredential(name) {
				continue
			}
			k := pagetext.Fold(name)
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, name)
		}
	}
	if len(out) > 1 {
		// "Jill Disis, CNN Business Editor": the role is not a second author.
		out = slices.DeleteFunc(out, hasRoleWord)
	}
	return out
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

// isCredential reports a degree or a zone left as a part of its own:
// "Rachael Link, MS, RD" gives MS and RD.
func isCredential(s string) bool {
	if strings.ContainsRune(s, ' ') || utf8.RuneCountInString(s) > 4 {
		return false
	}
	switch strings.ToLower(strings.TrimSuffix(s, ".")) {
	case "phd", "md", "mph", "rn", "jr", "sr":
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
			if r, _ := utf8.DecodeRuneInString(rest); rest != "" && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)) {
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

// plausibleName rejects what is not a person's name: empty text, a handle,
// a sentence, a date or a number.
func plausibleName(s string) bool {
	if s == "" || strings.HasPrefix(s, "@") || strings.ContainsAny(s, "/@=<>{}") {
		return false
	}
	if n := len(strings.Fields(s)); n > maxNameWords || utf8.RuneCountInString(s) > 80 {
		return false
	}
	fields := strings.Fields(s)
	if len(fields) == 1 && isAbbreviation(fields[0]) {
		return false // "AFP", "OLJ": an agency or a paper
	}
	onlyStop, onlyStaff := true, true
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if labelWords[w] || orgWords[w] {
			return false
		}
		onlyStop = onlyStop && stopWords[w]
		onlyStaff = onlyStaff && (staffWords[w] || stopWords[w])
	}
	if onlyStop || onlyStaff {
		return false
	}
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			return false
		case unicode.IsLetter(r):
			letters++
		}
	}
	return letters >= 2
}

// HasPrefix reports text that starts like a byline: "By ", "Par ",
// "بقلم", "كتب".
func HasPrefix(t string) bool {
	_, ok := cutBylinePrefix(t)
	return ok
}
