package state

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"github.com/newsarc/newsarc/crawler/frontier"
	"slices"
	"time"
)

const (
	// Claiming reads only queued rows (frontier_queued) and expired leases
	// (frontier_lease), never the claimed rows whose lease runs: a crawler
	// may hold tens of thousands of them, deferred for a paused host, and
	// Claim must cost the same whether it holds none or all of them.
	//
	// sqlExpire returns the site's expired claims to the queue, where they
	// take their place by depth and id as before they were claimed.
	sqlExpire = `
UPDATE frontier SET worker = NULL, claimed_until = NULL
WHERE site = ?1 AND claimed_until IS NOT NULL AND claimed_until <= ?2`
	sqlClaim = `
UPDATE frontier SET worker = ?1, claimed_until = ?2
WHERE id IN (
	SELECT id FROM frontier
	WHERE site = ?3 AND claimed_until IS NULL
	ORDER BY depth, id
	LIMIT ?4)
RETURNING id, url, site, depth, kind, hint, hops, via`

	sqlRelease = `UPDATE frontier SET worker = NULL, claimed_until = NULL WHERE worker = ?`
)

// Claim takes up to n queued entries of site for worker, lowest depth
// first, then in the order they were queued. They stay claimed for lease;
// after that, Claim hands them to whoever asks next, so the claims of a
// worker that crashed come back. Choose a lease longer than the longest
// fetch, retries and backoff included. Claiming is atomic: no two callers,
// in this process or another, get the same entry while its lease runs.
// Its cost does not depend on how many entries are claimed.
func (db *DB) Claim(ctx context.Context, site, worker string, n int, lease time.Duration) ([]frontier.Entry, error) {
	if n <= 0 {
		return nil, nil
	}
	if worker == "" || lease <= 0 {
		return nil, fmt.Errorf("claim from %s: need a worker and a positive lease (got %q, %v)", site, worker, lease)
	}
	got, err := db.claim(ctx, site, worker, n, lease)
	if err != nil {
		return nil, fmt.Errorf("claim from %s: %w", site, db.fail(err))
	}
	return got, nil
}

func (db *DB) claim(ctx context.Context, site, worker string, n int, lease time.Duration) ([]frontier.Entry, error) {
	now := db.now()
	// One immediate transaction: another process cannot claim between
	// the expiry and the claim, nor take the same rows.
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if _, err := tx.StmtContext(ctx, db.st.expire).ExecContext(ctx, site, instant(now)); err != nil {
		return nil, err
	}
	rows, err := tx.StmtContext(ctx, db.st.claim).QueryContext(ctx, worker, instant(now.Add(lease)), site, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	type claimed struct {
		id int64
		e  frontier.Entry
	}
	var got []claimed
	for rows.Next() {
		var c claimed
		var hint sql.NullString
		if err := rows.Scan(&c.id, &c.e.URL, &c.e.Site, &c.e.Depth, &c.e.Kind, &hint, &c.e.Hops, &c.e.Via); err != nil {
			return nil, err
		}
		if c.e.Hint, err = parseTime(hint); err != nil {
			return nil, fmt.Errorf("%s: %w", c.e.URL, err)
		}
		got = append(got, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	// RETURNING gives rows in no promised order.
	slices.SortFunc(got, func(a, b claimed) int {
		if c := cmp.Compare(a.e.Depth, b.e.Depth); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	out := make([]frontier.Entry, len(got))
	for i, c := range got {
		out[i] = c.e
	}
	return out, nil
}

// Release returns the entries worker still holds to the queue and reports
// how many. Call it on graceful shutdown for the entries not fetched, and at
// start-up with the worker ID of the previous run, so that a run killed
// before its leases ran out resumes its claims at once. On shutdown, call it
// with a context the signal does not cancel (context.WithoutCancel), or the
// claims wait for their lease to run out.
func (db *DB) Release(ctx context.Context, worker string) (int, error) {
	res, err := db.st.release.ExecContext(ctx, worker)
	if err != nil {
		return 0, fmt.Errorf("release claims of %s: %w", worker, db.fail(err))
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("release claims of %s: %w", worker, db.fail(err))
	}
	return int(n), nil
}
