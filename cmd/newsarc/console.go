package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"

	"github.com/newsarc/newsarc/crawler"
	"github.com/newsarc/newsarc/pipeline"
)

// clearLine takes the cursor back to the start of the line and clears it.
const clearLine = "\r\033[K"

// console is standard error, for everything that writes there: the log,
// the line of each URL that failed, warnings, the line a signal prints and
// the final error. It keeps them off the progress line (cleared before
// each write, drawn again after) and, with --log-format json, makes every
// line a JSON object like the log's own.
type console struct {
	w io.Writer

	mu       sync.Mutex
	json     bool
	progress string // the progress line on screen, "" when none
	// hold keeps the lines of failed URLs back (--quiet): they are
	// written only if the run fails, to say why (releaseHeld).
	hold    bool
	held    [][]byte
	dropped int // lines past maxHeld, counted
}

// maxHeld bounds the lines a quiet run keeps back.
const maxHeld = 100

func newConsole(w io.Writer, format string) *console {
	c := &console{w: w}
	c.setFormat(format)
	return c
}

// setFormat switches to format, "json" or anything else for text.
func (c *console) setFormat(format string) {
	c.mu.Lock()
	c.json = format == "json"
	c.mu.Unlock()
}

func (c *console) isJSON() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.json
}

// holdURLErrors keeps the lines of failed URLs back from now on.
func (c *console) holdURLErrors() {
	c.mu.Lock()
	c.hold = true
	c.mu.Unlock()
}

// Write writes p, whole lines (a log record), off the progress line.
func (c *console) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.write(p)
}

func (c *console) write(p []byte) (int, error) {
	if c.progress == "" {
		return c.w.Write(p)
	}
	io.WriteString(c.w, clearLine)
	n, err := c.w.Write(p)
	io.WriteString(c.w, c.progress)
	return n, err
}

// line is one line that is no log record: prefix and msg in text mode, a
// JSON object of level, msg and args in json mode, shown whatever
// --log-level says.
func (c *console) line(level slog.Level, prefix, msg string, args ...any) []byte {
	if !c.isJSON() {
		return []byte(prefix + msg + "\n")
	}
	var b bytes.Buffer
	slog.New(slog.NewJSONHandler(&b, nil)).Log(context.Background(), level, msg, args...)
	return b.Bytes()
}

// print writes a line (see line).
func (c *console) print(level slog.Level, prefix, msg string, args ...any) {
	c.Write(c.line(level, prefix, msg, args...))
}

// urlError is the line of a URL that could not be archived
// (pipeline.Output.ReportError): "error: URL: cause", or in json mode an
// object that also gives the URL and the kind of error apart.
func (c *console) urlError(err error) {
	args := []any{"kind", pipeline.ErrorKind(err)}
	var ue *crawler.URLError
	if errors.As(err, &ue) {
		args = append([]any{"url", ue.URL}, args...)
	}
	b := c.line(slog.LevelError, "error: ", err.Error(), args...)
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case !c.hold:
		c.write(b)
	case len(c.held) < maxHeld:
		c.held = append(c.held, b)
	default:
		c.dropped++
	}
}

// releaseHeld writes the lines held back, when the run failed, and
// forgets them.
func (c *console) releaseHeld(failed bool) {
	c.mu.Lock()
	held, dropped := c.held, c.dropped
	c.held, c.dropped = nil, 0
	c.mu.Unlock()
	if !failed {
		return
	}
	for _, b := range held {
		c.Write(b)
	}
	if dropped > 0 {
		c.print(slog.LevelError, "error: ", fmt.Sprintf("%d more URLs failed", dropped), "more", dropped)
	}
}

// stopping is the line of the first SIGINT or SIGTERM
// (pipeline.Output.Stopping); main lets a second one end the process.
func (c *console) stopping(inFlight int) {
	c.print(slog.LevelWarn, "", fmt.Sprintf("stopping: %d requests in flight (again to quit now)", inFlight), "in_flight", inFlight)
}

// progressWriter is where the progress line is drawn
// (pipeline.Output.Progress): each Write is the whole line, after
// clearLine, or clearLine alone to take it away.
func (c *console) progressWriter() io.Writer { return progressWriter{c} }

type progressWriter struct{ c *console }

func (p progressWriter) Write(b []byte) (int, error) {
	c := p.c
	c.mu.Lock()
	defer c.mu.Unlock()
	c.progress = strings.TrimPrefix(string(b), clearLine)
	return c.w.Write(b)
}

// logFormatArg is the --log-format that args give, "" when none: the
// format of the lines written before the flags are parsed (or when they
// cannot be).
func logFormatArg(args []string) string {
	format := ""
	for i, a := range args {
		switch {
		case a == "--":
			return format
		case a == "--log-format" && i+1 < len(args):
			format = args[i+1]
		case strings.HasPrefix(a, "--log-format="):
			format = strings.TrimPrefix(a, "--log-format=")
		}
	}
	return format
}
