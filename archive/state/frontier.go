package state

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"
	"unicode/utf8"
)

// Entry is a URL waiting in the frontier.
type Entry struct {
	URL   string // canonical form; the frontier's key
	Site  string // configured site name
	Depth int    // link hops from a start URL, sitemap or feed
	Kind  string // "page" (the default), "sitemap", "feed" or "robots"
	// Hint is the lastmod or publication date a sitemap or feed gave for
	// URL, zero when unknown. It comes back from Claim in UTC.
	Hint time.Time
}

// pushRow is an Entry as the push statement reads it with jsonb_each: one
// parameter carries the whole batch, so the statement runs once per batch
// instead of once per URL.
type pushRow struct {
	URL   string `json:"u"`
	Site  string `json:"s"`
	Depth int    `json:"d"`
	Kind  string `json:"k"`
	Hint  any    `json:"h,omitempty"`
}

const (
	// One pass: each entry either inserts a row or, for a URL already
	// queued, improves its depth and hint. RETURNING lists inserted and
	// improved rows; inserted ones have an id above the largest before.
	sqlPushUpsert = `
INSERT INTO frontier(url, site, depth, kind, hint, added)
SELECT j.value->>'u', j.value->>'s', j.value->>'d', j.value->>'k', j.value->>'h', ?2
FROM jsonb_each(?1) AS j
WHERE ?3 = '' OR NOT EXISTS (SELECT 1 FROM seen WHERE seen.url = j.value->>'u' AND seen.run = ?3
	AND min(coalesce(j.value->>'h', ''), ?2) <= seen.fetched_at)
ON CONFLICT(url) DO UPDATE SET
	depth = min(depth, excluded.depth),
	hint = CASE WHEN excluded.hint > coalesce(hint, '') THEN excluded.hint ELSE hint END,
	rehinted = CASE WHEN claimed_until IS NOT NULL AND excluded.hint > coalesce(hint, '') THEN 1 ELSE rehinted END
WHERE excluded.depth < depth OR excluded.hint > coalesce(hint, '')
RETURNING id`
	sqlLastID = `SELECT coalesce(max(id), 0) FROM frontier`

	sqlClaim = `
UPDATE frontier SET worker = ?1, claimed_until = ?2
WHERE id IN (
	SELECT id FROM frontier
	WHERE site = ?3 AND (claimed_until IS NULL OR claimed_until <= ?4)
	ORDER BY depth, id
	LIMIT ?5)
RETURNING id, url, site, depth, kind, hint`

	sqlRelease = `UPDATE frontier SET worker = NULL, claimed_until = NULL WHERE worker = ?`

	sqlPendingSite = `SELECT count(*) FROM frontier WHERE site = ?`
	sqlPendingAll  = `SELECT count(*) FROM frontier`
)

// Push queues the entries whose URL is not queued yet, nor already fetched
// in run (pass run "" to queue URLs whatever was fetched) unless their hint
// is newer than that fetch (a hint in the future counts as now): a sitemap
// that says a page changed after the visit run recorded brings it back. It returns how
// many it added. A URL that is already queued, claimed or not, keeps the
// lower of its two depths and the newer of its two hints.
//
// Checking and queuing are one transaction, so a URL another goroutine has
// just finished in this run is not queued again: pushing every discovered
// link is safe. Push a page's links in one call; its cost is per batch,
// not per URL.
func (db *DB) Push(ctx context.Context, run string, entries []Entry) (int, error) {
	if len(entries) == 0 {
		return 0, nil
	}
	batch, err := pushBatch(entries)
	if err != nil {
		return 0, fmt.Errorf("push %d entries: %w", len(entries), err)
	}
	n, err := db.push(ctx, run, batch)
	if err != nil {
		return 0, fmt.Errorf("push %d entries: %w", len(entries), err)
	}
	return n, nil
}

func (db *DB) push(ctx context.Context, run string, batch []byte) (int, error) {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	var last int64
	if err := tx.StmtContext(ctx, db.st.lastID).QueryRowContext(ctx).Scan(&last); err != nil {
		return 0, err
	}
	rows, err := tx.StmtContext(ctx, db.st.push).QueryContext(ctx, batch, instant(db.now()), run)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	added := 0
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return 0, err
		}
		if id > last {
			added++
		}
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	return added, tx.Commit()
}

