package demosite

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"
)

// shutdownGrace bounds the graceful shutdown that follows the end of Start's
// context.
const shutdownGrace = 5 * time.Second

// Start serves Handler on addr (host:port; port 0 takes a free one) until
// ctx is done or stop is called, whichever comes first. It returns the base
// URL, such as "http://127.0.0.1:41234", and stop, which shuts the server
// down gracefully within its context's deadline and then reports any error
// the server met. stop may be called more than once and always returns the
// same result.
func Start(ctx context.Context, addr string) (baseURL string, stop func(context.Context) error, err error) {
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return "", nil, fmt.Errorf("listen for demo site: %w", err)
	}
	log := slog.Default().With("component", "demosite")
	srv := &http.Server{
		Handler:           Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	var (
		once    sync.Once
		stopErr error
	)
	shutdown := func(sctx context.Context) error {
		once.Do(func() {
			if err := srv.Shutdown(sctx); err != nil {
				stopErr = errors.Join(fmt.Errorf("shut down demo site: %w", err), srv.Close())
			}
			if err := <-served; !errors.Is(err, http.ErrServerClosed) {
				stopErr = errors.Join(stopErr, fmt.Errorf("serve demo site: %w", err))
			}
		})
		return stopErr
	}
	unregister := context.AfterFunc(ctx, func() {
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
		defer cancel()
		if err := shutdown(sctx); err != nil {
			log.Warn("stop demo site", "err", err)
		}
	})
	stop = func(sctx context.Context) error {
		unregister()
		return shutdown(sctx)
	}
	baseURL = "http://" + ln.Addr().String()
	log.Debug("demo site listening", "url", baseURL)
	return baseURL, stop, nil
}
