package archive

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/gofrs/flock"
	warc "github.com/internetarchive/gowarc"
)

// ErrClosed is returned by a Recorder used after Close.
var ErrClosed = errors.New("archive: recorder closed")

// ErrDiskFull is returned, wrapped, by RoundTrip when the archive's file
// system has less than Config.MinFree left. gowarc cannot report a failed
// write (it panics), so no request is sent that might not fit.
var ErrDiskFull = errors.New("archive: disk full")

// Config says where and how WARC files are written.
type Config struct {
	// Dir is the archive root; WARC files go to Dir/warc/<site>/.
	Dir string
	// MaxSize rotates a WARC file once it holds this many bytes.
	MaxSize int64
	// Compression is "gzip" (one gzip member per record) or "none".
	Compression string
	// Software names the writer in every warcinfo record.
	Software string
	// Timeout bounds dialling and waiting for response headers.
	Timeout time.Duration
	// MinFree is the free space below which no request is sent; 0 means
	// 64 MiB.
	MinFree int64
	// SiteFor maps a request's host to the site whose WARC files record it.
	SiteFor func(host string) string
	Logger  *slog.Logger
}

func (c Config) withDefaults() Config {
	if c.MaxSize <= 0 {
		c.MaxSize = 1 << 30
	}
	if c.Compression == "" {
		c.Compression = "gzip"
	}
	if c.MinFree <= 0 {
		c.MinFree = 64 << 20
	}
	if c.Software == "" {
		c.Software = "newsarc"
	}
	if c.Timeout <= 0 {
		c.Timeout = 30 * time.Second
	}
	if c.SiteFor == nil {
		c.SiteFor = func(host string) string { return host }
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	c.Logger = c.Logger.With("component", "archive")
	return c
}

// Recorder records every HTTP exchange that passes through it into WARC
// files, one series of files per site.
type Recorder struct {
	cfg Config

	writers *flock.Flock // shared: Repair leaves our .open files alone

	mu     sync.Mutex
	sites  map[string]*siteWriter
	closed bool
}

// siteWriter is one gowarc client writing one site's WARC files, and the
// index of the records it has written.
type siteWriter struct {
	name   string
	dir    string
	client *warc.CustomHTTPClient
	drain  sync.WaitGroup
	index  *index
}

// NewRecorder checks that the archive dir is writable and returns a
// Recorder. WARC files are created on first use of a site.
func NewRecorder(cfg Config) (*Recorder, error) {
	cfg = cfg.withDefaults()
	if cfg.Compression != "gzip" && cfg.Compression != "none" {
		return nil, fmt.Errorf("archive: compression %q: want gzip or none", cfg.Compression)
	}
	if err := checkWritable(cfg.Dir); err != nil {
		return nil, err
	}
	writers, err := holdWriters(cfg.Dir)
	if err != nil {
		return nil, err
	}
	return &Recorder{cfg: cfg, writers: writers, sites: make(map[string]*siteWriter)}, nil
}

// checkWritable creates dir if needed and proves a file can be written in it,
// so that an unwritable archive fails before anything is fetched.
func checkWritable(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("archive dir %s: %w", dir, err)
	}
	f, err := os.CreateTemp(dir, ".write-test-*")
	if err != nil {
		return fmt.Errorf("archive dir %s is not writable: %w", dir, err)
	}
	name := f.Name()
	f.Close()
	return os.Remove(name)
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// SiteName makes s safe to use in a file name.
func SiteName(s string) string {
	s = unsafeName.ReplaceAllString(s, "_")
	if s == "" || s == "." || s == ".." {
		return "_"
	}
	return s
}

func (r *Recorder) site(name string) (*siteWriter, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return nil, ErrClosed
	}
	if s, ok := r.sites[name]; ok {
		return s, nil
	}
	dir := filepath.Join(r.cfg.Dir, "warc", name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create warc dir %s: %w", dir, err)
	}
	rs := warc.NewRotatorSettings()
	rs.Prefix = name
	rs.OutputDirectory = dir
	rs.WARCSize = float64(r.cfg.MaxSize) / (1 << 20)
	rs.Compression = warc.CompressionGzip
	if r.cfg.Compression == "none" {
		rs.Compression = warc.CompressionNone
	}
	rs.WarcinfoContent.Set("software", r.cfg.Software)
	rs.WarcinfoContent.Set("isPartOf", name)
	rs.WarcinfoContent.Set("description", "newsarc archive of site "+name)
	started := time.Now()
	client, err := warc.NewWARCWritingHTTPClient(warc.HTTPClientSettings{
		RotatorSettings: rs,
		// colly decodes the body; the WARC keeps it as it came.
		DecompressBody: false,
		VerifyCerts:    true,
		// Redirects are followed by the caller, so each hop is its own exchange.
		FollowRedirects: false,
		DialTimeout:     r.cfg.Timeout,
		// An identical payload seen again in this run becomes a revisit
		// record, if it is among the last dedupeEntries payloads: gowarc's
		// default of a million entries (some 300 bytes each) made memory
		// grow with the crawl.
		DedupeOptions: warc.DedupeOptions{LocalDedupe: true, SizeThreshold: 1, DedupeCacheSize: dedupeEntries},
	})
	if err != nil {
		return nil, fmt.Errorf("open warc writer for site %s: %w", name, err)
	}
	s := &siteWriter{name: name, dir: dir, client: client, index: newIndex(r.cfg.Dir, dir, name, started)}
	s.drain.Add(1)
	go func() {
		defer s.drain.Done()
		for e := range client.ErrChan {
			r.cfg.Logger.Warn("warc record not written", "site", name, "func", e.Func, "err", e.Err)
		}
	}()
	r.sites[name] = s
	return s, nil
}

