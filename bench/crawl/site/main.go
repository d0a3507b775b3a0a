// Command site serves the synthetic news site of package newssite on
// 127.0.0.1 and prints its base URL on the first line of standard output,
// then serves until interrupted.
//
//	site [-n 2000] [-seed 1] [-addr 127.0.0.1:0] [-cache 512]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/newsarc/newsarc/bench/crawl/newssite"
)

func main() {
	n := flag.Int("n", 2000, "number of articles")
	seed := flag.Uint64("seed", 1, "seed: the same seed and n give the same site")
	addr := flag.String("addr", "127.0.0.1:0", "listen address (port 0: a free port)")
	cacheMB := flag.Int64("cache", 512, "render every page ahead of time when the site fits in this many MiB")
	flag.Parse()
	if err := run(*addr, newssite.Config{Seed: *seed, Articles: *n, CacheBytes: *cacheMB << 20}); err != nil {
		fmt.Fprintln(os.Stderr, "site:", err)
		os.Exit(1)
	}
}

func run(addr string, cfg newssite.Config) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	base := "http://" + ln.Addr().String()
	start := time.Now()
	site := newssite.New(base, cfg)
	fmt.Fprintf(os.Stderr, "site: %d articles, %d paths, ready in %s\n", site.Articles(), len(site.Paths()), time.Since(start).Round(time.Millisecond))
	fmt.Println(base + "/")
	srv := &http.Server{Handler: site, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
