package archive

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// Requests cancelled while their connection is being dialled leave net/http
// finishing the dial in the background, possibly after Close has begun.
// Such a late connection must be refused, not recorded into a closed
// writer: gowarc v0.8.101 then sent on its closed error channel and the
// process panicked (third_party/gowarc, NEWSARC.md).
func TestRecorder_CloseWithCancelledDials(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "<html><body>ok</body></html>")
	}))
	t.Cleanup(srv.Close)
	for round := range 30 {
		dir := t.TempDir()
		rec, err := NewRecorder(Config{Dir: dir, SiteFor: func(string) string { return "test" }})
		if err != nil {
			t.Fatal(err)
		}
		client := &http.Client{Transport: rec}
		var wg sync.WaitGroup
		for i := range 16 {
			wg.Go(func() {
				ctx, cancel := context.WithTimeout(context.Background(), time.Duration(i*20)*time.Microsecond)
				defer cancel()
				req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+"/", nil)
				if resp, err := client.Do(req); err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
			})
		}
		wg.Wait()
		if err := rec.Close(context.Background()); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		// Late dials land now; they must neither panic nor leave .open files.
		time.Sleep(20 * time.Millisecond)
		if open, _ := filepath.Glob(filepath.Join(dir, "warc", "test", "*.open")); len(open) > 0 {
			t.Fatalf("round %d: .open files after Close: %v", round, open)
		}
	}
}
