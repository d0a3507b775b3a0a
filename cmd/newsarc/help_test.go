package main

import (
	"context"
	"strings"
	"testing"
)

// Every command's help shows two to four examples, and the flags of a run.
func TestHelp_examples(t *testing.T) {
	flags := map[string][]string{
		"archive": {"-i, --input-file", "--json", "--user-agent", "--delay", "--concurrency", "--respect-robots"},
		"crawl":   {"--json", "--user-agent", "--delay", "--concurrency", "--max-pages", "--respect-robots"},
		"extract": {"--url", "--site", "--user-agent"},
		"demo":    {"--addr"},
		"version": nil,
	}
	for name, want := range flags {
		t.Run(name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, context.Background(), name, "--help")
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			_, examples, ok := strings.Cut(stdout, "\nExamples:\n")
			examples, _, _ = strings.Cut(examples, "\n\n")
			if n := strings.Count(examples, "newsarc "); !ok || n < 2 || n > 4 {
				t.Errorf("%d examples, want 2 to 4:\n%s", n, stdout)
			}
			for _, f := range want {
				if !strings.Contains(stdout, f) {
					t.Errorf("help lacks %s:\n%s", f, stdout)
				}
			}
		})
	}
}

// cobra's completion command prints a script for each shell; crawl's sites
// and extract --site complete from the config.
func TestCompletion(t *testing.T) {
	for shell, want := range map[string]string{"bash": "__start_newsarc", "zsh": "#compdef newsarc", "fish": "complete -c newsarc", "powershell": "Register-ArgumentCompleter"} {
		code, stdout, stderr := runCLI(t, context.Background(), "completion", shell)
		if code != exitOK || !strings.Contains(stdout, want) {
			t.Errorf("completion %s: exit %d, no %q\n%s", shell, code, want, stderr)
		}
	}
	cfg := writeConfig(t, "http://127.0.0.1:1")
	for _, args := range [][]string{{"crawl", ""}, {"extract", "--site", ""}} {
		code, stdout, stderr := runCLI(t, context.Background(), append([]string{"__complete", "--config", cfg}, args...)...)
		if code != exitOK || !strings.HasPrefix(stdout, "lematin\n") {
			t.Errorf("complete %q: exit %d\nstdout: %s\nstderr: %s", args, code, stdout, stderr)
		}
	}
	code, stdout, _ := runCLI(t, context.Background(), "__complete", "archive", "--user")
	if code != exitOK || !strings.Contains(stdout, "--user-agent") {
		t.Errorf("complete archive --user: exit %d\n%s", code, stdout)
	}
}
