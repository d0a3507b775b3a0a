package archive

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/gofrs/flock"
	warc "github.com/internetarchive/gowarc"
)

// writersLock is held shared by every Recorder while it writes, so Repair
// can tell a WARC file left .open by a dead process from one being written.
const writersLock = ".writers.lock"

// holdWriters takes the shared writers lock of dir.
func holdWriters(dir string) (*flock.Flock, error) {
	fl := flock.New(filepath.Join(dir, writersLock))
	ok, err := fl.TryRLock()
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", fl.Path(), err)
	}
	if !ok {
		return nil, fmt.Errorf("lock %s: an archive repair is running", fl.Path())
	}
	return fl, nil
}

// Repaired is what Repair did to one file left .open.
type Repaired struct {
	File    string // relative to the archive dir, as found
	Kept    int64  // bytes of complete records kept
	Dropped int64  // bytes of the cut-off record dropped
	// SetAside is true when not even the first record could be read: the
	// file was renamed to .corrupt and left for a person to look at.
	SetAside bool
}

// Repair finds WARC files that a killed process left .open under dir,
// cuts each back to its last complete record and closes it (drops
// .open), so every WARC file validates. A file with no readable record is
// renamed .corrupt instead. Files still being written by a live Recorder
// are left alone: Repair then does nothing and says so.
func Repair(dir string, log *slog.Logger) ([]Repaired, error) {
	if log == nil {
		log = slog.Default()
	}
	if _, err := os.Stat(filepath.Join(dir, "warc")); errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	fl := flock.New(filepath.Join(dir, writersLock))
	ok, err := fl.TryLock()
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", fl.Path(), err)
	}
	if !ok {
		log.Info("warc repair skipped: another newsarc is writing to the archive", "dir", dir)
		return nil, nil
	}
	defer fl.Unlock()
	open, err := filepath.Glob(filepath.Join(dir, "warc", "*", "*.open"))
	if err != nil {
		return nil, err
	}
	var out []Repaired
	for _, path := range open {
		r, err := repairFile(path)
		rel, _ := filepath.Rel(dir, path)
		r.File = rel
		if err != nil {
			return out, fmt.Errorf("repair %s: %w", path, err)
		}
		if r.SetAside {
			log.Warn("warc file unreadable: set aside", "file", rel, "as", strings.TrimSuffix(rel, ".open")+".corrupt")
		} else {
			log.Warn("warc file left open by a killed run: repaired", "file", rel, "kept_bytes", r.Kept, "dropped_bytes", r.Dropped)
		}
		out = append(out, r)
	}
	return out, nil
}

func repairFile(path string) (Repaired, error) {
	var r Repaired
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return r, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return r, err
	}
	good := completeLength(f, strings.HasSuffix(strings.TrimSuffix(path, ".open"), ".warc"))
	r.Kept, r.Dropped = good, info.Size()-good
	final := strings.TrimSuffix(path, ".open")
	if good == 0 {
		r.SetAside = true
		final += ".corrupt"
		if info.Size() == 0 {
			r.SetAside = false
			f.Close()
			return r, os.Remove(path)
		}
	} else if err := f.Truncate(good); err != nil {
		return r, err
	}
	if err := f.Sync(); err != nil {
		return r, err
	}
	if err := os.Rename(path, final); err != nil {
		return r, err
	}
	syncDir(filepath.Dir(path))
	return r, nil
}

// completeLength is the length of the run of complete records at the
// start of f.
func completeLength(f *os.File, plain bool) int64 {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return 0
	}
	if plain {
		return scanPlain(f, 0, func(warc.Header, int64) {})
	}
	rd, err := warc.NewReader(f)
	if err != nil {
		return 0
	}
	defer rd.Close()
	var end int64
	for {
		rec, err := rd.ReadRecord(warc.ReadOptsNoContentOutput)
		if err != nil {
			return end
		}
		rec.Content.Close()
		end = rec.Offset + rec.Size
	}
}
