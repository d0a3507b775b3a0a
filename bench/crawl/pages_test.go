package crawlbench

import (
	"bytes"
	"compress/gzip"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/newsarc/newsarc/bench/crawl/newssite"
)

// benchArticles is how many distinct synthetic article pages the benchmarks
// cycle through.
const benchArticles = 64

// fixtureSite is a small synthetic site; only its pages are used.
func fixtureSite() *newssite.Site {
	return newssite.New("http://127.0.0.1:8080", newssite.Config{Articles: 400, CacheBytes: 1})
}

// uniqueServer serves the synthetic article pages with a nonce appended to
// each response, so that every exchange has a new payload (a WARC writer
// with deduplication would otherwise write revisit records from the second
// round on). Paths are /<n>; page n%64 is sent with a Content-Length,
// chunked, or gzip-encoded (chunked), by n%3, as the site does.
type uniqueServer struct {
	*httptest.Server
	pages [][]byte // plain
	gz    [][]byte // gzip member of the page; the nonce is a second member
	n     atomic.Int64
	mean  int64 // mean page size in bytes
}

func newUniqueServer(tb testing.TB) *uniqueServer {
	tb.Helper()
	site := fixtureSite()
	u := &uniqueServer{}
	var total int64
	for i := range benchArticles {
		p := site.ArticleHTML(i)
		u.pages = append(u.pages, p)
		u.gz = append(u.gz, gzipped(p))
		total += int64(len(p))
	}
	u.mean = total / benchArticles
	u.Server = httptest.NewServer(http.HandlerFunc(u.serve))
	tb.Cleanup(u.Close)
	return u
}

func (u *uniqueServer) serve(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/"))
	nonce := []byte("<!-- " + strconv.FormatInt(u.n.Add(1), 10) + " -->\n")
	page := u.pages[n%len(u.pages)]
	w.Header().Set("Content-Type", "text/html; charset=UTF-8")
	switch n % 3 {
	case 0:
		w.Header().Set("Content-Length", strconv.Itoa(len(page)+len(nonce)))
		w.Write(page)
		w.Write(nonce)
	case 1:
		for len(page) > 0 {
			k := min(16<<10, len(page))
			w.Write(page[:k])
			w.(http.Flusher).Flush()
			page = page[k:]
		}
		w.Write(nonce)
	default:
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			w.Write(page)
			w.Write(nonce)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(u.gz[n%len(u.gz)])
		w.(http.Flusher).Flush()
		w.Write(gzipped(nonce))
	}
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}
