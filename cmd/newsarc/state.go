package main

import (
	"context"
	"time"

	"github.com/newsarc/newsarc/archive/state"
	"github.com/newsarc/newsarc/crawler"
)

// stateFrontier lets the crawler use the SQLite state as its frontier and
// history; the two packages keep their own types, so this is the only
// place that knows both.
type stateFrontier struct{ db *state.DB }

func (f stateFrontier) Push(ctx context.Context, run string, entries []crawler.Entry) (int, error) {
	out := make([]state.Entry, len(entries))
	for i, e := range entries {
		out[i] = state.Entry{URL: e.URL, Site: e.Site, Depth: e.Depth, Kind: e.Kind, Hint: e.Hint, Hops: e.Hops, Via: e.Via}
	}
	return f.db.Push(ctx, run, out)
}

func (f stateFrontier) Claim(ctx context.Context, site, worker string, n int, lease time.Duration) ([]crawler.Entry, error) {
	in, err := f.db.Claim(ctx, site, worker, n, lease)
	out := make([]crawler.Entry, len(in))
	for i, e := range in {
		out[i] = crawler.Entry{URL: e.URL, Site: e.Site, Depth: e.Depth, Kind: e.Kind, Hint: e.Hint, Hops: e.Hops, Via: e.Via}
	}
	return out, err
}

func (f stateFrontier) Finish(ctx context.Context, visits ...crawler.Visit) error {
	out := make([]state.Visit, len(visits))
	for i, v := range visits {
		out[i] = state.Visit{URL: v.URL, Site: v.Site, Status: v.Status, Err: v.Err, FetchedAt: v.FetchedAt, Digest: v.Digest, Run: v.Run}
	}
	return f.db.Finish(ctx, out...)
}

func (f stateFrontier) Release(ctx context.Context, worker string) (int, error) {
	return f.db.Release(ctx, worker)
}

func (f stateFrontier) Seen(ctx context.Context, url string) (crawler.Visit, bool, error) {
	v, ok, err := f.db.Seen(ctx, url)
	return crawler.Visit{URL: v.URL, Site: v.Site, Status: v.Status, Err: v.Err, FetchedAt: v.FetchedAt, Digest: v.Digest, Run: v.Run}, ok, err
}
