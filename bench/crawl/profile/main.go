// Command profile drives one newsarc crawl the way `newsarc crawl` does
// (cmd/newsarc/crawl.go: state, recorder, crawler, and a page handler that
// extracts, writes the article JSON and catalogs it) with runtime/pprof
// around it, because newsarc has no profiling flag. It is a copy of the
// wiring, not of the packages: crawler, archive, archive/state and
// selectors are the production code.
//
//	profile -out DIR [-articles REGEX] [-cpuprofile F] [-memprofile F]
//	        [-heapat N] [-blockprofile F] [-mutexprofile F] [-trace F] BASE_URL
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"sync"
	"time"

	"github.com/newsarc/newsarc/archive"
	"github.com/newsarc/newsarc/archive/state"
	"github.com/newsarc/newsarc/crawler"
	"github.com/newsarc/newsarc/crawler/discover"
	"github.com/newsarc/newsarc/selectors"
)

type flags struct {
	out, articles                          string
	cpu, mem, block, mutex, trace          string
	heapAt, concurrency, maxDepth, retries int
}

func main() {
	var f flags
	flag.StringVar(&f.out, "out", "", "archive dir (created; must not hold a previous crawl)")
	flag.StringVar(&f.articles, "articles", `/\d{4}/\d{2}/\d{2}/`, "article_urls regex ('^$': archive only)")
	flag.StringVar(&f.cpu, "cpuprofile", "", "write a CPU profile of the crawl")
	flag.StringVar(&f.mem, "memprofile", "", "write heap profiles: FILE (end of crawl) and FILE.mid (after -heapat pages)")
	flag.IntVar(&f.heapAt, "heapat", 1000, "pages after which the mid-crawl heap profile is written")
	flag.StringVar(&f.block, "blockprofile", "", "write a blocking profile")
	flag.StringVar(&f.mutex, "mutexprofile", "", "write a mutex contention profile")
	flag.StringVar(&f.trace, "trace", "", "write an execution trace (large)")
	flag.IntVar(&f.concurrency, "concurrency", 8, "crawl.concurrency")
	flag.IntVar(&f.maxDepth, "maxdepth", 1000000, "crawl.max_depth")
	flag.IntVar(&f.retries, "retries", 3, "crawl.retries")
	flag.Parse()
	if flag.NArg() != 1 || f.out == "" {
		fmt.Fprintln(os.Stderr, "usage: profile -out DIR [flags] BASE_URL")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, f, flag.Arg(0)); err != nil {
		fmt.Fprintln(os.Stderr, "profile:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, f flags, base string) error {
	re, err := regexp.Compile(f.articles)
	if err != nil {
		return err
	}
	bu, err := url.Parse(base)
	if err != nil {
		return err
	}
	if f.block != "" {
		runtime.SetBlockProfileRate(int(10 * time.Microsecond))
	}
	if f.mutex != "" {
		runtime.SetMutexProfileFraction(10)
	}
	if f.cpu != "" {
		cf, err := os.Create(f.cpu)
		if err != nil {
			return err
		}
		defer cf.Close()
		if err := pprof.StartCPUProfile(cf); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if f.trace != "" {
		tf, err := os.Create(f.trace)
		if err != nil {
			return err
		}
		defer tf.Close()
		if err := trace.Start(tf); err != nil {
			return err
		}
		defer trace.Stop()
	}

	start := time.Now()
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	if err := os.MkdirAll(f.out, 0o755); err != nil {
		return err
	}
	unlock, err := state.Lock(f.out)
	if err != nil {
		return err
	}
	defer unlock()
	db, err := state.Open(ctx, filepath.Join(f.out, "state.db"))
	if err != nil {
		return err
	}
	defer db.Close()
	runID := start.UTC().Format("20060102T150405Z") + "-prof"
	if err := db.StartRun(ctx, runID, start); err != nil {
		return err
	}
	ex, err := selectors.New(selectors.Config{}) // no selectors: JSON-LD, meta, generic
	if err != nil {
		return err
	}
	const siteName = "bench"
	rec, err := archive.NewRecorder(archive.Config{
		Dir: f.out, Software: "newsarc-profile", Timeout: 30 * time.Second,
		SiteFor: func(string) string { return siteName }, Logger: log,
	})
	if err != nil {
		return err
	}
	h := &handler{dir: f.out, site: siteName, ex: ex, rec: rec, db: db, heapFile: f.mem, heapAt: f.heapAt}
	c, err := crawler.New(crawler.Config{
		UserAgent: "newsarc/1.0 (+https://github.com/newsarc/newsarc)", Concurrency: f.concurrency,
		PerHostDelay: 0, RespectRobots: true, Timeout: 30 * time.Second, Retries: f.retries, Logger: log,
	}, rec, h)
	if err != nil {
		return err
	}
	site := &crawler.Site{Name: siteName, StartURLs: []string{base}, AllowedDomains: []string{bu.Hostname()},
		ArticleURLs: []*regexp.Regexp{re}, MaxDepth: f.maxDepth}
	hostname, _ := os.Hostname()
	st, crawlErr := c.Crawl(ctx, site, crawler.Run{ID: runID, Worker: hostname, Now: start}, frontier{db}, frontier{db})
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	closeErr := rec.Close(cctx)
	secs := time.Since(start).Seconds()

	if f.mem != "" {
		if err := writeHeap(f.mem); err != nil {
			return err
		}
	}
	for name, file := range map[string]string{"block": f.block, "mutex": f.mutex} {
		if file != "" {
			if err := writeProfile(name, file); err != nil {
				return err
			}
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	h.mu.Lock()
	fmt.Printf("%d pages (%d articles, %d errors) in %.1fs: %.1f pages/s; frontier stats %+v; heap sys %d MiB, total alloc %d MiB, GC cycles %d\n",
		h.pages, h.articles, h.errors, secs, float64(h.pages)/secs, st, ms.HeapSys>>20, ms.TotalAlloc>>20, ms.NumGC)
	h.mu.Unlock()
	return errors.Join(crawlErr, closeErr)
}

func writeHeap(file string) error {
	runtime.GC() // up-to-date in-use figures
	return writeProfile("heap", file)
}

func writeProfile(name, file string) error {
	out, err := os.Create(file)
	if err != nil {
		return err
	}
	defer out.Close()
	return pprof.Lookup(name).WriteTo(out, 0)
}

// handler is cmd/newsarc's pageHandler for a crawl, without the counters
// the summary needs.
type handler struct {
	dir, site string
	ex        *selectors.Extractor
	rec       *archive.Recorder
	db        *state.DB
	heapFile  string
	heapAt    int

	mu                      sync.Mutex
	pages, articles, errors int
}

func (h *handler) HandlePage(ctx context.Context, p *crawler.Page) error {
	h.mu.Lock()
	h.pages++
	if h.pages == h.heapAt && h.heapFile != "" {
		writeHeap(h.heapFile + ".mid")
	}
	h.mu.Unlock()
	if !p.Article {
		return nil
	}
	if mt, _, _ := mime.ParseMediaType(p.ContentType); mt != "text/html" && mt != "application/xhtml+xml" {
		return fmt.Errorf("%s: not html", p.URL)
	}
	date := p.FetchedAt
	if d, err := http.ParseTime(p.Header.Get("Date")); err == nil {
		date = d
	}
	a, _, err := h.ex.Extract(selectors.Page{URL: p.URL.String(), Body: p.Body, ContentType: p.ContentType, Date: date})
	if err != nil {
		return err
	}
	a.Site = h.site
	a.FetchedAt = p.FetchedAt
	if u, err1 := discover.Canonical(a.URL); err1 == nil {
		if c, err2 := discover.Canonical(a.CanonicalURL); err2 == nil && u != c {
			return nil // a copy of another article
		}
	}
	ref, err := h.rec.Locate(p.URL.String(), p.URL.Hostname())
	if err != nil {
		return err
	}
	a.WARC = &selectors.WARCRef{File: filepath.ToSlash(ref.File), RecordID: ref.RecordID, Offset: ref.Offset, PayloadDigest: ref.PayloadDigest}
	if latest, ok, err := h.db.LatestArticle(ctx, a.ID); err != nil {
		return err
	} else if ok && latest.PayloadDigest == a.WARC.PayloadDigest {
		return nil
	}
	path, err := archive.WriteArticle(h.dir, a)
	if err != nil {
		return err
	}
	if _, _, err := h.db.AddArticle(ctx, state.Article{
		ID: a.ID, URL: a.URL, CanonicalURL: a.CanonicalURL, Site: a.Site, Headline: a.Headline,
		Published: a.Published, FetchedAt: a.FetchedAt, JSONPath: filepath.ToSlash(path),
		WARCFile: a.WARC.File, WARCOffset: a.WARC.Offset, RecordID: a.WARC.RecordID, PayloadDigest: a.WARC.PayloadDigest,
	}); err != nil {
		return err
	}
	h.mu.Lock()
	h.articles++
	h.mu.Unlock()
	return nil
}

func (h *handler) HandleError(_ context.Context, rawURL string, err error) {
	h.mu.Lock()
	h.errors++
	h.mu.Unlock()
	fmt.Fprintf(os.Stderr, "error: %s: %v\n", rawURL, err)
}

// frontier is cmd/newsarc's stateFrontier: the SQLite state as the
// crawler's frontier and history.
type frontier struct{ db *state.DB }

func (f frontier) Push(ctx context.Context, run string, entries []crawler.Entry) (int, error) {
	out := make([]state.Entry, len(entries))
	for i, e := range entries {
		out[i] = state.Entry{URL: e.URL, Site: e.Site, Depth: e.Depth, Kind: e.Kind, Hint: e.Hint}
	}
	return f.db.Push(ctx, run, out)
}

func (f frontier) Claim(ctx context.Context, site, worker string, n int, lease time.Duration) ([]crawler.Entry, error) {
	in, err := f.db.Claim(ctx, site, worker, n, lease)
	out := make([]crawler.Entry, len(in))
	for i, e := range in {
		out[i] = crawler.Entry{URL: e.URL, Site: e.Site, Depth: e.Depth, Kind: e.Kind, Hint: e.Hint}
	}
	return out, err
}

func (f frontier) Finish(ctx context.Context, visits ...crawler.Visit) error {
	out := make([]state.Visit, len(visits))
	for i, v := range visits {
		out[i] = state.Visit{URL: v.URL, Site: v.Site, Status: v.Status, Err: v.Err, FetchedAt: v.FetchedAt, Digest: v.Digest, Run: v.Run}
	}
	return f.db.Finish(ctx, out...)
}

func (f frontier) Release(ctx context.Context, worker string) (int, error) {
	return f.db.Release(ctx, worker)
}

func (f frontier) Seen(ctx context.Context, u string) (crawler.Visit, bool, error) {
	v, ok, err := f.db.Seen(ctx, u)
	return crawler.Visit{URL: v.URL, Site: v.Site, Status: v.Status, Err: v.Err, FetchedAt: v.FetchedAt, Digest: v.Digest, Run: v.Run}, ok, err
}
