package archive

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/gofrs/flock"
	warc "github.com/newsarc/newsarc/third_party/gowarc"
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
// renamed .corrupt instead. WARC files closed since the last repair are
// checked too, once each: a crash (power loss) after a rename could have
// left one shorter than its records. Files still being written by a live
// Recorder are left alone: Repair then does nothing and says so.
func Repair(dir string, log *slog.Logger) ([]Repaired, error) {
	if log == nil {
		log = slog.Default()
	}
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
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
	// Nobody writes now: what is left in the temporary dir is the half of
	// a file a killed process was writing.
	if left, _ := os.ReadDir(filepath.Join(dir, tmpDir)); len(left) > 0 {
		for _, e := range left {
			os.Remove(filepath.Join(dir, tmpDir, e.Name()))
		}
		log.Info("removed files left half-written by a killed run", "dir", filepath.Join(dir, tmpDir), "files", len(left))
	}
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
	checked, err := checkClosed(dir, log)
	return append(out, checked...), err
}

// checkedMarker is touched after each check of the closed files; files
// changed after it are checked at the next repair.
const checkedMarker = ".repair-checked"

// checkClosed checks the WARC files closed since the last check: each is
// cut back to its last complete record if it ends in the middle of one.
// With no marker yet (a new archive, or one written before checks
// existed), the files of the last day are checked.
func checkClosed(dir string, log *slog.Logger) ([]Repaired, error) {
	marker := filepath.Join(dir, "warc", checkedMarker)
	since := time.Now().Add(-24 * time.Hour)
	if fi, err := os.Stat(marker); err == nil {
		since = fi.ModTime()
	}
	started := time.Now()
	var out []Repaired
	for _, pattern := range []string{"*.warc.gz", "*.warc"} {
		files, _ := filepath.Glob(filepath.Join(dir, "warc", "*", pattern))
		for _, path := range files {
			fi, err := os.Stat(path)
			if err != nil || !fi.ModTime().After(since) {
				continue
			}
			r, err := truncateToComplete(path)
			if err != nil {
				return out, fmt.Errorf("check %s: %w", path, err)
			}
			if r.Dropped > 0 {
				r.File, _ = filepath.Rel(dir, path)
				log.Warn("closed warc file ended mid-record: cut back to its last complete record", "file", r.File, "kept_bytes", r.Kept, "dropped_bytes", r.Dropped)
				out = append(out, r)
			}
		}
	}
	if err := os.MkdirAll(filepath.Dir(marker), 0o755); err != nil {
		return out, fmt.Errorf("mark warc check: %w", err)
	}
	if err := os.WriteFile(marker, nil, 0o644); err != nil {
		return out, fmt.Errorf("mark warc check: %w", err)
	}
	// The marker says when the check began: a file closed while it ran
	// is checked next time.
	os.Chtimes(marker, started, started)
	return out, nil
}

// truncateToComplete cuts a closed WARC file after its last complete
// record. A file with none is left as it is, for a person to look at.
func truncateToComplete(path string) (Repaired, error) {
	r, err := cutToComplete(path)
	if err != nil || r.Kept == 0 {
		return Repaired{Kept: r.Kept + r.Dropped}, err
	}
	return r, nil
}

// repairFile closes a file left .open: cut after its last complete record
// and renamed, or set aside as .corrupt when none is complete (removed
// when empty).
func repairFile(path string) (Repaired, error) {
	r, err := cutToComplete(path)
	if err != nil {
		return r, err
	}
	final := strings.TrimSuffix(path, ".open")
	if r.Kept == 0 {
		if r.Dropped == 0 {
			return r, os.Remove(path)
		}
		r.SetAside = true
		final += ".corrupt"
	}
	if err := os.Rename(path, final); err != nil {
		return r, err
	}
	syncDir(filepath.Dir(path))
	return r, nil
}

// cutToComplete truncates path after its last complete record, if it has
// one, and syncs it.
func cutToComplete(path string) (Repaired, error) {
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
	if good > 0 && r.Dropped > 0 {
		if err := f.Truncate(good); err != nil {
			return r, err
		}
	}
	return r, f.Sync()
}

// completeLength is the length of the run of complete records at the
// start of f.
func completeLength(f io.ReadSeeker, plain bool) int64 {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return 0
	}
	if plain {
		return scanPlain(f, 0, func(warc.Header, int64) {})
	}
	// Ours are gzip; gowarc's reader would also take bzip2, xz and zstd,
	// whose decoders size their memory from what the file claims.
	var magic [2]byte
	if _, err := io.ReadFull(f, magic[:]); err != nil || magic != [2]byte{0x1f, 0x8b} {
		return 0
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return 0
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
