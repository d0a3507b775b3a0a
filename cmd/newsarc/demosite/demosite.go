package demosite

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

//go:embed site
var site embed.FS

const (
	siteRoot = "site"
	// chunkSize is the size of each part of a streamed page. Small enough
	// that every English page goes out as several chunks.
	chunkSize = 4096
)

// modTime is the site's build time. Embedded files carry no modification
// time, so every file reports this one.
func modTime() time.Time { return time.Date(2023, time.July, 15, 8, 0, 0, 0, time.UTC) }

// contentType returns the type of a site file from its extension.
func contentType(name string) string {
	switch path.Ext(name) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".jpg":
		return "image/jpeg"
	}
	return "application/octet-stream"
}

const notFoundPage = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>404 Not Found | Nabae Demo</title></head>
<body><h1>404 – Page not found</h1><p>There is no page at this address. <a href="/">Back to the home page</a>.</p></body>
</html>
`

// delivery is how a page crosses the wire.
type delivery int

const (
	deliverPlain   delivery = iota // identity, with Content-Length
	deliverGzip                    // Content-Encoding gzip when accepted
	deliverChunked                 // Transfer-Encoding chunked, flushed per part
)

// deliveryFor chooses the wire format of a site file from its cleaned name.
func deliveryFor(name string) delivery {
	if path.Ext(name) != ".html" {
		return deliverPlain
	}
	switch {
	case strings.HasPrefix(name, "/fr/"):
		return deliverGzip
	case strings.HasPrefix(name, "/en/"):
		return deliverChunked
	}
	return deliverPlain
}

type handler struct {
	log *slog.Logger
}

// Handler serves the embedded site, its listing pages (/page/N/ and
// /category/<lang>/), and robots.txt, the sitemaps and the RSS feed, whose
// absolute URLs name the host the request was sent to. Pages under /fr/ are
// gzip-compressed when the request's Accept-Encoding allows gzip, pages
// under /en/ are streamed with chunked transfer encoding (flushed after each
// part, no Content-Length), and everything else is sent plain with a
// Content-Length. Every response carries Last-Modified, and
// If-Modified-Since is honoured.
// Unknown paths get a small HTML 404 page; methods other than GET and HEAD
// get 405.
func Handler() http.Handler {
	return handler{log: slog.Default().With("component", "demosite")}
}

func (h handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	res, ok, err := resolve(r)
	if err != nil {
		h.internalError(w, r, err)
		return
	}
	if !ok {
		notFound(w)
		return
	}
	data := res.data
	hdr := w.Header()
	hdr.Set("Content-Type", res.ctype)
	hdr.Set("Last-Modified", modTime().Format(http.TimeFormat))
	mode := deliveryFor(res.name)
	if mode == deliverGzip {
		hdr.Add("Vary", "Accept-Encoding")
	}
	if notModified(r) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	switch {
	case mode == deliverGzip && acceptsGzip(r.Header.Get("Accept-Encoding")):
		h.serveGzip(w, r, data)
	case mode == deliverChunked:
		h.serveChunked(w, r, data)
	default:
		h.servePlain(w, r, data)
	}
}

// resource is what a request path resolves to.
type resource struct {
	name  string // cleaned root-relative name; chooses the delivery
	ctype string
	data  []byte
}

// resolve finds what the request asks for: a resource generated for the
// request's host (robots.txt, the sitemaps, the feed), a listing page, or
// an embedded file. ok is false for a 404; err is set only when a
// generated resource fails to render.
func resolve(r *http.Request) (res resource, ok bool, err error) {
	p := r.URL.Path
	key := path.Clean("/" + p)
	if strings.HasSuffix(p, "/") && key != "/" {
		key += "/"
	}
	if g, found := generated[key]; found {
		data, err := g.render(requestBase(r))
		if err != nil {
			return resource{}, false, err
		}
		return resource{name: key, ctype: g.ctype, data: data}, true, nil
	}
	if data, found := listingPages()[key]; found {
		return resource{name: key, ctype: typeHTML, data: data}, true, nil
	}
	name, data, found := lookup(p)
	if !found {
		return resource{}, false, nil
	}
	return resource{name: name, ctype: contentType(name), data: data}, true, nil
}

// lookup maps a request path to the cleaned root-relative name of an
// embedded file and its content. Directories are not listed; "/" is the home
// page.
func lookup(urlPath string) (name string, data []byte, ok bool) {
	if urlPath == "/" {
		urlPath = "/index.html"
	}
	if strings.HasSuffix(urlPath, "/") {
		// A directory, or a file asked for as one: like a static server
		// without listings, neither exists.
		return "", nil, false
	}
	name = path.Clean("/" + urlPath)
	if !fs.ValidPath(siteRoot + name) {
		return "", nil, false
	}
	data, err := fs.ReadFile(site, siteRoot+name)
	if err != nil {
		// Missing files and directories alike are a 404.
		return "", nil, false
	}
	return name, data, true
}

func notFound(w http.ResponseWriter) {
	hdr := w.Header()
	hdr.Set("Content-Type", contentType(".html"))
	hdr.Set("Content-Length", strconv.Itoa(len(notFoundPage)))
	w.WriteHeader(http.StatusNotFound)
	_, _ = w.Write([]byte(notFoundPage)) // the client may be gone; nothing to do about it
}

func notModified(r *http.Request) bool {
	ims := r.Header.Get("If-Modified-Since")
	if ims == "" {
		return false
	}
	t, err := http.ParseTime(ims)
	if err != nil {
		return false
	}
	return !modTime().After(t)
}

// acceptsGzip reports whether an Accept-Encoding value allows gzip, honouring
// q=0 as a refusal.
func acceptsGzip(acceptEncoding string) bool {
	var named, gz, star bool // gzip listed, gzip allowed, * allowed
	for part := range strings.SplitSeq(acceptEncoding, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		ok := qualityPositive(params)
		switch coding {
		case "gzip", "x-gzip":
			named = true
			gz = gz || ok
		case "*":
			star = ok
		}
	}
	if named {
		return gz
	}
	return star
}

func qualityPositive(params string) bool {
	for p := range strings.SplitSeq(params, ";") {
		k, v, found := strings.Cut(strings.TrimSpace(p), "=")
		if !found || !strings.EqualFold(strings.TrimSpace(k), "q") {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		return err == nil && q > 0
	}
	return true
}

func (h handler) servePlain(w http.ResponseWriter, r *http.Request, data []byte) {
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	if _, err := w.Write(data); err != nil {
		h.log.Debug("write response", "path", r.URL.Path, "err", err)
	}
}

func (h handler) serveGzip(w http.ResponseWriter, r *http.Request, data []byte) {
	// The zero gzip header (no name, no mtime) makes the encoded bytes
	// identical on every request, so archives can deduplicate them.
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(data); err != nil {
		h.internalError(w, r, fmt.Errorf("gzip %s: %w", r.URL.Path, err))
		return
	}
	if err := zw.Close(); err != nil {
		h.internalError(w, r, fmt.Errorf("gzip %s: %w", r.URL.Path, err))
		return
	}
	w.Header().Set("Content-Encoding", "gzip")
	h.servePlain(w, r, buf.Bytes())
}

func (h handler) serveChunked(w http.ResponseWriter, r *http.Request, data []byte) {
	w.Header().Del("Content-Length")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	rc := http.NewResponseController(w)
	for part := range slices.Chunk(data, chunkSize) {
		if _, err := w.Write(part); err != nil {
			h.log.Debug("write response", "path", r.URL.Path, "err", err)
			return
		}
		// Flushing before the handler returns is what makes net/http
		// switch to chunked framing instead of buffering the whole page.
		if err := rc.Flush(); err != nil {
			h.log.Debug("flush response", "path", r.URL.Path, "err", err)
			return
		}
	}
}

func (h handler) internalError(w http.ResponseWriter, r *http.Request, err error) {
	h.log.Error("serve page", "path", r.URL.Path, "err", err)
	w.Header().Del("Content-Encoding")
	http.Error(w, "internal server error", http.StatusInternalServerError)
}

// Articles returns the root-relative paths of the article pages, sorted.
func Articles() []string {
	// An optional language prefix, the publication date, then the slug.
	article := regexp.MustCompile(`^/(?:[a-z]{2}/)?\d{4}/\d{2}/\d{2}/[a-z0-9-]+\.html$`)
	var paths []string
	err := fs.WalkDir(site, siteRoot, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		p := strings.TrimPrefix(name, siteRoot)
		if !d.IsDir() && article.MatchString(p) {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		// The tree is compiled into the binary; failing to walk it is a
		// build defect, not a runtime condition.
		panic(fmt.Sprintf("demosite: walk embedded site: %v", err))
	}
	slices.Sort(paths)
	return paths
}
