package lines

import (
	"regexp"
	"unicode/utf8"
)

// Lines that close an article on news sites without being its text, in the
// languages of our users.
var (
	rxCopyright   = regexp.MustCompile(`(?i)^(?:©|\(c\)|copyright\b)|all rights reserved|tous droits réservés|جميع الحقوق محفوظة`)
	rxUpdatedLine = regexp.MustCompile(`(?i)^(?:updated|last updated|mis à jour|modifié|آخر تحديث|تم التحديث)(?:[^\p{L}].{0,40})?$`)
	// rxCredits: "Reporting by A; Editing by B", "B contributed to this
	// report", "(avec AFP)".
	rxCredits = regexp.MustCompile(`(?i)^\(?(?:additional |with )?(?:reporting|writing|editing|compiled|research) by\b|contributed (?:reporting|to this (?:report|story|article))|\bcontributed\.?$|^\(?avec (?:l'|l’)?(?:afp|ap|reuters|agences?)\)?\.?$|^\(?(?:source|sources|avec)\s*:\s*(?:afp|ap|reuters|agences?|وكالات)\)?\.?$`)
	// rxContact: "Write to A at a@b.com", "Follow her on Twitter @a",
	// "Email A at …", "تابعونا على فيسبوك".
	rxContact = regexp.MustCompile(`(?i)^(?:write to|email|e-mail|reach|contact|follow|suivez|retrouvez|écrivez à|تابعونا|تابعوا|للتواصل)\b.{0,120}(?:@|https?://|twitter|facebook|instagram|youtube|linkedin|telegram|فيسبوك|تويتر|انستغرام|يوتيوب)|^[\w.+-]+@[\w-]+\.[\w.]+$|^(?:https?://)?(?:www\.)?(?:twitter|facebook|instagram)\.com/\S+$`)
	// rxSyndication: the footers news agencies and syndication feeds put
	// under every story they deliver: who funds the agency, its standards,
	// that the feed was not edited. Where a story first appeared is kept:
	// readers and the corpora's truths count it as the article's last line.
	rxSyndication = regexp.MustCompile(`(?i)\bis solely responsible for all content\b|^our standards\s*:|\bauto-generated from a syndicated feed\b|\bhas not been edited by .{0,60}\bstaff\b`)
	// rxCallToAction: newsletters, subscriptions, apps, sharing.
	rxCallToAction = regexp.MustCompile(`(?i)\bnewsletters?\b|\byour inbox\b|\bsubscribe\b|\bsign up\b|\bshare it\b|\bget the .{0,30}\bapp\b|\bdownload (?:our|the) app\b|abonnez-vous|inscrivez-vous|lettre d'information|téléchargez (?:notre|l'application)|اشترك|النشرة البريدية|حمّل تطبيق|حمل تطبيق`)
)

// maxTailLine bounds the length of a closing line; longer text is article.
const maxTailLine = 250

// IsClosing reports a line that closes an article without being its text:
// copyright, "updated at", reporting credits, how to reach the author,
// agency and syndication footers, newsletter and subscription offers.
func IsClosing(p string) bool {
	if utf8.RuneCountInString(p) >= maxTailLine {
		return false
	}
	return rxCopyright.MatchString(p) || rxUpdatedLine.MatchString(p) || rxCredits.MatchString(p) ||
		rxContact.MatchString(p) || rxSyndication.MatchString(p) || rxCallToAction.MatchString(p)
}

// IsCallToAction reports an opening line that offers a newsletter or an app.
func IsCallToAction(p string) bool {
	return utf8.RuneCountInString(p) < maxTailLine && rxCallToAction.MatchString(p)
}
