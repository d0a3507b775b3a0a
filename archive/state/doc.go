// Package state keeps the incremental state of an archive in an embedded
// SQLite database, <archive>/state.db, and guards the archive with a lock.
//
// It owns four concerns, each a small method set on DB that a Redis backend
// (several crawl processes on several machines sharing one frontier) can
// implement with the same signatures:
//
//   - frontier: Push, Claim, Finish, Release. Claims are atomic and
//     carry a lease, so the claims of a crashed worker come back.
//   - seen URLs: Finish records a visit, Seen looks one up.
//   - catalog of archived articles: AddArticle, LatestArticle.
//   - run history: StartRun, FinishRun.
//
// Users declare the interfaces they need where they use them, over these
// methods, the Entry and Visit of crawler/frontier (so DB is a
// crawler.Frontier and crawler.History as it is) and this package's small
// types (Article, RunStats); nothing in the signatures is SQL.
//
// Everything lives in SQLite, nothing in Go maps, so memory stays flat
// however many URLs a crawl meets. The tables are named plainly
// (frontier, seen, articles, runs) so a user can query them with the
// sqlite3 CLI, for instance `sqlite3 archive/state.db 'select * from runs'`.
// Times are stored as RFC 3339 text.
//
// Errors name the operation and its object. When another process holds
// state.db's write lock past the busy timeout they wrap ErrBusy (try again
// later); when state.db is not a database or is damaged, ErrCorrupt. Both
// name the file.
//
// Lock takes the archive's lock: an flock on <archive>/.lock that dies with
// its process, so a second crawl of the archive fails at once with
// ErrLocked, and a crash never leaves a stale lock.
//
// state imports no other newsarc package but crawler/frontier, whose
// Entry and Visit it stores as they are; it never imports crawler,
// archive, selectors or pipeline.
package state
