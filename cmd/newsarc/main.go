package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"
	_ "time/tzdata" // site time zones must load on machines without zoneinfo

	"github.com/spf13/cobra"

	"github.com/newsarc/newsarc/archive/state"
	"github.com/newsarc/newsarc/pipeline"
)

// Exit codes, as the README gives them.
const (
	exitOK     = 0
	exitFatal  = 1
	exitUsage  = 2
	exitLocked = 75
)

// testCommands are added to the CLI by tests only.
var testCommands []func(*globals) *cobra.Command

// stdinReader is what `extract -` reads; tests replace it.
var stdinReader io.Reader = os.Stdin

// memoryLimit is the soft limit on the Go runtime's memory when GOMEMLIMIT
// is not set. The live heap is ~40 MB (half of it regexps compiled at
// init), but every page allocates 2–4 MB, so with GOGC=100 the heap grows
// to about three times the live set; the limit makes the collector work
// harder only as the total nears it, keeping RSS under 150 MB.
const memoryLimit = 100 << 20

func main() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(memoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		// After the first signal the default handlers are back, so a
		// second one ends the process at once.
		<-ctx.Done()
		stop()
	}()
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	if ctx.Err() != nil {
		time.Sleep(holdAfterSignal)
	}
	os.Exit(code)
}

// holdAfterSignal keeps an interrupted process alive before it exits. It is
// zero except in tests (main_test.go), which need the process still running
// after its graceful shutdown, to see that a second signal ends it.
var holdAfterSignal time.Duration

// usageError is a mistake on the command line: exit code 2.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// globals are the flags every command takes.
type globals struct {
	config    string
	out       string
	logLevel  string
	logFormat string
	stdout    io.Writer
	stderr    io.Writer
	log       *slog.Logger
	stdin     io.Reader
}

// run is main without the process: tests drive it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) (code int) {
	// A crash is never reported as 2, the usage code: cron and scripts
	// must not read a bug as a mistake on the command line.
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "newsarc: internal error: %v\n%s", r, debug.Stack())
			code = exitFatal
		}
	}()
	g := &globals{stdout: stdout, stderr: stderr, stdin: stdinReader}
	var prof profiles
	root := &cobra.Command{
		Use:           "newsarc",
		Short:         "Archive news sites as WARC and clean article JSON",
		Version:       buildVersion(),
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			l, err := newLogger(g.logLevel, g.logFormat, stderr)
			if err != nil {
				return &usageError{err}
			}
			g.log = l
			return prof.start()
		},
	}
	root.SetVersionTemplate("{{\"\"}}" + versionLine())
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetContext(ctx)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &usageError{err} })
	pf := root.PersistentFlags()
	defConfig := os.Getenv("NEWSARC_CONFIG")
	if defConfig == "" {
		defConfig = "config.toml"
	}
	pf.StringVar(&g.config, "config", defConfig, "config file (env NEWSARC_CONFIG)")
	pf.StringVar(&g.out, "out", "", "archive dir (overrides archive.dir)")
	pf.StringVar(&g.logLevel, "log-level", "info", "debug, info, warn or error")
	pf.StringVar(&g.logFormat, "log-format", "text", "text or json")
	pf.StringVar(&prof.cpu, "cpuprofile", "", "write a CPU profile of the command to this file (for benchmarks)")
	pf.StringVar(&prof.trace, "trace", "", "write an execution trace of the command to this file (for benchmarks)")
	pf.StringVar(&prof.mem, "memprofile", "", "write a heap profile at the end of the command to this file")
	for _, name := range []string{"cpuprofile", "trace", "memprofile"} {
		_ = pf.MarkHidden(name) // for benchmarks (bench/), not for users' help
	}

	root.AddCommand(archiveCmd(g), crawlCmd(g), extractCmd(g), demoCmd(g), versionCmd(g))
	for _, c := range testCommands {
		root.AddCommand(c(g))
	}

	err := root.Execute()
	if perr := prof.stop(); perr != nil && err == nil {
		err = perr
	}
	if err == nil {
		return exitOK
	}
	fmt.Fprintf(stderr, "newsarc: %v\n", err)
	var ue *usageError
	switch {
	case errors.As(err, &ue), isCobraUsage(err):
		return exitUsage
	case errors.Is(err, pipeline.ErrLocked), errors.Is(err, state.ErrBusy):
		return exitLocked
	}
	return exitFatal
}

// isCobraUsage recognises cobra's own argument errors, which are not typed.
func isCobraUsage(err error) bool {
	s := err.Error()
	return strings.HasPrefix(s, "unknown command") || strings.HasPrefix(s, "unknown flag") ||
		strings.Contains(s, "arg(s)") || strings.HasPrefix(s, "unknown shorthand flag")
}

// loadConfig reads the config that the flags name, with --out applied.
func (g *globals) loadConfig(cmd *cobra.Command) (*Config, error) {
	explicit := cmd.Flags().Changed("config") || os.Getenv("NEWSARC_CONFIG") != ""
	cfg, err := loadConfig(g.config, explicit)
	if err != nil {
		return nil, err
	}
	if g.out != "" {
		cfg.Dir = g.out
	}
	cfg.Crawl.Logger = g.log
	return cfg, nil
}

// output is where a run reports: the log, one line per failed URL on
// standard error, and a progress line when standard error is a terminal.
func (g *globals) output() pipeline.Output {
	out := pipeline.Output{Log: g.log, Errors: g.stderr}
	if isTerminal(g.stderr) {
		out.Progress = g.stderr
	}
	return out
}

func newLogger(level, format string, w io.Writer) (*slog.Logger, error) {
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("--log-level %q: want debug, info, warn or error", level)
	}
	opts := &slog.HandlerOptions{Level: lv}
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("--log-format %q: want text or json", format)
}
