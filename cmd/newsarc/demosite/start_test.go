package demosite

import (
	"context"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestStart(t *testing.T) {
	baseURL, stop, err := Start(t.Context(), "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(baseURL, "http://127.0.0.1:") {
		t.Errorf("baseURL = %q", baseURL)
	}
	c := plainClient(t)
	resp, body := get(t, c, baseURL+"/robots.txt", nil)
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "Disallow: /private/") {
		t.Errorf("GET robots.txt: status = %d, body %q", resp.StatusCode, body)
	}
	resp, _ = get(t, c, baseURL+wantArticles[0], nil)
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET article: status = %d", resp.StatusCode)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	if err := stop(ctx); err != nil {
		t.Fatalf("stop: %v", err)
	}
	if err := stop(ctx); err != nil {
		t.Errorf("second stop: %v", err)
	}
	c.CloseIdleConnections()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, baseURL+"/", nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp, err := c.Do(req); err == nil {
		resp.Body.Close()
		t.Error("server still answers after stop")
	}
}

func TestStart_contextDone(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	baseURL, stop, err := Start(ctx, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := strings.TrimPrefix(baseURL, "http://")
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatalf("dial before cancel: %v", err)
	}
	conn.Close()
	cancel()
	deadline := time.Now().Add(5 * time.Second)
	for {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			break
		}
		conn.Close()
		if time.Now().After(deadline) {
			t.Fatal("server still listening 5s after its context ended")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := stop(t.Context()); err != nil {
		t.Errorf("stop after context end: %v", err)
	}
}
