package warc

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/maypok86/otter"
	tls "github.com/refraction-networking/utls"
	"golang.org/x/net/proxy"
)

// contextKey is a custom type for context keys to avoid collisions
type contextKey string

const (
	// ContextKeyFeedback is the context key for the feedback channel.
	// When provided, the channel will receive a signal once the WARC record
	// has been written to disk, making WARC writing synchronous.
	// Use WithFeedbackChannel() helper function for convenience.
	ContextKeyFeedback contextKey = "feedback"

	// ContextKeyWrappedConn is the context key for the wrapped connection channel.
	// This is used internally to retrieve the wrapped connection for advanced use cases.
	// Use WithWrappedConnection() helper function for convenience.
	ContextKeyWrappedConn contextKey = "wrappedConn"
)

// WithFeedbackChannel adds a feedback channel to the request context.
// When provided, the channel will receive a signal once the WARC record
// has been written to disk, making WARC writing synchronous.
// Without this, WARC writing is asynchronous.
//
// Example:
//
//	feedbackChan := make(chan struct{}, 1)
//	req = req.WithContext(warc.WithFeedbackChannel(req.Context(), feedbackChan))
//	// ... perform request ...
//	<-feedbackChan // blocks until WARC is written
func WithFeedbackChannel(ctx context.Context, feedbackChan chan struct{}) context.Context {
	return context.WithValue(ctx, ContextKeyFeedback, feedbackChan)
}

// WithWrappedConnection adds a wrapped connection channel to the request context.
// This is used for advanced use cases where direct access to the connection is needed.
func WithWrappedConnection(ctx context.Context, wrappedConnChan chan *CustomConnection) context.Context {
	return context.WithValue(ctx, ContextKeyWrappedConn, wrappedConnChan)
}

type customDialer struct {
	proxyDialer        proxy.ContextDialer
	proxyNeedsHostname bool // true if proxy requires hostname (socks5h, http), false if can use IP (socks5)
	// newsarc patch: proxyFunc picks a proxy per target, as curl and wget
	// read HTTP_PROXY, HTTPS_PROXY and NO_PROXY; see dialTCP.
	proxyFunc func(*url.URL) (*url.URL, error)
	client    *CustomHTTPClient
	// newsarc patch: names are resolved by Go's resolver (/etc/hosts, the
	// system's search domains and order), as by every other program on
	// the machine; gowarc as served asked the servers of /etc/resolv.conf
	// itself, so "localhost" and names in /etc/hosts did not resolve.
	resolver   *net.Resolver
	DNSRecords *otter.Cache[string, dnsResult]
	net.Dialer
	disableIPv4 bool
	disableIPv6 bool
}

var emptyPayloadDigests = []string{
	"sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ",
	"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
	"sha256:4OYMIQUY7QOBJGX36TEJS35ZEQT24QPEMSNZGTFESWMRW6CSXBKQ====",
	"blake3:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
}

// happyEyeballsDelay is the delay before attempting to start the fallback connection. Go defaults to 300ms. We will too.
const happyEyeballsDelay = 300 * time.Millisecond

// dialResult holds the outcome of a dial attempt for Happy Eyeballs
type dialResult struct {
	conn    net.Conn
	err     error
	primary bool
	done    bool
	ip      net.IP
}

