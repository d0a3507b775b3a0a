// Package archive writes what newsarc keeps: WARC files recorded on the wire
// by gowarc's WARC-writing HTTP client, and one JSON file per article.
//
// A Recorder is an http.RoundTripper: the crawler fetches through it without
// knowing it is being recorded. Once a response body is closed its request and
// response records are on disk, and Locate tells where the response record
// lies so the article JSON can point back at it.
//
// archive may import selectors (for Article); it must never import crawler
// or anything in cmd.
package archive
