package byline

// Words that tell a person's name from what surrounds it in a byline.

// weekdays are left after a name when a date is cut from a byline.
var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "lundi": true, "mardi": true, "mercredi": true,
	"jeudi": true, "vendredi": true, "samedi": true, "dimanche": true, "الاثنين": true,
	"الإثنين": true, "الثلاثاء": true, "الأربعاء": true, "الاربعاء": true, "الخميس": true,
	"الجمعة": true, "السبت": true, "الأحد": true, "الاحد": true,
}

// roleWords are job titles: "Jill Disis, CNN Business Editor" has one author.
var roleWords = map[string]bool{
	"editor": true, "editor-at-large": true, "correspondent": true, "reporter": true,
	"writer": true, "contributor": true, "columnist": true, "producer": true, "fellow": true,
	"intern": true, "analyst": true, "critic": true, "photographer": true,
	"rédacteur": true, "rédactrice": true, "journaliste": true, "envoyé": true,
	"envoyée": true, "مراسل": true, "مراسلة": true, "محرر": true, "صحفي": true,
}

// wawNames are names that begin with the letter waw (و), which must not be
// read as "and": "أحمد وليد" is one person.
var wawNames = map[string]bool{
	"وليد": true, "وائل": true, "وفاء": true, "وسام": true, "وداد": true, "وجدي": true,
	"وديع": true, "وهيب": true, "وحيد": true, "وصفي": true, "ولاء": true, "وئام": true,
	"وردة": true, "وهبة": true, "وفيق": true, "وجيه": true, "وضاح": true, "ونيس": true,
	"وسيم": true, "وجدان": true, "وعد": true, "ولید": true,
}

// labelWords are words of the labels printed beside bylines; a name holding
// one is a label, not a person.
var labelWords = map[string]bool{
	"publié": true, "publiée": true, "publie": true, "mis": true, "jour": true,
	"modifié": true, "updated": true, "published": true, "posted": true, "update": true,
	"نشر": true, "نُشر": true, "تحديث": true, "آخر": true, "المصدر": true, "source": true,
	"photo": true, "crédit": true, "credit": true, "read": true, "min": true, "lecture": true,
	"views": true, "comments": true, "commentaires": true, "تعليقات": true, "مشاهدة": true,
	"follow": true, "share": true, "suivre": true, "folgen": true, "veröffentlicht": true, "aktualisiert": true,
	"publicado": true, "actualizado": true, "atualizado": true, "pubblicato": true, "aggiornato": true,
}

// credentials are the degrees and titles that a name carries as parts of
// their own ("Rachael Link, MS, RD", "Jane Doe, PhD"), besides any short
// word in capitals; an agency's initials there are in orgWords ("Jane Doe,
// AP").
var credentials = map[string]bool{
	"phd": true, "md": true, "mph": true, "rn": true, "jr": true, "sr": true,
}

// stopWords are the small words left over when a date is cut from a byline
// ("Par Karim Idrissi, le 30 juin 2023"); a name is not made of them alone.
var stopWords = map[string]bool{
	"le": true, "la": true, "les": true, "l'": true, "du": true, "de": true, "des": true,
	"the": true, "on": true, "at": true, "in": true, "of": true, "am": true, "pm": true,
	"في": true, "يوم": true, "بتاريخ": true, "على": true, "الساعة": true, "ص": true, "م": true,
}

// staffWords make up the signatures of a newsroom rather than a person, which
// credit the organisation:
// "La Rédaction", "Staff Reporter", "هيئة التحرير".
var staffWords = map[string]bool{
	"rédaction": true, "redaction": true, "staff": true, "reporter": true, "reporters": true,
	"editors": true, "editorial": true, "team": true, "newsroom": true, "desk": true,
	"équipe": true, "editor": true, "agencies": true, "agences": true, "wires": true,
	"التحرير": true, "هيئة": true, "فريق": true, "المحرر": true, "محرر": true, "الموقع": true,
	"وكالات": true, "قسم": true, "الأخبار": true, "الاخبار": true,
	"redaktion": true, "redacción": true, "redação": true, "redazione": true, "redactie": true,
	"agencias": true, "agenzie": true, "agências": true, "agenturen": true,
}

// orgWords name organisations, not people: a signature holding one credits
// a newsroom, an agency or a service ("Times News Service", "وكالة الأنباء").
var orgWords = map[string]bool{
	"news": true, "service": true, "services": true, "desk": true, "staff": true, "agency": true,
	"agence": true, "bureau": true, "online": true, "media": true, "newsroom": true, "editorial": true,
	"wire": true, "wires": true, "press": true, "presse": true, "rédaction": true, "redaction": true,
	"afp": true, "reuters": true, "ap": true, "upi": true, "dpa": true, "efe": true, "ansa": true,
	"xinhua": true, "وكالة": true, "وكالات": true, "بريس": true, "نيوز": true,
	"التحرير": true, "رويترز": true,
	"redaktion": true, "redacción": true, "redação": true, "redazione": true, "redactie": true,
}
