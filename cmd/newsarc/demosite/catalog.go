package demosite

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// article is one row of the site's article table: what the listing pages,
// the sitemaps and the feed say about an article page under site/. The
// pages themselves are hand-written; catalog_test.go checks that each row
// agrees with its page.
type article struct {
	Path      string    // root-relative path of the page under site/
	ID        int       // WordPress post number, the path's last number
	Lang      string    // ISO 639-1 language: a category key
	Headline  string    // as in the page's h1.entry-title, unescaped
	Published time.Time // in the offset the page gives
	Modified  time.Time // zero when the page was never updated
	Dateline  string    // the date as the listing teaser prints it
	Excerpt   string    // the listing teaser's summary, also the feed's
}

// LastMod is when the article last changed: its modification time, or its
// publication time when it was never updated.
func (a article) LastMod() time.Time {
	if !a.Modified.IsZero() {
		return a.Modified
	}
	return a.Published
}

// Dir is the text direction of the article's language.
func (a article) Dir() string {
	if a.Lang == "ar" {
		return "rtl"
	}
	return "ltr"
}

// category is a language section of the site, listed under
// /category/<Key>/.
type category struct {
	Key   string // language code, also the home page's #anchor
	Label string // menu label
	Title string // heading of the listing
}

var categories = []category{
	{Key: "ar", Label: "عربي", Title: "أخبار الجهة"},
	{Key: "fr", Label: "Français", Title: "Actualités en français"},
	{Key: "en", Label: "English", Title: "News in English"},
}

// w3c parses a W3C (RFC 3339) datetime of the table; a malformed one is a
// typo in this file.
func w3c(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(fmt.Sprintf("demosite: article table: %v", err))
	}
	return t
}

// catalog is the article table, in no particular order; see newest.
var catalog = []article{
	{
		Path: "/2023/06/28/desalination-plant-1024.html", ID: 1024, Lang: "ar",
		Headline:  "افتتاح محطة لتحلية مياه البحر بالجديدة لتأمين الماء الشروب لنصف مليون نسمة",
		Published: w3c("2023-06-28T10:15:00+01:00"),
		Dateline:  "28 يونيو 2023 - 10:15",
		Excerpt:   "افتتحت بمدينة الجديدة محطة لتحلية مياه البحر بطاقة 45 مليون متر مكعب سنويا لتأمين الماء الشروب لأزيد من نصف مليون نسمة.",
	},
	{
		Path: "/2023/07/05/river-bus-cairo-1025.html", ID: 1025, Lang: "ar",
		Headline:  "تشغيل خط أتوبيس نهري جديد يربط المعادي بوسط القاهرة",
		Published: w3c("2023-07-05T14:30:00+03:00"),
		Dateline:  "الأربعاء، ٥ يوليو ٢٠٢٣ ٠٢:٣٠ م",
		Excerpt:   "بدأت هيئة النقل النهري التشغيل التجريبي لخط أتوبيس نهري يربط المعادي بماسبيرو في ٤٠ دقيقة.",
	},
	{
		Path: "/2023/07/12/solar-schools-1026.html", ID: 1026, Lang: "ar",
		Headline:  "ألواح شمسية على أسطح أربعين مدرسة في طرابلس لمواجهة انقطاع الكهرباء",
		Published: w3c("2023-07-12T09:30:00+03:00"),
		Modified:  w3c("2023-07-12T13:05:00+03:00"),
		Dateline:  "الأربعاء 12 تموز 2023",
		Excerpt:   "مشروع لتركيب ألواح الطاقة الشمسية على أسطح أربعين مدرسة رسمية في طرابلس لتأمين الكهرباء خلال ساعات التقنين.",
	},
	{
		Path: "/fr/2023/07/05/salon-du-livre-2048.html", ID: 2048, Lang: "fr",
		Headline:  "Le Salon régional du livre de Tanger ouvre ses portes avec 180 exposants",
		Published: w3c("2023-07-05T11:20:00+01:00"),
		Modified:  w3c("2023-07-05T16:05:00+01:00"),
		Dateline:  "Publié le 5 juillet 2023 à 11h20",
		Excerpt:   "La dixième édition du Salon régional du livre de Tanger accueille 180 exposants jusqu'au 16 juillet, avec la littérature jeunesse à l'honneur.",
	},
	{
		Path: "/fr/2023/07/10/marche-central-2049.html", ID: 2049, Lang: "fr",
		Headline:  "Casablanca : le marché central rouvre après dix-huit mois de travaux",
		Published: w3c("2023-07-10T08:45:00+01:00"),
		Dateline:  "Mis en ligne le 10/07/2023 à 08h45",
		Excerpt:   "Fermé depuis dix-huit mois, le marché central de Casablanca a rouvert lundi après une rénovation de 95 millions de dirhams.",
	},
	{
		Path: "/en/2023/06/29/tram-line-3072.html", ID: 3072, Lang: "en",
		Headline:  "New tram line links Rabat's old medina to the university campus",
		Published: w3c("2023-06-29T14:35:00+01:00"),
		Modified:  w3c("2023-06-29T17:10:00+01:00"),
		Dateline:  "June 29, 2023 2:35 pm",
		Excerpt:   "Rabat's third tram line opened on Thursday, linking the old medina to the university campus in under 25 minutes.",
	},
	{
		// The page prints only local time; Casablanca was at +01:00.
		Path: "/en/2023/07/14/harbour-derby-3073.html", ID: 3073, Lang: "en",
		Headline:  "Late penalty hands Atlas Rovers derby win over Harbour United",
		Published: w3c("2023-07-14T21:50:00+01:00"),
		Dateline:  "Friday 14 July 2023, 21:50",
		Excerpt:   "Omar Lahlou's stoppage-time penalty sent Atlas Rovers into the Summer Cup final at the expense of Harbour United.",
	},
}

// newest returns the articles of the given language ("" for all), newest
// publication first; ties go to the path, so the order is stable.
func newest(lang string) []article {
	var out []article
	for _, a := range catalog {
		if lang == "" || a.Lang == lang {
			out = append(out, a)
		}
	}
	slices.SortFunc(out, func(a, b article) int {
		if c := b.Published.Compare(a.Published); c != 0 {
			return c
		}
		return cmp.Compare(a.Path, b.Path)
	})
	return out
}

// siteLastMod is the latest change to any article.
func siteLastMod() time.Time {
	var last time.Time
	for _, a := range catalog {
		if a.LastMod().After(last) {
			last = a.LastMod()
		}
	}
	return last
}
