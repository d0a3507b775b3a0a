package warc

// newsarc patch: this whole file. Requests go through the proxy the
// environment names for them (HTTP_PROXY, HTTPS_PROXY, NO_PROXY, as curl
// and wget read them; see HTTPClientSettings.ProxyFunc). Both http and
// https targets are reached through a tunnel, CONNECT for an http(s)
// proxy or SOCKS5, so the connection that is recorded carries exactly the
// bytes the origin server sees: origin-form requests, the TLS session's
// plaintext, and never the proxy's credentials.

import (
	"bufio"
	"context"
	"crypto/tls"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"time"

	"golang.org/x/net/proxy"
)

// dialThroughProxy opens a tunnel to address through the proxy at pu.
func (d *customDialer) dialThroughProxy(ctx context.Context, pu *url.URL, address string) (net.Conn, error) {
	direct := &net.Dialer{Timeout: d.Timeout, Resolver: d.resolver}
	switch pu.Scheme {
	case "socks5", "socks5h":
		pd, err := proxy.FromURL(pu, direct)
		if err != nil {
			return nil, fmt.Errorf("proxy %s: %w", pu.Redacted(), err)
		}
		cd, ok := pd.(proxy.ContextDialer)
		if !ok {
			return nil, fmt.Errorf("proxy %s: cannot dial with a context", pu.Redacted())
		}
		conn, err := cd.DialContext(ctx, "tcp", address)
		if err != nil {
			return nil, fmt.Errorf("proxy %s: %w", pu.Redacted(), err)
		}
		return conn, nil
	case "http", "https":
	default:
		return nil, fmt.Errorf("proxy %s: scheme %q not supported (want http, https or socks5)", pu.Redacted(), pu.Scheme)
	}

	proxyAddr := pu.Host
	if pu.Port() == "" {
		port := "80"
		if pu.Scheme == "https" {
			port = "443"
		}
		proxyAddr = net.JoinHostPort(pu.Hostname(), port)
	}
	conn, err := direct.DialContext(ctx, "tcp", proxyAddr)
	if err != nil {
		return nil, fmt.Errorf("proxy %s: %w", pu.Redacted(), err)
	}
	if pu.Scheme == "https" {
		tc := tls.Client(conn, &tls.Config{ServerName: pu.Hostname(), InsecureSkipVerify: d.client.verifyCerts})
		hctx, cancel := context.WithTimeout(ctx, d.client.TLSHandshakeTimeout)
		err := tc.HandshakeContext(hctx)
		cancel()
		if err != nil {
			conn.Close()
			return nil, fmt.Errorf("proxy %s: tls: %w", pu.Redacted(), err)
		}
		conn = tc
	}
	tunnel, err := connectTunnel(ctx, conn, pu, address, d.Timeout)
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("proxy %s: %w", pu.Redacted(), err)
	}
	return tunnel, nil
}

// errProxyRefused is a CONNECT answered with something else than 2xx.
var errProxyRefused = errors.New("proxy refused the tunnel")

// connectTunnel asks the proxy on conn for a tunnel to address.
func connectTunnel(ctx context.Context, conn net.Conn, pu *url.URL, address string, timeout time.Duration) (net.Conn, error) {
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	deadline := time.Now().Add(timeout)
	if d, ok := ctx.Deadline(); ok && d.Before(deadline) {
		deadline = d
	}
	conn.SetDeadline(deadline)
	defer conn.SetDeadline(time.Time{})

	req := "CONNECT " + address + " HTTP/1.1\r\nHost: " + address + "\r\n"
	if u := pu.User; u != nil {
		pw, _ := u.Password()
		req += "Proxy-Authorization: Basic " + base64.StdEncoding.EncodeToString([]byte(u.Username()+":"+pw)) + "\r\n"
	}
	req += "\r\n"
	if _, err := conn.Write([]byte(req)); err != nil {
		return nil, fmt.Errorf("connect %s: %w", address, err)
	}
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, &http.Request{Method: http.MethodConnect})
	if err != nil {
		return nil, fmt.Errorf("connect %s: %w", address, err)
	}
	resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return nil, fmt.Errorf("connect %s: %w: %s", address, errProxyRefused, resp.Status)
	}
	if br.Buffered() > 0 {
		// The origin's first bytes came with the proxy's answer.
		return &bufferedConn{Conn: conn, r: br}, nil
	}
	return conn, nil
}

// bufferedConn reads what a bufio.Reader kept before reading the conn.
type bufferedConn struct {
	net.Conn
	r *bufio.Reader
}

func (c *bufferedConn) Read(p []byte) (int, error) { return c.r.Read(p) }
