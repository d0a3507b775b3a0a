package demosite

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"html"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// wantArticles is the contract with the extractor's golden files and the
// demo command: these pages exist and keep their paths.
var wantArticles = []string{
	"/2023/06/28/desalination-plant-1024.html",
	"/2023/07/05/river-bus-cairo-1025.html",
	"/2023/07/12/solar-schools-1026.html",
	"/en/2023/06/29/tram-line-3072.html",
	"/en/2023/07/14/harbour-derby-3073.html",
	"/fr/2023/07/05/salon-du-livre-2048.html",
	"/fr/2023/07/10/marche-central-2049.html",
}

func embedded(t *testing.T, p string) []byte {
	t.Helper()
	if p == "/" {
		p = "/index.html"
	}
	data, err := fs.ReadFile(site, siteRoot+p)
	if err != nil {
		t.Fatalf("read embedded %s: %v", p, err)
	}
	return data
}

// plainClient sends exactly the headers a test sets: no transparent gzip.
func plainClient(t *testing.T) *http.Client {
	t.Helper()
	tr := &http.Transport{DisableCompression: true}
	t.Cleanup(tr.CloseIdleConnections)
	return &http.Client{Transport: tr}
}

func get(t *testing.T, c *http.Client, url string, hdr map[string]string) (*http.Response, []byte) {
	t.Helper()
	return do(t, c, http.MethodGet, url, hdr)
}

func do(t *testing.T, c *http.Client, method, url string, hdr map[string]string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read %s: %v", url, err)
	}
	return resp, body
}

func TestArticles(t *testing.T) {
	got := Articles()
	if !slices.Equal(got, wantArticles) {
		t.Errorf("Articles() = %q, want %q", got, wantArticles)
	}
	if !slices.IsSorted(got) {
		t.Errorf("Articles() not sorted: %q", got)
	}
	got[0] = "mutated"
	if Articles()[0] == "mutated" {
		t.Error("Articles() shares its slice between calls")
	}
}

var (
	h1RE        = regexp.MustCompile(`<h1 class="entry-title"[^>]*>([^<]+)</h1>`)
	jsonLDRE    = regexp.MustCompile(`(?s)<script type="application/ld\+json"[^>]*>(.*?)</script>`)
	contentRE   = regexp.MustCompile(`(?s)<div class="entry-content"[^>]*>(.*?)\n</div>\n<footer class="entry-footer">`)
	paragraphRE = regexp.MustCompile(`(?m)^<p>`)
)

func TestHandler_articles(t *testing.T) {
	srv := httptest.NewServer(Handler())
	t.Cleanup(srv.Close)
	c := srv.Client() // transparent gzip, like a crawler's default client
	for _, p := range Articles() {
		t.Run(p, func(t *testing.T) {
			resp, body := get(t, c, srv.URL+p, nil)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status = %d, want 200", resp.StatusCode)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("Content-Type = %q", ct)
			}
			if lm, err := http.ParseTime(resp.Header.Get("Last-Modified")); err != nil || !lm.Equal(modTime()) {
				t.Errorf("Last-Modified = %q (%v)", resp.Header.Get("Last-Modified"), err)
			}
			if resp.Header.Get("Date") == "" {
				t.Error("no Date header")
			}
			if !bytes.Equal(body, embedded(t, p)) {
				t.Fatal("body differs from the embedded page")
			}
			page := string(body)
			if !strings.HasPrefix(page, "<!DOCTYPE html>\n<html lang=") || !strings.HasSuffix(page, "</html>\n") {
				t.Error("not a complete HTML document")
			}
			if !strings.Contains(page, `<link rel="canonical" href="`+p+`">`) {
				t.Error("no canonical link to its own path")
			}
			for _, part := range []string{`class="entry-meta"`, `share-box"`, `class="related-posts"`,
				`class="newsletter-box"`, `id="comments"`, `class="cookie-banner"`, `class="widget widget-most-read"`, `id="colophon"`} {
				if !strings.Contains(page, part) {
					t.Errorf("page lacks %s", part)
				}
			}
			checkBalanced(t, page)
			m := h1RE.FindStringSubmatch(page)
			if m == nil {
				t.Fatal("no h1.entry-title")
			}
			headline := html.UnescapeString(m[1])
			if !strings.Contains(page, `<meta property="og:title" content="`+m[1]+`">`) {
				t.Errorf("og:title differs from h1 %q", headline)
			}
			for _, ld := range jsonLDRE.FindAllStringSubmatch(page, -1) {
				checkJSONLD(t, ld[1], headline)
			}
			cm := contentRE.FindStringSubmatch(page)
			if cm == nil {
				t.Fatal("no .entry-content")
			}
			if n := len(paragraphRE.FindAllString(cm[1], -1)); n < 4 || n > 8 {
				t.Errorf(".entry-content has %d paragraphs, want 4 to 8", n)
			}
		})
	}
}

