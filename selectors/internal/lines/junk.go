package lines

import (
	"regexp"
	"strings"
)

// rxJunkParagraph matches paragraphs that point elsewhere: "Read more: …",
// "اقرأ أيضا: …", "Lire aussi : …". rxJunkLabel matches paragraphs that are
// only a label of the page's furniture.
var (
	rxJunkParagraph = regexp.MustCompile(`(?i)^(?:(?:اقرأ|إقرأ|اقرا|طالع|شاهد) (?:أيضا|ايضا)|اقرأ المزيد|read more|read also|also read|related\s*:|related (?:articles|stories|coverage)|see also|more\s*:|lire aussi|à lire aussi|a lire aussi|lire la suite|voir aussi|sur le même sujet|see more|related posts?\s*:|you may also like|you might also like|don'?t miss|do not miss|most read|popular on|filed under|ne manquez pas|à ne pas manquer|les plus lus|la rédaction vous (?:conseille|recommande)|nos lecteurs ont (?:aussi )?lu|لا تفوت|الأكثر قراءة|الأكثر مشاهدة|مقالات ذات صلة|أخبار متعلقة|مقالات متعلقة)(?:[^\p{L}]|$)`)
	rxJunkLabel     = regexp.MustCompile(`(?i)^(?:advertisement|publicité|إعلان|إعلانات|share|share this( article)?|partager|partager cet article|شارك|شارك المقال|مواضيع ذات صلة|أخبار ذات صلة|related|tags|mots-clés|الوسوم|كلمات مفتاحية)\s*:?$|^(?:reading time|read time|temps de lecture|tempo de leitura|tiempo de lectura|lesezeit|مدة القراءة|وقت القراءة)\s*:?.{0,20}$|^\d+\s*(?:min|mins|minutes?|دقائق|دقيقة)\.?\s*(?:read|de lecture|للقراءة|قراءة)$`)
)

// IsJunk reports a short paragraph that is a link label or a box
// title, not article text.
func IsJunk(p string) bool {
	if len(p) >= 300 {
		return false
	}
	p = stripHarakat(p)
	return rxJunkParagraph.MatchString(p) || rxJunkLabel.MatchString(p)
}

// stripHarakat removes Arabic short-vowel marks, so "أيضًا" reads as "أيضا".
func stripHarakat(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '\u064b' && r <= '\u065f' || r == '\u0670' || r == '\u0640' {
			return -1
		}
		return r
	}, s)
}
