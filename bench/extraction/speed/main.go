// Command speed measures extraction speed on the pages of a corpus, one page
// at a time on one core: plain go-trafilatura (its default options, no
// fallback extractors, as a library user would call it), go-trafilatura
// with the options newsarc passes it (no comments, no date search), and
// newsarc's selectors.Extract (no per-site selectors), which does
// go-trafilatura's work plus its own layer, metadata, bylines and dates. It writes each engine's
// predictions for the shared scorer and prints one line per engine:
//
//	engine pages cpu_seconds pages_per_cpu_second median_ms p90_ms
//
// (median and 90th percentile of the CPU time of one page, its fastest
// round).
//
// main.go alone, its import turned to go-trafilatura as served rather than
// newsarc's patched copy (as bench/extraction/run.sh builds it), has no
// newsarc engine.
//
// CPU time is the process's user+system time, so other work on a shared
// machine does not count against the engine; GOMAXPROCS is 1.
//
// usage: speed -corpus ../shared/corpus/scrapinghub -out DIR [-rounds 3] [-engines a,b] [-cpuprofile FILE]
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/newsarc/newsarc/third_party/go-trafilatura"
)

// newsarcEngine builds the newsarc engine; nil in the stock build.
var newsarcEngine func() func(page) (string, error)

type page struct {
	ID   string `json:"id"`
	Path string `json:"html_path"`
	URL  string `json:"url"`
	html []byte
}

func main() {
	corpus := flag.String("corpus", "../shared/corpus/scrapinghub", "corpus folder holding truth.json")
	out := flag.String("out", "", "write predictions to OUT/<engine>/<id>.json")
	rounds := flag.Int("rounds", 3, "passes over the corpus per engine; the fastest counts")
	only := flag.String("engines", "go-trafilatura,go-trafilatura-lean,newsarc", "comma-separated engines to run")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of all rounds of all engines to this file")
	flag.Parse()
	log.SetFlags(0)
	runtime.GOMAXPROCS(1)
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
		defer func() {
			pprof.StopCPUProfile()
			if err := f.Close(); err != nil {
				log.Print(err)
			}
		}()
	}

	pages, err := load(*corpus)
	if err != nil {
		log.Fatal(err)
	}
	engines := []struct {
		name string
		run  func(page) (string, error)
	}{
		{"go-trafilatura", func(p page) (string, error) {
			u, _ := url.Parse(p.URL)
			res, err := trafilatura.Extract(bytes.NewReader(p.html), trafilatura.Options{OriginalURL: u})
			if err != nil {
				return "", err
			}
			return res.ContentText, nil
		}},
		// The options newsarc calls it with: no comments, no date search
		// (newsarc finds dates itself). The difference to newsarc is the
		// cost of newsarc's own layer and metadata.
		{"go-trafilatura-lean", func(p page) (string, error) {
			u, _ := url.Parse(p.URL)
			res, err := trafilatura.Extract(bytes.NewReader(p.html), trafilatura.Options{OriginalURL: u, ExcludeComments: true, HtmlDateMode: trafilatura.Disabled})
			if err != nil {
				return "", err
			}
			return res.ContentText, nil
		}},
	}
	if newsarcEngine != nil {
		engines = append(engines, struct {
			name string
			run  func(page) (string, error)
		}{"newsarc", newsarcEngine()})
	}
	for _, e := range engines {
		if !slices.Contains(strings.Split(*only, ","), e.name) {
			continue
		}
		best := time.Duration(0)
		perPage := make([]time.Duration, len(pages)) // each page's fastest round
		for r := range *rounds {
			debug.FreeOSMemory()
			start := cpuTime()
			bodies := make(map[string]string, len(pages))
			for i, p := range pages {
				t0 := cpuTime()
				body, err := e.run(p)
				if d := cpuTime() - t0; r == 0 || d < perPage[i] {
					perPage[i] = d
				}
				if err != nil {
					body = "" // an empty prediction: the scorer counts it against recall
				}
				bodies[p.ID] = body
			}
			spent := cpuTime() - start
			if r == 0 || spent < best {
				best = spent
			}
			if r == 0 && *out != "" {
				if err := write(filepath.Join(*out, e.name), bodies); err != nil {
					log.Fatal(err)
				}
			}
		}
		slices.Sort(perPage)
		ms := func(q float64) float64 { return float64(perPage[int(q*float64(len(perPage)-1))].Microseconds()) / 1000 }
		fmt.Printf("%s %d %.3f %.1f %.1f %.1f\n", e.name, len(pages), best.Seconds(), float64(len(pages))/best.Seconds(), ms(0.5), ms(0.9))
	}
}

func load(dir string) ([]page, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "truth.json"))
	if err != nil {
		return nil, err
	}
	var pages []page
	if err := json.Unmarshal(raw, &pages); err != nil {
		return nil, fmt.Errorf("read %s/truth.json: %w", dir, err)
	}
	if len(pages) == 0 {
		return nil, errors.New("no pages in truth.json")
	}
	for i := range pages {
		f, err := os.Open(filepath.Join(dir, pages[i].Path))
		if err != nil {
			return nil, err
		}
		zr, err := gzip.NewReader(f)
		if err == nil {
			pages[i].html, err = io.ReadAll(zr)
		}
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", pages[i].Path, err)
		}
	}
	return pages, nil
}

func write(dir string, bodies map[string]string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for id, body := range bodies {
		data, err := json.Marshal(map[string]string{"id": id, "body": body})
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, id+".json"), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// cpuTime is the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		log.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