// dedupeEntries bounds the payload digests remembered for revisit records,
// per site: a few MB.
const dedupeEntries = 8192

// RoundTrip sends req through the site's WARC-writing client. The records of
// the exchange are on disk once the returned body has been closed.
func (r *Recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	if free, ok := freeBytes(r.cfg.Dir); ok && free < r.cfg.MinFree {
		return nil, fmt.Errorf("%w: %s has %d bytes free, need %d to fetch %s", ErrDiskFull, r.cfg.Dir, free, r.cfg.MinFree, req.URL)
	}
	s, err := r.site(SiteName(r.cfg.SiteFor(req.URL.Hostname())))
	if err != nil {
		return nil, err
	}
	written := make(chan struct{}, 1)
	req = req.WithContext(warc.WithFeedbackChannel(req.Context(), written))
	resp, err := s.client.Transport.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	body, err := decodeBody(resp)
	if err != nil {
		resp.Body.Close()
		return nil, fmt.Errorf("decode %s: %w", req.URL, err)
	}
	resp.Body = &recordedBody{ReadCloser: body, written: written, ctx: req.Context(), timeout: r.cfg.Timeout}
	return resp, nil
}

// recordedBody holds Close until gowarc has written the exchange, so that
// whoever handles the response next can locate its record.
type recordedBody struct {
	io.ReadCloser
	written chan struct{}
	ctx     context.Context
	timeout time.Duration
	once    sync.Once
}

func (b *recordedBody) Close() error {
	err := b.ReadCloser.Close()
	b.once.Do(func() {
		t := time.NewTimer(b.timeout)
		defer t.Stop()
		select {
		case <-b.written:
		case <-b.ctx.Done():
		case <-t.C:
		}
	})
	return err
}

// Locate returns where the newest response (or revisit) record for uri lies.
// Call it after the response body has been closed.
func (r *Recorder) Locate(uri string, host string) (Ref, error) {
	name := SiteName(r.cfg.SiteFor(host))
	r.mu.Lock()
	s, ok := r.sites[name]
	r.mu.Unlock()
	if !ok {
		return Ref{}, fmt.Errorf("locate %s: nothing recorded for site %s", uri, name)
	}
	return s.index.take(uri)
}

// Close waits for every pending record, closes the WARC files (the .open
// suffix is dropped) and reports record errors seen on the way.
func (r *Recorder) Close(ctx context.Context) error {
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return nil
	}
	r.closed = true
	sites := make([]*siteWriter, 0, len(r.sites))
	for _, s := range r.sites {
		sites = append(sites, s)
	}
	r.mu.Unlock()

	done := make(chan struct{})
	go func() {
		defer close(done)
		defer r.writers.Unlock()
		var wg sync.WaitGroup
		for _, s := range sites {
			wg.Go(func() {
				s.client.Close()
				s.drain.Wait()
				syncDir(s.dir)
			})
		}
		wg.Wait()
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("close warc files: %w", ctx.Err())
	}
}

// Files lists the WARC files this recorder has written, relative to the
// archive dir. After Close none of them ends in .open.
func (r *Recorder) Files() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, s := range r.sites {
		out = append(out, s.index.files()...)
	}
	return out
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// isWARCName reports whether name is one of site's WARC files, open or not.
func isWARCName(site, name string) bool {
	name = strings.TrimSuffix(name, ".open")
	return strings.HasPrefix(name, site+"-") && (strings.HasSuffix(name, ".warc.gz") || strings.HasSuffix(name, ".warc"))
}
