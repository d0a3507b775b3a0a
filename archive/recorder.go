package archive

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/gofrs/flock"
	warc "github.com/newsarc/newsarc/third_party/gowarc"
)

// ErrClosed is returned by a Recorder used after Close.
var ErrClosed = errors.New("archive: recorder closed")

// ErrDiskFull is returned, wrapped, by RoundTrip when the archive's file
// system has less than Config.MinFree left: no request is sent whose
// records might not fit.
var ErrDiskFull = errors.New("archive: disk full")

// ErrWrite is wrapped by every error of a WARC file that could not be
// written, synced or closed (a full disk, an I/O error). The recorder
// records nothing after it: the crawl must stop.
var ErrWrite = errors.New("archive: warc write failed")

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
	// Proxy names the proxy for a request URL, nil for none; nil means
	// none at all. newsarc passes httpproxy.FromEnvironment().ProxyFunc().
	Proxy  func(*url.URL) (*url.URL, error)
	Logger *slog.Logger
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
	failed error // what stopped the recorder from writing
}

// siteWriter is one gowarc client writing one site's WARC files.
type siteWriter struct {
	name   string
	dir    string
	client *warc.CustomHTTPClient
	drain  sync.WaitGroup

	mu    sync.Mutex
	names []string // the files this client started, without .open
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
	s := &siteWriter{name: name, dir: dir}
	rs.OnOpen = func(file string) {
		s.mu.Lock()
		s.names = append(s.names, strings.TrimSuffix(file, ".open"))
		s.mu.Unlock()
	}
	client, err := warc.NewWARCWritingHTTPClient(warc.HTTPClientSettings{
		RotatorSettings: rs,
		// colly decodes the body; the WARC keeps it as it came.
		DecompressBody: false,
		VerifyCerts:    true,
		// Redirects are followed by the caller, so each hop is its own exchange.
		FollowRedirects:       false,
		DialTimeout:           r.cfg.Timeout,
		ResponseHeaderTimeout: r.cfg.Timeout,
		TLSHandshakeTimeout:   r.cfg.Timeout,
		// HTTPS_PROXY, HTTP_PROXY and NO_PROXY, as curl and wget read them.
		ProxyFunc: r.cfg.Proxy,
		// An identical payload seen again in this run becomes a revisit
		// record, if it is among the last dedupeEntries payloads: gowarc's
		// default of a million entries (some 300 bytes each) made memory
		// grow with the crawl.
		DedupeOptions: warc.DedupeOptions{LocalDedupe: true, SizeThreshold: 1, DedupeCacheSize: dedupeEntries},
	})
	if err != nil {
		return nil, fmt.Errorf("open warc writer for site %s: %w", name, err)
	}
	s.client = client
	s.drain.Go(func() {
		// Each exchange's own outcome reaches its Receipt; these are
		// the same errors, for the debug log (a cancelled dial that
		// carried no request is one).
		for e := range client.ErrChan {
			r.cfg.Logger.Debug("warc exchange not recorded", "site", name, "func", e.Func, "err", e.Err)
		}
	})
	r.sites[name] = s
	return s, nil
}

// dedupeEntries bounds the payload digests remembered for revisit records,
// per site: a few MB.
const dedupeEntries = 8192

// Err returns the error that stopped the recorder from writing, or nil.
func (r *Recorder) Err() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.failed
}

func (r *Recorder) fail(err error) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.failed == nil {
		r.failed = err
	}
	return r.failed
}

// Close waits for every pending record, closes the WARC files (each is
// synced, then loses its .open suffix) and returns what kept records from
// being written, wrapping ErrWrite.
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

	done := make(chan error, 1)
	go func() {
		defer r.writers.Unlock()
		var (
			wg   sync.WaitGroup
			mu   sync.Mutex
			errs []error
		)
		for _, s := range sites {
			wg.Go(func() {
				err := s.client.Close()
				s.drain.Wait()
				syncDir(s.dir)
				if err != nil {
					mu.Lock()
					errs = append(errs, writeError{err})
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		done <- errors.Join(errs...)
	}()
	select {
	case err := <-done:
		if err != nil {
			r.fail(err)
		}
		return err
	case <-ctx.Done():
		return fmt.Errorf("close warc files: %w", ctx.Err())
	}
}

// Files lists the WARC files this recorder has written, relative to the
// archive dir. After Close none of them ends in .open.
func (r *Recorder) Files() []string {
	r.mu.Lock()
	sites := make([]*siteWriter, 0, len(r.sites))
	for _, s := range r.sites {
		sites = append(sites, s)
	}
	r.mu.Unlock()
	var out []string
	for _, s := range sites {
		out = append(out, s.files(r.cfg.Dir)...)
	}
	slices.Sort(out)
	return out
}

// files lists the WARC files this client has written, relative to root
// and without their .open suffix.
func (s *siteWriter) files(root string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(s.names))
	for _, name := range s.names {
		rel, _ := filepath.Rel(root, filepath.Join(s.dir, name))
		out = append(out, rel)
	}
	return out
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
