// Package pipeline runs newsarc's jobs from a validated configuration:
// Crawl (the configured sites, incrementally, into an archive with
// state), Archive (a list of URLs, no link following) and Fetch (one page
// for extraction, nothing recorded). It owns the order of a run (lock,
// repair, state, recorder, crawler, close) and the page handler that turns
// each fetched article page into its JSON and catalog entry:
//
//	crawler ─ page ─▶ handler ─▶ selectors.Extract ─▶ archive.WriteArticle ─▶ state catalog
//	   └─ exchange ─▶ archive.Recorder (WARC)        (the JSON points at the synced record)
//
// It imports crawler, archive, archive/state and selectors, and is
// imported by cmd/newsarc only; it knows nothing of flags, files of
// configuration or exit codes. Errors it returns wrap ErrLocked when
// another process holds the archive (cron retries later) and
// ErrInterrupted when the context was cancelled.
package pipeline