// pushBatch validates entries and encodes them for json_each, merging
// duplicates within the batch by the same rule as Push.
func pushBatch(entries []Entry) ([]byte, error) {
	rows := make([]pushRow, 0, len(entries))
	at := make(map[string]int, len(entries)) // bounded by the batch
	for _, e := range entries {
		switch {
		case e.URL == "":
			return nil, errors.New("entry with an empty url")
		case e.Site == "":
			return nil, fmt.Errorf("entry %s without a site", e.URL)
		case !utf8.ValidString(e.URL) || !utf8.ValidString(e.Site) || !utf8.ValidString(e.Kind):
			return nil, fmt.Errorf("entry %q is not valid UTF-8", e.URL)
		}
		if e.Kind == "" {
			e.Kind = "page"
		}
		hint := instant(e.Hint)
		if i, ok := at[e.URL]; ok {
			r := &rows[i]
			r.Depth = min(r.Depth, e.Depth)
			if h, ok := hint.(string); ok && (r.Hint == nil || h > r.Hint.(string)) {
				r.Hint = h
			}
			continue
		}
		at[e.URL] = len(rows)
		rows = append(rows, pushRow{URL: e.URL, Site: e.Site, Depth: e.Depth, Kind: e.Kind, Hint: hint})
	}
	return json.Marshal(rows)
}

// Claim takes up to n queued entries of site for worker, lowest depth
// first, then in the order they were queued. They stay claimed for lease;
// after that, Claim hands them to whoever asks next, so the claims of a
// worker that crashed come back. Choose a lease longer than the longest
// fetch, retries and backoff included. Claiming is atomic: no two callers,
// in this process or another, get the same entry while its lease runs.
func (db *DB) Claim(ctx context.Context, site, worker string, n int, lease time.Duration) ([]Entry, error) {
	if n <= 0 {
		return nil, nil
	}
	if worker == "" || lease <= 0 {
		return nil, fmt.Errorf("claim from %s: need a worker and a positive lease (got %q, %v)", site, worker, lease)
	}
	now := db.now()
	rows, err := db.st.claim.QueryContext(ctx, worker, instant(now.Add(lease)), site, instant(now), n)
	if err != nil {
		return nil, fmt.Errorf("claim from %s: %w", site, err)
	}
	defer rows.Close()
	type claimed struct {
		id int64
		e  Entry
	}
	var got []claimed
	for rows.Next() {
		var c claimed
		var hint sql.NullString
		if err := rows.Scan(&c.id, &c.e.URL, &c.e.Site, &c.e.Depth, &c.e.Kind, &hint); err != nil {
			return nil, fmt.Errorf("claim from %s: %w", site, err)
		}
		if c.e.Hint, err = parseTime(hint); err != nil {
			return nil, fmt.Errorf("claim from %s: %s: %w", site, c.e.URL, err)
		}
		got = append(got, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("claim from %s: %w", site, err)
	}
	// RETURNING gives rows in no promised order.
	slices.SortFunc(got, func(a, b claimed) int {
		if c := cmp.Compare(a.e.Depth, b.e.Depth); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	out := make([]Entry, len(got))
	for i, c := range got {
		out[i] = c.e
	}
	return out, nil
}

// Release returns the entries worker still holds to the queue and reports
// how many. Call it on graceful shutdown for the entries not fetched, and at
// start-up with the worker ID of the previous run, so that a run killed
// before its leases ran out resumes its claims at once.
func (db *DB) Release(ctx context.Context, worker string) (int, error) {
	res, err := db.st.release.ExecContext(ctx, worker)
	if err != nil {
		return 0, fmt.Errorf("release claims of %s: %w", worker, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("release claims of %s: %w", worker, err)
	}
	return int(n), nil
}

// Pending counts the entries of site in the frontier, queued or claimed;
// site "" counts all sites. A crawl of a site is done when Claim returns
// nothing and Pending is 0. It reads the site's whole part of an index, so
// ask it when Claim comes back empty, not for every page.
func (db *DB) Pending(ctx context.Context, site string) (int, error) {
	var n int
	var err error
	if site == "" {
		err = db.st.pendingAll.QueryRowContext(ctx).Scan(&n)
	} else {
		err = db.st.pendingSite.QueryRowContext(ctx, site).Scan(&n)
	}
	if err != nil {
		return 0, fmt.Errorf("count pending of site %q: %w", site, err)
	}
	return n, nil
}
