package dates

import (
	"testing"
	"time"
)

var (
	casablanca = mustLoad("Africa/Casablanca")
	beirut     = mustLoad("Asia/Beirut")
	cairo      = mustLoad("Africa/Cairo")
	paris      = mustLoad("Europe/Paris")
	newYork    = mustLoad("America/New_York")
	// fetched is when the test pages were "fetched": relative dates resolve against it.
	fetched = time.Date(2023, 7, 10, 12, 0, 0, 0, time.UTC)
)

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

func TestParse(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		tz      *time.Location
		want    string // RFC 3339; "" means no date
		dayOnly bool
	}{
		// Structured values.
		{"iso offset", "2023-06-28T10:15:00+01:00", nil, "2023-06-28T10:15:00+01:00", false},
		{"iso zulu", "2023-06-28T09:15:00Z", casablanca, "2023-06-28T09:15:00Z", false},
		{"iso compact offset", "2023-06-28T10:15:00+0100", nil, "2023-06-28T10:15:00+01:00", false},
		{"iso negative offset", "2023-06-28T10:15:00-04:00", nil, "2023-06-28T10:15:00-04:00", false},
		{"iso fraction", "2023-06-28T10:15:00.123456+02:00", nil, "2023-06-28T10:15:00+02:00", false},
		{"iso local", "2023-06-28T10:15:00", casablanca, "2023-06-28T10:15:00+01:00", false},
		{"iso space", "2023-06-28 10:15", paris, "2023-06-28T10:15:00+02:00", false},
		{"iso day", "2023-06-28", casablanca, "2023-06-28T00:00:00+01:00", true},
		{"rfc1123", "Wed, 28 Jun 2023 10:15:00 GMT", casablanca, "2023-06-28T10:15:00Z", false},
		{"rfc1123 offset", "Wed, 28 Jun 2023 10:15:00 +0200", nil, "2023-06-28T10:15:00+02:00", false},
		// Year, month and day with their CJK units.
		{"japanese day", "2019年4月4日", nil, "2019-04-04T00:00:00Z", true},
		{"japanese day glued to a word", "2019年04月21日更新", nil, "2019-04-21T00:00:00Z", true},
		{"korean day", "2019년 4월 4일", nil, "2019-04-04T00:00:00Z", true},
		{"cjk month alone is no day", "2019年04月", nil, "", false},
		{"cjk impossible day", "2019年2月30日", nil, "", false},
		// Maghreb months.
		{"maghreb janvier", "3 يناير 2023", casablanca, "2023-01-03T00:00:00+01:00", true},
		{"maghreb mai", "28 ماي 2023", casablanca, "2023-05-28T00:00:00+01:00", true},
		{"maghreb juillet", "الجمعة 7 يوليوز 2023 - 18:05", casablanca, "2023-07-07T18:05:00+01:00", false},
		{"maghreb aout", "5 غشت 2022", casablanca, "2022-08-05T00:00:00+01:00", true},
		{"maghreb septembre", "12 شتنبر 2022", casablanca, "2022-09-12T00:00:00+01:00", true},
		{"maghreb novembre", "3 نونبر 2022", casablanca, "2022-11-03T00:00:00+01:00", true},
		{"maghreb decembre", "4 دجنبر 2022", casablanca, "2022-12-04T00:00:00+01:00", true},
		// Morocco moves back to UTC during Ramadan (2023-03-19 to 2023-04-23).
		{"maghreb avril hamza", "20 أبريل 2023", casablanca, "2023-04-20T00:00:00Z", true},
		{"maghreb avril bare alef", "20 ابريل 2023", casablanca, "2023-04-20T00:00:00Z", true},
		{"algerian juin", "28 جوان 2023", nil, "2023-06-28T00:00:00Z", true},
		// Levant months.
		{"levant janvier", "15 كانون الثاني 2023", beirut, "2023-01-15T00:00:00+02:00", true},
		{"levant fevrier", "1 شباط 2023", beirut, "2023-02-01T00:00:00+02:00", true},
		{"levant mars", "9 آذار 2023", beirut, "2023-03-09T00:00:00+02:00", true},
		{"levant avril", "11 نيسان 2023", beirut, "2023-04-11T00:00:00+03:00", true},
		{"levant mai", "2 أيار 2023", beirut, "2023-05-02T00:00:00+03:00", true},
		{"levant juin", "28 حزيران 2023 10:15", beirut, "2023-06-28T10:15:00+03:00", false},
		{"levant juillet", "4 تموز 2023", beirut, "2023-07-04T00:00:00+03:00", true},
		{"levant aout", "14 آب 2022", beirut, "2022-08-14T00:00:00+03:00", true},
		{"levant septembre", "1 أيلول 2022", beirut, "2022-09-01T00:00:00+03:00", true},
		{"levant octobre", "17 تشرين الأول 2022", beirut, "2022-10-17T00:00:00+03:00", true},
		{"levant novembre", "17 تشرين الثاني 2022", beirut, "2022-11-17T00:00:00+02:00", true},
		{"levant decembre", "25 كانون الأول 2022", beirut, "2022-12-25T00:00:00+02:00", true},
		{"levant with egyptian", "28 حزيران/يونيو 2023", beirut, "2023-06-28T00:00:00+03:00", true},
		{"egyptian with levant", "28 يونيو (حزيران) 2023", beirut, "2023-06-28T00:00:00+03:00", true},
		// Egyptian / Gulf months.
		{"egypt mayo", "12 مايو 2023", cairo, "2023-05-12T00:00:00+03:00", true},
		{"egypt juillet", "9 يوليو 2023 03:20 م", cairo, "2023-07-09T15:20:00+03:00", false},
		{"egypt aout", "3 أغسطس 2022", cairo, "2022-08-03T00:00:00+02:00", true},
		{"egypt septembre", "30 سبتمبر 2022", cairo, "2022-09-30T00:00:00+02:00", true},
		{"egypt novembre", "2 نوفمبر 2022", cairo, "2022-11-02T00:00:00+02:00", true},
		{"egypt decembre", "31 ديسمبر 2022", cairo, "2022-12-31T00:00:00+02:00", true},
		// Digits.
		{"eastern arabic digits", "٢٨ يونيو ٢٠٢٣ ١٠:١٥ ص", cairo, "2023-06-28T10:15:00+03:00", false},
		{"eastern arabic pm", "الأربعاء، ٢٨ يونيو ٢٠٢٣ - ٠٣:٣٠ م", cairo, "2023-06-28T15:30:00+03:00", false},
		{"persian digits", "۲۸ يونيو ۲۰۲۳", cairo, "2023-06-28T00:00:00+03:00", true},
		{"numeric dmy", "28/06/2023", casablanca, "2023-06-28T00:00:00+01:00", true},
		{"numeric dmy arabic", "٢٨/٠٦/٢٠٢٣ ١٠:١٥", casablanca, "2023-06-28T10:15:00+01:00", false},
		{"numeric mdy", "06/28/2023", newYork, "2023-06-28T00:00:00-04:00", true},
		{"numeric ymd", "2023/06/28", casablanca, "2023-06-28T00:00:00+01:00", true},
		{"numeric dots", "28.06.2023 11:20", paris, "2023-06-28T11:20:00+02:00", false},
		{"two-digit year", "le 04.07.23 | 12h00", paris, "2023-07-04T12:00:00+02:00", false},
		// French.
		{"french", "5 juillet 2023 à 11h20", paris, "2023-07-05T11:20:00+02:00", false},
		{"french label", "Publié le 5 juillet 2023 à 11h20", paris, "2023-07-05T11:20:00+02:00", false},
		{"french weekday", "mercredi 28 juin 2023 à 11:20", paris, "2023-06-28T11:20:00+02:00", false},
		{"french premier", "Le 1er août 2023", paris, "2023-08-01T00:00:00+02:00", true},
		{"french abbrev", "5 juil. 2023 11h", paris, "2023-07-05T11:00:00+02:00", false},
		{"french fevrier", "14 février 2023", paris, "2023-02-14T00:00:00+01:00", true},
		{"french decembre", "3 décembre 2022", paris, "2022-12-03T00:00:00+01:00", true},
		// English.
		{"english", "June 29, 2023 2:35 pm", newYork, "2023-06-29T14:35:00-04:00", false},
		{"english label", "Updated: June 29, 2023 at 2:35 p.m. EDT", nil, "2023-06-29T14:35:00-04:00", false},
		{"english ordinal", "Jun. 29th, 2023", nil, "2023-06-29T00:00:00Z", true},
		{"english dmy", "29 June 2023 14:35 BST", nil, "2023-06-29T14:35:00+01:00", false},
		{"english noon", "June 29, 2023 12:05 PM", nil, "2023-06-29T12:05:00Z", false},
		{"english midnight", "June 29, 2023 12:05 am", nil, "2023-06-29T00:05:00Z", false},
		{"gmt plus", "28 يونيو 2023 10:15 GMT+1", nil, "2023-06-28T10:15:00+01:00", false},
		{"time before day", "10:15 - الأربعاء 28 يونيو 2023", casablanca, "2023-06-28T10:15:00+01:00", false},
		// Relative, against 2023-07-10 12:00 UTC.
		{"ar hours", "منذ 3 ساعات", casablanca, "2023-07-10T10:00:00+01:00", false},
		{"ar eastern hours", "منذ ٣ ساعات", casablanca, "2023-07-10T10:00:00+01:00", false},
		{"ar hour", "منذ ساعة", casablanca, "2023-07-10T12:00:00+01:00", false},
		{"ar minutes", "قبل 5 دقائق", casablanca, "2023-07-10T12:55:00+01:00", false},
		{"ar two days", "منذ يومين", casablanca, "2023-07-08T00:00:00+01:00", true},
		{"ar number word", "منذ ثلاثة أيام", casablanca, "2023-07-07T00:00:00+01:00", true},
		{"ar one year", "منذ سنة واحدة", casablanca, "2022-07-10T00:00:00+01:00", true},
		{"ar two weeks", "منذ أسبوعين", casablanca, "2023-06-26T00:00:00+01:00", true},
		{"ar yesterday", "أمس", casablanca, "2023-07-09T00:00:00+01:00", true},
		{"ar yesterday time", "أمس 18:30", casablanca, "2023-07-09T18:30:00+01:00", false},
		{"ar vague", "منذ ساعات", casablanca, "", false},
		{"fr days", "il y a 2 jours", paris, "2023-07-08T00:00:00+02:00", true},
		{"fr hours", "Il y a 2 heures", paris, "2023-07-10T12:00:00+02:00", false},
		{"fr compact", "il y a 2h", paris, "2023-07-10T12:00:00+02:00", false},
		{"fr yesterday", "hier à 10h00", paris, "2023-07-09T10:00:00+02:00", false},
		{"fr before yesterday", "avant-hier", paris, "2023-07-08T00:00:00+02:00", true},
		{"en hours", "5 hours ago", newYork, "2023-07-10T03:00:00-04:00", false},
		{"en an hour", "an hour ago", nil, "2023-07-10T11:00:00Z", false},
		{"en yesterday", "yesterday", newYork, "2023-07-09T00:00:00-04:00", true},
		{"en today", "Today", nil, "2023-07-10T00:00:00Z", true},
		// go-dateparser fallback.
		{"fallback two digit year", "28 juin 23", paris, "2023-06-28T00:00:00+02:00", true},
		// Not dates.
		{"hijri only", "10 ذو الحجة 1444 هـ", casablanca, "", false},
		{"hijri numeric", "1444/12/10 هـ", casablanca, "", false},
		{"hijri beside gregorian", "الأربعاء 10 ذو الحجة 1444 هـ الموافق 28 يونيو 2023", casablanca, "2023-06-28T00:00:00+01:00", true},
		{"hijri after gregorian", "28 يونيو 2023 م - 10 ذو الحجة 1444 هـ", casablanca, "2023-06-28T00:00:00+01:00", true},
		{"invalid day", "31 يونيو 2023", casablanca, "", false},
		{"month only", "يونيو 2023", casablanca, "", false},
		{"empty", "", nil, "", false},
		{"words", "وزارة الداخلية", nil, "", false},
		{"french est is a verb", "5 juillet 2023 à 11h20 est", paris, "2023-07-05T11:20:00+02:00", false},
		// Durations are not dates: reading times, video lengths.
		{"ar reading time", "5 دقائق", casablanca, "", false},
		{"ar reading time words", "3 دقائق قراءة", casablanca, "", false},
		{"fr reading time", "5 minutes", paris, "", false},
		{"en reading time", "5 min read", nil, "", false},
		{"en duration", "2 hours", nil, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, dayOnly, ok := Parse(tt.in, tt.tz, fetched)
			if tt.want == "" {
				if ok {
					t.Fatalf("Parse(%q) = %s, want no date", tt.in, got.Format(time.RFC3339))
				}
				return
			}
			if !ok {
				t.Fatalf("Parse(%q) found no date, want %s", tt.in, tt.want)
			}
			if s := got.Format(time.RFC3339); s != tt.want || dayOnly != tt.dayOnly {
				t.Errorf("Parse(%q) = %s dayOnly=%v, want %s dayOnly=%v", tt.in, s, dayOnly, tt.want, tt.dayOnly)
			}
		})
	}
}

func TestFallback_remembersMisses(t *testing.T) {
	now := time.Date(2023, 7, 10, 12, 0, 0, 0, time.UTC)
	for range 2 {
		if got, _, ok := fallback("5 دقائق", time.UTC, now); ok {
			t.Fatalf("fallback(reading time) = %s, want no date", got)
		}
	}
	fallbackMu.Lock()
	_, remembered := misses[missKey{"5 دقائق", "UTC"}]
	n := len(misses)
	fallbackMu.Unlock()
	if !remembered {
		t.Error("the miss was not remembered")
	}
	if n > maxMisses {
		t.Errorf("%d misses kept, over %d", n, maxMisses)
	}
	paris, _ := time.LoadLocation("Europe/Paris")
	if _, _, ok := fallback("28 juin 23", paris, now); !ok {
		t.Error("a date the fallback reads is not found after misses")
	}
	fallbackMu.Lock()
	_, remembered = misses[missKey{"28 juin 23", paris.String()}]
	fallbackMu.Unlock()
	if remembered {
		t.Error("a label with a date was remembered as a miss")
	}
}
