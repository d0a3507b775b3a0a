package newssite

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Site is the synthetic news site. It is an http.Handler, safe for
// concurrent use.
type Site struct {
	cfg  Config
	base string // scheme://host[:port], no trailing slash

	articles                   []article // newest first
	bySection, byTag, byAuthor [][]int   // article indices, newest first
	css                        string
	header, sidebar, footer    map[string]string
	cache                      map[string]*response // by r.URL.Path; nil: render per request
}

// response is one rendered resource and how it goes on the wire.
type response struct {
	status int
	body   []byte
	gz     []byte // the gzip form, for paths served gzip-encoded
	ctype  string
	mode   wire
	etag   string
	mod    time.Time
}

// wire is how a response is framed.
type wire int

const (
	wireLength  wire = iota // Content-Length
	wireChunked             // Transfer-Encoding: chunked
	wireGzip                // gzip-encoded (chunked) when the client accepts it, else chunked
)

// New builds the site served at base (e.g. "http://127.0.0.1:8080"). When
// it fits in cfg.CacheBytes, every page is rendered now, so that serving
// costs the crawlers measured next to it almost no CPU.
func New(base string, cfg Config) *Site {
	s := &Site{cfg: cfg.withDefaults(), base: strings.TrimSuffix(base, "/")}
	s.buildArticles()
	s.css = s.buildCSS()
	s.header, s.sidebar, s.footer = map[string]string{}, map[string]string{}, map[string]string{}
	for _, lang := range []string{"ar", "en"} {
		s.header[lang] = s.buildHeader(lang)
		s.sidebar[lang] = s.buildSidebar(lang)
		s.footer[lang] = s.buildFooter(lang)
	}
	paths := s.Paths()
	const perPage = 100 << 10 // a page and a third of a gzip form, roughly
	if int64(len(paths))*perPage <= s.cfg.CacheBytes {
		s.prerender(paths)
	}
	return s
}

func (s *Site) prerender(paths []string) {
	out := make([]*response, len(paths))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				out[i] = s.render(unescapeLower(paths[i]))
			}
		})
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	s.cache = make(map[string]*response, len(paths))
	for i, p := range paths {
		s.cache[unescapeLower(p)] = out[i]
	}
	// Rendering left garbage the size of the site; give it back before
	// anything is measured beside us.
	debug.FreeOSMemory()
}

// Base is the site's address, without a trailing slash.
func (s *Site) Base() string { return s.base }

// Articles is the number of articles.
func (s *Site) Articles() int { return len(s.articles) }

// ArticleURL is the absolute URL of article i (0 is the newest).
func (s *Site) ArticleURL(i int) string { return s.articles[i].url(s) }

// ArticleHTML renders article i (0 is the newest).
func (s *Site) ArticleHTML(i int) []byte { return s.articlePage(i) }

func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	resp, ok := s.cache[r.URL.Path]
	if !ok {
		resp = s.render(r.URL.Path)
	}
	h := w.Header()
	h.Set("Content-Type", resp.ctype)
	h.Set("Server", "nginx")
	if resp.status == http.StatusOK {
		h.Set("Last-Modified", resp.mod.UTC().Format(http.TimeFormat))
		h.Set("ETag", resp.etag)
		h.Set("Cache-Control", "max-age=300, must-revalidate")
		h.Set("X-Cache", "HIT")
	}
	body := resp.body
	mode := resp.mode
	if mode == wireGzip {
		h.Set("Vary", "Accept-Encoding")
		if acceptsGzip(r.Header.Get("Accept-Encoding")) {
			h.Set("Content-Encoding", "gzip")
			body = resp.gz
		} else {
			mode = wireChunked
		}
	}
	if mode == wireLength {
		h.Set("Content-Length", strconv.Itoa(len(body)))
	}
	w.WriteHeader(resp.status)
	if r.Method == http.MethodHead {
		return
	}
	if mode == wireLength {
		w.Write(body)
		return
	}
	// Several writes with flushes: chunked framing, as a streaming backend sends it.
	f, _ := w.(http.Flusher)
	const piece = 16 << 10
	for len(body) > 0 {
		n := min(piece, len(body))
		if _, err := w.Write(body[:n]); err != nil {
			return
		}
		if f != nil {
			f.Flush()
		}
		body = body[n:]
	}
}

// acceptsGzip reads an Accept-Encoding header: gzip (or *) with a q above 0.
func acceptsGzip(ae string) bool {
	for part := range strings.SplitSeq(ae, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.TrimSpace(name)
		if !strings.EqualFold(name, "gzip") && name != "*" {
			continue
		}
		q := 1.0
		if v, ok := strings.CutPrefix(strings.ReplaceAll(params, " ", ""), "q="); ok {
			q, _ = strconv.ParseFloat(v, 64)
		}
		return q > 0
	}
	return false
}

