package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

// limitFileSize makes writes past n bytes in any file fail (EFBIG), as
// they would on a full disk: RLIMIT_FSIZE, with SIGXFSZ ignored so the
// write fails instead of killing the process.
func limitFileSize(n uint64) {
	signal.Ignore(syscall.SIGXFSZ)
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: n, Max: n}); err != nil {
		fmt.Fprintln(os.Stderr, "setrlimit:", err)
		os.Exit(3)
	}
}
