package pipeline

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestProgress(t *testing.T) {
	var buf syncBuffer
	stop := progress(&buf, 5*time.Millisecond, func() string { return "12 pages" })
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(buf.String(), "12 pages") && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	stop()
	out := buf.String()
	if !strings.HasPrefix(out, "\r\033[K12 pages") || !strings.HasSuffix(out, "\r\033[K") {
		t.Errorf("progress wrote %q", out)
	}
}

func TestStatusLine(t *testing.T) {
	got := statusLine(90*time.Second, counts{Pages: 180, ArticlesNew: 40, ArticlesChanged: 2, Failed: 3}, 1234)
	want := "1m30s: 180 pages (2.0/s), 1234 queued; 40 new and 2 changed articles; 3 errors"
	if got != want {
		t.Errorf("statusLine = %q\nwant %q", got, want)
	}
}
