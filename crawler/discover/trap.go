package discover

import (
	"fmt"
	"net/url"
	"strings"
	"time"
)

// Bounds past which Trap calls a URL a trap.
const (
	MaxURLLength   = 1024
	MaxPathDepth   = 16
	MaxQueryParams = 8
	maxRepeats     = 2 // a segment seen more often than this is a loop
)

// Trap reports whether u looks like a crawler trap, and why, in a phrase
// fit for a log: a URL longer than MaxURLLength bytes, a path deeper than
// MaxPathDepth segments or with one segment three times or more
// (/a/b/a/b/a/b), more than MaxQueryParams query parameters, a session ID
// in the path or query (;jsessionid=, PHPSESSID=, sid=<long hex>, ASP.NET's
// /(S(…))/), or a calendar page (/calendar/, ?date=, ?month=, ?year= …)
// for a year outside [now-30y, now+1y].
//
// It is generic: whether a site's article_urls make a URL worth fetching
// anyway is for the caller to decide.
func Trap(u *url.URL, now time.Time) (reason string, trapped bool) {
	if u == nil {
		return "", false
	}
	if n := urlLen(u); n > MaxURLLength {
		return fmt.Sprintf("url is %d bytes, over %d", n, MaxURLLength), true
	}
	path := u.RawPath
	if path == "" {
		path = u.Path
	}
	if d := pathDepth(path); d > MaxPathDepth {
		return fmt.Sprintf("path is %d segments deep, over %d", d, MaxPathDepth), true
	}
	if n := countParams(u.RawQuery); n > MaxQueryParams {
		return fmt.Sprintf("%d query parameters, over %d", n, MaxQueryParams), true
	}
	if s := sessionID(u); s != "" {
		return "session id in url (" + s + ")", true
	}
	if seg, n := repeatedSegment(path); n > maxRepeats {
		return fmt.Sprintf("path segment %q repeated %d times", seg, n), true
	}
	lo, hi := now.Year()-30, now.Year()+1
	if y, ok := calendarYear(u, lo, hi); ok {
		return fmt.Sprintf("calendar page for %d, outside %d-%d", y, lo, hi), true
	}
	return "", false
}

// urlLen is len(u.String()), counted without building the string, exactly
// for a canonical URL and within a few bytes for others.
func urlLen(u *url.URL) int {
	n := 0
	if u.Scheme != "" {
		n += len(u.Scheme) + 1
	}
	if u.Opaque != "" {
		n += len(u.Opaque)
	} else {
		if u.Host != "" || u.User != nil {
			n += 2 + len(u.Host)
			for i := 0; i < len(u.Host); i++ {
				if u.Host[i] >= 0x80 {
					n += 2
				}
			}
			if u.User != nil {
				n += len(u.User.String()) + 1
			}
		}
		if u.RawPath != "" && unescapesTo(u.RawPath, u.Path) {
			n += len(u.RawPath)
		} else {
			n += escapedLen(u.Path)
		}
	}
	if u.RawQuery != "" || u.ForceQuery {
		n += 1 + len(u.RawQuery)
	}
	if u.Fragment != "" {
		n += 1 + escapedLen(u.Fragment)
	}
	return n
}

// escapedLen is the length of s percent-encoded as a path.
func escapedLen(s string) int {
	n := len(s)
	for i := 0; i < len(s); i++ {
		if goEscapesInPath(s[i]) {
			n += 2
		}
	}
	return n
}

func pathDepth(p string) int {
	d := strings.Count(p, "/")
	if len(p) > 1 && p[len(p)-1] == '/' {
		d--
	}
	return d
}

func countParams(q string) int {
	n := 0
	for part := range strings.SplitSeq(q, "&") {
		if part != "" {
			n++
		}
	}
	return n
}

// sessionID returns the name of a session ID parameter found in u, or "".
func sessionID(u *url.URL) string {
	if strings.IndexByte(u.Path, ';') >= 0 || strings.Contains(u.Path, "(") {
		p := strings.ToLower(u.Path)
		for _, s := range [...]string{";jsessionid=", ";phpsessid=", ";sessionid=", ";sid=", "/(s("} {
			if strings.Contains(p, s) {
				return strings.Trim(s, ";=/(")
			}
		}
	}
	for part := range strings.SplitSeq(u.RawQuery, "&") {
		key, val, _ := strings.Cut(part, "=")
		k := strings.ToLower(paramKey(key))
		switch {
		case val == "":
		case k == "jsessionid", k == "phpsessid", k == "sessionid", k == "session_id", k == "sessid",
			k == "cfid", k == "cftoken", k == "oscsid", k == "zenid", strings.HasPrefix(k, "aspsessionid"):
			return k
		case (k == "sid" || k == "s") && len(val) >= 16 && isHexString(val):
			return k
		}
	}
	return ""
}

func isHexString(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isHex(s[i]) {
			return false
		}
	}
	return true
}

// repeatedSegment returns the non-empty path segment seen most often and
// how often. p is at most MaxPathDepth segments deep.
func repeatedSegment(p string) (string, int) {
	var segs [MaxPathDepth + 1]string
	n := 0
	for s := range strings.SplitSeq(p, "/") {
		if s != "" && n < len(segs) {
			segs[n] = s
			n++
		}
	}
	best, count := "", 0
	for i := range n {
		c := 0
		for j := range n {
			if segs[j] == segs[i] {
				c++
			}
		}
		if c > count {
			best, count = segs[i], c
		}
	}
	return best, count
}

// calendarYear returns a year outside [lo, hi] that a calendar-style URL
// shows in its path or query. ok is false for other pages.
func calendarYear(u *url.URL, lo, hi int) (year int, ok bool) {
	cal := false
	for s := range strings.SplitSeq(u.Path, "/") {
		switch strings.ToLower(s) {
		case "calendar", "calendrier", "agenda", "events", "evenements", "événements", "التقويم":
			cal = true
		}
	}
	for part := range strings.SplitSeq(u.RawQuery, "&") {
		key, _, _ := strings.Cut(part, "=")
		switch strings.ToLower(paramKey(key)) {
		case "date", "day", "month", "year", "yr", "ym", "cal", "calendar", "jour", "mois", "annee",
			"tribe-bar-date", "eventdate":
			cal = true
		}
	}
	if !cal {
		return 0, false
	}
	q, err := url.QueryUnescape(u.RawQuery)
	if err != nil {
		q = u.RawQuery
	}
	return yearOutside(u.Path+"?"+q, lo, hi)
}

// yearOutside returns the first year outside [lo, hi] of a date written
// as digits in s (2023, 202306, 20230628: a run of 4, 6 or 8 digits).
func yearOutside(s string, lo, hi int) (int, bool) {
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if n := j - i; n == 4 || n == 6 || n == 8 {
			y := int(s[i]-'0')*1000 + int(s[i+1]-'0')*100 + int(s[i+2]-'0')*10 + int(s[i+3]-'0')
			if y < lo || y > hi {
				return y, true
			}
		}
		i = j
	}
	return 0, false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
