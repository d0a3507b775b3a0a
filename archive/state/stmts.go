package state

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// stmts are the statements on hot paths, prepared once at Open. Writes are
// prepared on the single write connection, reads on the read pool.
type stmts struct {
	all []*sql.Stmt

	push, lastID, expire, claim, release *sql.Stmt
	finishDelete, finishKeep, finishSeen *sql.Stmt
	addArticle, latestArticleW           *sql.Stmt

	seen, latestArticle *sql.Stmt
}

func (s *stmts) prepare(ctx context.Context, w, r *sql.DB) error {
	for _, p := range []struct {
		db    *sql.DB
		st    **sql.Stmt
		query string
	}{
		{w, &s.expire, sqlExpire},
		{w, &s.claim, sqlClaim},
		{w, &s.push, sqlPushUpsert},
		{w, &s.lastID, sqlLastID},
		{w, &s.release, sqlRelease},
		{w, &s.finishDelete, sqlFinishDelete},
		{w, &s.finishKeep, sqlFinishKeep},
		{w, &s.finishSeen, sqlFinishSeen},
		{w, &s.addArticle, sqlAddArticle},
		{w, &s.latestArticleW, sqlLatestArticle},
		{r, &s.seen, sqlSeen},
		{r, &s.latestArticle, sqlLatestArticle},
	} {
		st, err := p.db.PrepareContext(ctx, p.query)
		if err != nil {
			return fmt.Errorf("prepare %q: %w", firstLine(p.query), err)
		}
		*p.st = st
		s.all = append(s.all, st)
	}
	return nil
}

func (s *stmts) close() {
	for _, st := range s.all {
		st.Close() // only fails if already closed
	}
	s.all = nil
}

func firstLine(q string) string {
	q = strings.TrimSpace(q)
	if i := strings.IndexByte(q, '\n'); i >= 0 {
		return q[:i]
	}
	return q
}
