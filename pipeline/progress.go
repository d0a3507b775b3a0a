package pipeline

import (
	"fmt"
	"io"
	"time"
)

// progress redraws one status line on w every interval until stop is
// called; stop clears the line.
func progress(w io.Writer, interval time.Duration, line func() string) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-done:
				fmt.Fprint(w, "\r\033[K")
				return
			case <-t.C:
				fmt.Fprintf(w, "\r\033[K%s", line())
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}

// statusLine is the progress line of a crawl: time, pages and their rate
// since the start, the URLs left in the frontier, articles and errors.
func statusLine(elapsed time.Duration, c counts, queued int) string {
	rate := 0.0
	if s := elapsed.Seconds(); s > 0 {
		rate = float64(c.Pages) / s
	}
	return fmt.Sprintf("%s: %d pages (%.1f/s), %d queued; %d new and %d changed articles; %d errors",
		elapsed.Round(time.Second), c.Pages, rate, queued, c.ArticlesNew, c.ArticlesChanged, c.Failed)
}
