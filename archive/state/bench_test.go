package state

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsarc/newsarc/crawler/frontier"
)

// links makes n entries shaped like a news site's links.
func links(round, n int) []frontier.Entry {
	out := make([]frontier.Entry, n)
	for i := range out {
		out[i] = frontier.Entry{
			URL:   fmt.Sprintf("https://www.example.ma/2026/%02d/%02d/article-slug-number-%d-%d.html", i%12+1, i%28+1, round, i),
			Site:  "nabae24",
			Depth: i % 4,
		}
	}
	return out
}

// BenchmarkPush pushes batches of 1 000 new URLs.
func BenchmarkPush(b *testing.B) {
	db, _ := openTest(b)
	batches := make([][]frontier.Entry, 64)
	for i := range batches {
		batches[i] = links(i, 1000)
	}
	b.ReportAllocs()
	round := 0
	for b.Loop() {
		batch := batches[round%len(batches)]
		for i := range batch { // new URLs every round, without timing fmt
			batch[i].URL = batch[i].URL[:strings.LastIndexByte(batch[i].URL, '/')+1] + strconv.Itoa(round) + "-" + strconv.Itoa(i)
		}
		if _, err := db.Push(b.Context(), "r", batch); err != nil {
			b.Fatal(err)
		}
		round++
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(round*1000), "ns/url")
}

// BenchmarkPush_Known pushes batches of 1 000 URLs that are all queued
// already: a page's navigation links, the common case.
func BenchmarkPush_Known(b *testing.B) {
	db, _ := openTest(b)
	batch := links(0, 1000)
	if _, err := db.Push(b.Context(), "r", batch); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := db.Push(b.Context(), "r", batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*1000), "ns/url")
}

// BenchmarkClaimFinish claims one entry at a time and finishes it, as a
// worker does per page, from a frontier of 100 000 entries.
func BenchmarkClaimFinish(b *testing.B) {
	db, _ := openTest(b)
	for round := range 100 {
		if _, err := db.Push(b.Context(), "", links(round, 1000)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		got, err := db.Claim(b.Context(), "nabae24", "w", 1, time.Minute)
		if err != nil || len(got) != 1 {
			b.Fatalf("Claim = %d entries, %v", len(got), err)
		}
		if err := db.Finish(b.Context(), frontier.Visit{URL: got[0].URL, Site: "nabae24", Status: 200, Run: "r"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkClaim_Deferred claims one entry and releases it again, with
// none or 50 000 entries of the site already claimed: a crawler that defers
// the URLs of a paused host keeps them claimed until the end of the run, so
// Claim's cost must not grow with them.
func BenchmarkClaim_Deferred(b *testing.B) {
	for _, deferred := range []int{0, 50_000} {
		b.Run(fmt.Sprintf("claimed=%d", deferred), func(b *testing.B) {
			db, _ := openTest(b)
			// Deferred entries come first in claim order (depth, then id),
			// where a walk of all entries meets them before any queued one.
			for round := range deferred / 1000 {
				batch := links(round, 1000)
				for i := range batch {
					batch[i].Depth = 0
				}
				if _, err := db.Push(b.Context(), "", batch); err != nil {
					b.Fatal(err)
				}
			}
			if got, err := db.Claim(b.Context(), "nabae24", "deferred", deferred, time.Hour); err != nil || len(got) != deferred {
				b.Fatalf("Claim of the deferred = %d entries, %v", len(got), err)
			}
			if _, err := db.Push(b.Context(), "", links(1000, 1000)); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				got, err := db.Claim(b.Context(), "nabae24", "w", 1, time.Minute)
				if err != nil || len(got) != 1 {
					b.Fatalf("Claim = %d entries, %v", len(got), err)
				}
				if _, err := db.Release(b.Context(), "w"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestDB_Push100k pushes 100 000 URLs (20 000 under the race detector)
// and claims and finishes a tenth of them, checking that the Go heap does
// not grow with the number of URLs: they live in SQLite. SQLite's own page
// cache is bounded and outside the Go heap; RSS is logged for a look.
func TestDB_Push100k(t *testing.T) {
	db, _ := openTest(t)
	ctx := t.Context()
	rounds := 100 // of 1 000 URLs
	if raceEnabled {
		rounds = 20
	}
	heap := func() uint64 {
		runtime.GC()
		runtime.GC() // and what sync.Pools (encoding/json's buffers) kept

		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapInuse
	}
	var base uint64
	for round := range rounds {
		if round == rounds/10 {
			base = heap()
		}
		if _, err := db.Push(ctx, "r", links(round, 1000)); err != nil {
			t.Fatal(err)
		}
		got, err := db.Claim(ctx, "nabae24", "w", 100, time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		visits := make([]frontier.Visit, len(got))
		for i, e := range got {
			visits[i] = frontier.Visit{URL: e.URL, Site: e.Site, Status: 200, Run: "r"}
		}
		if err := db.Finish(ctx, visits...); err != nil {
			t.Fatal(err)
		}
	}
	after := heap()
	if n, err := pending(ctx, db, "nabae24"); err != nil || n != rounds*900 {
		t.Fatalf("Pending = %d, %v; want %d", n, err, rounds*900)
	}
	added := uint64(rounds-rounds/10) * 1000
	t.Logf("Go heap in use after %d URLs %d KiB, after %d more %d KiB; RSS %s", rounds*100, base>>10, added, after>>10, rss())
	// Holding the URLs in Go would take 100 bytes or more each (the
	// strings alone are about 70); allow a fifth of that, plus some noise.
	if after > base+added*20+512<<10 {
		t.Errorf("Go heap grew from %d to %d KiB while pushing %d URLs", base>>10, after>>10, added)
	}
}

func rss() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}
