package crawler

import (
	"fmt"
	"net/url"
	"testing"
)

func TestLinkMemo_Keys(t *testing.T) {
	m := newLinkMemo(10)
	base, _ := url.Parse("https://www.example.ma/news/page.html?p=2")
	org := origin(base)
	if org != "https://www.example.ma" {
		t.Fatalf("origin %q", org)
	}
	for _, tc := range []struct {
		href string
		ok   bool
		key  memoKey
	}{
		{"/a", true, memoKey{org, "/a"}},
		{"//cdn.example.ma/x", true, memoKey{org, "//cdn.example.ma/x"}},
		{"https://www.example.ma/a", true, memoKey{"", "https://www.example.ma/a"}},
		{"HTTP://www.example.ma/a", true, memoKey{"", "HTTP://www.example.ma/a"}},
		{"a.html", false, memoKey{}},
		{"?page=3", false, memoKey{}},
		{"../up", false, memoKey{}},
		{"#top", false, memoKey{}},
		{"mailto:x@example.ma", false, memoKey{}},
		{"httpx:y", false, memoKey{}},
	} {
		k, ok := m.key(org, tc.href)
		if ok != tc.ok || k != tc.key {
			t.Errorf("key(%q) = %+v, %v; want %+v, %v", tc.href, k, ok, tc.key, tc.ok)
		}
	}
	if _, ok := m.key("", "/a"); ok {
		t.Error("a root-relative href without an origin was memoised")
	}
	if got := origin(&url.URL{Path: "/x"}); got != "" {
		t.Errorf("origin of a relative base = %q", got)
	}
}

// TestLinkMemo_Bounded checks that the memo holds at most two generations
// and that what is asked for often survives the turnover.
func TestLinkMemo_Bounded(t *testing.T) {
	m := newLinkMemo(100)
	hot := memoKey{"https://h", "/menu"}
	m.put(hot, memoEntry{queue: true, depth: 1})
	for i := range 10000 {
		m.put(memoKey{"https://h", fmt.Sprintf("/article-%d", i)}, memoEntry{queue: true, depth: 2})
		if len(m.young) > 100 || len(m.old) > 100 {
			t.Fatalf("after %d puts: %d young, %d old entries, want at most 100 each", i+1, len(m.young), len(m.old))
		}
		if i%50 == 0 {
			if e, ok := m.get(hot); !ok || e.depth != 1 {
				t.Fatalf("after %d puts the hot entry is gone (%+v, %v)", i+1, e, ok)
			}
		}
	}
	if _, ok := m.get(memoKey{"https://h", "/article-0"}); ok {
		t.Error("an entry 10 000 puts old is still there")
	}
}