// checkJSONLD checks that a JSON-LD block parses and that its NewsArticle
// carries the page's headline.
func checkJSONLD(t *testing.T, raw, headline string) {
	t.Helper()
	var doc struct {
		Type     string            `json:"@type"`
		Headline string            `json:"headline"`
		Graph    []json.RawMessage `json:"@graph"`
	}
	if err := json.Unmarshal([]byte(raw), &doc); err != nil {
		t.Fatalf("JSON-LD does not parse: %v", err)
	}
	nodes := []json.RawMessage{json.RawMessage(raw)}
	if len(doc.Graph) > 0 {
		nodes = doc.Graph
	}
	for _, n := range nodes {
		var node struct {
			Type     string `json:"@type"`
			Headline string `json:"headline"`
		}
		if err := json.Unmarshal(n, &node); err != nil {
			t.Fatalf("JSON-LD node does not parse: %v", err)
		}
		if node.Type == "NewsArticle" {
			if node.Headline != headline {
				t.Errorf("JSON-LD headline = %q, want %q", node.Headline, headline)
			}
			return
		}
	}
	t.Error("JSON-LD has no NewsArticle")
}

var (
	scriptRE  = regexp.MustCompile(`(?s)<script\b.*?</script>|<!--.*?-->|<!DOCTYPE[^>]*>`)
	tagRE     = regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>`)
	voidElems = []string{"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)

// checkBalanced fails if a page's non-void elements are not closed in order:
// the pages are written with every end tag, so any mismatch is a typo.
func checkBalanced(t *testing.T, page string) {
	t.Helper()
	var stack []string
	for _, m := range tagRE.FindAllStringSubmatch(scriptRE.ReplaceAllString(page, ""), -1) {
		name := strings.ToLower(m[2])
		if slices.Contains(voidElems, name) {
			continue
		}
		if m[1] == "" {
			stack = append(stack, name)
			continue
		}
		if len(stack) == 0 || stack[len(stack)-1] != name {
			t.Fatalf("unexpected </%s>, open elements %v", name, stack)
		}
		stack = stack[:len(stack)-1]
	}
	if len(stack) != 0 {
		t.Fatalf("unclosed elements %v", stack)
	}
}

func TestHandler_gzip(t *testing.T) {
	srv := httptest.NewServer(Handler())
	t.Cleanup(srv.Close)
	c := plainClient(t)
	tests := []struct {
		acceptEncoding string
		wantGzip       bool
	}{
		{"gzip", true},
		{"gzip, deflate, br", true},
		{"br;q=1.0, *;q=0.5", true},
		{"", false},
		{"identity", false},
		{"deflate", false},
		{"gzip;q=0", false},
		{"*;q=1, gzip;q=0", false},
	}
	for _, p := range Articles() {
		if !strings.HasPrefix(p, "/fr/") {
			continue
		}
		want := embedded(t, p)
		for _, tt := range tests {
			t.Run(p+"/"+tt.acceptEncoding, func(t *testing.T) {
				hdr := map[string]string{}
				if tt.acceptEncoding != "" {
					hdr["Accept-Encoding"] = tt.acceptEncoding
				}
				resp, body := get(t, c, srv.URL+p, hdr)
				if resp.StatusCode != http.StatusOK {
					t.Fatalf("status = %d", resp.StatusCode)
				}
				if resp.Header.Get("Vary") != "Accept-Encoding" {
					t.Errorf("Vary = %q", resp.Header.Get("Vary"))
				}
				if resp.ContentLength != int64(len(body)) {
					t.Errorf("Content-Length = %d, body %d bytes", resp.ContentLength, len(body))
				}
				if !tt.wantGzip {
					if ce := resp.Header.Get("Content-Encoding"); ce != "" {
						t.Errorf("Content-Encoding = %q, want none", ce)
					}
					if !bytes.Equal(body, want) {
						t.Error("identity body differs from the embedded page")
					}
					return
				}
				if ce := resp.Header.Get("Content-Encoding"); ce != "gzip" {
					t.Fatalf("Content-Encoding = %q, want gzip", ce)
				}
				zr, err := gzip.NewReader(bytes.NewReader(body))
				if err != nil {
					t.Fatalf("gzip header: %v", err)
				}
				decoded, err := io.ReadAll(zr)
				if err != nil {
					t.Fatalf("gunzip: %v", err)
				}
				if !bytes.Equal(decoded, want) {
					t.Error("decoded body differs from the embedded page")
				}
				if !strings.HasPrefix(string(decoded), `<!DOCTYPE html>`+"\n"+`<html lang="fr`) {
					t.Error("decoded body is not the French HTML page")
				}
				checkBalanced(t, string(decoded))
			})
		}
	}
}

