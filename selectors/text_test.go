package selectors

import "testing"

func TestWordCount(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"أعلنت الحكومة، اليوم الأربعاء، عن إطلاق برنامج", 7},
		{"l'article — 28 % du total", 4},
		{"first paragraph\n\nsecond paragraph", 4},
		{"٢٨ يونيو ٢٠٢٣", 3},
		{"« » — …", 0},
	}
	for _, tt := range tests {
		if got := wordCount(tt.in); got != tt.want {
			t.Errorf("wordCount(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestCleanText(t *testing.T) {
	if got := cleanText("  \u200fمرحبا\u00a0\n بكم\u200b  "); got != "مرحبا بكم" {
		t.Errorf("cleanText = %q", got)
	}
}

func TestCutSiteName(t *testing.T) {
	tests := []struct {
		title string
		names []string
		want  string
	}{
		{"الحكومة تطلق برنامجا استعجاليا - نبأ 24", []string{"نبأ 24"}, "الحكومة تطلق برنامجا استعجاليا"},
		{"Le Quotidien | Inflation : la Banque centrale relève son taux", []string{"Le Quotidien"}, "Inflation : la Banque centrale relève son taux"},
		{"Headline about the council vote | Metro | The Daily Planet", []string{"The Daily Planet"}, "Headline about the council vote"},
		{"Council approves flood plan - Reuters", nil, "Council approves flood plan"},
		{"Paris - Saint-Germain wins the league title again", nil, "Paris - Saint-Germain wins the league title again"},
		{"Short - title", nil, "Short - title"},
		{"No separator here", []string{"Site"}, "No separator here"},
	}
	for _, tt := range tests {
		if got := cutSiteName(tt.title, tt.names); got != tt.want {
			t.Errorf("cutSiteName(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

func TestJunkParagraph(t *testing.T) {
	for _, p := range []string{
		"اقرأ أيضًا: السكة الحديد تعلن مواعيد قطارات العيد",
		"إقرأ أيضاً: نتائج البكالوريا",
		"طالع أيضا: بدء التشغيل التجريبي",
		"Lire aussi : Les prix alimentaires toujours en hausse",
		"Read more: Harbor District residents say flooding is getting worse",
		"Advertisement",
		"Publicité",
		"إعلان",
		"شارك",
	} {
		if !junkParagraph(p) {
			t.Errorf("junkParagraph(%q) = false", p)
		}
	}
	for _, p := range []string{
		"شارك الوزير في افتتاح المعرض الدولي للكتاب بالرباط.",
		"Related efforts by the ministry failed last year.",
		"إعلان الحكومة عن البرنامج جاء بعد أشهر من الانتظار.",
	} {
		if junkParagraph(p) {
			t.Errorf("junkParagraph(%q) = true", p)
		}
	}
}

func TestTailLine(t *testing.T) {
	for _, p := range []string{"© 2023 The Daily Planet", "Copyright Inexhibit 2019", "Updated at 1:23 p.m.", "آخر تحديث: 13:05", "جميع الحقوق محفوظة لعكاظ نيوز 2023"} {
		if !tailLine(p) {
			t.Errorf("tailLine(%q) = false", p)
		}
	}
	for _, p := range []string{"Mise à jour à 16h05 : les organisateurs ont annoncé la prolongation des horaires d'ouverture jusqu'à 22 heures.", "The mayor's office said it would sign the measure next week."} {
		if tailLine(p) {
			t.Errorf("tailLine(%q) = true", p)
		}
	}
}

func TestPrimaryLang(t *testing.T) {
	for in, want := range map[string]string{"ar-MA": "ar", "fr_FR": "fr", "EN": "en", "": "", "x": "", "arabic": "", "ar,fr": "ar", "zh-Hant-TW": "zh"} {
		if got := primaryLang(in); got != want {
			t.Errorf("primaryLang(%q) = %q, want %q", in, got, want)
		}
	}
}