const (
	ctHTML = "text/html; charset=UTF-8"
	ctXML  = "application/xml; charset=UTF-8"
)

// render renders the resource at path (decoded, as in r.URL.Path).
func (s *Site) render(path string) *response {
	resp := &response{status: http.StatusOK, ctype: ctHTML, mod: newest, mode: wire(hashString(path) % 3)}
	body, ok := s.route(path, resp)
	if !ok {
		resp.status, resp.mode, body = http.StatusNotFound, wireLength, s.notFound()
	}
	resp.body = bytes.Clone(body) // not the builder's spare capacity
	resp.etag = `"` + strconv.FormatUint(hashString(string(body)), 36) + `"`
	if resp.mode == wireGzip {
		var gz bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&gz, gzip.DefaultCompression)
		zw.Write(body)
		zw.Close()
		resp.gz = bytes.Clone(gz.Bytes())
	}
	return resp
}

func (s *Site) route(path string, resp *response) ([]byte, bool) {
	switch path {
	case "/":
		return s.homePage(), true
	case "/robots.txt":
		resp.ctype, resp.mode = "text/plain; charset=UTF-8", wireLength
		return s.robots(), true
	case "/_bench/urls.txt":
		resp.ctype, resp.mode = "text/plain; charset=UTF-8", wireLength
		return s.urlList(), true
	case "/sitemap_index.xml":
		resp.ctype = ctXML
		return s.sitemapIndex(), true
	case "/page-sitemap.xml", "/category-sitemap.xml", "/post_tag-sitemap.xml", "/author-sitemap.xml":
		resp.ctype = ctXML
		return s.taxonomySitemap(strings.TrimSuffix(path[1:], "-sitemap.xml")), true
	case "/feed/":
		resp.ctype = "application/rss+xml; charset=UTF-8"
		return s.feed(), true
	}
	if n, ok := strings.CutPrefix(path, "/post-sitemap"); ok {
		i, err := strconv.Atoi(strings.TrimSuffix(n, ".xml"))
		if err != nil || !strings.HasSuffix(n, ".xml") || i < 1 || i > s.postSitemaps() {
			return nil, false
		}
		resp.ctype = ctXML
		return s.postSitemap(i - 1), true
	}
	if rest, ok := strings.CutPrefix(path, "/category/"); ok {
		return s.routeSection(rest)
	}
	if slug, ok := strings.CutPrefix(path, "/tag/"); ok {
		for i, t := range tags {
			if slug == t.slug+"/" {
				return s.tagPage(i), true
			}
		}
		return nil, false
	}
	if slug, ok := strings.CutPrefix(path, "/author/"); ok {
		for i, a := range authors {
			if slug == a.slug+"/" {
				return s.authorPage(i), true
			}
		}
		return nil, false
	}
	for i, p := range staticPages {
		if path == "/"+p.slug+"/" {
			return s.staticPage(i), true
		}
	}
	return s.routeArticle(path, resp)
}

func (s *Site) routeSection(rest string) ([]byte, bool) {
	for i, sec := range sections {
		tail, ok := strings.CutPrefix(rest, sec.slug+"/")
		if !ok {
			continue
		}
		if tail == "" {
			return s.sectionPage(i, 1), true
		}
		n, ok := strings.CutPrefix(tail, "page/")
		if !ok || !strings.HasSuffix(n, "/") {
			return nil, false
		}
		p, err := strconv.Atoi(strings.TrimSuffix(n, "/"))
		if err != nil || p < 2 || p > s.sectionPages(i) || strconv.Itoa(p)+"/" != n {
			return nil, false
		}
		return s.sectionPage(i, p), true
	}
	return nil, false
}

// routeArticle serves /YYYY/MM/DD/<slug>-<id>.html: the ID picks the
// article, the rest of the path must be its own.
func (s *Site) routeArticle(path string, resp *response) ([]byte, bool) {
	name, ok := strings.CutSuffix(path, ".html")
	if !ok {
		return nil, false
	}
	id, err := strconv.Atoi(name[strings.LastIndexByte(name, '-')+1:])
	idx := firstID + len(s.articles) - 1 - id
	if err != nil || idx < 0 || idx >= len(s.articles) || s.articles[idx].decoded != path {
		return nil, false
	}
	a := &s.articles[idx]
	resp.mod = a.published
	if !a.modified.IsZero() {
		resp.mod = a.modified
	}
	return s.articlePage(idx), true
}
