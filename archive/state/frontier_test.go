package state

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/newsarc/newsarc/crawler/frontier"
)

func push(t *testing.T, db *DB, run string, entries ...frontier.Entry) int {
	t.Helper()
	added, err := db.Push(t.Context(), run, entries)
	if err != nil {
		t.Fatal(err)
	}
	return len(added)
}

func claim(t *testing.T, db *DB, site, worker string, n int) []frontier.Entry {
	t.Helper()
	got, err := db.Claim(t.Context(), site, worker, n, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func urls(entries []frontier.Entry) []string {
	var out []string
	for _, e := range entries {
		out = append(out, e.URL)
	}
	return out
}

func TestDB_Push(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	t1 := t0.Add(time.Hour)
	t.Run("dedup", func(t *testing.T) {
		db, _ := openTest(t)
		e := frontier.Entry{URL: "https://a.example/1", Site: "a"}
		if added, err := db.Push(t.Context(), "", []frontier.Entry{e, e, {URL: "https://a.example/2", Site: "a"}}); err != nil || len(added) != 2 {
			t.Errorf("first push added %v, %v; want the two URLs", added, err)
		}
		if n := push(t, db, "", e); n != 0 {
			t.Errorf("second push added %d, want 0", n)
		}
		claim(t, db, "a", "w1", 1)
		if n := push(t, db, "", e); n != 0 {
			t.Errorf("push of a claimed url added %d, want 0", n)
		}
		if n, err := db.Pending(t.Context()); err != nil || n != 2 {
			t.Errorf("Pending = %d, %v; want 2 (one claimed, one queued)", n, err)
		}
	})
	t.Run("depth and hint", func(t *testing.T) {
		db, _ := openTest(t)
		u := "https://a.example/1"
		push(t, db, "", frontier.Entry{URL: u, Site: "a", Depth: 3, Hint: t0.In(time.FixedZone("", 3600))})
		push(t, db, "", frontier.Entry{URL: u, Site: "a", Depth: 1})
		push(t, db, "", frontier.Entry{URL: u, Site: "a", Depth: 5, Hint: t0.Add(-time.Hour)})
		got := claim(t, db, "a", "w", 10)
		if len(got) != 1 || got[0].Depth != 1 || !got[0].Hint.Equal(t0) || got[0].Kind != "page" {
			t.Fatalf("after pushes of depths 3, 1, 5: %+v; want depth 1, hint %v, kind page", got, t0)
		}
		push(t, db, "", frontier.Entry{URL: u, Site: "a", Depth: 2, Hint: t1})
		db.Release(t.Context(), "w")
		if got := claim(t, db, "a", "w", 10); len(got) != 1 || got[0].Depth != 1 || !got[0].Hint.Equal(t1) {
			t.Errorf("after a newer hint: %+v; want depth 1, hint %v", got, t1)
		}
	})
	t.Run("duplicates in one batch", func(t *testing.T) {
		db, _ := openTest(t)
		u := "https://a.example/1"
		n := push(t, db, "", frontier.Entry{URL: u, Site: "a", Depth: 4}, frontier.Entry{URL: u, Site: "a", Depth: 2, Hint: t1}, frontier.Entry{URL: u, Site: "a", Depth: 3, Hint: t0})
		got := claim(t, db, "a", "w", 10)
		if n != 1 || len(got) != 1 || got[0].Depth != 2 || !got[0].Hint.Equal(t1) {
			t.Errorf("added %d, claimed %+v; want 1 entry of depth 2, hint %v", n, got, t1)
		}
	})
	t.Run("fetched in run", func(t *testing.T) {
		db, _ := openTest(t)
		e := frontier.Entry{URL: "https://a.example/1", Site: "a"}
		if err := db.Finish(t.Context(), frontier.Visit{URL: e.URL, Site: "a", Status: 200, Run: "r1"}); err != nil {
			t.Fatal(err)
		}
		if n := push(t, db, "r1", e); n != 0 {
			t.Errorf("push of a url fetched in the same run added %d, want 0", n)
		}
		if n := push(t, db, "r2", e); n != 1 {
			t.Errorf("push in the next run added %d, want 1", n)
		}
	})
	t.Run("fetched in run before its hint", func(t *testing.T) {
		// An article known unchanged, recorded in this run with its old
		// fetch time, comes back when a sitemap says it changed since.
		db, _ := openTest(t)
		fetched := time.Date(2023, 7, 1, 0, 0, 0, 0, time.UTC)
		u := "https://a.example/1"
		if err := db.Finish(t.Context(), frontier.Visit{URL: u, Site: "a", Status: 200, Run: "r1", FetchedAt: fetched}); err != nil {
			t.Fatal(err)
		}
		if n := push(t, db, "r1", frontier.Entry{URL: u, Site: "a", Hint: fetched.Add(-time.Hour)}); n != 0 {
			t.Errorf("an older hint queued it again (%d)", n)
		}
		if n := push(t, db, "r1", frontier.Entry{URL: u, Site: "a", Hint: fetched.Add(time.Hour)}); n != 1 {
			t.Errorf("a newer hint did not queue it again (%d)", n)
		}
	})
	t.Run("invalid", func(t *testing.T) {
		db, _ := openTest(t)
		for _, e := range []frontier.Entry{{Site: "a"}, {URL: "https://a.example/"}, {URL: "https://a.example/\xff", Site: "a"}} {
			if _, err := db.Push(t.Context(), "", []frontier.Entry{e}); err == nil {
				t.Errorf("Push(%+v) succeeded", e)
			}
		}
	})
}

func TestDB_Claim(t *testing.T) {
	t.Run("order", func(t *testing.T) {
		db, _ := openTest(t)
		push(t, db, "", frontier.Entry{URL: "d2-first", Site: "a", Depth: 2}, frontier.Entry{URL: "d1-first", Site: "a", Depth: 1})
		push(t, db, "", frontier.Entry{URL: "other-site", Site: "b", Depth: 0}, frontier.Entry{URL: "d1-second", Site: "a", Depth: 1})
		push(t, db, "", frontier.Entry{URL: "d0", Site: "a", Depth: 0})
		got := urls(claim(t, db, "a", "w", 3))
		want := []string{"d0", "d1-first", "d1-second"}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("first claim %v, want %v", got, want)
		}
		if got := urls(claim(t, db, "a", "w", 3)); fmt.Sprint(got) != "[d2-first]" {
			t.Errorf("second claim %v, want [d2-first]", got)
		}
		if n, _ := pending(t.Context(), db, "a"); n != 4 {
			t.Errorf("Pending(a) = %d, want 4 (claimed count)", n)
		}
		if n, _ := pending(t.Context(), db, ""); n != 5 {
			t.Errorf("Pending(all) = %d, want 5", n)
		}
	})
	t.Run("lease expiry", func(t *testing.T) {
		db, clk := openTest(t)
		push(t, db, "", frontier.Entry{URL: "u1", Site: "a"}, frontier.Entry{URL: "u2", Site: "a"})
		if got := claim(t, db, "a", "w1", 10); len(got) != 2 {
			t.Fatalf("w1 claimed %v", urls(got))
		}
		clk.add(59 * time.Second)
		if got := claim(t, db, "a", "w2", 10); len(got) != 0 {
			t.Errorf("w2 claimed %v during w1's lease", urls(got))
		}
		clk.add(time.Second)
		if got := claim(t, db, "a", "w2", 10); len(got) != 2 {
			t.Errorf("w2 claimed %v after w1's lease, want both", urls(got))
		}
	})
	t.Run("release", func(t *testing.T) {
		db, _ := openTest(t)
		push(t, db, "", frontier.Entry{URL: "u1", Site: "a"}, frontier.Entry{URL: "u2", Site: "a"}, frontier.Entry{URL: "u3", Site: "a"})
		claim(t, db, "a", "w1", 2)
		claim(t, db, "a", "w2", 1)
		if n, err := db.Release(t.Context(), "w1"); err != nil || n != 2 {
			t.Errorf("Release(w1) = %d, %v; want 2", n, err)
		}
		if got := urls(claim(t, db, "a", "w3", 10)); fmt.Sprint(got) != "[u1 u2]" {
			t.Errorf("after release, w3 claimed %v, want [u1 u2]", got)
		}
	})
	t.Run("bad arguments", func(t *testing.T) {
		db, _ := openTest(t)
		push(t, db, "", frontier.Entry{URL: "u1", Site: "a"})
		if got, err := db.Claim(t.Context(), "a", "w", 0, time.Minute); err != nil || len(got) != 0 {
			t.Errorf("Claim of 0 = %v, %v", got, err)
		}
		if _, err := db.Claim(t.Context(), "a", "w", 1, 0); err == nil {
			t.Error("Claim with a zero lease succeeded")
		}
		if _, err := db.Claim(t.Context(), "a", "", 1, time.Minute); err == nil {
			t.Error("Claim without a worker succeeded")
		}
	})
}

// TestDB_Claim_Concurrent checks that workers claiming and finishing at the
// same time never get one entry twice and lose none.
func TestDB_Claim_Concurrent(t *testing.T) {
	db, _ := openTest(t)
	const total = 2000
	entries := make([]frontier.Entry, total)
	for i := range entries {
		entries[i] = frontier.Entry{URL: fmt.Sprintf("https://a.example/%d", i), Site: "a", Depth: i % 3}
	}
	push(t, db, "", entries...)
	var mu sync.Mutex
	got := make(map[string]string)
	var wg sync.WaitGroup
	for w := range 8 {
		worker := fmt.Sprintf("w%d", w)
		wg.Go(func() {
			for {
				claimed, err := db.Claim(t.Context(), "a", worker, 7, time.Hour)
				if err != nil {
					t.Error(err)
					return
				}
				if len(claimed) == 0 {
					return
				}
				for _, e := range claimed {
					mu.Lock()
					if prev, dup := got[e.URL]; dup {
						t.Errorf("%s claimed by %s and %s", e.URL, prev, worker)
					}
					got[e.URL] = worker
					mu.Unlock()
					if err := db.Finish(t.Context(), frontier.Visit{URL: e.URL, Site: "a", Status: 200, Run: "r"}); err != nil {
						t.Error(err)
						return
					}
				}
			}
		})
	}
	wg.Wait()
	if len(got) != total {
		t.Errorf("claimed %d distinct entries, want %d", len(got), total)
	}
	if n, _ := pending(t.Context(), db, "a"); n != 0 {
		t.Errorf("Pending = %d after all finished", n)
	}
}

// pending counts the entries of site in the frontier, queued or claimed;
// site "" counts all sites.
func pending(ctx context.Context, db *DB, site string) (int, error) {
	var n int
	var err error
	if site == "" {
		err = db.r.QueryRowContext(ctx, `SELECT count(*) FROM frontier`).Scan(&n)
	} else {
		err = db.r.QueryRowContext(ctx, `SELECT count(*) FROM frontier WHERE site = ?`, site).Scan(&n)
	}
	return n, err
}
