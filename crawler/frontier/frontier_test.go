package frontier

import "testing"

func TestEntryRequested(t *testing.T) {
	link := Entry{URL: "https://example.ma/a"}
	if got := link.Requested(); got != "https://example.ma/a" {
		t.Errorf("link: Requested() = %q", got)
	}
	redirected := Entry{URL: "https://www.example.ma/a", Hops: 1, Via: "http://example.ma/a"}
	if got := redirected.Requested(); got != "http://example.ma/a" {
		t.Errorf("redirect: Requested() = %q, want the URL asked for", got)
	}
}
