// Package archive writes what newsarc keeps: WARC files recorded on the wire
// by gowarc's WARC-writing HTTP client, and one JSON file per article.
//
// A Recorder is an http.RoundTripper: the crawler fetches through it without
// knowing it is being recorded. Each response's body carries a Receipt,
// whose Wait returns where the response record lies once it is written and
// synced, so that the article JSON can point back at it and never at a
// record a crash lost. Repair closes what a killed process left open.
//
// archive imports selectors/article (the article type, standard library
// only) and never the rest of selectors, so it links no extraction code;
// it must never import crawler, pipeline or anything in cmd.
package archive
