package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

// isTerminal reports whether w is a terminal, where a live progress line
// helps; in cron's mail or a log file it would only be noise.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

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

// status is the progress line of a crawl.
func (h *pageHandler) status(start time.Time) string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return fmt.Sprintf("%s: %d pages, %d new and %d changed articles, %d errors",
		time.Since(start).Round(time.Second), h.pages, h.articlesNew, h.articlesChanged, h.failed)
}
