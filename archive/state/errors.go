package state

import (
	"errors"
	"fmt"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// ErrBusy is returned, wrapped, by Open and every method of DB when another
// process (a second crawl that skipped the archive lock, a user's sqlite3
// session) holds state.db's write lock for longer than the busy timeout,
// 10 seconds. The error names the file. It is temporary: callers map it to
// exit code 75 so that cron simply tries again later, as for ErrLocked.
var ErrBusy = errors.New("state: database busy")

// ErrCorrupt is returned, wrapped, by Open (and by any method that meets
// the damage later) when state.db is not a SQLite database or is
// corrupt. The error names the file. Trying again does not help: the file
// must be restored or moved away, and the archive repaired.
var ErrCorrupt = errors.New("state: database corrupt")

// classify wraps err in ErrBusy or ErrCorrupt when SQLite's result code
// says so.
func classify(err error) error {
	if k := kind(err); k != nil {
		return fmt.Errorf("%w: %w", k, err)
	}
	return err
}

// kind returns ErrBusy or ErrCorrupt for an error of SQLite that is one,
// and nil otherwise. It reads the result code, not the message, which
// SQLite may reword.
func kind(err error) error {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return nil
	}
	// Extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_CORRUPT_INDEX…) carry
	// the primary code in their low byte.
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return ErrBusy
	case sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT:
		return ErrCorrupt
	}
	return nil
}

// fail classifies an error of a method and, for ErrBusy and ErrCorrupt,
// names the file: the messages of methods name the operation, which alone
// does not tell the user which state.db to look at.
func (db *DB) fail(err error) error {
	if k := kind(err); k != nil {
		return fmt.Errorf("%s: %w: %w", db.path, k, err)
	}
	return err
}
