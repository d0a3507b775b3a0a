package state

import (
	"fmt"
	"testing"
	"time"
)

func TestDB_Finish(t *testing.T) {
	db, clk := openTest(t)
	ctx := t.Context()
	push(t, db, "", Entry{URL: "u1", Site: "a"}, Entry{URL: "u2", Site: "a"})
	claim(t, db, "a", "w", 2)
	at := time.Date(2026, 11, 28, 13, 0, 0, 123e6, time.FixedZone("", 3600))
	v := Visit{URL: "u1", Site: "a", Status: 200, FetchedAt: at, Digest: "sha1:AAAA", Run: "r1"}
	if err := db.Finish(ctx, v); err != nil {
		t.Fatal(err)
	}
	if n, _ := db.Pending(ctx, "a"); n != 1 {
		t.Errorf("Pending = %d after one of two finished, want 1", n)
	}
	got, ok, err := db.Seen(ctx, "u1")
	if err != nil || !ok {
		t.Fatalf("Seen(u1) = %v, %v", ok, err)
	}
	if !got.FetchedAt.Equal(at) {
		t.Errorf("FetchedAt = %v, want %v", got.FetchedAt, at)
	}
	got.FetchedAt = at
	if got != v {
		t.Errorf("Seen(u1) = %+v, want %+v", got, v)
	}

	// The latest visit wins; a zero FetchedAt is now.
	failed := Visit{URL: "u1", Site: "a", Err: "connection refused", Run: "r2"}
	if err := db.Finish(ctx, failed); err != nil {
		t.Fatal(err)
	}
	got, _, _ = db.Seen(ctx, "u1")
	if got.Status != 0 || got.Err != failed.Err || got.Run != "r2" || got.Digest != "" || !got.FetchedAt.Equal(clk.now()) {
		t.Errorf("after a failed visit, Seen(u1) = %+v", got)
	}

	if _, ok, err := db.Seen(ctx, "never"); ok || err != nil {
		t.Errorf("Seen(never) = %v, %v; want false, nil", ok, err)
	}
	// A URL that was never queued (a redirect hop) is recorded all the same.
	if err := db.Finish(ctx, Visit{URL: "hop", Site: "a", Status: 301, Run: "r2"}, Visit{URL: "u2", Site: "a", Status: 200, Run: "r2"}); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := db.Seen(ctx, "hop"); !ok {
		t.Error("redirect hop not recorded")
	}
	if n, _ := db.Pending(ctx, ""); n != 0 {
		t.Errorf("Pending = %d after all finished", n)
	}
	if err := db.Finish(ctx, Visit{Site: "a"}); err == nil {
		t.Error("Finish of a visit without url succeeded")
	}
}

func TestDB_SeenInRun(t *testing.T) {
	db, _ := openTest(t)
	ctx := t.Context()
	for i, run := range []string{"r1", "r1", "r2"} {
		if err := db.Finish(ctx, Visit{URL: fmt.Sprint("u", i), Site: "a", Status: 200, Run: run}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := db.SeenInRun(ctx, "r1", []string{"u0", "u1", "u2", "u3", "u0"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || !got["u0"] || !got["u1"] {
		t.Errorf("SeenInRun(r1) = %v, want u0 and u1", got)
	}
	if got, err := db.SeenInRun(ctx, "r1", nil); err != nil || len(got) != 0 {
		t.Errorf("SeenInRun of no urls = %v, %v", got, err)
	}
}

// A sitemap hint that arrives while an entry is claimed is not lost when
// the entry is finished with an older visit.
func TestDB_Finish_newerHintKeepsEntry(t *testing.T) {
	db, _ := openTest(t)
	ctx := t.Context()
	old := time.Date(2023, 7, 1, 0, 0, 0, 0, time.UTC)
	push(t, db, "r2", Entry{URL: "u1", Site: "a"})
	if got := claim(t, db, "a", "w", 1); len(got) != 1 {
		t.Fatalf("claimed %v", got)
	}
	push(t, db, "r2", Entry{URL: "u1", Site: "a", Hint: old.Add(time.Hour)})
	if err := db.Finish(ctx, Visit{URL: "u1", Site: "a", Status: 200, FetchedAt: old, Run: "r2"}); err != nil {
		t.Fatal(err)
	}
	got := claim(t, db, "a", "w", 1)
	if len(got) != 1 || !got[0].Hint.Equal(old.Add(time.Hour)) {
		t.Fatalf("after Finish with an older visit, Claim = %+v; want the entry back with its new hint", got)
	}
	if err := db.Finish(ctx, Visit{URL: "u1", Site: "a", Status: 200, Run: "r2"}); err != nil {
		t.Fatal(err)
	}
	if n, _ := db.Pending(ctx, "a"); n != 0 {
		t.Errorf("a fetch now does not take it off the queue: %d pending", n)
	}
}