// dialParallel races two dial attempts, giving the primary (IPv6) a head start.
// It returns the first established connection and closes the other.
// Otherwise it returns an error from the primary address.
// This implements Happy Eyeballs (RFC 8305).
func (d *customDialer) dialParallel(ctx context.Context, network string, primaryAddr, fallbackAddr string, primaryIP, fallbackIP net.IP) (net.Conn, net.IP, error) {
	if fallbackAddr == "" && primaryAddr == "" {
		return nil, nil, errors.New("no addresses available")
	}
	if fallbackAddr == "" {
		conn, err := d.dialSingle(ctx, network+"6", primaryAddr, primaryIP)
		return conn, primaryIP, err
	}
	if primaryAddr == "" {
		conn, err := d.dialSingle(ctx, network+"4", fallbackAddr, fallbackIP)
		return conn, fallbackIP, err
	}

	returned := make(chan struct{})
	defer close(returned)

	results := make(chan dialResult)

	startRacer := func(ctx context.Context, primary bool) {
		var addr string
		var ip net.IP
		var netType string
		if primary {
			addr, ip, netType = primaryAddr, primaryIP, network+"6"
		} else {
			addr, ip, netType = fallbackAddr, fallbackIP, network+"4"
		}
		conn, err := d.dialSingle(ctx, netType, addr, ip)
		select {
		case results <- dialResult{conn: conn, err: err, primary: primary, done: true, ip: ip}:
		case <-returned:
			if conn != nil {
				conn.Close()
			}
		}
	}

	var primary, fallback dialResult

	// Start the primary racer (IPv6)
	primaryCtx, primaryCancel := context.WithCancel(ctx)
	defer primaryCancel()
	go startRacer(primaryCtx, true)

	// Start the timer for the fallback racer (IPv4)
	fallbackTimer := time.NewTimer(happyEyeballsDelay)
	defer fallbackTimer.Stop()

	for {
		select {
		case <-fallbackTimer.C:
			fallbackCtx, fallbackCancel := context.WithCancel(ctx)
			defer fallbackCancel()
			go startRacer(fallbackCtx, false)

		case res := <-results:
			if res.err == nil {
				return res.conn, res.ip, nil
			}
			if res.primary {
				primary = res
			} else {
				fallback = res
			}
			if primary.done && fallback.done {
				return nil, nil, primary.err
			}
			// If primary fails before timer fires, start fallback immediately
			if res.primary && fallbackTimer.Stop() {
				fallbackTimer.Reset(0)
			}
		}
	}
}

// dialSingle performs a single dial attempt
func (d *customDialer) dialSingle(ctx context.Context, network, address string, resolvedIP net.IP) (net.Conn, error) {
	if d.proxyDialer != nil {
		return d.proxyDialer.DialContext(ctx, network, address)
	}

	if d.client.randomLocalIP {
		localAddr := getLocalAddr(network, resolvedIP)
		if localAddr != nil {
			dialer := d.Dialer // copy to avoid races
			switch network {
			case "tcp", "tcp4", "tcp6":
				dialer.LocalAddr = localAddr.(*net.TCPAddr)
			case "udp", "udp4", "udp6":
				dialer.LocalAddr = localAddr.(*net.UDPAddr)
			}
			return dialer.DialContext(ctx, network, address)
		}
	}

	return d.DialContext(ctx, network, address)
}

func newCustomDialer(httpClient *CustomHTTPClient, proxyURL string, proxyFunc func(*url.URL) (*url.URL, error), DialTimeout, DNSRecordsTTL time.Duration, DNSCacheSize int, DNSServers []string, disableIPv4, disableIPv6 bool) (d *customDialer, err error) {
	d = new(customDialer)

	d.Timeout = DialTimeout
	d.client = httpClient
	d.disableIPv4 = disableIPv4
	d.disableIPv6 = disableIPv6
	d.proxyFunc = proxyFunc

	DNScache, err := otter.MustBuilder[string, dnsResult](DNSCacheSize).
		WithTTL(DNSRecordsTTL).
		Build()
	if err != nil {
		return nil, err
	}
	d.DNSRecords = &DNScache

	d.resolver = net.DefaultResolver
	if len(DNSServers) > 0 {
		// Go's resolver, asking these servers instead of the system's.
		servers := DNSServers
		var next atomic.Uint32
		d.resolver = &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, network, _ string) (net.Conn, error) {
			server := servers[int(next.Add(1)-1)%len(servers)]
			if _, _, err := net.SplitHostPort(server); err != nil {
				server = net.JoinHostPort(server, "53")
			}
			var nd net.Dialer
			return nd.DialContext(ctx, network, server)
		}}
	}

	if proxyURL != "" {
		u, err := url.Parse(proxyURL)
		if err != nil {
			return nil, err
		}

		var proxyDialer proxy.Dialer
		if proxyDialer, err = proxy.FromURL(u, d); err != nil {
			return nil, err
		}

		d.proxyDialer = proxyDialer.(proxy.ContextDialer)

		// Determine if this proxy requires hostname (remote DNS) or can use IP (local DNS)
		// Proxies with remote DNS: socks5h, socks4a, http, https
		// Proxies with local DNS: socks5, socks4
		d.proxyNeedsHostname = u.Scheme == "socks5h" || u.Scheme == "socks4a" ||
			u.Scheme == "http" || u.Scheme == "https"
	}

	return d, nil
}

type CustomConnection struct {
	net.Conn
	io.Reader
	io.Writer
	closers []*io.PipeWriter
	sync.WaitGroup
	connReadDeadline time.Duration
	firstRead        sync.Once // Indicates if the first read has been performed, used to set the read deadline
}

