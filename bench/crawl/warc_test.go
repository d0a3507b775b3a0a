package crawlbench

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"

	warc "github.com/newsarc/newsarc/third_party/gowarc"

	"github.com/newsarc/newsarc/archive"
)

// BenchmarkWARCWrite fetches synthetic ~90 KB article pages, one exchange per
// op, and waits until its request and response records are on disk.
// MB/s is of decoded page bytes. Sub-benchmarks:
//
//   - net-http: no WARC at all, the floor;
//   - gowarc-gzip, gowarc-none: gowarc's WARC-writing client as archive
//     configures it (no deduplication: every payload here is new anyway);
//   - recorder-gzip: archive.Recorder, what newsarc fetches through, then
//     the wait for the receipt (record written and fsynced) that an
//     article's JSON waits for;
//   - recorder-gzip-x8: the same, 8 exchanges at once per op, as a crawl
//     with concurrency 8 runs them (ns/op is for 8 pages).
func BenchmarkWARCWrite(b *testing.B) {
	srv := newUniqueServer(b)
	b.Run("net-http", func(b *testing.B) {
		c := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 8}}
		benchFetch(b, srv, 1, func(u string) error { return get(c, u) })
	})
	for _, comp := range []string{"gzip", "none"} {
		b.Run("gowarc-"+comp, func(b *testing.B) {
			c := gowarcClient(b, comp)
			benchFetch(b, srv, 1, func(u string) error {
				written := make(chan struct{}, 1)
				req, _ := http.NewRequestWithContext(warc.WithFeedbackChannel(context.Background(), written), http.MethodGet, u, nil)
				resp, err := c.Do(req)
				if err != nil {
					return err
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				<-written
				return nil
			})
		})
	}
	for _, par := range []int{1, 8} {
		name := "recorder-gzip"
		if par > 1 {
			name += "-x" + strconv.Itoa(par)
		}
		b.Run(name, func(b *testing.B) {
			rec, err := archive.NewRecorder(archive.Config{Dir: b.TempDir(), SiteFor: func(string) string { return "bench" }, Timeout: 30 * time.Second})
			if err != nil {
				b.Fatal(err)
			}
			defer rec.Close(context.Background())
			c := &http.Client{Transport: rec}
			benchFetch(b, srv, par, func(u string) error {
				resp, err := c.Get(u)
				if err != nil {
					return err
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				rc, ok := resp.Body.(interface{ Record() any }).Record().(*archive.Receipt)
				if !ok {
					return fmt.Errorf("%s: no receipt", u)
				}
				_, err = rc.Wait(context.Background())
				return err
			})
		})
	}
}

// benchFetch runs par fetches of distinct URLs per op.
func benchFetch(b *testing.B, srv *uniqueServer, par int, fetch func(string) error) {
	b.SetBytes(srv.mean * int64(par))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		var wg sync.WaitGroup
		errs := make([]error, par)
		for i := range par {
			u := srv.URL + "/" + strconv.Itoa(n+i)
			wg.Go(func() { errs[i] = fetch(u) })
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				b.Fatal(err)
			}
		}
		n += par
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n)/1e6, "ms/page")
}

func get(c *http.Client, u string) error {
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return err
}

func gowarcClient(b *testing.B, compression string) *warc.CustomHTTPClient {
	rs := warc.NewRotatorSettings()
	rs.Prefix = "bench"
	rs.OutputDirectory = b.TempDir()
	rs.Compression = warc.CompressionGzip
	if compression == "none" {
		rs.Compression = warc.CompressionNone
	}
	c, err := warc.NewWARCWritingHTTPClient(warc.HTTPClientSettings{
		RotatorSettings: rs, DecompressBody: false, VerifyCerts: true, FollowRedirects: false, DialTimeout: 30 * time.Second,
	})
	if err != nil {
		b.Fatal(err)
	}
	go func() {
		for e := range c.ErrChan {
			b.Error(e.Func, e.Err)
		}
	}()
	b.Cleanup(func() { c.Close() })
	return c
}
