// Package warctest runs the shared, independent WARC checker (warcio.js,
// ../shared/tools/warc-validate) from tests.
package warctest

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// Validate fails t unless every file passes warc-validate --strict: every
// record parses and its block and payload digests verify. Without the
// tool or node it skips the test, except under CI, where it fails.
func Validate(t testing.TB, files ...string) {
	t.Helper()
	_, here, _, _ := runtime.Caller(0)
	tool := filepath.Join(filepath.Dir(here), "..", "..", "..", "shared", "tools", "warc-validate", "run.sh")
	if _, err := os.Stat(tool); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("warc validator not found at %s", tool)
		}
		t.Skipf("warc validator not found at %s", tool)
	}
	if _, err := exec.LookPath("node"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("node is needed to validate WARC files")
		}
		t.Skip("node not installed: WARC validation skipped")
	}
	out, err := exec.Command("bash", append([]string{tool, "--strict"}, files...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("warc-validate --strict %v: %v\n%s", files, err, out)
	}
}
