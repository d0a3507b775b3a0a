package lines

import (
	"regexp"
	"strings"
)

// rxJunkParagraph matches paragraphs that point elsewhere: "Read more: …",
// "اقرأ أيضا: …", "Lire aussi : …" and their like in the other languages
// news sites are most written in. rxJunkLabel matches paragraphs that are
// only a label of the page's furniture. rxPaywall matches the notices a
// paywalled page prints where the rest of the article would be.
var (
	rxJunkParagraph = regexp.MustCompile(`(?i)^(?:(?:اقرأ|إقرأ|اقرا|طالع|شاهد) (?:أيضا|ايضا)|اقرأ المزيد|read more|read also|also read|related\s*:|related (?:articles|stories|coverage)|see also|more\s*:|lire aussi|à lire aussi|a lire aussi|lire la suite|voir aussi|sur le même sujet|see more|related posts?\s*:|you may also like|you might also like|don'?t miss|do not miss|most read|popular on|filed under|ne manquez pas|à ne pas manquer|les plus lus|la rédaction vous (?:conseille|recommande)|nos lecteurs ont (?:aussi )?lu|لا تفوت|الأكثر قراءة|الأكثر مشاهدة|مقالات ذات صلة|أخبار متعلقة|مقالات متعلقة|lesen sie (?:auch|mehr)|mehr zum thema|das könnte sie (?:auch )?interessieren|lea (?:también|además)|lee también|te puede interesar|le puede interesar|noticias relacionadas|leia (?:também|mais)|veja (?:também|mais)|notícias relacionadas|leggi (?:anche|pure)|potrebbe interessarti|articoli correlati|lees (?:ook|meer)|czytaj (?:też|także|więcej)|zobacz (?:też|także)|читайте (?:также|еще|ещё)|смотрите также|devamını oku|ilgili haberler|ayrıca bakınız|بیشتر بخوانید|مطالب مرتبط|ये भी पढ़ें|यह भी पढ़ें|関連記事|相关阅读|延伸阅读|相關閱讀|延伸閱讀|관련기사|관련 기사|함께 보면 좋은)(?:[^\p{L}]|$)`)
	rxPaywall       = regexp.MustCompile(`(?i)^(?:this (?:article|story|content|page) is (?:only )?(?:available |reserved |exclusive )?(?:only )?(?:for|to) (?:our )?(?:paying )?(?:subscribers|members)|(?:already|are you) a (?:subscriber|member)\b|(?:please )?(?:log|sign) in (?:or (?:register|subscribe)|to (?:continue|keep) reading|to read)|(?:register|subscribe) (?:or (?:log|sign) in |now )?to (?:continue|keep) reading|(?:members|subscribers) only\s*[.!:]?$|(?:cet |cette )?(?:article|contenu|enquête) (?:est )?réservée? aux abonnés|réservé aux abonnés|(?:déjà|vous êtes déjà) abonné|connectez-vous pour (?:lire|continuer)|(?:هذا )?(?:المحتوى|المقال) (?:خاص|متاح) (?:فقط )?للمشتركين|للمشتركين فقط|dieser (?:artikel|beitrag|inhalt) ist (?:nur )?(?:für )?abonnenten|(?:contenido|artículo) (?:exclusivo )?para suscriptores|conteúdo exclusivo para assinantes|contenuto riservato agli abbonati)`)
	rxJunkLabel     = regexp.MustCompile(`(?i)^(?:advertisement|publicité|إعلان|إعلانات|share|share this( article)?|partager|partager cet article|شارك|شارك المقال|مواضيع ذات صلة|أخبار ذات صلة|related|tags|mots-clés|الوسوم|كلمات مفتاحية)\s*:?$|^(?:reading time|read time|temps de lecture|tempo de leitura|tiempo de lectura|lesezeit|مدة القراءة|وقت القراءة)\s*:?.{0,20}$|^\d+\s*(?:min|mins|minutes?|دقائق|دقيقة)\.?\s*(?:read|de lecture|للقراءة|قراءة)$`)
)

// IsJunk reports a short paragraph that is a link label, a box title or a
// paywall notice, not article text.
func IsJunk(p string) bool {
	if len(p) >= 300 {
		return false
	}
	p = stripHarakat(p)
	return rxJunkParagraph.MatchString(p) || rxJunkLabel.MatchString(p) || rxPaywall.MatchString(p)
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