// TestHandler_gzipStable checks that the encoded bytes do not change between
// requests, so an archive sees identical payloads.
func TestHandler_gzipStable(t *testing.T) {
	srv := httptest.NewServer(Handler())
	t.Cleanup(srv.Close)
	c := plainClient(t)
	url := srv.URL + wantArticles[5]
	_, a := get(t, c, url, map[string]string{"Accept-Encoding": "gzip"})
	_, b := get(t, c, url, map[string]string{"Accept-Encoding": "gzip"})
	if !bytes.Equal(a, b) {
		t.Error("two gzip responses for one page differ")
	}
}

// rawGet sends an HTTP/1.1 GET over a bare TCP connection and returns the
// response bytes exactly as they crossed the wire.
func rawGet(t *testing.T, addr, p string) []byte {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if err := conn.SetDeadline(time.Now().Add(10 * time.Second)); err != nil {
		t.Fatal(err)
	}
	req := "GET " + p + " HTTP/1.1\r\nHost: " + addr + "\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n"
	if _, err := io.WriteString(conn, req); err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(conn)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// dechunk decodes a chunked body and returns its chunks.
func dechunk(t *testing.T, body []byte) [][]byte {
	t.Helper()
	r := bufio.NewReader(bytes.NewReader(body))
	var chunks [][]byte
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatalf("read chunk size: %v", err)
		}
		sizeHex, _, _ := strings.Cut(strings.TrimRight(line, "\r\n"), ";")
		size, err := strconv.ParseInt(sizeHex, 16, 64)
		if err != nil {
			t.Fatalf("chunk size %q: %v", line, err)
		}
		if size == 0 {
			if rest, _ := io.ReadAll(r); string(rest) != "\r\n" {
				t.Fatalf("after last chunk: %q", rest)
			}
			return chunks
		}
		chunk := make([]byte, size)
		if _, err := io.ReadFull(r, chunk); err != nil {
			t.Fatalf("read chunk: %v", err)
		}
		if crlf, _ := r.Peek(2); string(crlf) != "\r\n" {
			t.Fatalf("chunk not followed by CRLF: %q", crlf)
		}
		if _, err := r.Discard(2); err != nil {
			t.Fatal(err)
		}
		chunks = append(chunks, chunk)
	}
}

func TestHandler_chunked(t *testing.T) {
	srv := httptest.NewServer(Handler())
	t.Cleanup(srv.Close)
	addr := srv.Listener.Addr().String()
	for _, p := range Articles() {
		if !strings.HasPrefix(p, "/en/") {
			continue
		}
		t.Run(p, func(t *testing.T) {
			want := embedded(t, p)
			raw := rawGet(t, addr, p)
			head, body, ok := bytes.Cut(raw, []byte("\r\n\r\n"))
			if !ok {
				t.Fatalf("no end of header in %q", raw)
			}
			header := string(head) + "\r\n"
			if !strings.HasPrefix(header, "HTTP/1.1 200 OK\r\n") {
				t.Fatalf("status line: %q", header)
			}
			if !strings.Contains(header, "\r\nTransfer-Encoding: chunked\r\n") {
				t.Errorf("no chunked Transfer-Encoding in %q", header)
			}
			if strings.Contains(header, "\r\nContent-Length:") {
				t.Errorf("Content-Length sent with a streamed page: %q", header)
			}
			if strings.Contains(header, "\r\nContent-Encoding:") {
				t.Errorf("English page was encoded: %q", header)
			}
			chunks := dechunk(t, body)
			if wantN := (len(want) + chunkSize - 1) / chunkSize; len(chunks) != wantN {
				t.Errorf("%d chunks, want %d (one per flushed part)", len(chunks), wantN)
			}
			if !bytes.Equal(bytes.Join(chunks, nil), want) {
				t.Error("reassembled body differs from the embedded page")
			}

			resp, got := get(t, srv.Client(), srv.URL+p, nil)
			if !slices.Equal(resp.TransferEncoding, []string{"chunked"}) || resp.ContentLength != -1 {
				t.Errorf("TransferEncoding = %q, ContentLength = %d", resp.TransferEncoding, resp.ContentLength)
			}
			if !bytes.Equal(got, want) {
				t.Error("client-decoded body differs from the embedded page")
			}
		})
	}
}

