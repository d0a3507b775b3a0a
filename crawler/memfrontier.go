package crawler

import (
	"cmp"
	"container/heap"
	"context"
	"github.com/newsarc/newsarc/crawler/frontier"
	"slices"
	"sync"
	"time"
)

// MemoryFrontier is a Frontier and History kept in memory, for runs that
// keep no state between them (`newsarc archive`, `newsarc extract URL`)
// and for tests. It follows the rules of the SQLite frontier
// (archive/state): a URL is queued once; pushed again it keeps the lower
// depth (and hops, with their Via) and the newer hint; a URL finished in
// a run is not queued again in that run unless its hint is newer than the
// visit; Claim hands out the lowest depth first, then the oldest.
type MemoryFrontier struct {
	mu      sync.Mutex
	entries map[string]*memEntry      // queued or claimed
	queued  memHeap                   // unclaimed entries, per site mixed
	visits  map[string]frontier.Visit // the latest visit of each URL
	nextID  int64
}

type memEntry struct {
	frontier.Entry
	id     int64
	worker string // "" when queued
	index  int    // in queued, -1 when claimed
}

// NewMemoryFrontier returns an empty frontier.
func NewMemoryFrontier() *MemoryFrontier {
	return &MemoryFrontier{entries: make(map[string]*memEntry), visits: make(map[string]frontier.Visit)}
}

// Push queues the entries not queued yet and not fetched in run, and
// returns the URLs it added.
func (m *MemoryFrontier) Push(_ context.Context, run string, entries []frontier.Entry) ([]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var added []string
	for _, e := range entries {
		if e.Kind == "" {
			e.Kind = frontier.KindPage
		}
		if q, ok := m.entries[e.URL]; ok {
			q.Depth = min(q.Depth, e.Depth)
			if e.Hops < q.Hops {
				q.Hops, q.Via = e.Hops, e.Via
			}
			if e.Hint.After(q.Hint) {
				q.Hint = e.Hint
			}
			if q.index >= 0 {
				heap.Fix(&m.queued, q.index)
			}
			continue
		}
		if v, ok := m.visits[e.URL]; ok && run != "" && v.Run == run && !e.Hint.After(v.FetchedAt) {
			continue
		}
		m.nextID++
		q := &memEntry{Entry: e, id: m.nextID}
		m.entries[e.URL] = q
		heap.Push(&m.queued, q)
		added = append(added, e.URL)
	}
	return added, nil
}

// Claim takes up to n queued entries of site for worker. The lease is not
// needed in one process: a claim lasts until Finish or Release.
func (m *MemoryFrontier) Claim(_ context.Context, site, worker string, n int, _ time.Duration) ([]frontier.Entry, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []frontier.Entry
	var other []*memEntry // of other sites, put back after
	for len(out) < n && m.queued.Len() > 0 {
		q := heap.Pop(&m.queued).(*memEntry)
		if q.Site != site {
			other = append(other, q)
			continue
		}
		q.worker = worker
		out = append(out, q.Entry)
	}
	for _, q := range other {
		heap.Push(&m.queued, q)
	}
	return out, nil
}

// Finish records visits and takes their URLs off the queue.
func (m *MemoryFrontier) Finish(_ context.Context, visits ...frontier.Visit) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, v := range visits {
		if v.FetchedAt.IsZero() {
			v.FetchedAt = time.Now().UTC()
		}
		if q, ok := m.entries[v.URL]; ok {
			if q.index >= 0 {
				heap.Remove(&m.queued, q.index)
			}
			delete(m.entries, v.URL)
		}
		m.visits[v.URL] = v
	}
	return nil
}

// Release gives back what worker still holds.
func (m *MemoryFrontier) Release(_ context.Context, worker string) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for _, q := range m.entries {
		if q.index < 0 && q.worker == worker {
			q.worker = ""
			heap.Push(&m.queued, q)
			n++
		}
	}
	return n, nil
}

// Seen returns the latest visit of url.
func (m *MemoryFrontier) Seen(_ context.Context, url string) (frontier.Visit, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.visits[url]
	return v, ok, nil
}

// Pending lists the entries still queued or claimed, in claim order.
func (m *MemoryFrontier) Pending() []frontier.Entry {
	m.mu.Lock()
	defer m.mu.Unlock()
	all := make([]*memEntry, 0, len(m.entries))
	for _, q := range m.entries {
		all = append(all, q)
	}
	slices.SortFunc(all, func(a, b *memEntry) int {
		if c := cmp.Compare(a.Depth, b.Depth); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	out := make([]frontier.Entry, len(all))
	for i, q := range all {
		out[i] = q.Entry
	}
	return out
}

// memHeap orders unclaimed entries by depth, then by when they were queued.
type memHeap []*memEntry

func (h memHeap) Len() int { return len(h) }
func (h memHeap) Less(i, j int) bool {
	if h[i].Depth != h[j].Depth {
		return h[i].Depth < h[j].Depth
	}
	return h[i].id < h[j].id
}
func (h memHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index, h[j].index = i, j
}
func (h *memHeap) Push(x any) {
	q := x.(*memEntry)
	q.index = len(*h)
	*h = append(*h, q)
}
func (h *memHeap) Pop() any {
	old := *h
	q := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	q.index = -1
	return q
}
