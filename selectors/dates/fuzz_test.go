package dates

import (
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are date texts of every family the parser knows.
var fuzzSeeds = []string{
	"2023-06-28T10:15:00+01:00", "Wed, 28 Jun 2023 10:15:00 GMT", "28 يونيو 2023",
	"الجمعة 7 يوليوز 2023 - 18:05", "15 كانون الثاني 2023", "٢٨ يونيو ٢٠٢٣ ١٠:١٥ ص",
	"۲۸ يونيو ۲۰۲۳", "28/06/2023", "06/28/2023", "Publié le 5 juillet 2023 à 11h20",
	"June 29, 2023 2:35 pm", "Updated: June 29, 2023 at 2:35 p.m. EDT", "منذ 3 ساعات",
	"منذ سنة واحدة", "أمس 18:30", "il y a 2 jours", "5 hours ago", "avant-hier",
	"الأربعاء 10 ذو الحجة 1444 هـ الموافق 28 يونيو 2023", "28 juin 23", "10:15 - 28/06/2023",
	"28 يونيو 2023 10:15 GMT+1", "2023-06-28T10:15:00.123-04:00", "aujourd'hui à 9h",
}

func FuzzParseDate(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 512 {
			return
		}
		got, dayOnly, ok := Parse(s, casablanca, fetched)
		if ok {
			if y := got.Year(); y < minYear-1 || y > maxYear+1 {
				t.Errorf("Parse(%q) = %s, year out of range", s, got)
			}
			if dayOnly {
				l := got.In(casablanca)
				if l.Hour() != 0 || l.Minute() != 0 || l.Second() != 0 {
					t.Errorf("Parse(%q) = %s, a day that is not midnight in the site's zone", s, got)
				}
			}
		}
		prev := 0
		for _, m := range Find(s, casablanca, fetched) {
			if m.Start < prev || m.End <= m.Start || m.End > len(s) {
				t.Fatalf("Find(%q) match at [%d:%d] after %d", s, m.Start, m.End, prev)
			}
			if utf8.ValidString(s) && !utf8.ValidString(s[m.Start:m.End]) {
				t.Errorf("Find(%q) match [%d:%d] splits a rune", s, m.Start, m.End)
			}
			prev = m.End
		}
	})
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range fuzzSeeds {
			Parse(s, casablanca, fetched)
		}
	}
}