func TestHandler_plain(t *testing.T) {
	srv := httptest.NewServer(Handler())
	t.Cleanup(srv.Close)
	c := plainClient(t)
	tests := []struct {
		path, contentType string
	}{
		{"/", "text/html; charset=utf-8"},
		{"/index.html", "text/html; charset=utf-8"},
		{"/authors.html", "text/html; charset=utf-8"},
		{"/private/secret.html", "text/html; charset=utf-8"},
		{"/2023/06/28/desalination-plant-1024.html", "text/html; charset=utf-8"},
		{"/wp-content/themes/nabae/style.css", "text/css; charset=utf-8"},
		{"/wp-content/themes/nabae/logo.svg", "image/svg+xml"},
		{"/wp-content/uploads/2023/06/rabat-tram-line3.jpg", "image/jpeg"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, body := get(t, c, srv.URL+tt.path, map[string]string{"Accept-Encoding": "gzip"})
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status = %d", resp.StatusCode)
			}
			if ct := resp.Header.Get("Content-Type"); ct != tt.contentType {
				t.Errorf("Content-Type = %q, want %q", ct, tt.contentType)
			}
			if ce := resp.Header.Get("Content-Encoding"); ce != "" {
				t.Errorf("Content-Encoding = %q, want none", ce)
			}
			if len(resp.TransferEncoding) != 0 {
				t.Errorf("TransferEncoding = %q, want none", resp.TransferEncoding)
			}
			want := embedded(t, tt.path)
			if resp.ContentLength != int64(len(want)) || !bytes.Equal(body, want) {
				t.Errorf("Content-Length = %d, body %d bytes, want %d", resp.ContentLength, len(body), len(want))
			}
			if resp.Header.Get("Last-Modified") == "" {
				t.Error("no Last-Modified")
			}
		})
	}
}

// TestHandler_robots checks robots.txt: the embedded rules, then a Sitemap
// line naming the host the request was sent to.
func TestHandler_robots(t *testing.T) {
	srv := httptest.NewServer(Handler())
	t.Cleanup(srv.Close)
	resp, body := get(t, plainClient(t), srv.URL+"/robots.txt", map[string]string{"Accept-Encoding": "gzip"})
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status = %d", resp.StatusCode)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/plain; charset=utf-8" {
		t.Errorf("Content-Type = %q", ct)
	}
	if resp.ContentLength != int64(len(body)) || resp.Header.Get("Content-Encoding") != "" {
		t.Errorf("Content-Length = %d, Content-Encoding = %q, body %d bytes", resp.ContentLength, resp.Header.Get("Content-Encoding"), len(body))
	}
	if !bytes.HasPrefix(body, embedded(t, "/robots.txt")) {
		t.Errorf("robots.txt does not start with the embedded rules:\n%s", body)
	}
	var rules []string
	for line := range strings.Lines(string(body)) {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			rules = append(rules, line)
		}
	}
	want := []string{"User-agent: *", "Disallow: /private/", "Allow: /", "Sitemap: " + srv.URL + "/sitemap_index.xml"}
	if !slices.Equal(rules, want) {
		t.Errorf("robots.txt rules = %q, want %q", rules, want)
	}

	// The sitemap's address follows the Host header, whatever the server
	// listens on; a missing or malformed one falls back to a sane host.
	for host, want := range map[string]string{
		"news.example:8080": "Sitemap: http://news.example:8080/sitemap_index.xml\n",
		"[::1]:3000":        "Sitemap: http://[::1]:3000/sitemap_index.xml\n",
		"":                  "Sitemap: http://localhost/sitemap_index.xml\n",
		"evil\nDisallow: /": "Sitemap: http://localhost/sitemap_index.xml\n",
	} {
		req := httptest.NewRequest(http.MethodGet, "/robots.txt", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		Handler().ServeHTTP(rec, req)
		if rec.Code != http.StatusOK || !strings.HasSuffix(rec.Body.String(), "\n"+want) {
			t.Errorf("Host %q: status %d, robots.txt\n%s\nwant it to end with %q", host, rec.Code, rec.Body, want)
		}
	}
}

