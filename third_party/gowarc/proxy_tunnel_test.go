package warc

// newsarc patch: tests of proxy_tunnel.go and of the exchange reports.

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// tunnelProxy tunnels every CONNECT to target and keeps what it was asked.
func tunnelProxy(t *testing.T, target string) (*httptest.Server, func() []string) {
	var mu sync.Mutex
	var asked []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodConnect {
			http.Error(w, "tunnels only", http.StatusMethodNotAllowed)
			return
		}
		mu.Lock()
		asked = append(asked, r.Host+" "+r.Header.Get("Proxy-Authorization"))
		mu.Unlock()
		up, err := net.Dial("tcp", target)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		c, brw, _ := w.(http.Hijacker).Hijack()
		io.WriteString(c, "HTTP/1.1 200 Connection established\r\n\r\n")
		go func() { io.Copy(up, brw); up.Close() }()
		io.Copy(c, up)
		c.Close()
	}))
	t.Cleanup(srv.Close)
	return srv, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), asked...)
	}
}

// An https URL through an http proxy: a CONNECT tunnel, TLS inside it,
// and the records hold the plaintext exchange with the origin, not the
// proxy's credentials.
func TestProxy_httpsThroughConnect(t *testing.T) {
	origin := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "<html><body>secure page</body></html>")
	}))
	t.Cleanup(origin.Close)
	proxy, asked := tunnelProxy(t, strings.TrimPrefix(origin.URL, "https://"))
	pu, _ := url.Parse(proxy.URL)
	pu.User = url.UserPassword("user", "secret")

	dir := t.TempDir()
	rs := NewRotatorSettings()
	rs.Prefix, rs.OutputDirectory, rs.Compression = "proxy", dir, CompressionNone
	c, err := NewWARCWritingHTTPClient(HTTPClientSettings{
		RotatorSettings: rs,
		VerifyCerts:     false, // the test server's certificate is its own
		ProxyFunc:       func(*url.URL) (*url.URL, error) { return pu, nil },
	})
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		for e := range c.ErrChan {
			t.Errorf("%s: %v", e.Func, e.Err)
		}
	}()
	ex := NewExchange()
	req, _ := http.NewRequestWithContext(WithExchange(context.Background(), ex), http.MethodGet, "https://news.example.invalid/a", nil)
	resp, err := c.Transport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	ex.ClientDone()
	resp.Body.Close()
	if string(body) != "<html><body>secure page</body></html>" {
		t.Errorf("body %q", body)
	}
	select {
	case <-ex.Done():
	case <-time.After(10 * time.Second):
		t.Fatal("exchange never written")
	}
	locs, err := ex.Result()
	if err != nil || len(locs) != 2 || locs[0].Type != "response" || locs[0].TargetURI != "https://news.example.invalid/a" {
		t.Fatalf("records %+v, %v", locs, err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if got := asked(); len(got) != 1 || !strings.HasPrefix(got[0], "news.example.invalid:443 Basic ") {
		t.Errorf("proxy asked %v", got)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.warc"))
	if len(files) != 1 {
		t.Fatalf("files %v", files)
	}
	data, _ := os.ReadFile(files[0])
	if bytes.Contains(data, []byte("secret")) || bytes.Contains(data, []byte("Proxy-Authorization")) || bytes.Contains(data, []byte("CONNECT")) {
		t.Errorf("the proxy's credentials or handshake are in the WARC")
	}
	if !bytes.Contains(data, []byte("GET /a HTTP/1.1\r\nHost: news.example.invalid\r\n")) || !bytes.Contains(data, []byte("secure page")) {
		t.Errorf("the WARC lacks the plaintext exchange")
	}
	// The record is where the writer said.
	f, _ := os.Open(files[0])
	defer f.Close()
	f.Seek(locs[0].Offset, io.SeekStart)
	line, _ := bufio.NewReader(f).ReadString('\n')
	if line != "WARC/1.1\r\n" {
		t.Errorf("at offset %d: %q, want a record", locs[0].Offset, line)
	}
	if strings.Contains(string(data), "WARC-IP-Address") {
		t.Errorf("a proxied exchange names an IP address it does not know")
	}
}
