package state

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Article is one archived version of an article, as the articles table
// lists it.
type Article struct {
	ID            string // first 16 hex digits of sha256 of the canonical URL
	URL           string // the URL fetched
	CanonicalURL  string
	Site          string
	Headline      string
	Published     time.Time // zero when the page gave no date; keeps its offset
	FetchedAt     time.Time
	JSONPath      string // relative to the archive dir
	WARCFile      string // relative to the archive dir
	WARCOffset    int64  // of the response record in WARCFile
	RecordID      string // WARC-Record-ID of the response record
	PayloadDigest string // WARC-Payload-Digest; what tells versions apart
	Version       int    // 1 for the first archived version, then 2, 3…
}

const (
	articleColumns = `id, url, canonical_url, site, headline, published, fetched_at,
	json_path, warc_file, warc_offset, record_id, payload_digest, version`

	sqlLatestArticle = `SELECT ` + articleColumns + ` FROM articles WHERE id = ? ORDER BY version DESC LIMIT 1`
	sqlAddArticle    = `INSERT INTO articles(` + articleColumns + `) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
)

// AddArticle records an archived version of an article. Versions are
// numbered by the catalog (a.Version is ignored): when a's payload digest
// differs from that of the latest version of a.ID, a is added as the next
// version and changed is true; when it is the same, nothing is written and
// version is the latest one's.
func (db *DB) AddArticle(ctx context.Context, a Article) (version int, changed bool, err error) {
	if a.ID == "" {
		return 0, false, fmt.Errorf("add article %s: empty id", a.URL)
	}
	version, changed, err = db.addArticle(ctx, a)
	if err != nil {
		return 0, false, fmt.Errorf("add article %s: %w", a.ID, db.fail(err))
	}
	return version, changed, nil
}

func (db *DB) addArticle(ctx context.Context, a Article) (int, bool, error) {
	// Immediate, so the read of the latest version and the insert cannot
	// interleave with another writer's.
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return 0, false, err
	}
	defer tx.Rollback()
	latest, ok, err := scanArticle(tx.StmtContext(ctx, db.st.latestArticleW).QueryRowContext(ctx, a.ID))
	if err != nil {
		return 0, false, err
	}
	if ok && latest.PayloadDigest == a.PayloadDigest {
		return latest.Version, false, nil
	}
	a.Version = latest.Version + 1
	if a.FetchedAt.IsZero() {
		a.FetchedAt = db.now()
	}
	_, err = tx.StmtContext(ctx, db.st.addArticle).ExecContext(ctx,
		a.ID, a.URL, a.CanonicalURL, a.Site, nullString(a.Headline), date(a.Published), instant(a.FetchedAt),
		a.JSONPath, a.WARCFile, a.WARCOffset, a.RecordID, a.PayloadDigest, a.Version)
	if err != nil {
		return 0, false, err
	}
	return a.Version, true, tx.Commit()
}

// LatestArticle returns the latest archived version of the article id, and
// false if it was never archived.
func (db *DB) LatestArticle(ctx context.Context, id string) (Article, bool, error) {
	a, ok, err := scanArticle(db.st.latestArticle.QueryRowContext(ctx, id))
	if err != nil {
		return Article{}, false, fmt.Errorf("look up article %s: %w", id, db.fail(err))
	}
	return a, ok, nil
}

func scanArticle(row *sql.Row) (Article, bool, error) {
	var a Article
	var headline, published, fetched sql.NullString
	err := row.Scan(&a.ID, &a.URL, &a.CanonicalURL, &a.Site, &headline, &published, &fetched,
		&a.JSONPath, &a.WARCFile, &a.WARCOffset, &a.RecordID, &a.PayloadDigest, &a.Version)
	if errors.Is(err, sql.ErrNoRows) {
		return Article{}, false, nil
	}
	if err != nil {
		return Article{}, false, err
	}
	a.Headline = headline.String
	if a.Published, err = parseTime(published); err != nil {
		return Article{}, false, err
	}
	if a.FetchedAt, err = parseTime(fetched); err != nil {
		return Article{}, false, err
	}
	return a, true, nil
}

// nullString stores "" as NULL, for columns where absent means unknown.
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}
