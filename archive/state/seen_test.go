package state

import (
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsarc/newsarc/crawler/frontier"
)

func TestDB_Finish(t *testing.T) {
	db, clk := openTest(t)
	ctx := t.Context()
	push(t, db, "", frontier.Entry{URL: "u1", Site: "a"}, frontier.Entry{URL: "u2", Site: "a"})
	claim(t, db, "a", "w", 2)
	at := time.Date(2026, 11, 28, 13, 0, 0, 123e6, time.FixedZone("", 3600))
	v := frontier.Visit{URL: "u1", Site: "a", Status: 200, FetchedAt: at, Digest: "sha1:AAAA", Run: "r1", Kind: frontier.KindListing}
	if err := db.Finish(ctx, v); err != nil {
		t.Fatal(err)
	}
	if n, _ := pending(ctx, db, "a"); n != 1 {
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
	failed := frontier.Visit{URL: "u1", Site: "a", Err: "connection refused", Run: "r2"}
	if err := db.Finish(ctx, failed); err != nil {
		t.Fatal(err)
	}
	got, _, _ = db.Seen(ctx, "u1")
	if got.Status != 0 || got.Err != failed.Err || got.Run != "r2" || got.Digest != "" || got.Kind != "" || !got.FetchedAt.Equal(clk.now()) {
		t.Errorf("after a failed visit, Seen(u1) = %+v", got)
	}

	if _, ok, err := db.Seen(ctx, "never"); ok || err != nil {
		t.Errorf("Seen(never) = %v, %v; want false, nil", ok, err)
	}
	// A URL that was never queued (a redirect hop) is recorded all the same.
	if err := db.Finish(ctx, frontier.Visit{URL: "hop", Site: "a", Status: 301, Run: "r2"}, frontier.Visit{URL: "u2", Site: "a", Status: 200, Run: "r2"}); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := db.Seen(ctx, "hop"); !ok {
		t.Error("redirect hop not recorded")
	}
	if n, _ := pending(ctx, db, ""); n != 0 {
		t.Errorf("Pending = %d after all finished", n)
	}
	if err := db.Finish(ctx, frontier.Visit{Site: "a"}); err == nil {
		t.Error("Finish of a visit without url succeeded")
	}
}

// A sitemap hint that arrives while an entry is claimed is not lost when
// the entry is finished with an older visit.
func TestDB_Finish_newerHintKeepsEntry(t *testing.T) {
	db, _ := openTest(t)
	ctx := t.Context()
	old := time.Date(2023, 7, 1, 0, 0, 0, 0, time.UTC)
	push(t, db, "r2", frontier.Entry{URL: "u1", Site: "a"})
	if got := claim(t, db, "a", "w", 1); len(got) != 1 {
		t.Fatalf("claimed %v", got)
	}
	push(t, db, "r2", frontier.Entry{URL: "u1", Site: "a", Hint: old.Add(time.Hour)})
	if err := db.Finish(ctx, frontier.Visit{URL: "u1", Site: "a", Status: 200, FetchedAt: old, Run: "r2"}); err != nil {
		t.Fatal(err)
	}
	got := claim(t, db, "a", "w", 1)
	if len(got) != 1 || !got[0].Hint.Equal(old.Add(time.Hour)) {
		t.Fatalf("after Finish with an older visit, Claim = %+v; want the entry back with its new hint", got)
	}
	if err := db.Finish(ctx, frontier.Visit{URL: "u1", Site: "a", Status: 200, Run: "r2"}); err != nil {
		t.Fatal(err)
	}
	if n, _ := pending(ctx, db, "a"); n != 0 {
		t.Errorf("a fetch now does not take it off the queue: %d pending", n)
	}
}

// TestDB_Seen_kind keeps what each visit says a page was, and opens an
// archive of schema version 2, whose visits say nothing of it.
func TestDB_Seen_kind(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for _, q := range []string{
		migrations[0],
		migrations[1],
		"PRAGMA user_version = 2",
		`INSERT INTO seen(url, site, status, error, fetched_at, digest, run) VALUES('old', 'a', 200, '', '2026-11-28T13:00:00.000Z', '', 'r0')`,
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", firstLine(q), err)
		}
	}
	raw.Close()
	db, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := t.Context()
	if v, ok, err := db.Seen(ctx, "old"); !ok || err != nil || v.Kind != "" || v.Status != 200 {
		t.Errorf("visit from version 2: %+v, %v, %v; want status 200 and no kind", v, ok, err)
	}
	for _, kind := range []string{frontier.KindArticle, frontier.KindListing, "", frontier.KindArticle} {
		if err := db.Finish(ctx, frontier.Visit{URL: "old", Site: "a", Status: 200, Run: "r1", Kind: kind}); err != nil {
			t.Fatal(err)
		}
		if v, _, _ := db.Seen(ctx, "old"); v.Kind != kind {
			t.Errorf("after a visit of kind %q, Seen says %q", kind, v.Kind)
		}
	}
}
