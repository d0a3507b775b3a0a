package pipeline

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/newsarc/newsarc/archive"
	"github.com/newsarc/newsarc/archive/state"
	"github.com/newsarc/newsarc/crawler"
)

// CrawlSummary is what a crawl run did (its JSON is `crawl --json`).
type CrawlSummary struct {
	Run               string         `json:"run"`
	Pages             int            `json:"pages_fetched"`
	ArticlesNew       int            `json:"articles_new"`
	ArticlesChanged   int            `json:"articles_changed"`
	ArticlesUnchanged int            `json:"articles_unchanged"`
	Copies            int            `json:"article_copies"`
	Skipped           int            `json:"articles_not_refetched"`
	Deferred          int            `json:"urls_deferred"`
	Errors            map[string]int `json:"errors"`
	Bytes             int64          `json:"warc_bytes"`
	WARCFiles         []string       `json:"warc_files"`
	Seconds           float64        `json:"seconds"`
	Interrupted       bool           `json:"interrupted"`
}

// ErrorCount is the number of URLs that failed, of every kind.
func (s CrawlSummary) ErrorCount() int {
	n := 0
	for _, v := range s.Errors {
		n += v
	}
	return n
}

// NewRunID names a run: its start time, then 6 random hex digits.
func NewRunID(now time.Time) string {
	var b [3]byte
	rand.Read(b[:])
	return now.UTC().Format("20060102T150405Z") + "-" + hex.EncodeToString(b[:])
}

// crawlRun is one run of Crawl once the archive is open.
type crawlRun struct {
	cfg     *Config
	out     Output
	db      *state.DB
	rec     *archive.Recorder
	h       *handler
	c       *crawler.Crawler
	sum     CrawlSummary
	start   time.Time
	blocked []string // sites robots.txt closed entirely
}

// Crawl crawls sites one after the other into cfg.Dir, holding the
// archive's lock for the whole run: it repairs what a killed run left,
// resumes the frontier in state.db, records every exchange in the WARC and
// every new or changed article as JSON and in the catalog, and records the
// run. The summary is filled in even when an error is returned.
func Crawl(ctx context.Context, cfg *Config, sites []*Site, out Output) (CrawlSummary, error) {
	out = out.withDefaults()
	start := time.Now()
	r := &crawlRun{out: out, start: start, sum: CrawlSummary{Run: NewRunID(start), Errors: map[string]int{}}}
	cfg = cfg.prepared()
	r.cfg = cfg
	unlock, err := lockArchive(cfg.Dir)
	if err != nil {
		return r.sum, err
	}
	defer unlock()
	// A run killed with -9 leaves its WARC file .open, maybe cut mid-record.
	if _, err := archive.Repair(cfg.Dir, out.Log); err != nil {
		return r.sum, err
	}
	worker, _ := os.Hostname()
	if worker == "" {
		worker = "newsarc"
	}
	if r.db, err = openState(ctx, cfg.Dir, worker, r.sum.Run, start, out.Log); err != nil {
		return r.sum, err
	}
	defer r.db.Close()
	if r.rec, err = cfg.newRecorder(out.Log); err != nil {
		return r.sum, err
	}
	// Cancelled by stopping when ctx is, once the requests in flight are
	// counted, or by the handler when the archive cannot be written.
	runCtx, stop := context.WithCancel(context.WithoutCancel(ctx))
	defer stop()
	r.h = newHandler(cfg, out, r.db, stop)
	if r.c, err = crawler.New(cfg.Crawl, r.rec, r.h); err != nil {
		return r.finish(ctx, err)
	}
	defer stopping(ctx, out, r.c, stop)()
	crawlErr := r.crawl(runCtx, sites, crawler.Run{ID: r.sum.Run, Worker: worker, Now: start})
	return r.finish(ctx, crawlErr)
}

// stopping cancels the run (cancel) as soon as ctx is done, once it has
// told out.Stopping how many requests c has in flight: counted before the
// cancel cuts them. The returned func stops watching, or waits for
// out.Stopping to return if it was called: its line comes before
// whatever the run prints last.
func stopping(ctx context.Context, out Output, c *crawler.Crawler, cancel context.CancelFunc) (stop func()) {
	called := make(chan struct{})
	stopWatch := context.AfterFunc(ctx, func() {
		defer close(called)
		if out.Stopping != nil {
			out.Stopping(c.InFlight())
		}
		cancel()
	})
	return func() {
		if !stopWatch() {
			<-called
		}
	}
}

// lockArchive creates dir and takes its lock.
func lockArchive(dir string) (unlock func() error, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("archive dir %s: %w", dir, err)
	}
	unlock, err = state.Lock(dir)
	if errors.Is(err, state.ErrLocked) {
		return nil, fmt.Errorf("%w: %v", ErrLocked, err)
	}
	return unlock, err
}

