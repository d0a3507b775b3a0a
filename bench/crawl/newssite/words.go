package newssite

import "strings"

// Vocabularies of a Moroccan bilingual news site. Text is drawn from them
// word by word, so pages read like news copy to a language detector and an
// extractor, without being anyone's article.
var arWords = strings.Fields(`الحكومة الوزير البرلمان المغرب الرباط البيضاء مراكش فاس طنجة أكادير وجدة
الاقتصاد السوق الأسعار التضخم البنك المركزي الاستثمار المشروع المياه الجفاف الفلاحة الفلاحين الطاقة
الشمسية الرياح الكهرباء التعليم المدارس الجامعة الطلبة الصحة المستشفى الأطباء المرضى الرياضة المنتخب
الوطني كرة القدم المباراة الملعب الفريق المدرب اللاعبين البطولة الثقافة المهرجان السينما الكتاب المعرض
الفنان الموسيقى المسرح الشباب النساء الأسر المواطنين السلطات المحلية الجهة الإقليم الجماعة المجلس
الانتخابات الأحزاب المعارضة الأغلبية القانون الميزانية المالية الضرائب الصادرات الواردات الميناء المطار
القطار الطريق السيارات الصناعة المصنع العمال النقابات الأجور البطالة التشغيل السياحة الفنادق الزوار
الأجانب الخارجية الدبلوماسية السفير العلاقات التعاون الاتفاقية الشراكة الأمم المتحدة الاتحاد الأوروبي
أفريقيا العربية الدولية المنظمة التقرير الدراسة الأرقام المئة مليون مليار درهم سنويا اليوم أمس الأسبوع
الماضي المقبل خلال بعد قبل حيث كما وفق أكد أعلن قال أوضح أشار كشف أفاد يعرف تعرف يشهد تشهد ارتفاع
انخفاض تراجع نمو زيادة تحسن أزمة تحديات فرص إصلاح برنامج خطة استراتيجية تنمية مستدامة البيئة المناخ
الأمطار الغابات البحر الصيد البحري الرقمية التكنولوجيا الإنترنت الهاتف الشركات الناشئة الذكاء
الاصطناعي البيانات الأمن الشرطة المحكمة القضاء المتهم التحقيق في من على إلى عن مع هذا هذه التي الذي
أن إن لم لن قد كان كانت وقد وذلك بين حول ضد عبر لدى عدد كبير جديد جديدة مهم أهمية مستوى المسؤولين`)

var enWords = strings.Fields(`government minister parliament economy market prices inflation bank central
investment project water drought farmers energy solar wind electricity schools university students health
hospital doctors patients national team match stadium coach players league festival cinema book fair
artist music theatre young women families citizens authorities local region province council elections
parties opposition majority law budget finance taxes exports imports port airport railway road cars
industry factory workers unions wages unemployment jobs tourism hotels visitors foreign diplomacy
ambassador relations cooperation agreement partnership united nations european union africa arab
international organisation report study figures percent million billion dirhams annual today yesterday
week last next during after before while according said announced explained noted revealed reported
rising falling decline growth increase improvement crisis challenges opportunities reform programme plan
strategy development sustainable environment climate rain forests sea fishing digital technology
internet phone companies startups artificial intelligence data security police court justice suspect
investigation the of in on to for with by from and that this has have was were will would more than its
their new first city country people year years officials spokesperson ministry sector Rabat Casablanca
Marrakech Tangier Morocco`)

// enStop are frequent enough to be drawn more often, as in real English.
var enStop = strings.Fields(`the the the of of in to and a a is that for on with as by`)

var arMonths = [...]string{"يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"}

type section struct {
	slug, ar, en string
}

var sections = []section{
	{"politics", "سياسة", "Politics"},
	{"economy", "اقتصاد", "Economy"},
	{"sport", "رياضة", "Sport"},
	{"culture", "ثقافة", "Culture"},
	{"world", "دولي", "World"},
	{"society", "مجتمع", "Society"},
	{"tech", "تكنولوجيا", "Technology"},
	{"opinion", "رأي", "Opinion"},
}

