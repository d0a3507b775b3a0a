package archive

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/newsarc/newsarc/selectors/article"
)

// ArticlePath is where an article's JSON goes, relative to the archive dir:
// articles/<site>/<YYYY>/<MM>/<id>.json, the month being the one it was
// published in as the page printed it (or fetched, in UTC, when the page gives no date).
func ArticlePath(a *article.Article) string {
	when := a.FetchedAt.UTC()
	if !a.Published.IsZero() {
		when = a.Published // in its own offset: the month the reader saw
	}
	return filepath.Join("articles", SiteName(a.Site), fmt.Sprintf("%04d", when.Year()), fmt.Sprintf("%02d", int(when.Month())), a.ID+".json")
}

// WriteArticle writes a's JSON under dir atomically (a temporary file
// renamed into place, then the directory synced), so a crash never leaves
// half a document. It returns the path relative to dir.
func WriteArticle(dir string, a *article.Article) (string, error) {
	rel := ArticlePath(a)
	data, err := article.Indent(a, "  ")
	if err != nil {
		return "", fmt.Errorf("encode article %s: %w", a.URL, err)
	}
	if err := writeFileAtomic(filepath.Join(dir, tmpDir), filepath.Join(dir, rel), append(data, '\n')); err != nil {
		return "", err
	}
	return rel, nil
}

// tmpDir, under the archive dir, holds files being written. They are
// renamed into place once complete, so a process killed mid-write leaves
// its half only there, where Repair clears it.
const tmpDir = "articles/.tmp"

// writeFileAtomic writes data to a file in tmp, syncs it and renames it
// to path (on the same file system), then syncs path's directory.
func writeFileAtomic(tmp, path string, data []byte) error {
	d := filepath.Dir(path)
	if err := os.MkdirAll(d, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", d, err)
	}
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", tmp, err)
	}
	f, err := os.CreateTemp(tmp, filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	name := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(name, 0o644)
	}
	if err == nil {
		err = os.Rename(name, path)
	}
	if err != nil {
		os.Remove(name)
		return fmt.Errorf("write %s: %w", path, err)
	}
	syncDir(d)
	return nil
}
