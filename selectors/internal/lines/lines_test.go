package lines

import (
	"strings"
	"testing"
)

func TestIsJunk(t *testing.T) {
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
		"Lesen Sie auch: Wie die Stadt ihre Brücken sanieren will",
		"Lea también: El Gobierno aprueba el nuevo presupuesto",
		"Leia também: Chuvas deixam cidades em alerta",
		"Leggi anche: Il comune rinvia la riforma del traffico",
		"Читайте также: Мэрия объявила о ремонте моста",
		"관련기사",
		"Already a subscriber? Log in",
		"This article is only available to subscribers.",
		"Cet article est réservé aux abonnés.",
		"Log in or register to continue reading.",
		"هذا المحتوى متاح للمشتركين فقط",
	} {
		if !IsJunk(p) {
			t.Errorf("IsJunk(%q) = false", p)
		}
	}
	for _, p := range []string{
		"شارك الوزير في افتتاح المعرض الدولي للكتاب بالرباط.",
		"Related efforts by the ministry failed last year.",
		"إعلان الحكومة عن البرنامج جاء بعد أشهر من الانتظار.",
		"Lesen Sie die Verträge, bevor Sie unterschreiben, rät die Verbraucherzentrale.",
		"Members only need to renew their cards once a year, the club said.",
		"Subscribers only paid for the first month before the prices rose.",
	} {
		if IsJunk(p) {
			t.Errorf("IsJunk(%q) = true", p)
		}
	}
}

func TestIsClosing(t *testing.T) {
	for _, p := range []string{"© 2023 The Daily Planet", "Copyright Inexhibit 2019", "Updated at 1:23 p.m.", "آخر تحديث: 13:05", "جميع الحقوق محفوظة لعكاظ نيوز 2023",
		"The Associated Press receives support from several private foundations. The AP is solely responsible for all content.",
		"Our Standards: The Trust Principles.",
		"(This story has not been edited by the newsroom staff and is auto-generated from a syndicated feed.)",
	} {
		if !IsClosing(p) {
			t.Errorf("IsClosing(%q) = false", p)
		}
	}
	for _, p := range []string{"Mise à jour à 16h05 : les organisateurs ont annoncé la prolongation des horaires d'ouverture jusqu'à 22 heures.", "The mayor's office said it would sign the measure next week.",
		"This article originally appeared on The Atlantic."} {
		if IsClosing(p) {
			t.Errorf("IsClosing(%q) = true", p)
		}
	}
}

func TestIsCallToAction(t *testing.T) {
	for p, want := range map[string]bool{
		"Sign up for our newsletter and get the news in your inbox.": true,
		"اشترك في النشرة البريدية":                                   true,
		"Abonnez-vous à notre lettre d'information.":                 true,
		"The council will vote on the plan next week.":               false,
		"For every email I deleted, two more landed in my inbox.":    false,
		strings.Repeat("subscribe ", 30):                             false,
	} {
		if got := IsCallToAction(p); got != want {
			t.Errorf("IsCallToAction(%q) = %v, want %v", p, got, want)
		}
	}
	if IsJunk("Read more: " + strings.Repeat("x", 300)) {
		t.Error("IsJunk of a long paragraph")
	}
	if IsClosing("© " + strings.Repeat("x", 300)) {
		t.Error("IsClosing of a long paragraph")
	}
}
