// Command bare is the floor a crawler is measured against: a plain
// net/http fetch loop with no parsing, no WARC and no state. Given the
// synthetic site's base URL it reads the site's URL list (/_bench/urls.txt:
// robots.txt, sitemaps, feed, home, listings, articles), fetches each URL
// once with -workers goroutines, reads and discards the bodies, and reports
// pages per second.
//
//	bare [-workers 16] [-json] http://127.0.0.1:PORT/
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

type result struct {
	Requests int     `json:"requests"`
	HTML     int     `json:"html_pages"`
	Failed   int     `json:"failed"`
	Bytes    int64   `json:"bytes"` // decoded body bytes read
	Seconds  float64 `json:"seconds"`
	PagesPS  float64 `json:"html_pages_per_second"`
}

func main() {
	workers := flag.Int("workers", 16, "concurrent requests")
	asJSON := flag.Bool("json", false, "print the result as JSON")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: bare [-workers N] [-json] BASE_URL")
		os.Exit(2)
	}
	res, err := run(strings.TrimSuffix(flag.Arg(0), "/"), *workers)
	if err != nil {
		fmt.Fprintln(os.Stderr, "bare:", err)
		os.Exit(1)
	}
	if *asJSON {
		json.NewEncoder(os.Stdout).Encode(res)
		return
	}
	fmt.Printf("%d requests, %d HTML pages, %d failed, %d bytes in %.2fs: %.0f HTML pages/s\n",
		res.Requests, res.HTML, res.Failed, res.Bytes, res.Seconds, res.PagesPS)
}

func run(base string, workers int) (result, error) {
	client := &http.Client{
		Transport: &http.Transport{MaxIdleConnsPerHost: workers, MaxConnsPerHost: workers},
		Timeout:   30 * time.Second,
	}
	start := time.Now()
	urls, err := urlList(client, base+"/_bench/urls.txt")
	if err != nil {
		return result{}, err
	}
	var (
		html, failed atomic.Int64
		bytes        atomic.Int64
		wg           sync.WaitGroup
		next         = make(chan string)
	)
	for range workers {
		wg.Go(func() {
			for u := range next {
				resp, err := client.Get(u)
				if err != nil {
					failed.Add(1)
					continue
				}
				n, err := io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				bytes.Add(n)
				switch {
				case err != nil || resp.StatusCode != http.StatusOK:
					failed.Add(1)
				case strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html"):
					html.Add(1)
				}
			}
		})
	}
	for _, u := range urls {
		next <- u
	}
	close(next)
	wg.Wait()
	secs := time.Since(start).Seconds()
	return result{Requests: len(urls) + 1, HTML: int(html.Load()), Failed: int(failed.Load()), Bytes: bytes.Load(),
		Seconds: secs, PagesPS: float64(html.Load()) / secs}, nil
}

func urlList(client *http.Client, u string) ([]string, error) {
	resp, err := client.Get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: %s", u, resp.Status)
	}
	var out []string
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			out = append(out, l)
		}
	}
	return out, sc.Err()
}
