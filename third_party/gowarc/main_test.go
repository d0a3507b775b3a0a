package warc

import (
	"fmt"
	"os"
	"testing"
	"time"

	"go.uber.org/goleak"
)

// Verify leaks in ALL package tests.
//
// newsarc patch 5: Close no longer sleeps a second after closing its DNS and
// dedupe caches, so otter's cleanup goroutine of a closed cache, which
// returns at its next one-second tick, can still be running when the last
// test ends. The check waits up to two seconds for goroutines to end instead
// of goleak.VerifyTestMain's half second: a cache that is never closed, or
// any other goroutine that does not end, still fails it.
func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 {
		deadline := time.Now().Add(2 * time.Second)
		for {
			err := goleak.Find()
			if err == nil {
				break
			}
			if time.Now().After(deadline) {
				fmt.Fprintf(os.Stderr, "goleak: Errors on successful test run: %v\n", err)
				code = 1
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	os.Exit(code)
}
