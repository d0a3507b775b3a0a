package state

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations bring the schema from version i to i+1 (PRAGMA user_version).
// They are applied in order, each in its own transaction. Never edit one
// that has been released: append a new one.
//
// Table and column names are plain so that users can query the archive
// with the sqlite3 CLI; times are text (see instantFormat).
var migrations = []string{
	// 1: frontier, seen, articles, runs.
	`
CREATE TABLE frontier (
	id            INTEGER PRIMARY KEY, -- queue order: larger is newer
	url           TEXT NOT NULL UNIQUE,
	site          TEXT NOT NULL,
	depth         INTEGER NOT NULL,
	kind          TEXT NOT NULL,       -- page, sitemap, feed, robots
	hint          TEXT,                -- lastmod or publication date from a sitemap or feed, UTC
	added         TEXT NOT NULL,
	worker        TEXT,                -- who holds the claim; NULL when queued
	claimed_until TEXT,                -- the claim's lease; NULL when queued
	rehinted      INTEGER NOT NULL DEFAULT 0 -- a newer hint came while claimed
);
-- Claim walks this index in order and skips claimed rows without
-- reading the table: claimed rows are few (workers x batch), queued rows many.
CREATE INDEX frontier_claim ON frontier(site, depth, id, claimed_until);
CREATE INDEX frontier_worker ON frontier(worker) WHERE worker IS NOT NULL;

CREATE TABLE seen (
	url        TEXT PRIMARY KEY,
	site       TEXT NOT NULL,
	status     INTEGER NOT NULL,    -- HTTP status; 0 when no response came
	error      TEXT NOT NULL,       -- '' unless the fetch failed
	fetched_at TEXT NOT NULL,
	digest     TEXT NOT NULL,       -- WARC-Payload-Digest, '' if none
	run        TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE articles (
	id             TEXT NOT NULL,
	url            TEXT NOT NULL,
	canonical_url  TEXT NOT NULL,
	site           TEXT NOT NULL,
	headline       TEXT,
	published      TEXT,            -- RFC 3339 in the offset the page gave
	fetched_at     TEXT NOT NULL,
	json_path      TEXT NOT NULL,
	warc_file      TEXT NOT NULL,
	warc_offset    INTEGER NOT NULL,
	record_id      TEXT NOT NULL,
	payload_digest TEXT NOT NULL,
	version        INTEGER NOT NULL,
	PRIMARY KEY (id, version)
) WITHOUT ROWID;
CREATE INDEX articles_canonical_url ON articles(canonical_url);
CREATE INDEX articles_site_published ON articles(site, published);

CREATE TABLE runs (
	id                 TEXT PRIMARY KEY,
	started            TEXT NOT NULL,
	finished           TEXT,          -- NULL while running, or if the run died
	status             TEXT NOT NULL, -- running, done, interrupted, failed
	pages              INTEGER NOT NULL DEFAULT 0,
	articles_new       INTEGER NOT NULL DEFAULT 0,
	articles_changed   INTEGER NOT NULL DEFAULT 0,
	articles_unchanged INTEGER NOT NULL DEFAULT 0,
	errors             INTEGER NOT NULL DEFAULT 0,
	bytes              INTEGER NOT NULL DEFAULT 0
);
`,
	// 2: redirect hops and the URL the chain started at; claiming that does not walk the claimed rows.
	// frontier_claim held claimed and queued rows alike, so Claim stepped
	// over every claimed row before the first queued one: a crawler that
	// defers the URLs of a paused host keeps thousands claimed. Queued rows
	// and leases now have an index each, and a row moves from one to the
	// other when it is claimed or returned. claimed_until, always NULL in
	// frontier_queued, makes it covering: SQLite does not infer the value
	// from the index's WHERE, and would read the table for every queued row
	// Pending counts.
	`
ALTER TABLE frontier ADD COLUMN hops INTEGER NOT NULL DEFAULT 0; -- redirects followed to reach url
ALTER TABLE frontier ADD COLUMN via TEXT NOT NULL DEFAULT '';     -- first URL of that redirect chain
DROP INDEX frontier_claim;
CREATE INDEX frontier_queued ON frontier(site, depth, id, claimed_until) WHERE claimed_until IS NULL;
CREATE INDEX frontier_lease ON frontier(site, claimed_until) WHERE claimed_until IS NOT NULL;
`,
	// 3: what a page fetched was. A site without article patterns fetches
	// its listings again on every run and skips unchanged articles only;
	// visits recorded before have no kind, and their pages are fetched
	// once more to learn it.
	`
ALTER TABLE seen ADD COLUMN kind TEXT NOT NULL DEFAULT ''; -- article, listing; '' for no page or not known
`,
}

// migrate applies the migrations the database has not seen yet. The
// version check and each migration run in one immediate transaction, so two
// processes opening a new archive at once cannot both apply a migration.
func migrate(ctx context.Context, w *sql.DB) error {
	for {
		done, err := migrateOne(ctx, w)
		if err != nil || done {
			return err
		}
	}
}

func migrateOne(ctx context.Context, w *sql.DB) (done bool, err error) {
	tx, err := w.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	var v int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return false, fmt.Errorf("read schema version: %w", err)
	}
	switch {
	case v == len(migrations):
		return true, nil
	case v > len(migrations):
		return false, fmt.Errorf("schema version %d is newer than this newsarc knows (%d): upgrade newsarc", v, len(migrations))
	}
	if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
		return false, fmt.Errorf("migrate schema to version %d: %w", v+1, err)
	}
	// PRAGMA takes no parameters; v+1 is our own integer.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
		return false, fmt.Errorf("set schema version %d: %w", v+1, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("commit schema version %d: %w", v+1, err)
	}
	return false, nil
}
