package state

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"runtime"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// busyTimeout is how long a statement waits for another process's write
// lock (a user's sqlite3 session, a checkpoint) before failing with
// ErrBusy. A variable only so that tests need not wait 10 s.
var busyTimeout = 10 * time.Second

// DB is the SQLite state of one archive: frontier, seen URLs, article
// catalog and run history. It is safe for use by many goroutines.
//
// Writes go through a single connection, so writers in this process queue
// in Go instead of spinning on SQLite's busy handler; reads use a pool of
// read-only connections that WAL lets run beside the writer.
type DB struct {
	path string
	w    *sql.DB // one connection, BEGIN IMMEDIATE
	r    *sql.DB // read-only pool
	now  func() time.Time
	st   stmts
}

// Open opens the state database at path (normally <archive>/state.db),
// creating it and bringing its schema up to date. The database is put in
// WAL mode with synchronous=NORMAL: a crash or kill -9 loses at most the
// last transactions, never consistency.
//
// When another process holds the database's write lock past the busy
// timeout, the error wraps ErrBusy; when the file is not a database or is
// corrupt, ErrCorrupt.
func Open(ctx context.Context, path string) (*DB, error) {
	db, err := open(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("open state %s: %w", path, classify(err))
	}
	return db, nil
}

func open(ctx context.Context, path string) (*DB, error) {
	db := &DB{path: path, now: time.Now}
	var err error
	db.w, err = sql.Open("sqlite", dsn(path,
		"_txlock=immediate",
		"_pragma=journal_mode(WAL)",
		"_pragma=synchronous(NORMAL)",
		"_pragma=temp_store(MEMORY)",
	))
	if err != nil {
		return nil, err
	}
	db.w.SetMaxOpenConns(1)
	if err := migrate(ctx, db.w); err != nil {
		db.w.Close()
		return nil, err
	}
	// Readers look up single rows by index; a small page cache each (the
	// OS caches the file) keeps the pool's memory from growing with the
	// database: SQLite's default is 2 MB per connection, outside the Go
	// heap and its memory limit.
	db.r, err = sql.Open("sqlite", dsn(path, "_pragma=query_only(1)", "_pragma=cache_size(-256)"))
	if err != nil {
		db.w.Close()
		return nil, err
	}
	readers := max(4, runtime.GOMAXPROCS(0))
	db.r.SetMaxOpenConns(readers)
	db.r.SetMaxIdleConns(readers)
	if err := db.st.prepare(ctx, db.w, db.r); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// dsn builds a SQLite URI for path, escaped so that any file name works.
func dsn(path string, params ...string) string {
	u := url.URL{Path: filepath.ToSlash(path)}
	s := "file:" + u.EscapedPath() + "?_pragma=busy_timeout(" + fmt.Sprint(busyTimeout.Milliseconds()) + ")"
	for _, p := range params {
		s += "&" + p
	}
	return s
}

// Close closes the database. Call it once every use has returned; it does
// not wait for them.
func (db *DB) Close() error {
	var errs []error
	db.st.close()
	if db.r != nil {
		errs = append(errs, db.r.Close())
	}
	if db.w != nil {
		// Keeps query planner statistics current for the next run; cheap.
		_, err := db.w.Exec("PRAGMA optimize")
		errs = append(errs, err, db.w.Close())
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("close state %s: %w", db.path, classify(err))
	}
	return nil
}

// Times are stored as text a person can read in the sqlite3 CLI. Instants
// we measure (fetch, claim, run times) are UTC with a fixed number of
// digits, so they sort and compare as strings; dates read from pages
// (published, hints) keep the offset the page gave.
const instantFormat = "2006-01-02T15:04:05.000Z"

// instant formats t for an instant column; the zero time is NULL.
func instant(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(instantFormat)
}

// date formats t for a column of dates read from pages; the zero time is NULL.
func date(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Format(time.RFC3339Nano)
}

// parseTime reads a column written by instant or date.
func parseTime(s sql.NullString) (time.Time, error) {
	if !s.Valid || s.String == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s.String)
	if err != nil {
		return time.Time{}, fmt.Errorf("parse time %q: %w", s.String, err)
	}
	return t, nil
}
