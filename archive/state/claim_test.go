package state

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsarc/newsarc/crawler/frontier"
)

// queryPlan returns the details of EXPLAIN QUERY PLAN for q.
func queryPlan(t *testing.T, db *DB, q string, args ...any) []string {
	t.Helper()
	rows, err := db.r.QueryContext(t.Context(), "EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		t.Fatalf("%s: %v", firstLine(q), err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return plan
}

// TestClaim_QueryPlans keeps Claim off the claimed rows whose lease runs:
// each of its statements must search a partial index, frontier_queued
// (queued rows only) or frontier_lease (claimed rows, by lease end), never
// scan the frontier or walk an index that holds both.
func TestClaim_QueryPlans(t *testing.T) {
	db, _ := openTest(t)
	for _, c := range []struct {
		query string
		args  []any
		want  []string // partial indexes the plan must search, by site
	}{
		{sqlExpire, []any{"a", "x"}, []string{"frontier_lease"}},
		{sqlClaim, []any{"w", "x", "a", 1}, []string{"frontier_queued"}},
	} {
		plan := queryPlan(t, db, c.query, c.args...)
		t.Logf("%s: %q", firstLine(c.query), plan)
		for _, index := range c.want {
			found := false
			for _, step := range plan {
				found = found || strings.HasPrefix(step, "SEARCH frontier USING ") && strings.Contains(step, "INDEX "+index+" (site=?")
			}
			if !found {
				t.Errorf("%s: plan %q does not search %s", firstLine(c.query), plan, index)
			}
		}
		for _, step := range plan {
			if strings.HasPrefix(step, "SCAN frontier") || strings.Contains(step, "TEMP B-TREE") || strings.Contains(step, "frontier_claim") {
				t.Errorf("%s: step %q in plan %q", firstLine(c.query), step, plan)
			}
		}
	}
}

// TestDB_Claim_ExpiredLease checks that the claims of a worker whose lease
// ran out go to another worker, in their place among the queued entries,
// while the claims whose lease runs stay where they are.
func TestDB_Claim_ExpiredLease(t *testing.T) {
	db, clk := openTest(t)
	ctx := t.Context()
	push(t, db, "", frontier.Entry{URL: "d0-a", Site: "a"}, frontier.Entry{URL: "d0-b", Site: "a"}, frontier.Entry{URL: "d2", Site: "a", Depth: 2})
	if got, err := db.Claim(ctx, "a", "crashed", 2, time.Minute); err != nil || len(got) != 2 {
		t.Fatalf("crashed claimed %v, %v", urls(got), err)
	}
	clk.add(30 * time.Second)
	push(t, db, "", frontier.Entry{URL: "d1", Site: "a", Depth: 1}, frontier.Entry{URL: "d3", Site: "a", Depth: 3}, frontier.Entry{URL: "b0", Site: "b"})
	if got, err := db.Claim(ctx, "a", "slow", 1, time.Hour); err != nil || fmt.Sprint(urls(got)) != "[d1]" {
		t.Fatalf("slow claimed %v, %v; want [d1]", urls(got), err)
	}
	if got, err := db.Claim(ctx, "b", "other", 1, time.Minute); err != nil || len(got) != 1 {
		t.Fatalf("other claimed %v, %v", urls(got), err)
	}
	clk.add(30 * time.Second) // crashed's lease ends, slow's and other's run
	got := urls(claim(t, db, "a", "next", 10))
	if want := "[d0-a d0-b d2 d3]"; fmt.Sprint(got) != want {
		t.Errorf("after crashed's lease, next claimed %v, want %s", got, want)
	}
	if n, err := db.Release(ctx, "crashed"); err != nil || n != 0 {
		t.Errorf("Release(crashed) = %d, %v; want 0: next holds them", n, err)
	}
	if n, err := db.Release(ctx, "slow"); err != nil || n != 1 {
		t.Errorf("Release(slow) = %d, %v; want 1", n, err)
	}
	if n, err := pending(ctx, db, "a"); err != nil || n != 5 {
		t.Errorf("Pending(a) = %d, %v; want 5", n, err)
	}
	// The lease of "other", on site b, ended too: claiming from a does not
	// touch it, claiming from b hands it out.
	clk.add(time.Minute)
	if got := urls(claim(t, db, "b", "next", 10)); fmt.Sprint(got) != "[b0]" {
		t.Errorf("next claimed %v from b, want [b0]", got)
	}
}

func TestDB_Push_Hops(t *testing.T) {
	db, _ := openTest(t)
	push(t, db, "", frontier.Entry{URL: "link", Site: "a"}, frontier.Entry{URL: "target", Site: "a", Hops: 3, Via: "v3"}, frontier.Entry{URL: "target", Site: "a", Hops: 2, Via: "v2"})
	if n := push(t, db, "", frontier.Entry{URL: "target", Site: "a", Hops: 4, Via: "v4"}); n != 0 {
		t.Errorf("push of a queued url added %d", n)
	}
	push(t, db, "", frontier.Entry{URL: "link", Site: "a", Hops: 1})
	got := claim(t, db, "a", "w", 10)
	if len(got) != 2 || got[0].Hops != 0 || got[0].Via != "" || got[1].Hops != 2 || got[1].Via != "v2" {
		t.Fatalf("claimed %+v; want link with 0 hops, target with 2 via v2", got)
	}
	push(t, db, "", frontier.Entry{URL: "target", Site: "a", Hops: 1, Via: "v1"}) // while claimed
	db.Release(t.Context(), "w")
	if got := claim(t, db, "a", "w", 10); len(got) != 2 || got[1].URL != "target" || got[1].Hops != 1 || got[1].Via != "v1" {
		t.Errorf("after a push with fewer hops: %+v; want target with 1 via v1", got)
	}
}

// TestOpen_MigratesVersion1 opens an archive written by a newsarc that
// knew schema version 1 only: its entries keep their claims and get 0 hops.
func TestOpen_MigratesVersion1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for _, q := range []string{
		migrations[0],
		"PRAGMA user_version = 1",
		`INSERT INTO frontier(url, site, depth, kind, added) VALUES('queued', 'a', 1, 'page', '2026-11-28T13:00:00.000Z')`,
		`INSERT INTO frontier(url, site, depth, kind, added, worker, claimed_until)
			VALUES('held', 'a', 0, 'page', '2026-11-28T13:00:00.000Z', 'old', '2026-11-28T14:30:00.000Z')`,
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
	db.now = func() time.Time { return time.Date(2026, 11, 28, 14, 0, 0, 0, time.UTC) }
	var version int
	if err := db.r.QueryRow("PRAGMA user_version").Scan(&version); err != nil || version != len(migrations) {
		t.Fatalf("user_version = %d, %v; want %d", version, err, len(migrations))
	}
	got := claim(t, db, "a", "w", 10)
	if len(got) != 1 || got[0].URL != "queued" || got[0].Hops != 0 || got[0].Depth != 1 {
		t.Errorf("claimed %+v; want queued, depth 1, 0 hops (held's lease runs)", got)
	}
	if n, err := db.Release(t.Context(), "old"); err != nil || n != 1 {
		t.Errorf("Release(old) = %d, %v; want 1", n, err)
	}
}