func (cc *CustomConnection) setReadDeadline() error {
	if cc.connReadDeadline > 0 {
		if err := cc.Conn.SetReadDeadline(time.Now().Add(cc.connReadDeadline)); err != nil {
			return errors.New("CustomConnection.Read: SetReadDeadline failed: " + err.Error())
		}
	}
	return nil
}

func (cc *CustomConnection) Read(b []byte) (int, error) {
	cc.firstRead.Do(func() { // apply read deadline for the first read
		if err := cc.setReadDeadline(); err != nil {
			cc.CloseWithError(err)
		}
	})
	c, err := cc.Reader.Read(b)
	if err != nil {
		cc.CloseWithError(err)
		return c, err
	}
	// apply read deadline for the next read
	cc.setReadDeadline() // ignore error, will be triggered on next read
	return c, err
}

func (cc *CustomConnection) Write(b []byte) (int, error) {
	return cc.Writer.Write(b)
}

func (cc *CustomConnection) Close() error {
	return cc.CloseWithError(nil)
}

func (cc *CustomConnection) CloseWithError(err error) error {
	var closeErrors []error

	for _, c := range cc.closers {
		if closeErr := c.CloseWithError(err); closeErr != nil {
			closeErrors = append(closeErrors, fmt.Errorf("closing pipe writer failed: %w", closeErr))
		}
	}

	if connErr := cc.Conn.Close(); connErr != nil {
		closeErrors = append(closeErrors, fmt.Errorf("closing connection failed: %w", connErr))
	}

	return errors.Join(closeErrors...)
}

// ErrClientClosed refuses a connection dialled, or a sync asked for,
// after Close began. (newsarc patch)
var ErrClientClosed = errors.New("warc: HTTP client is closed")

func (d *customDialer) wrapConnection(ctx context.Context, c net.Conn, scheme string, proxied bool) (net.Conn, error) {
	// newsarc patch: no recording goroutine starts once Close has begun
	// waiting for them (see CustomHTTPClient.Close).
	d.client.closeMu.Lock()
	if d.client.closing {
		d.client.closeMu.Unlock()
		c.Close()
		return nil, ErrClientClosed
	}
	d.client.WaitGroup.Add(1)
	d.client.closeMu.Unlock()
	if ex := exchangeFrom(ctx); ex != nil {
		ex.start()
	}

	reqReader, reqWriter := io.Pipe()
	respReader, respWriter := io.Pipe()

	go d.writeWARCFromConnection(ctx, reqReader, respReader, scheme, c, proxied)

	wrappedConn := &CustomConnection{
		Conn:             c,
		closers:          []*io.PipeWriter{reqWriter, respWriter},
		Reader:           io.TeeReader(c, respWriter),
		Writer:           io.MultiWriter(reqWriter, c),
		connReadDeadline: d.client.ConnReadDeadline,
	}
	if ctx.Value(ContextKeyWrappedConn) != nil {
		connChan, ok := ctx.Value(ContextKeyWrappedConn).(chan *CustomConnection)
		if !ok {
			panic("wrapConnection: wrappedConn channel is not of type chan *CustomConnection")
		}
		connChan <- wrappedConn
		close(connChan)
	}
	return wrappedConn, nil
}

func (d *customDialer) CustomDialContext(ctx context.Context, network, address string) (conn net.Conn, err error) {
	conn, proxied, err := d.dialTCP(ctx, network, "http", address)
	if err != nil {
		return nil, err
	}
	return d.wrapConnection(ctx, conn, "http", proxied)
}

func (d *customDialer) CustomDial(network, address string) (net.Conn, error) {
	return d.CustomDialContext(context.Background(), network, address)
}

