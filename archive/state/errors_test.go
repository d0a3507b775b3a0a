package state

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsarc/newsarc/crawler/frontier"
)

// shortBusy makes the databases the test opens give up on a lock after d.
func shortBusy(t *testing.T, d time.Duration) {
	old := busyTimeout
	busyTimeout = d
	t.Cleanup(func() { busyTimeout = old })
}

// holdWriteLock takes the write lock of the database at path from a
// connection of its own, as another process would, until the test ends.
func holdWriteLock(t *testing.T, path string) {
	t.Helper()
	raw, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	conn, err := raw.Conn(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(t.Context(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		conn.ExecContext(context.WithoutCancel(t.Context()), "ROLLBACK")
		conn.Close()
	})
}

// writes calls each method of DB that writes.
var writes = map[string]func(context.Context, *DB) error{
	"Push": func(ctx context.Context, db *DB) error {
		_, err := db.Push(ctx, "r", []frontier.Entry{{URL: "u2", Site: "a"}})
		return err
	},
	"Claim": func(ctx context.Context, db *DB) error {
		_, err := db.Claim(ctx, "a", "w", 1, time.Minute)
		return err
	},
	"Release": func(ctx context.Context, db *DB) error {
		_, err := db.Release(ctx, "w")
		return err
	},
	"Finish": func(ctx context.Context, db *DB) error {
		return db.Finish(ctx, frontier.Visit{URL: "u1", Site: "a", Status: 200, Run: "r"})
	},
	"AddArticle": func(ctx context.Context, db *DB) error {
		_, _, err := db.AddArticle(ctx, Article{ID: "a1", PayloadDigest: "sha1:B"})
		return err
	},
	"StartRun": func(ctx context.Context, db *DB) error {
		return db.StartRun(ctx, "r2", time.Time{})
	},
	"FinishRun": func(ctx context.Context, db *DB) error {
		return db.FinishRun(ctx, "r", RunStats{})
	},
	"MarkKilled": func(ctx context.Context, db *DB) error {
		_, err := db.MarkKilled(ctx)
		return err
	},
}

// reads calls each method of DB that only reads.
var reads = map[string]func(context.Context, *DB) error{
	"Seen": func(ctx context.Context, db *DB) error {
		_, _, err := db.Seen(ctx, "u1")
		return err
	},
	"LatestArticle": func(ctx context.Context, db *DB) error {
		_, _, err := db.LatestArticle(ctx, "a1")
		return err
	},
	"Pending": func(ctx context.Context, db *DB) error {
		_, err := db.Pending(ctx)
		return err
	},
}

// openFilled opens a state.db that has a queued entry, a run and an article.
func openFilled(t *testing.T) (*DB, string) {
	t.Helper()
	db, _ := openTest(t)
	push(t, db, "", frontier.Entry{URL: "u1", Site: "a"})
	if err := db.StartRun(t.Context(), "r", time.Time{}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.AddArticle(t.Context(), Article{ID: "a1", PayloadDigest: "sha1:A"}); err != nil {
		t.Fatal(err)
	}
	return db, db.path
}

// TestDB_Busy checks that when another process holds the write lock past
// the busy timeout, Open and every write fail with ErrBusy naming the
// file, reads go on (WAL), and writes work again once the lock is gone.
func TestDB_Busy(t *testing.T) {
	shortBusy(t, 50*time.Millisecond)
	db, path := openFilled(t)
	ctx := t.Context()
	t.Run("locked", func(t *testing.T) {
		holdWriteLock(t, path)
		for name, write := range writes {
			err := write(ctx, db)
			if !errors.Is(err, ErrBusy) || !strings.Contains(err.Error(), path) {
				t.Errorf("%s while locked: %v; want ErrBusy naming %s", name, err, path)
			}
		}
		for name, read := range reads {
			if err := read(ctx, db); err != nil {
				t.Errorf("%s while locked: %v", name, err)
			}
		}
		db2, err := Open(ctx, path)
		if err == nil {
			db2.Close()
		}
		if !errors.Is(err, ErrBusy) || errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), path) {
			t.Errorf("Open while locked: %v; want ErrBusy naming %s", err, path)
		}
	})
	// The subtest's cleanup rolled the other connection's lock back.
	for name, write := range writes {
		if err := write(ctx, db); err != nil {
			t.Errorf("%s after the lock: %v", name, err)
		}
	}
}

