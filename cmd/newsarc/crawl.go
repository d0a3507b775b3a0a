package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsarc/newsarc/archive"
	"github.com/newsarc/newsarc/archive/state"
	"github.com/newsarc/newsarc/crawler"
)

func crawlCmd(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "crawl [flags] [SITE...]",
		Short: "Crawl the configured sites (all when none named); archive what is new",
		Long: `crawl follows each site's links, sitemaps and feeds and archives every
article not archived yet (or changed since). State lives in state.db in the
archive dir, so a run resumes what the last one left and skips what has not
changed. A second crawl of the same archive exits 75 at once.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := g.loadConfig(cmd)
			if err != nil {
				return err
			}
			sites, err := pickSites(cfg, args)
			if err != nil {
				return err
			}
			sum, err := crawlSites(cmd.Context(), cfg, sites, g.log, g.stderr)
			if asJSON {
				enc := json.NewEncoder(g.stdout)
				enc.SetIndent("", "  ")
				enc.Encode(sum)
			} else {
				sum.print(g.stdout, cfg.Dir)
			}
			return err
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the summary as JSON")
	return cmd
}

func pickSites(cfg *Config, names []string) ([]*Site, error) {
	if len(cfg.Sites) == 0 {
		return nil, &configError{fmt.Errorf("config %s: no [[sites]] to crawl", orEnv(cfg.Path))}
	}
	if len(names) == 0 {
		return cfg.Sites, nil
	}
	var out []*Site
	for _, n := range names {
		s := cfg.siteByName(n)
		if s == nil {
			return nil, &usageError{fmt.Errorf("no site %q in %s", n, orEnv(cfg.Path))}
		}
		out = append(out, s)
	}
	return out, nil
}

// crawlSummary is what a crawl run did, printed at the end (--json for scripts).
type crawlSummary struct {
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

func (s crawlSummary) print(w io.Writer, dir string) {
	fmt.Fprintf(w, "run %s: %d pages fetched; articles: %d new, %d changed, %d unchanged, %d not fetched again",
		s.Run, s.Pages, s.ArticlesNew, s.ArticlesChanged, s.ArticlesUnchanged, s.Skipped)
	if s.Copies > 0 {
		fmt.Fprintf(w, ", %d copies under other URLs", s.Copies)
	}
	if s.Deferred > 0 {
		fmt.Fprintf(w, "; %d URLs left for the next run", s.Deferred)
	}
	fmt.Fprintf(w, "; %d errors", s.errorCount())
	keys := make([]string, 0, len(s.Errors))
	for k := range s.Errors {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for i, k := range keys {
		sep := " ("
		if i > 0 {
			sep = ", "
		}
		fmt.Fprintf(w, "%s%s %d", sep, k, s.Errors[k])
	}
	if len(keys) > 0 {
		fmt.Fprint(w, ")")
	}
	fmt.Fprintf(w, "; %s written in %.1fs\n", humanBytes(s.Bytes), s.Seconds)
	if s.Interrupted {
		fmt.Fprintln(w, "interrupted: the next run resumes where this one stopped")
	}
	for _, f := range s.WARCFiles {
		fmt.Fprintf(w, "warc: %s\n", filepath.Join(dir, f))
	}
}

func (s crawlSummary) errorCount() int {
	n := 0
	for _, v := range s.Errors {
		n += v
	}
	return n
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

func newRunID(now time.Time) string {
	var b [3]byte
	rand.Read(b[:])
	return now.UTC().Format("20060102T150405Z") + "-" + hex.EncodeToString(b[:])
}

// crawlSites crawls sites one after the other into cfg.Dir, holding the
// archive's lock for the whole run.
func crawlSites(ctx context.Context, cfg *Config, sites []*Site, log *slog.Logger, errOut io.Writer) (crawlSummary, error) {
	start := time.Now()
	sum := crawlSummary{Run: newRunID(start), Errors: map[string]int{}}
	if err := os.MkdirAll(cfg.Dir, 0o755); err != nil {
		return sum, fmt.Errorf("archive dir %s: %w", cfg.Dir, err)
	}
	unlock, err := state.Lock(cfg.Dir)
	if err != nil {
		if errors.Is(err, state.ErrLocked) {
			return sum, fmt.Errorf("%w: %v", errLocked, err)
		}
		return sum, err
	}
	defer unlock()
	// A run killed with -9 leaves its WARC file .open, maybe cut mid-record.
	if _, err := archive.Repair(cfg.Dir, log); err != nil {
		return sum, err
	}
	db, err := state.Open(ctx, filepath.Join(cfg.Dir, "state.db"))
	if err != nil {
		return sum, stateErr(err)
	}
	defer db.Close()
	worker, _ := os.Hostname()
	if worker == "" {
		worker = "newsarc"
	}
	// Whatever a run that died still held comes back now, not after its lease.
	if _, err := db.Release(ctx, worker); err != nil {
		return sum, stateErr(err)
	}
	if err := db.StartRun(ctx, sum.Run, start); err != nil {
		return sum, stateErr(err)
	}

	rec, err := newRecorder(cfg, log)
	if err != nil {
		return sum, err
	}
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	h := &pageHandler{cfg: cfg, rec: rec, log: log, errOut: errOut, catalog: db, stop: stop}
	c, err := crawler.New(cfg.Crawl, rec, h)
	if err != nil {
		return sum, err
	}
	run := crawler.Run{ID: sum.Run, Worker: worker, Now: start}
	if isTerminal(errOut) {
		stopProgress := progress(errOut, time.Second, func() string { return h.status(start) })
		defer stopProgress()
	}
	var crawlErr error
	var blocked []string // sites robots.txt closed entirely
	for _, s := range sites {
		st, err := c.Crawl(runCtx, s.crawlerSite(cfg), run, stateFrontier{db}, stateFrontier{db})
		sum.Skipped += st.Skipped
		sum.Deferred += st.Deferred
		if st.Fetched == 0 && st.RobotsBlocked > 0 && st.Skipped == 0 {
			blocked = append(blocked, s.Name)
			log.Warn("robots.txt disallows every URL of the site for our user agent", "site", s.Name, "user_agent", cfg.Crawl.UserAgent, "urls", st.RobotsBlocked)
		}
		if err != nil && runCtx.Err() == nil {
			crawlErr = fmt.Errorf("crawl %s: %w", s.Name, stateErr(err))
			break
		}
	}

	// Close the WARC files and record the run even when interrupted.
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	closeErr := rec.Close(cctx)
	h.reportSelectors()
	h.mu.Lock()
	sum.Pages, sum.ArticlesNew, sum.ArticlesChanged, sum.ArticlesUnchanged, sum.Copies = h.pages, h.articlesNew, h.articlesChanged, h.articlesUnchanged, h.copies
	for k, v := range h.errKinds {
		sum.Errors[k] = v
	}
	fatal := h.fatal
	h.mu.Unlock()
	for _, f := range rec.Files() {
		sum.WARCFiles = append(sum.WARCFiles, f)
		if fi, err := os.Stat(filepath.Join(cfg.Dir, f)); err == nil {
			sum.Bytes += fi.Size()
		}
	}
	sum.Seconds = time.Since(start).Seconds()
	status := state.StatusDone
	switch {
	case ctx.Err() != nil:
		status, sum.Interrupted = state.StatusInterrupted, true
	case crawlErr != nil || closeErr != nil || fatal != nil:
		status = state.StatusFailed
	}
	runErr := db.FinishRun(cctx, sum.Run, state.RunStats{Status: status, Pages: sum.Pages,
		ArticlesNew: sum.ArticlesNew, ArticlesChanged: sum.ArticlesChanged, ArticlesUnchanged: sum.ArticlesUnchanged,
		Errors: sum.errorCount(), Bytes: sum.Bytes})
	switch {
	case closeErr != nil:
		return sum, closeErr
	case fatal != nil:
		return sum, fatal
	case sum.Interrupted:
		return sum, errInterrupted
	case crawlErr != nil:
		return sum, crawlErr
	case runErr != nil:
		return sum, stateErr(runErr)
	case sum.Pages == 0 && sum.Skipped == 0 && len(blocked) > 0:
		return sum, fmt.Errorf("no page could be fetched: robots.txt disallows every URL of %s for user agent %q (set respect_robots = false to ignore it)",
			strings.Join(blocked, ", "), cfg.Crawl.UserAgent)
	case sum.Pages == 0 && sum.Skipped == 0 && sum.Deferred > 0:
		return sum, fmt.Errorf("no page could be fetched: %d URLs left for the next run", sum.Deferred)
	case sum.Pages == 0 && sum.Skipped == 0:
		return sum, errors.New("no page could be fetched")
	}
	return sum, nil
}

// crawlerSite is the site as the crawler takes it, with the run's limits.
func (s *Site) crawlerSite(cfg *Config) *crawler.Site {
	cs := s.Site
	cs.MaxDepth, cs.MaxPages = cfg.MaxDepth, cfg.MaxPages
	return &cs
}
