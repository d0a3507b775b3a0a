package state

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/newsarc/newsarc/crawler/frontier"
)

// pushRow is an Entry as the push statement reads it with jsonb_each: one
// parameter carries the whole batch, so the statement runs once per batch
// instead of once per URL.
type pushRow struct {
	URL   string `json:"u"`
	Site  string `json:"s"`
	Depth int    `json:"d"`
	Kind  string `json:"k"`
	Hint  any    `json:"h,omitempty"`
	Hops  int    `json:"r"` // never omitted: the column is NOT NULL
	Via   string `json:"v"`
}

const (
	// One pass: each entry either inserts a row or, for a URL already
	// queued, improves its depth, hops and hint. RETURNING lists inserted
	// and improved rows; inserted ones have an id above the largest before.
	sqlPushUpsert = `
INSERT INTO frontier(url, site, depth, kind, hint, hops, via, added)
SELECT j.value->>'u', j.value->>'s', j.value->>'d', j.value->>'k', j.value->>'h', j.value->>'r', j.value->>'v', ?2
FROM jsonb_each(?1) AS j
WHERE ?3 = '' OR NOT EXISTS (SELECT 1 FROM seen WHERE seen.url = j.value->>'u' AND seen.run = ?3
	AND min(coalesce(j.value->>'h', ''), ?2) <= seen.fetched_at)
ON CONFLICT(url) DO UPDATE SET
	depth = min(depth, excluded.depth),
	hops = min(hops, excluded.hops),
	via = CASE WHEN excluded.hops < hops THEN excluded.via ELSE via END,
	hint = CASE WHEN excluded.hint > coalesce(hint, '') THEN excluded.hint ELSE hint END,
	rehinted = CASE WHEN claimed_until IS NOT NULL AND excluded.hint > coalesce(hint, '') THEN 1 ELSE rehinted END
WHERE excluded.depth < depth OR excluded.hops < hops OR excluded.hint > coalesce(hint, '')
RETURNING id, url`
	sqlLastID = `SELECT coalesce(max(id), 0) FROM frontier`
)

// Push queues the entries whose URL is not queued yet, nor already fetched
// in run (pass run "" to queue URLs whatever was fetched) unless their hint
// is newer than that fetch (a hint in the future counts as now): a sitemap
// that says a page changed after the visit run recorded brings it back. It returns the
// URLs it added, in no particular order. A URL that is already queued, claimed or not, keeps the
// lower of its two depths, the lower of its two hop counts and the newer of
// its two hints.
//
// Checking and queuing are one transaction, so a URL another goroutine has
// just finished in this run is not queued again: pushing every discovered
// link is safe. Push a page's links in one call; its cost is per batch,
// not per URL.
func (db *DB) Push(ctx context.Context, run string, entries []frontier.Entry) ([]string, error) {
	if len(entries) == 0 {
		return nil, nil
	}
	batch, err := pushBatch(entries)
	if err != nil {
		return nil, fmt.Errorf("push %d entries: %w", len(entries), err)
	}
	added, err := db.push(ctx, run, batch)
	if err != nil {
		return nil, fmt.Errorf("push %d entries: %w", len(entries), db.fail(err))
	}
	return added, nil
}

func (db *DB) push(ctx context.Context, run string, batch []byte) ([]string, error) {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	var last int64
	if err := tx.StmtContext(ctx, db.st.lastID).QueryRowContext(ctx).Scan(&last); err != nil {
		return nil, err
	}
	rows, err := tx.StmtContext(ctx, db.st.push).QueryContext(ctx, batch, instant(db.now()), run)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var added []string
	for rows.Next() {
		var id int64
		var u string
		if err := rows.Scan(&id, &u); err != nil {
			return nil, err
		}
		if id > last {
			added = append(added, u)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return added, tx.Commit()
}

// pushBatch validates entries and encodes them for json_each, merging
// duplicates within the batch by the same rule as Push.
func pushBatch(entries []frontier.Entry) ([]byte, error) {
	rows := make([]pushRow, 0, len(entries))
	at := make(map[string]int, len(entries)) // bounded by the batch
	for _, e := range entries {
		switch {
		case e.URL == "":
			return nil, errors.New("entry with an empty url")
		case e.Site == "":
			return nil, fmt.Errorf("entry %s without a site", e.URL)
		case !utf8.ValidString(e.URL) || !utf8.ValidString(e.Site) || !utf8.ValidString(e.Kind) || !utf8.ValidString(e.Via):
			return nil, fmt.Errorf("entry %q is not valid UTF-8", e.URL)
		}
		if e.Kind == "" {
			e.Kind = "page"
		}
		hint := instant(e.Hint)
		if i, ok := at[e.URL]; ok {
			r := &rows[i]
			r.Depth = min(r.Depth, e.Depth)
			if e.Hops < r.Hops {
				r.Hops, r.Via = e.Hops, e.Via
			}
			if h, ok := hint.(string); ok && (r.Hint == nil || h > r.Hint.(string)) {
				r.Hint = h
			}
			continue
		}
		at[e.URL] = len(rows)
		rows = append(rows, pushRow{URL: e.URL, Site: e.Site, Depth: e.Depth, Kind: e.Kind, Hint: hint, Hops: e.Hops, Via: e.Via})
	}
	return json.Marshal(rows)
}

// Pending counts the URLs in the frontier, of every site, queued or
// claimed: what is left to fetch. It reads beside the writer (WAL), so a
// progress line may ask for it while the crawl runs.
func (db *DB) Pending(ctx context.Context) (int, error) {
	var n int
	if err := db.r.QueryRowContext(ctx, `SELECT count(*) FROM frontier`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count frontier: %w", db.fail(err))
	}
	return n, nil
}
