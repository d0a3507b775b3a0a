package crawler

import (
	"testing"
	"time"
)

// TestParseRobotsBadLines: a line the parser rejects costs that line, not
// the file: the rules around it still hold (RFC 9309, section 2.2).
func TestParseRobotsBadLines(t *testing.T) {
	for _, body := range []string{
		"User-agent: *\nCrawl-delay: 0#\nDisallow: /private/\n",    // '#' inside a token is no comment
		"User-agent: *\nCrawl-delay: 2s\nDisallow: /private/\n",    // a unit
		"Disallow: /early\nUser-agent: *\nDisallow: /private/\n",   // a rule before any group
		"User-agent: *\nx Crawl-delay\nDisallow: /private/\n",      // a key with no value
		"User-agent: *\nCrawl-delay: 3\nDisallow: /private/\n\n\n", // the control
	} {
		g, delay, _, err := parseRobots(200, []byte(body), "newsarc-test/1.0")
		if err != nil {
			t.Errorf("%q: %v", body, err)
			continue
		}
		h := &hostRobots{group: g}
		if h.allowed("/private/a.html") || !h.allowed("/news/a.html") {
			t.Errorf("%q: /private/ allowed %v, /news/ allowed %v", body,
				h.allowed("/private/a.html"), h.allowed("/news/a.html"))
		}
		if delay != 0 && delay != 3*time.Second {
			t.Errorf("%q: crawl delay %v", body, delay)
		}
	}
}
