package state

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/gofrs/flock"
)

// ErrLocked is returned, wrapped, by Lock when another crawl holds the
// archive's lock. Callers map it to exit code 75 (temporary failure) so cron
// simply tries again later.
var ErrLocked = errors.New("state: archive locked by another crawl")

// LockFile is the name of the lock file in an archive dir.
const LockFile = ".lock"

// Lock takes the exclusive lock of the archive in dir, an flock(2) on
// dir/.lock, without waiting. If another process, or another Lock in this
// one, holds it, the error wraps ErrLocked and names dir and, when it can
// be read, the holder's PID. The lock dies with the process, kill -9
// included, so there is never a stale lock to remove by hand.
//
// unlock releases it; calling it again does nothing.
func Lock(dir string) (unlock func() error, err error) {
	path := filepath.Join(dir, LockFile)
	fl := flock.New(path, flock.SetFlag(os.O_CREATE|os.O_RDWR), flock.SetPermissions(0o644))
	ok, err := fl.TryLock()
	if err != nil {
		return nil, fmt.Errorf("lock archive %s: %w", dir, err)
	}
	if !ok {
		if pid := readPID(path); pid > 0 {
			return nil, fmt.Errorf("lock archive %s (held by pid %d): %w", dir, pid, ErrLocked)
		}
		return nil, fmt.Errorf("lock archive %s: %w", dir, ErrLocked)
	}
	writePID(path, os.Getpid())
	var once sync.Once
	return func() error {
		err := error(nil)
		once.Do(func() {
			// Clear the PID first, so nobody blames a process that is gone.
			writePID(path, 0)
			if uerr := fl.Unlock(); uerr != nil {
				err = fmt.Errorf("unlock archive %s: %w", dir, uerr)
			}
		})
		return err
	}, nil
}

// writePID records pid (0: none) in the lock file for the error message of
// the next Lock. It is best effort: the lock is what counts. The file is
// written through a second descriptor, which only flock(2) semantics allow:
// with fcntl locks (aix, solaris) closing it would drop the lock, and
// Windows locks forbid the write.
func writePID(path string, pid int) {
	switch runtime.GOOS {
	case "aix", "solaris", "windows":
		return
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return
	}
	defer f.Close()
	if pid > 0 {
		f.WriteString(strconv.Itoa(pid) + "\n")
	}
}

func readPID(path string) int {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		return 0
	}
	return pid
}
