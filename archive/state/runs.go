package state

import (
	"context"
	"fmt"
	"time"
)

// Run statuses, as the runs table's status column holds them. A run whose
// process died keeps StatusRunning and no finished time until the next run
// marks it StatusKilled (MarkKilled).
const (
	StatusRunning     = "running"
	StatusDone        = "done"
	StatusInterrupted = "interrupted" // stopped by a signal; the frontier holds the rest
	StatusFailed      = "failed"
	StatusKilled      = "killed" // the process died (kill -9, a crash, a power cut); finished stays NULL
)

// RunStats is the summary of a crawl run, written to its row of the runs
// table.
type RunStats struct {
	Finished          time.Time // zero means now
	Status            string    // one of the Status constants; "" means StatusDone
	Pages             int       // pages fetched, articles and others
	ArticlesNew       int
	ArticlesChanged   int
	ArticlesUnchanged int
	Errors            int   // fetches that failed
	Bytes             int64 // written to WARC files
}

const (
	sqlStartRun  = `INSERT INTO runs(id, started, status) VALUES(?, ?, ?)`
	sqlKillRuns  = `UPDATE runs SET status = ? WHERE status = ? RETURNING id`
	sqlFinishRun = `
UPDATE runs SET finished = ?, status = ?, pages = ?, articles_new = ?, articles_changed = ?,
	articles_unchanged = ?, errors = ?, bytes = ?
WHERE id = ?`
)

// StartRun adds the row of run id. IDs are unique: starting a run twice is
// an error.
func (db *DB) StartRun(ctx context.Context, id string, started time.Time) error {
	if started.IsZero() {
		started = db.now()
	}
	if _, err := db.w.ExecContext(ctx, sqlStartRun, id, instant(started), StatusRunning); err != nil {
		return fmt.Errorf("start run %s: %w", id, db.fail(err))
	}
	return nil
}

// FinishRun writes the summary of run id, started by StartRun. At the end
// of an interrupted run, call it with a context the signal does not cancel
// (context.WithoutCancel), or the run stays "running" in the history.
func (db *DB) FinishRun(ctx context.Context, id string, s RunStats) error {
	if s.Finished.IsZero() {
		s.Finished = db.now()
	}
	if s.Status == "" {
		s.Status = StatusDone
	}
	res, err := db.w.ExecContext(ctx, sqlFinishRun, instant(s.Finished), s.Status, s.Pages,
		s.ArticlesNew, s.ArticlesChanged, s.ArticlesUnchanged, s.Errors, s.Bytes, id)
	if err != nil {
		return fmt.Errorf("finish run %s: %w", id, db.fail(err))
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("finish run %s: %w", id, db.fail(err))
	}
	if n == 0 {
		return fmt.Errorf("finish run %s: no such run", id)
	}
	return nil
}

// MarkKilled marks every run still recorded as running StatusKilled and
// returns their IDs. Call it holding the archive's lock, before StartRun:
// then no run can still be running, and one that says so died without
// finishing.
func (db *DB) MarkKilled(ctx context.Context) ([]string, error) {
	rows, err := db.w.QueryContext(ctx, sqlKillRuns, StatusKilled, StatusRunning)
	if err != nil {
		return nil, fmt.Errorf("mark killed runs: %w", db.fail(err))
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("mark killed runs: %w", db.fail(err))
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("mark killed runs: %w", db.fail(err))
	}
	return ids, nil
}
