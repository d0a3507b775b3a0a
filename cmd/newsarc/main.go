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
	"github.com/spf13/pflag"

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
	quiet     bool
	stdout    io.Writer
	stderr    io.Writer // con: whatever writes there keeps off the progress line
	con       *console
	log       *slog.Logger
	stdin     io.Reader
}

// run is main without the process: tests drive it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) (code int) {
	// Until the flags are parsed, the format their words name.
	con := newConsole(stderr, logFormatArg(args))
	// A crash is never reported as 2, the usage code: cron and scripts
	// must not read a bug as a mistake on the command line.
	defer func() {
		if r := recover(); r != nil {
			if stack := string(debug.Stack()); con.isJSON() {
				con.print(slog.LevelError, "", fmt.Sprintf("internal error: %v", r), "stack", stack, "exit", exitFatal)
			} else {
				fmt.Fprintf(con, "newsarc: internal error: %v\n%s", r, stack)
			}
			code = exitFatal
		}
	}()
	g := &globals{stdout: stdout, stderr: con, con: con, stdin: stdinReader}
	var prof profiles
	root := &cobra.Command{
		Use:           "newsarc",
		Short:         "Archive news sites as WARC and clean article JSON",
		Version:       buildVersion(),
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			level := g.logLevel
			if g.quiet {
				// What needs a look, no more: warnings, and the lines of
				// failed URLs only if the run fails.
				con.holdURLErrors()
				if !cmd.Flags().Changed("log-level") {
					level = "warn"
				}
			}
			l, err := newLogger(level, g.logFormat, con)
			if err != nil {
				return &usageError{err}
			}
			con.setFormat(g.logFormat)
			g.log = l
			return prof.start()
		},
	}
	root.SetVersionTemplate("{{\"\"}}" + versionLine())
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(con)
	root.SetContext(ctx)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &usageError{err} })
	globalFlags(root.PersistentFlags(), g, &prof)
	root.AddCommand(archiveCmd(g), crawlCmd(g), extractCmd(g), demoCmd(g), versionCmd(g))
	for _, c := range testCommands {
		root.AddCommand(c(g))
	}

	err := root.Execute()
	if perr := prof.stop(); perr != nil && err == nil {
		err = perr
	}
	con.releaseHeld(err != nil)
	if err == nil {
		return exitOK
	}
	code = exitCode(err)
	con.print(slog.LevelError, "newsarc: ", err.Error(), "exit", code)
	return code
}

// globalFlags are the flags of every command.
func globalFlags(pf *pflag.FlagSet, g *globals, prof *profiles) {
	defConfig := os.Getenv("NEWSARC_CONFIG")
	if defConfig == "" {
		defConfig = "config.toml"
	}
	pf.StringVar(&g.config, "config", defConfig, "config file (env NEWSARC_CONFIG)")
	pf.StringVar(&g.out, "out", "", "archive dir (overrides archive.dir)")
	pf.StringVar(&g.logLevel, "log-level", "info", "debug, info, warn or error")
	pf.StringVar(&g.logFormat, "log-format", "text", "text or json (every line on standard error)")
	pf.BoolVar(&g.quiet, "quiet", false, "crawl, archive: print nothing on success, only warnings (for cron); a failed run still says why")
	pf.StringVar(&prof.cpu, "cpuprofile", "", "write a CPU profile of the command to this file (for benchmarks)")
	pf.StringVar(&prof.trace, "trace", "", "write an execution trace of the command to this file (for benchmarks)")
	pf.StringVar(&prof.mem, "memprofile", "", "write a heap profile at the end of the command to this file")
	for _, name := range []string{"cpuprofile", "trace", "memprofile"} {
		_ = pf.MarkHidden(name) // for benchmarks (bench/), not for users' help
	}
}

// exitCode is the exit code of a command that failed with err.
func exitCode(err error) int {
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
	if g.log != nil { // nil while completing, before PersistentPreRunE
		for _, w := range unknownEnv(os.Environ()) {
			g.log.Warn(w)
		}
	}
	cfg, err := loadConfigFlags(g.config, explicit, cmd.Flags())
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
// standard error, the line a signal prints, and a progress line when
// standard error is a terminal (but with --quiet or in json mode, whose
// every line is an object).
func (g *globals) output() pipeline.Output {
	out := pipeline.Output{Log: g.log, ReportError: g.con.urlError, Stopping: g.con.stopping}
	if isTerminal(g.con.w) && !g.quiet && !g.con.isJSON() {
		out.Progress = g.con.progressWriter()
	}
	return out
}

// summary reports whether a run that ended with err prints its summary:
// not with --quiet, and not when it never ran because another process
// holds the archive (its counts of zero would say it ran).
func (g *globals) summary(err error) bool {
	return !g.quiet && !errors.Is(err, pipeline.ErrLocked)
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