// TestDB_BusyTimeoutDefault keeps the wait for a lock at 10 s: long enough
// for a user's sqlite3 query or a checkpoint, short enough for cron.
func TestDB_BusyTimeoutDefault(t *testing.T) {
	db, _ := openTest(t)
	for name, pool := range map[string]*sql.DB{"writer": db.w, "reader": db.r} {
		var ms int
		if err := pool.QueryRowContext(t.Context(), "PRAGMA busy_timeout").Scan(&ms); err != nil {
			t.Fatal(err)
		}
		if ms != 10000 {
			t.Errorf("%s busy_timeout = %d ms, want 10000", name, ms)
		}
	}
}

// TestOpen_Corrupt checks that a state.db that is not a database, or is
// damaged, fails Open with ErrCorrupt naming the file.
func TestOpen_Corrupt(t *testing.T) {
	for name, damage := range map[string]func(t *testing.T, path string){
		"text file": func(t *testing.T, path string) {
			if err := os.WriteFile(path, []byte(strings.Repeat("this is not a database\n", 100)), 0o644); err != nil {
				t.Fatal(err)
			}
		},
		"damaged schema": func(t *testing.T, path string) {
			db, err := Open(t.Context(), path)
			if err != nil {
				t.Fatal(err)
			}
			db.Close() // checkpoints the WAL into the file
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			// Page 1 after the 100-byte file header: the schema's b-tree.
			if _, err := f.WriteAt([]byte(strings.Repeat("\xa5", 3000)), 100); err != nil {
				t.Fatal(err)
			}
		},
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "state.db")
			damage(t, path)
			db, err := Open(t.Context(), path)
			if err == nil {
				db.Close()
				t.Fatal("Open succeeded")
			}
			t.Logf("Open: %v", err)
			if !errors.Is(err, ErrCorrupt) || errors.Is(err, ErrBusy) || !strings.Contains(err.Error(), path) {
				t.Errorf("Open: %v; want ErrCorrupt naming %s", err, path)
			}
		})
	}
}

// TestDB_Cancelled checks that a cancelled context fails every method
// with an error wrapping context.Canceled, before it starts and while it
// waits for another process's lock, as on shutdown.
func TestDB_Cancelled(t *testing.T) {
	db, path := openFilled(t)
	cancelled, cancel := context.WithCancel(t.Context())
	cancel()
	for name, call := range writes {
		if err := call(cancelled, db); !errors.Is(err, context.Canceled) {
			t.Errorf("%s with a cancelled context: %v; want context.Canceled", name, err)
		}
	}
	for name, call := range reads {
		if err := call(cancelled, db); !errors.Is(err, context.Canceled) {
			t.Errorf("%s with a cancelled context: %v; want context.Canceled", name, err)
		}
	}
	if _, err := Open(cancelled, path); !errors.Is(err, context.Canceled) {
		t.Errorf("Open with a cancelled context: %v; want context.Canceled", err)
	}

	holdWriteLock(t, path) // for the 10 s busy timeout
	for name, call := range writes {
		ctx, cancel := context.WithCancel(t.Context())
		time.AfterFunc(20*time.Millisecond, cancel) // the signal
		start := time.Now()
		err := call(ctx, db)
		cancel()
		if !errors.Is(err, context.Canceled) || errors.Is(err, ErrBusy) {
			t.Errorf("%s cancelled while waiting for the lock: %v; want context.Canceled", name, err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s waited %v for the lock after its context ended", name, d)
		}
	}
}
