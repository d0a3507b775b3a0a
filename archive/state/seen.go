package state

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/newsarc/newsarc/crawler/frontier"
)

const (
	// A hint newer than the visit came while the entry was claimed (a
	// sitemap says the page changed after the fetch being recorded): the
	// entry stays, unclaimed, to be fetched once more; otherwise it goes.
	sqlFinishDelete = `DELETE FROM frontier WHERE url = ?1 AND NOT (rehinted AND min(coalesce(hint, ''), ?3) > ?2)`
	sqlFinishKeep   = `UPDATE frontier SET worker = NULL, claimed_until = NULL, rehinted = 0 WHERE url = ?1`
	sqlFinishSeen   = `
INSERT INTO seen(url, site, status, error, fetched_at, digest, run, kind) VALUES(?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(url) DO UPDATE SET
	site = excluded.site, status = excluded.status, error = excluded.error,
	fetched_at = excluded.fetched_at, digest = excluded.digest, run = excluded.run, kind = excluded.kind`

	sqlSeen = `SELECT site, status, error, fetched_at, digest, run, kind FROM seen WHERE url = ?`
)

// Finish records visits and removes their URLs from the frontier (unless a
// hint newer than the visit arrived meanwhile: then the entry is unclaimed
// and comes back from Claim), all in one
// transaction: a URL is either still queued or seen, whatever happens to the
// process. A URL that was not queued (a redirect hop, a URL archived on
// demand) is just recorded. A zero FetchedAt means now. Finish does not
// check who holds a claim: when a lease ran out and two workers fetched the
// same URL, finishing it twice is harmless. Finish several visits in one
// call to commit them together.
//
// On shutdown, call it with a context that is not cancelled by the signal
// (context.WithoutCancel), or the last visits are lost and fetched again.
func (db *DB) Finish(ctx context.Context, visits ...frontier.Visit) error {
	if len(visits) == 0 {
		return nil
	}
	if err := db.finish(ctx, visits); err != nil {
		return fmt.Errorf("finish %s: %w", visits[0].URL, db.fail(err))
	}
	return nil
}

func (db *DB) finish(ctx context.Context, visits []frontier.Visit) error {
	now := db.now()
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	del := tx.StmtContext(ctx, db.st.finishDelete)
	keep := tx.StmtContext(ctx, db.st.finishKeep)
	seen := tx.StmtContext(ctx, db.st.finishSeen)
	for _, v := range visits {
		if v.URL == "" {
			return errors.New("visit with an empty url")
		}
		at := v.FetchedAt
		if at.IsZero() {
			at = now
		}
		res, err := del.ExecContext(ctx, v.URL, instant(at), instant(now))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			if _, err := keep.ExecContext(ctx, v.URL); err != nil {
				return err
			}
		}
		if _, err := seen.ExecContext(ctx, v.URL, v.Site, v.Status, v.Err, instant(at), v.Digest, v.Run, v.Kind); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// Seen returns the latest visit of url, and false if it was never fetched.
func (db *DB) Seen(ctx context.Context, url string) (frontier.Visit, bool, error) {
	v := frontier.Visit{URL: url}
	var at sql.NullString
	err := db.st.seen.QueryRowContext(ctx, url).Scan(&v.Site, &v.Status, &v.Err, &at, &v.Digest, &v.Run, &v.Kind)
	if errors.Is(err, sql.ErrNoRows) {
		return frontier.Visit{}, false, nil
	}
	if err == nil {
		v.FetchedAt, err = parseTime(at)
	}
	if err != nil {
		return frontier.Visit{}, false, fmt.Errorf("look up visit of %s: %w", url, db.fail(err))
	}
	return v, true, nil
}
