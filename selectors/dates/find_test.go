package dates

import (
	"testing"
	"time"
)

func TestFind(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		tz    *time.Location
		want  []string // RFC 3339 of each match
		texts []string // the matched text
	}{
		{
			name:  "published and updated",
			in:    "Publié le 5 juillet 2023 à 11h20 · Mis à jour le 5 juillet 2023 à 14h05",
			tz:    paris,
			want:  []string{"2023-07-05T11:20:00+02:00", "2023-07-05T14:05:00+02:00"},
			texts: []string{"5 juillet 2023 à 11h20", "5 juillet 2023 à 14h05"},
		},
		{
			name:  "levant label",
			in:    "نُشر في 28 حزيران 2023 | 10:15 — آخر تحديث: 29 حزيران 2023 | 08:00",
			tz:    beirut,
			want:  []string{"2023-06-28T10:15:00+03:00", "2023-06-29T08:00:00+03:00"},
			texts: []string{"28 حزيران 2023 | 10:15", "29 حزيران 2023 | 08:00"},
		},
		{
			name:  "byline with date",
			in:    "By Jane Doe, June 29, 2023",
			tz:    newYork,
			want:  []string{"2023-06-29T00:00:00-04:00"},
			texts: []string{"June 29, 2023"},
		},
		{
			name:  "relative in text",
			in:    "آخر الأخبار منذ 3 ساعات",
			tz:    casablanca,
			want:  []string{"2023-07-10T10:00:00+01:00"},
			texts: []string{"منذ 3 ساعات"},
		},
		{
			name: "yesterday alone in running text is no date",
			in:   "قال الوزير أمس إن الحكومة ستعلن عن البرنامج قريبا",
			tz:   casablanca,
		},
		{
			name: "numbers that are not dates",
			in:   "Tel. 0522-12-2023, 45 millions de m3, version 1.2.3",
			tz:   casablanca,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := Find(tt.in, tt.tz, fetched)
			if len(ms) != len(tt.want) {
				t.Fatalf("Find(%q) found %d dates %v, want %d", tt.in, len(ms), ms, len(tt.want))
			}
			for i, m := range ms {
				if got := m.Time.Format(time.RFC3339); got != tt.want[i] {
					t.Errorf("match %d = %s, want %s", i, got, tt.want[i])
				}
				if got := tt.in[m.Start:m.End]; got != tt.texts[i] {
					t.Errorf("match %d covers %q, want %q", i, got, tt.texts[i])
				}
			}
		})
	}
}

// TestParse_timezone checks that the site's zone is used only for dates
// printed without an offset, that a day is midnight there, and that nil is
// UTC.
func TestParse_timezone(t *testing.T) {
	tests := []struct {
		in   string
		tz   *time.Location
		want string
	}{
		{"28 يونيو 2023 10:15", casablanca, "2023-06-28T10:15:00+01:00"},
		{"28 يونيو 2023 10:15", cairo, "2023-06-28T10:15:00+03:00"},
		{"28 يونيو 2023 10:15", nil, "2023-06-28T10:15:00Z"},
		{"2023-06-28T10:15:00+05:30", casablanca, "2023-06-28T10:15:00+05:30"},
		{"2023-06-28T10:15:00Z", cairo, "2023-06-28T10:15:00Z"},
		// Summer and winter time of one zone.
		{"15 janvier 2023 à 09h00", paris, "2023-01-15T09:00:00+01:00"},
		{"15 juillet 2023 à 09h00", paris, "2023-07-15T09:00:00+02:00"},
		{"2023-01-15", newYork, "2023-01-15T00:00:00-05:00"},
		{"2023-07-15", newYork, "2023-07-15T00:00:00-04:00"},
		// Relative dates keep the fetch instant and print it in the zone.
		{"5 hours ago", cairo, "2023-07-10T10:00:00+03:00"},
		{"5 hours ago", nil, "2023-07-10T07:00:00Z"},
		// A day ago is a day in the site's calendar: 01:00 in Beirut is still
		// the previous evening in UTC.
		{"منذ يومين", beirut, "2023-07-08T00:00:00+03:00"},
	}
	for _, tt := range tests {
		got, _, ok := Parse(tt.in, tt.tz, fetched)
		if !ok {
			t.Errorf("Parse(%q, %v) found no date", tt.in, tt.tz)
			continue
		}
		if s := got.Format(time.RFC3339); s != tt.want {
			t.Errorf("Parse(%q, %v) = %s, want %s", tt.in, tt.tz, s, tt.want)
		}
	}
}

func TestParse_relativeAcrossMidnight(t *testing.T) {
	// 23:30 UTC is already the next day in Casablanca (+01:00).
	now := time.Date(2023, 7, 10, 23, 30, 0, 0, time.UTC)
	got, dayOnly, ok := Parse("أمس", casablanca, now)
	if !ok || !dayOnly || got.Format(time.RFC3339) != "2023-07-10T00:00:00+01:00" {
		t.Errorf("Parse(أمس) at %s = %s dayOnly=%v ok=%v, want 2023-07-10T00:00:00+01:00 day only", now, got.Format(time.RFC3339), dayOnly, ok)
	}
}
