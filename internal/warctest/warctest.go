// Package warctest validates the WARC files tests write: always with
// Check, the repository's own reader, and, where it is installed, with an
// independent one, warcio.js (../shared/tools/warc-validate beside the
// repository, which needs node and npm).
package warctest

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Validate fails t unless every file passes Check and, when it can run,
// warc-validate --strict (every record parses, its block and payload
// digests verify). Without warc-validate or node, only Check runs, and the
// test says so in its log; under CI (CI=true) that is a failure naming
// what is missing and how to get it.
func Validate(t testing.TB, files ...string) {
	t.Helper()
	if problems := Check(files...); len(problems) > 0 {
		t.Fatalf("WARC check of %v:\n%s", files, strings.Join(problems, "\n"))
	}
	tool, missing := oracle()
	if missing != "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the independent WARC validator cannot run under CI: %s", missing)
		}
		t.Logf("WARC files checked by warctest.Check only: %s", missing)
		return
	}
	out, err := exec.Command("bash", append([]string{tool, "--strict"}, files...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("warc-validate --strict %v: %v\n%s", files, err, out)
	}
}

// oracle is the path of warc-validate's run.sh, or why it cannot run.
func oracle() (tool, missing string) {
	_, here, _, _ := runtime.Caller(0)
	tool = filepath.Join(filepath.Dir(here), "..", "..", "..", "shared", "tools", "warc-validate", "run.sh")
	if _, err := os.Stat(tool); err != nil {
		return "", "warc-validate (warcio.js) not found at " + filepath.Clean(tool) +
			"; it comes with the shared benchmark folder checked out beside the repository"
	}
	for _, cmd := range []string{"node", "npm"} {
		if _, err := exec.LookPath(cmd); err != nil {
			return "", cmd + " is not installed (warc-validate needs node and npm; e.g. apt-get install nodejs npm)"
		}
	}
	return tool, ""
}
