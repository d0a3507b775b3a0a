// Package archive writes what newsarc keeps: WARC files recorded on the wire
// by gowarc's WARC-writing HTTP client, and one JSON file per article.
//
// A Recorder is an http.RoundTripper: the crawler fetches through it without
// knowing it is being recorded. Each response's body carries a Receipt,
// whose Wait returns where the response record lies once it is written and
// synced, so that the article JSON can point back at it and never at a
// record a crash lost. Repair closes what a killed process left open.
//
// archive may import selectors (for Article); it must never import crawler
// or anything in cmd.
package archive
