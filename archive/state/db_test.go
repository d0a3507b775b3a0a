package state

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsarc/newsarc/crawler/frontier"
)

// clock is a settable time source for db.now.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// openTest opens a fresh state.db in a temporary dir, on a fake clock.
func openTest(t testing.TB) (*DB, *clock) {
	t.Helper()
	db, err := Open(t.Context(), filepath.Join(t.TempDir(), "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Error(err)
		}
	})
	c := &clock{t: time.Date(2026, 11, 28, 14, 0, 0, 0, time.UTC)}
	db.now = c.now
	return db, c
}

func TestOpen_CreatesSchemaAndReopens(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "state.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	var version int
	var mode string
	if err := db.r.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		t.Fatal(err)
	}
	if err := db.r.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if version != len(migrations) || mode != "wal" {
		t.Errorf("user_version %d, journal_mode %s; want %d, wal", version, mode, len(migrations))
	}
	for _, table := range []string{"frontier", "seen", "articles", "runs"} {
		var n int
		if err := db.r.QueryRowContext(ctx, "SELECT count(*) FROM "+table).Scan(&n); err != nil {
			t.Errorf("table %s: %v", table, err)
		}
	}
	if _, err := db.Push(ctx, "", []frontier.Entry{{URL: "https://a.example/", Site: "a"}}); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	db, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db.Close()
	if n, err := pending(ctx, db, "a"); err != nil || n != 1 {
		t.Errorf("Pending after reopen = %d, %v; want 1", n, err)
	}
}

func TestOpen_NewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db")
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	db, err := Open(t.Context(), path)
	if err == nil {
		db.Close()
		t.Fatal("Open of a newer schema succeeded")
	}
	if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "newer") {
		t.Errorf("error %q does not name the path and the newer version", err)
	}
}

func TestOpen_OddPath(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a?b#c%d e")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "state.db")
	db, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database not at %s: %v", path, err)
	}
}

func TestOpen_MissingDir(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope", "state.db")
	db, err := Open(t.Context(), path)
	if err == nil {
		db.Close()
		t.Fatal("Open in a missing dir succeeded")
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name %s", err, path)
	}
}

// TestQueryPlans keeps the hot statements on their indexes: a plan that
// scans frontier or seen would make every call cost the size of the crawl.
func TestQueryPlans(t *testing.T) {
	db, _ := openTest(t)
	for _, q := range []string{
		sqlPushUpsert, sqlLastID, sqlExpire, sqlClaim, sqlRelease,
		sqlFinishDelete, sqlSeen, sqlLatestArticle,
	} {
		rows, err := db.r.QueryContext(t.Context(), "EXPLAIN QUERY PLAN "+q, `[]`, "x", "x", "x", 1)
		if err != nil {
			t.Fatalf("%s: %v", firstLine(q), err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		t.Logf("%s: %q", firstLine(q), plan)
		for _, step := range plan {
			if strings.Contains(step, "TEMP B-TREE") {
				t.Errorf("%s: sorts in a temporary b-tree: plan %q", firstLine(q), plan)
			}
			for _, table := range []string{"frontier", "seen", "articles"} {
				if step == "SCAN "+table || strings.HasPrefix(step, "SCAN "+table+" ") && !strings.Contains(step, "INDEX") {
					t.Errorf("%s: full scan of %s in plan %q", firstLine(q), table, plan)
				}
			}
		}
	}
}