// dialTCP connects to address for a request of scheme: through the proxy
// that proxyFunc names for it (a CONNECT tunnel or SOCKS), through the
// static proxy, or directly to an address resolved by Go's resolver. It
// reports whether the connection is proxied (then the server's IP is not
// known).
func (d *customDialer) dialTCP(ctx context.Context, network, scheme, address string) (net.Conn, bool, error) {
	if d.proxyFunc != nil {
		pu, err := d.proxyFunc(&url.URL{Scheme: scheme, Host: address})
		if err != nil {
			return nil, false, fmt.Errorf("proxy for %s://%s: %w", scheme, address, err)
		}
		if pu != nil {
			conn, err := d.dialThroughProxy(ctx, pu, address)
			return conn, true, err
		}
	}
	if d.proxyDialer != nil && d.proxyNeedsHostname {
		// Remote DNS proxy (socks5h, socks4a, http, https)
		conn, err := d.proxyDialer.DialContext(ctx, network, address)
		return conn, true, err
	}

	ipv4, ipv6, _, err := d.archiveDNS(ctx, address)
	if err != nil {
		return nil, false, err
	}
	_, port, err := net.SplitHostPort(address)
	if err != nil {
		return nil, false, fmt.Errorf("failed to extract port from address %s: %w", address, err)
	}
	var ipv4Addr, ipv6Addr string
	if ipv4 != nil {
		ipv4Addr = net.JoinHostPort(ipv4.String(), port)
	}
	if ipv6 != nil {
		ipv6Addr = net.JoinHostPort(ipv6.String(), port)
	}
	// Use Happy Eyeballs: IPv6 primary, IPv4 fallback
	conn, _, err := d.dialParallel(ctx, network, ipv6Addr, ipv4Addr, ipv6, ipv4)
	return conn, d.proxyDialer != nil, err
}

func (d *customDialer) CustomDialTLSContext(ctx context.Context, network, address string) (net.Conn, error) {
	plainConn, proxied, err := d.dialTCP(ctx, network, "https", address)
	if err != nil {
		return nil, err
	}

	serverName := address
	if host, _, err := net.SplitHostPort(address); err != nil {
		plainConn.Close()
		return nil, fmt.Errorf("failed to extract host from address %s: %w", address, err)
	} else {
		serverName = host
	}

	cfg := &tls.Config{
		ServerName:         serverName,
		InsecureSkipVerify: d.client.verifyCerts,
	}

	tlsConn := tls.UClient(plainConn, cfg, tls.HelloCustom)

	if err := tlsConn.ApplyPreset(getCustomTLSSpec()); err != nil {
		plainConn.Close()
		return nil, err
	}

	handshakeCtx, cancel := context.WithTimeout(ctx, d.client.TLSHandshakeTimeout)
	defer cancel()

	if err := tlsConn.HandshakeContext(handshakeCtx); err != nil {
		plainConn.Close()
		return nil, fmt.Errorf("CustomDialTLS: TLS handshake failed: %w", err)
	}

	return d.wrapConnection(ctx, tlsConn, "https", proxied)
}

func (d *customDialer) CustomDialTLS(network, address string) (net.Conn, error) {
	return d.CustomDialTLSContext(context.Background(), network, address)
}

func parseRequestTargetURI(scheme string, content io.ReadSeeker) (string, error) {
	// Ensure the reader is at the beginning
	if _, err := content.Seek(0, io.SeekStart); err != nil {
		return "", errors.New("parseRequestTargetURI: seek failed: " + err.Error())
	}

	reader := bufio.NewReaderSize(content, 4096)

	const (
		stateRequestLine = iota
		stateHeaders
	)

	var (
		target      string
		host        string
		state       = stateRequestLine
		foundHost   = false
		foundTarget = false
	)

	for {
		line, err := reader.ReadString('\n')
		if err != nil {
			if err == io.EOF {
				break
			}
			return "", errors.New("parseRequestTargetURI: read line failed: " + err.Error())
		}

		line = strings.TrimSpace(line)

		switch state {
		case stateRequestLine:
			// Parse the request line (e.g., "GET /path HTTP/1.1")
			if isHTTPRequest(line) {
				parts := strings.Split(line, " ")
				if len(parts) >= 2 {
					target = parts[1] // Extract the target (path)
					foundTarget = true
				}
				state = stateHeaders
			}
		case stateHeaders:
			// Parse headers (e.g., "Host: example.com")
			if line == "" {
				break // End of headers
			}
			if strings.HasPrefix(strings.ToLower(line), "host: ") {
				host = strings.TrimSpace(line[6:])
				foundHost = true
			}
		}

		// If we've found both the target and host, we can stop parsing
		if foundHost && foundTarget {
			break
		}
	}

	if !foundTarget || !foundHost {
		return "", errors.New("parseRequestTargetURI: failed to parse host and target from request")
	}

	if strings.HasPrefix(target, scheme+"://"+host) {
		return target, nil
	}
	// Use string concatenation instead of fmt.Sprintf to reduce allocations
	return scheme + "://" + host + target, nil
}