// openState opens dir's state.db, takes back what a dead run of worker
// still held (now, not after its lease), marks the runs that died without
// finishing (under the archive's lock, a run still "running" is dead) and
// records the run's start.
func openState(ctx context.Context, dir, worker, run string, start time.Time, log *slog.Logger) (*state.DB, error) {
	db, err := state.Open(ctx, filepath.Join(dir, "state.db"))
	if err != nil {
		return nil, stateErr(err)
	}
	var killed []string
	if _, err = db.Release(ctx, worker); err == nil {
		killed, err = db.MarkKilled(ctx)
	}
	for _, id := range killed {
		log.Warn("run did not finish (killed or crashed): marked killed", "run", id)
	}
	if err == nil {
		err = db.StartRun(ctx, run, start)
	}
	if err != nil {
		db.Close()
		return nil, stateErr(err)
	}
	return db, nil
}

// crawl crawls each site in turn; it stops at the first error that is not
// an interruption.
func (r *crawlRun) crawl(ctx context.Context, sites []*Site, run crawler.Run) error {
	if r.out.Progress != nil {
		queued := 0 // the last count read: a failed read keeps it
		stopProgress := progress(r.out.Progress, time.Second, func() string {
			if n, err := r.db.Pending(ctx); err == nil {
				queued = n
			}
			c, _ := r.h.counts()
			return statusLine(time.Since(r.start), c, queued)
		})
		defer stopProgress()
	}
	for _, s := range sites {
		st, err := r.c.Crawl(ctx, r.cfg.crawlerSite(s), run, r.db, r.db)
		r.sum.Skipped += st.Skipped
		r.sum.Deferred += st.Deferred
		if st.Fetched == 0 && st.RobotsBlocked > 0 && st.Skipped == 0 {
			r.blocked = append(r.blocked, s.Name)
			r.out.Log.Warn("robots.txt disallows every URL of the site for our user agent", "site", s.Name, "user_agent", r.cfg.Crawl.UserAgent, "urls", st.RobotsBlocked)
		}
		if err != nil && ctx.Err() == nil {
			return fmt.Errorf("crawl %s: %w", s.Name, stateErr(err))
		}
	}
	return nil
}

// finish closes the WARC files and records the run, even when it was
// interrupted, and returns the summary with the run's error.
func (r *crawlRun) finish(ctx context.Context, crawlErr error) (CrawlSummary, error) {
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	closeErr := r.rec.Close(cctx)
	r.h.reportSelectors()
	n, fatal := r.h.counts()
	sum := &r.sum
	sum.Pages, sum.ArticlesNew, sum.ArticlesChanged, sum.ArticlesUnchanged, sum.Copies = n.Pages, n.ArticlesNew, n.ArticlesChanged, n.ArticlesUnchanged, n.Copies
	sum.Errors = n.Errors
	for _, f := range r.rec.Files() {
		sum.WARCFiles = append(sum.WARCFiles, f)
		if fi, err := os.Stat(filepath.Join(r.cfg.Dir, f)); err == nil {
			sum.Bytes += fi.Size()
		}
	}
	sum.Seconds = time.Since(r.start).Seconds()
	status := state.StatusDone
	switch {
	case ctx.Err() != nil:
		status, sum.Interrupted = state.StatusInterrupted, true
	case crawlErr != nil || closeErr != nil || fatal != nil:
		status = state.StatusFailed
	}
	runErr := r.db.FinishRun(cctx, sum.Run, state.RunStats{Status: status, Pages: sum.Pages,
		ArticlesNew: sum.ArticlesNew, ArticlesChanged: sum.ArticlesChanged, ArticlesUnchanged: sum.ArticlesUnchanged,
		Errors: sum.ErrorCount(), Bytes: sum.Bytes})
	switch {
	case closeErr != nil:
		return *sum, closeErr
	case fatal != nil:
		return *sum, fatal
	case sum.Interrupted:
		return *sum, ErrInterrupted
	case crawlErr != nil:
		return *sum, crawlErr
	case runErr != nil:
		return *sum, stateErr(runErr)
	}
	return *sum, r.nothingFetched()
}

// nothingFetched is the error of a run that fetched nothing, saying why.
func (r *crawlRun) nothingFetched() error {
	s := r.sum
	switch {
	case s.Pages > 0 || s.Skipped > 0:
		return nil
	case len(r.blocked) > 0:
		return fmt.Errorf("no page could be fetched: robots.txt disallows every URL of %s for user agent %q (set respect_robots = false to ignore it)",
			strings.Join(r.blocked, ", "), r.cfg.Crawl.UserAgent)
	case s.Deferred > 0:
		return fmt.Errorf("no page could be fetched: %d URLs left for the next run", s.Deferred)
	}
	return errors.New("no page could be fetched")
}