type author struct {
	slug, name string
}

var authors = []author{
	{"hassan-faqir", "حسن الفقير"}, {"fatima-zahra-bennani", "فاطمة الزهراء بناني"},
	{"youssef-amrani", "يوسف العمراني"}, {"khadija-alaoui", "خديجة العلوي"},
	{"mohamed-tazi", "محمد التازي"}, {"salma-idrissi", "سلمى الإدريسي"},
	{"omar-berrada", "عمر برادة"}, {"nadia-chraibi", "نادية الشرايبي"},
	{"karim-el-fassi", "كريم الفاسي"}, {"amina-benjelloun", "أمينة بنجلون"},
	{"rachid-ouazzani", "رشيد الوزاني"}, {"leila-sqalli", "ليلى السقلي"},
	{"sarah-collins", "Sarah Collins"}, {"james-whitaker", "James Whitaker"},
	{"emily-hart", "Emily Hart"}, {"daniel-moreau", "Daniel Moreau"},
	{"nora-haddad", "Nora Haddad"}, {"adam-lahlou", "Adam Lahlou"},
	{"ines-kabbaj", "Ines Kabbaj"}, {"tom-reyes", "Tom Reyes"},
	{"hind-sabri", "هند صبري"}, {"anas-kettani", "أنس الكتاني"},
	{"mariam-jebli", "مريم الجبلي"}, {"ali-mansouri", "علي المنصوري"},
}

type tag struct {
	slug, ar, en string
}

var tags = []tag{
	{"drought", "الجفاف", "drought"}, {"water", "الماء", "water"}, {"energy", "الطاقة", "energy"},
	{"elections", "الانتخابات", "elections"}, {"budget", "الميزانية", "budget"}, {"inflation", "التضخم", "inflation"},
	{"football", "كرة القدم", "football"}, {"world-cup", "كأس العالم", "World Cup"}, {"cinema", "السينما", "cinema"},
	{"books", "الكتاب", "books"}, {"education", "التعليم", "education"}, {"health", "الصحة", "health"},
	{"tourism", "السياحة", "tourism"}, {"ports", "الموانئ", "ports"}, {"railways", "السكك الحديدية", "railways"},
	{"startups", "الشركات الناشئة", "startups"}, {"ai", "الذكاء الاصطناعي", "AI"}, {"climate", "المناخ", "climate"},
	{"agriculture", "الفلاحة", "agriculture"}, {"fisheries", "الصيد البحري", "fisheries"}, {"justice", "القضاء", "justice"},
	{"security", "الأمن", "security"}, {"diplomacy", "الدبلوماسية", "diplomacy"}, {"africa", "أفريقيا", "Africa"},
	{"europe", "أوروبا", "Europe"}, {"housing", "السكن", "housing"}, {"jobs", "التشغيل", "jobs"},
	{"wages", "الأجور", "wages"}, {"festivals", "المهرجانات", "festivals"}, {"music", "الموسيقى", "music"},
	{"theatre", "المسرح", "theatre"}, {"women", "المرأة", "women"}, {"youth", "الشباب", "youth"},
	{"cities", "المدن", "cities"}, {"rabat", "الرباط", "Rabat"}, {"casablanca", "الدار البيضاء", "Casablanca"},
	{"marrakech", "مراكش", "Marrakech"}, {"tangier", "طنجة", "Tangier"}, {"fes", "فاس", "Fes"}, {"agadir", "أكادير", "Agadir"},
}

var staticPages = []struct{ slug, ar, en string }{
	{"about", "من نحن", "About us"},
	{"contact", "اتصل بنا", "Contact"},
	{"privacy", "سياسة الخصوصية", "Privacy policy"},
	{"advertise", "أعلن معنا", "Advertise"},
}