func TestHandler_notFound(t *testing.T) {
	srv := httptest.NewServer(Handler())
	t.Cleanup(srv.Close)
	c := plainClient(t)
	for _, p := range []string{"/nope.html", "/fr/", "/2023/06/28/", "/private/", "/site/index.html", "/index.html/", "/en/2023/06/29/tram-line-9999.html"} {
		t.Run(p, func(t *testing.T) {
			resp, body := get(t, c, srv.URL+p, map[string]string{"Accept-Encoding": "gzip"})
			if resp.StatusCode != http.StatusNotFound {
				t.Fatalf("status = %d, want 404", resp.StatusCode)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("Content-Type = %q", ct)
			}
			if !strings.Contains(string(body), "<h1>404") {
				t.Errorf("body = %q", body)
			}
		})
	}
}

func TestHandler_notModified(t *testing.T) {
	srv := httptest.NewServer(Handler())
	t.Cleanup(srv.Close)
	c := plainClient(t)
	for _, p := range []string{"/", wantArticles[3], wantArticles[5]} {
		resp, body := get(t, c, srv.URL+p, map[string]string{"If-Modified-Since": modTime().Format(http.TimeFormat), "Accept-Encoding": "gzip"})
		if resp.StatusCode != http.StatusNotModified || len(body) != 0 {
			t.Errorf("%s since build time: status = %d, %d bytes; want 304, none", p, resp.StatusCode, len(body))
		}
		resp, _ = get(t, c, srv.URL+p, map[string]string{"If-Modified-Since": modTime().Add(-time.Hour).Format(http.TimeFormat)})
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s since before build time: status = %d, want 200", p, resp.StatusCode)
		}
	}
}

func TestHandler_head(t *testing.T) {
	srv := httptest.NewServer(Handler())
	t.Cleanup(srv.Close)
	c := plainClient(t)
	for _, p := range []string{"/", wantArticles[5]} {
		getResp, _ := get(t, c, srv.URL+p, map[string]string{"Accept-Encoding": "gzip"})
		headResp, body := do(t, c, http.MethodHead, srv.URL+p, map[string]string{"Accept-Encoding": "gzip"})
		if headResp.StatusCode != http.StatusOK || len(body) != 0 {
			t.Errorf("HEAD %s: status = %d, %d bytes", p, headResp.StatusCode, len(body))
		}
		if headResp.ContentLength != getResp.ContentLength {
			t.Errorf("HEAD %s: Content-Length = %d, GET has %d", p, headResp.ContentLength, getResp.ContentLength)
		}
	}
	resp, body := do(t, c, http.MethodHead, srv.URL+wantArticles[3], nil)
	if resp.StatusCode != http.StatusOK || len(body) != 0 {
		t.Errorf("HEAD streamed page: status = %d, %d bytes", resp.StatusCode, len(body))
	}
}

func TestHandler_method(t *testing.T) {
	rec := httptest.NewRecorder()
	Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/", strings.NewReader("x=1")))
	if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: status = %d, Allow = %q", rec.Code, rec.Header().Get("Allow"))
	}
}

var linkRE = regexp.MustCompile(`(?:href|src)=["'](/[^"'#?]*)`)

// TestSite_links checks that every root-relative link and image on the site
// resolves, so a demo crawl meets no 404 it did not ask for. It reads every
// embedded HTML file and every generated listing page, and also follows
// the links from "/" so that no page reachable by links goes unchecked.
func TestSite_links(t *testing.T) {
	h := Handler()
	serve := func(p string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		return rec
	}
	pages := map[string]bool{"/": true} // checked or queued
	linked := map[string]bool{}
	from := map[string]string{} // the first page that links to a queued one
	queue := []string{"/"}
	err := fs.WalkDir(site, siteRoot, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(name, ".html") {
			return err
		}
		p := strings.TrimPrefix(name, siteRoot)
		pages[p] = true
		queue = append(queue, p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for p := range listingPages() {
		pages[p] = true
		queue = append(queue, p)
	}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		rec := serve(p)
		if rec.Code != http.StatusOK {
			t.Errorf("%s (linked from %q): status %d", p, from[p], rec.Code)
			continue
		}
		if !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
			continue
		}
		for _, m := range linkRE.FindAllStringSubmatch(rec.Body.String(), -1) {
			target := m[1]
			linked[target] = true
			if pages[target] {
				continue
			}
			pages[target] = true
			if strings.HasSuffix(target, "/") || strings.HasSuffix(target, ".html") {
				from[target] = p
				queue = append(queue, target) // checked, and its links too
				continue
			}
			if lr := serve(target); lr.Code != http.StatusOK {
				t.Errorf("%s links to %s: status %d", p, target, lr.Code)
			}
		}
	}
	for _, p := range []string{"/page/2/", "/category/ar/", "/category/fr/", "/category/en/"} {
		if !linked[p] {
			t.Errorf("no page links to %s", p)
		}
	}
}
