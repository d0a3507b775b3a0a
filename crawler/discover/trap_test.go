package discover

import (
	"strings"
	"testing"
	"time"
)

func TestTrap(t *testing.T) {
	now := time.Date(2026, 11, 28, 14, 0, 0, 0, time.UTC)
	deep := "https://www.example.ma"
	for i := range MaxPathDepth {
		deep += "/" + string(rune('a'+i))
	}
	for _, tc := range []struct {
		name, url, reason string // reason "" means not a trap
	}{
		{"arabic article", article, ""},
		{"listing page", "https://www.example.ma/category/sport/page/2/", ""},
		{"wordpress query", "https://www.example.ma/?p=1024&preview=true", ""},
		{"jsessionid in path", "https://www.example.fr/actu/article.jsp;jsessionid=0A1B2C3D4E5F6A7B?id=12", "session id in url (jsessionid)"},
		{"phpsessid in query", "https://www.example.ma/index.php?option=com_content&PHPSESSID=k2q0s1l8f7", "session id in url (phpsessid)"},
		{"sid long hex", "https://forum.example.ma/viewtopic.php?t=12&sid=9f86d081884c7d659a2feaa0c55ad015", "session id in url (sid)"},
		{"sid short is a section", "https://www.example.ma/list.php?sid=12", ""},
		{"asp.net cookieless session", "https://www.example.eg/(S(lit3py55t21z5v55vlm25s55))/default.aspx", "session id in url (s)"},
		{"segments repeated", "https://www.example.ma/a/b/a/b/a/b", `path segment "a" repeated 3 times`},
		{"pagination loop", "https://www.example.ma/category/sport/page/2/page/3/page/4/", `path segment "page" repeated 3 times`},
		{"segment twice is fine", "https://www.example.ma/ar/news/ar/2023/x.html", ""},
		{"16 segments", deep, ""},
		{"17 segments", deep + "/x", "path is 17 segments deep, over 16"},
		{"long url", "https://www.example.ma/search?q=" + strings.Repeat("x", 1000), "url is 1032 bytes, over 1024"},
		{"8 parameters", "https://www.example.ma/s?a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8", ""},
		{"9 parameters", "https://www.example.ma/s?a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9", "9 query parameters, over 8"},
		{"calendar far past", "https://www.example.ma/calendar/1850/01/", "calendar page for 1850, outside 1996-2027"},
		{"calendar far future", "https://www.example.ma/calendar/2031/01/", "calendar page for 2031, outside 1996-2027"},
		{"calendar this year", "https://www.example.ma/calendar/2026/11/", ""},
		{"calendar next year", "https://www.example.ma/agenda/2027-01/", ""},
		{"date parameter", "https://www.example.ma/?date=1990-01-01", "calendar page for 1990, outside 1996-2027"},
		{"month parameter", "https://www.example.ma/archives/?month=202611", ""},
		{"year parameter far", "https://www.example.ma/archives/?year=2999&cat=3", "calendar page for 2999, outside 1996-2027"},
		{"events calendar plugin", "https://www.example.ma/events/?tribe-bar-date=2150-01-01", "calendar page for 2150, outside 1996-2027"},
		{"compact date", "https://www.example.ma/agenda/?day=18500101", "calendar page for 1850, outside 1996-2027"},
		{"old year, not a calendar", "https://www.example.ma/2023/06/28/history-of-1850-1024.html", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			reason, trapped := Trap(mustParseURL(t, tc.url), now)
			if reason != tc.reason || trapped != (tc.reason != "") {
				t.Errorf("Trap(%s) = %q, %v; want %q", tc.url, reason, trapped, tc.reason)
			}
		})
	}
	if reason, trapped := Trap(nil, now); trapped || reason != "" {
		t.Errorf("Trap(nil) = %q, %v", reason, trapped)
	}
}
