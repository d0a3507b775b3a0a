package demosite

import (
	"encoding/xml"
	"flag"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite site/index.html from the article table")

var (
	htmlLangRE = regexp.MustCompile(`<html lang="([a-zA-Z-]+)"`)
	isoRE      = regexp.MustCompile(`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})`)
	postIDRE   = regexp.MustCompile(`-(\d+)\.html$`)
	pathDateRE = regexp.MustCompile(`/(\d{4}/\d{2}/\d{2})/`)
)

// TestCatalog checks the article table against the pages it describes, so
// the listings, sitemaps and feed say what the pages say.
func TestCatalog(t *testing.T) {
	var paths []string
	ids := map[int]bool{}
	for _, a := range catalog {
		paths = append(paths, a.Path)
		t.Run(a.Path, func(t *testing.T) {
			page := string(embedded(t, a.Path))
			m := h1RE.FindStringSubmatch(page)
			if m == nil {
				t.Fatal("no h1.entry-title")
			}
			if h := html.UnescapeString(m[1]); h != a.Headline {
				t.Errorf("headline %q, page's h1 is %q", a.Headline, h)
			}
			if lm := htmlLangRE.FindStringSubmatch(page); lm == nil || strings.ToLower(strings.SplitN(lm[1], "-", 2)[0]) != a.Lang {
				t.Errorf("language %q, page's <html lang> is %q", a.Lang, lm)
			}
			if !slices.ContainsFunc(categories, func(c category) bool { return c.Key == a.Lang }) {
				t.Errorf("language %q has no category", a.Lang)
			}
			if m := postIDRE.FindStringSubmatch(a.Path); m == nil || m[1] != strconv.Itoa(a.ID) {
				t.Errorf("ID %d does not end the path", a.ID)
			}
			if ids[a.ID] {
				t.Errorf("ID %d used twice", a.ID)
			}
			ids[a.ID] = true
			if m := pathDateRE.FindStringSubmatch(a.Path); m == nil || m[1] != a.Published.Format("2006/01/02") {
				t.Errorf("published %s, not the date in the path", a.Published)
			}
			if !a.Modified.IsZero() && !a.Modified.After(a.Published) {
				t.Errorf("modified %s, not after published %s", a.Modified, a.Published)
			}
			if a.Dateline == "" || a.Excerpt == "" {
				t.Error("no dateline or excerpt for the teaser")
			}
			// The machine-readable dates of the page (meta, JSON-LD,
			// <time datetime>) are exactly the table's. A page with none
			// (dates in prose only) is taken at its word.
			stamps := isoRE.FindAllString(page, -1)
			slices.Sort(stamps)
			stamps = slices.Compact(stamps)
			if len(stamps) == 0 {
				return
			}
			want := []string{a.Published.Format(time.RFC3339)}
			if !a.Modified.IsZero() {
				want = append(want, a.Modified.Format(time.RFC3339))
			}
			slices.Sort(want)
			if !slices.Equal(stamps, want) {
				t.Errorf("page's dates %q, table's %q", stamps, want)
			}
		})
	}
	slices.Sort(paths)
	if !slices.Equal(paths, Articles()) {
		t.Errorf("article table has %q, site has %q", paths, Articles())
	}
}

// TestHomePage_generated checks that site/index.html is the first page of
// the listing rendered from the article table. After changing the table or
// the template, run: go test ./cmd/newsarc/demosite/ -run HomePage -update
func TestHomePage_generated(t *testing.T) {
	l := allListings()[0]
	if l.Path != "/" {
		t.Fatalf("first listing is %s", l.Path)
	}
	got := mustRender(l)
	if *update {
		if err := os.WriteFile(filepath.Join(siteRoot, "index.html"), got, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Log("rewrote site/index.html; rebuild to embed it")
		return
	}
	if string(got) != string(embedded(t, "/")) {
		t.Error("site/index.html is not the rendered home page; run the test with -update")
	}
	if _, ok := listingPages()["/"]; ok {
		t.Error("the home page is rendered at run time too")
	}
}

var (
	teaserRE   = regexp.MustCompile(`<h3 class="teaser-title"><a href="([^"]+)">`)
	nextLinkRE = regexp.MustCompile(`<a class="next page-numbers" rel="next" href="([^"]+)">([^<]*)</a>`)
	prevLinkRE = regexp.MustCompile(`<a class="prev page-numbers" rel="prev" href="([^"]+)">`)
	canonRE    = regexp.MustCompile(`<link rel="canonical" href="([^"]+)">`)
	feedLinkRE = regexp.MustCompile(`<link rel="alternate" type="application/rss\+xml"[^>]* href="([^"]+)">`)
)

// walkListing follows the "next page" links from first and returns the
// article paths of each page.
func walkListing(t *testing.T, srv *httptest.Server, first string) (pages []string, teasers [][]string) {
	t.Helper()
	c := srv.Client()
	prev := ""
	for p := first; p != ""; {
		if slices.Contains(pages, p) || len(pages) > 20 {
			t.Fatalf("pagination loops: %q then %s", pages, p)
		}
		resp, body := get(t, c, srv.URL+p, nil)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: status %d", p, resp.StatusCode)
		}
		page := string(body)
		checkBalanced(t, page)
		if m := canonRE.FindStringSubmatch(page); m == nil || m[1] != p {
			t.Errorf("%s: canonical %q", p, m)
		}
		var list []string
		for _, m := range teaserRE.FindAllStringSubmatch(page, -1) {
			list = append(list, m[1])
		}
		if len(list) == 0 || len(list) > perPage {
			t.Errorf("%s lists %d articles, want 1 to %d", p, len(list), perPage)
		}
		pm := prevLinkRE.FindStringSubmatch(page)
		switch {
		case prev == "" && pm != nil:
			t.Errorf("%s: first page links back to %s", p, pm[1])
		case prev != "" && (pm == nil || pm[1] != prev):
			t.Errorf("%s: previous page link %q, want %s", p, pm, prev)
		}
		pages = append(pages, p)
		teasers = append(teasers, list)
		prev, p = p, ""
		if m := nextLinkRE.FindStringSubmatch(page); m != nil {
			if m[2] != nextPageText {
				t.Errorf("%s: next page link says %q", prev, m[2])
			}
			p = m[1]
		}
	}
	return pages, teasers
}

// TestPagination checks that the home page and its sequels list every
// article exactly once, newest first, four to a page.
func TestPagination(t *testing.T) {
	srv := httptest.NewServer(Handler())
	t.Cleanup(srv.Close)
	pages, teasers := walkListing(t, srv, "/")
	if want := []string{"/", "/page/2/"}; !slices.Equal(pages, want) {
		t.Errorf("listing pages %q, want %q", pages, want)
	}
	if len(teasers[0]) != perPage {
		t.Errorf("home page lists %d articles, want %d", len(teasers[0]), perPage)
	}
	var want []string
	for _, a := range newest("") {
		want = append(want, a.Path)
	}
	if got := slices.Concat(teasers...); !slices.Equal(got, want) {
		t.Errorf("listings show %q, want every article newest first: %q", got, want)
	}
	if !slices.Equal(want[:perPage], []string{
		"/en/2023/07/14/harbour-derby-3073.html",
		"/2023/07/12/solar-schools-1026.html",
		"/fr/2023/07/10/marche-central-2049.html",
		"/2023/07/05/river-bus-cairo-1025.html",
	}) {
		t.Errorf("newest four: %q", want[:perPage])
	}
	c := plainClient(t)
	for _, p := range []string{"/page/1/", "/page/3/", "/page/0/", "/page/two/", "/page/2", "/page/", "/page/2/page/2/", "/category/", "/category/de/", "/category/ar/page/2/", "/feed", "/feed/x/"} {
		if resp, _ := get(t, c, srv.URL+p, nil); resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", p, resp.StatusCode)
		}
	}
}

// TestCategories checks that each category lists the articles of its
// language, and that together they list every article once.
func TestCategories(t *testing.T) {
	srv := httptest.NewServer(Handler())
	t.Cleanup(srv.Close)
	var all []string
	for _, c := range categories {
		_, teasers := walkListing(t, srv, "/category/"+c.Key+"/")
		var want []string
		for _, a := range newest(c.Key) {
			want = append(want, a.Path)
		}
		got := slices.Concat(teasers...)
		if !slices.Equal(got, want) {
			t.Errorf("category %s lists %q, want %q", c.Key, got, want)
		}
		all = append(all, got...)
	}
	slices.Sort(all)
	if !slices.Equal(all, Articles()) {
		t.Errorf("categories list %q, want every article once", all)
	}
}

// TestHandler_generated checks the wire format of the generated resources:
// plain, with Content-Length and Last-Modified, HEAD and If-Modified-Since
// like the embedded files.
func TestHandler_generated(t *testing.T) {
	srv := httptest.NewServer(Handler())
	t.Cleanup(srv.Close)
	c := plainClient(t)
	tests := []struct{ path, contentType string }{
		{"/page/2/", typeHTML},
		{"/category/ar/", typeHTML},
		{"/category/fr/", typeHTML},
		{"/category/en/", typeHTML},
		{"/robots.txt", "text/plain; charset=utf-8"},
		{"/sitemap_index.xml", "application/xml; charset=utf-8"},
		{"/post-sitemap.xml", "application/xml; charset=utf-8"},
		{"/news-sitemap.xml", "application/xml; charset=utf-8"},
		{"/feed/", "application/rss+xml; charset=utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			gz := map[string]string{"Accept-Encoding": "gzip"}
			resp, body := get(t, c, srv.URL+tt.path, gz)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status = %d", resp.StatusCode)
			}
			if ct := resp.Header.Get("Content-Type"); ct != tt.contentType {
				t.Errorf("Content-Type = %q, want %q", ct, tt.contentType)
			}
			if resp.ContentLength != int64(len(body)) || resp.Header.Get("Content-Encoding") != "" {
				t.Errorf("Content-Length = %d, Content-Encoding = %q, body %d bytes", resp.ContentLength, resp.Header.Get("Content-Encoding"), len(body))
			}
			if lm, err := http.ParseTime(resp.Header.Get("Last-Modified")); err != nil || !lm.Equal(modTime()) {
				t.Errorf("Last-Modified = %q", resp.Header.Get("Last-Modified"))
			}
			head, hb := do(t, c, http.MethodHead, srv.URL+tt.path, gz)
			if head.StatusCode != http.StatusOK || len(hb) != 0 || head.ContentLength != resp.ContentLength {
				t.Errorf("HEAD: status %d, Content-Length %d, %d bytes", head.StatusCode, head.ContentLength, len(hb))
			}
			nm, _ := get(t, c, srv.URL+tt.path, map[string]string{"If-Modified-Since": modTime().Format(http.TimeFormat)})
			if nm.StatusCode != http.StatusNotModified {
				t.Errorf("If-Modified-Since build time: status %d, want 304", nm.StatusCode)
			}
			if tt.contentType != typeHTML {
				return
			}
			page := string(body)
			checkBalanced(t, page)
			if m := feedLinkRE.FindStringSubmatch(page); m == nil || m[1] != "/feed/" {
				t.Errorf("no <link rel=alternate> to /feed/: %q", m)
			}
		})
	}
}

type xmlSitemapIndex struct {
	XMLName  xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
	} `xml:"sitemap"`
}

type xmlURLSet struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc     string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 loc"`
		LastMod string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 lastmod"`
		News    *struct {
			Name            string `xml:"publication>name"`
			Language        string `xml:"publication>language"`
			PublicationDate string `xml:"publication_date"`
			Title           string `xml:"title"`
		} `xml:"http://www.google.com/schemas/sitemap-news/0.9 news"`
	} `xml:"url"`
}

type xmlRSS struct {
	XMLName xml.Name `xml:"rss"`
	Version string   `xml:"version,attr"`
	Channel struct {
		Title string `xml:"title"`
		Links []struct {
			XMLName xml.Name
			Href    string `xml:"href,attr"`
			Rel     string `xml:"rel,attr"`
			Text    string `xml:",chardata"`
		} `xml:"link"`
		Items []struct {
			Title       string `xml:"title"`
			Link        string `xml:"link"`
			GUID        string `xml:"guid"`
			PubDate     string `xml:"pubDate"`
			Description string `xml:"description"`
		} `xml:"item"`
	} `xml:"channel"`
}

// byURL returns the article table by absolute URL under base.
func byURL(base string) map[string]article {
	m := make(map[string]article)
	for _, a := range catalog {
		m[base+a.Path] = a
	}
	return m
}

// fetcher GETs absolute URLs from a server, failing on anything but 200.
type fetcher func(t *testing.T, url string) (contentType string, body []byte)

func serverFetcher(srv *httptest.Server) fetcher {
	return func(t *testing.T, url string) (string, []byte) {
		t.Helper()
		resp, body := get(t, srv.Client(), url, nil)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: status %d", url, resp.StatusCode)
		}
		return resp.Header.Get("Content-Type"), body
	}
}

// hostFetcher calls the handler directly with requests for URLs under
// base, as if the site were reached under that name.
func hostFetcher(base string) fetcher {
	h := Handler()
	return func(t *testing.T, url string) (string, []byte) {
		t.Helper()
		p, ok := strings.CutPrefix(url, base)
		if !ok {
			t.Fatalf("URL %s not under %s", url, base)
		}
		req := httptest.NewRequest(http.MethodGet, p, nil)
		req.Host = strings.TrimPrefix(base, "http://")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s: status %d", url, rec.Code)
		}
		return rec.Header().Get("Content-Type"), rec.Body.Bytes()
	}
}

// checkSitemaps reads robots.txt under base, the sitemap index it names and
// the sitemaps the index lists, and checks that every article is listed
// with its dates and that every listed URL answers 200.
func checkSitemaps(t *testing.T, base string, fetch fetcher) {
	_, robots := fetch(t, base+"/robots.txt")
	var indexURL string
	for line := range strings.Lines(string(robots)) {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "Sitemap:"); ok {
			if indexURL != "" {
				t.Errorf("second Sitemap line %q", line)
			}
			indexURL = strings.TrimSpace(v)
		}
	}
	if indexURL != base+"/sitemap_index.xml" {
		t.Fatalf("robots.txt names sitemap %q, want %s/sitemap_index.xml", indexURL, base)
	}
	ct, body := fetch(t, indexURL)
	if !strings.HasPrefix(ct, "application/xml") {
		t.Errorf("%s: Content-Type %q", indexURL, ct)
	}
	var idx xmlSitemapIndex
	if err := xml.Unmarshal(body, &idx); err != nil {
		t.Fatalf("%s: %v", indexURL, err)
	}
	var locs []string
	for _, s := range idx.Sitemaps {
		locs = append(locs, s.Loc)
		if lm, err := time.Parse(time.RFC3339, s.LastMod); err != nil || !lm.Equal(siteLastMod()) {
			t.Errorf("%s: lastmod %q (%v), want %s", s.Loc, s.LastMod, err, siteLastMod())
		}
	}
	if want := []string{base + "/post-sitemap.xml", base + "/news-sitemap.xml"}; !slices.Equal(locs, want) {
		t.Fatalf("sitemap index lists %q, want %q", locs, want)
	}
	articles := byURL(base)
	for _, loc := range locs {
		ct, body := fetch(t, loc)
		if !strings.HasPrefix(ct, "application/xml") {
			t.Errorf("%s: Content-Type %q", loc, ct)
		}
		var set xmlURLSet
		if err := xml.Unmarshal(body, &set); err != nil {
			t.Fatalf("%s: %v", loc, err)
		}
		news := strings.HasSuffix(loc, "/news-sitemap.xml")
		seen := map[string]bool{}
		for _, u := range set.URLs {
			a, ok := articles[u.Loc]
			if !ok || seen[u.Loc] {
				t.Errorf("%s: unknown or repeated URL %q", loc, u.Loc)
				continue
			}
			seen[u.Loc] = true
			if news {
				if u.News == nil {
					t.Errorf("%s: %s has no news:news", loc, u.Loc)
					continue
				}
				n := *u.News
				if n.Name != siteName || n.Language != a.Lang || n.Title != a.Headline || n.PublicationDate != a.Published.Format(time.RFC3339) {
					t.Errorf("%s: %s: news %+v, want %s/%s/%q/%s", loc, u.Loc, n, siteName, a.Lang, a.Headline, a.Published.Format(time.RFC3339))
				}
			} else if u.LastMod != a.LastMod().Format(time.RFC3339) {
				t.Errorf("%s: %s lastmod %q, want %s", loc, u.Loc, u.LastMod, a.LastMod().Format(time.RFC3339))
			}
			if ct, _ := fetch(t, u.Loc); ct != typeHTML {
				t.Errorf("%s: Content-Type %q", u.Loc, ct)
			}
		}
		if len(seen) != len(articles) {
			t.Errorf("%s lists %d of the %d articles", loc, len(seen), len(articles))
		}
	}
}

func TestSitemaps(t *testing.T) {
	srv := httptest.NewServer(Handler())
	t.Cleanup(srv.Close)
	checkSitemaps(t, srv.URL, serverFetcher(srv))
}

// TestSitemaps_host checks that the absolute URLs follow the Host header.
func TestSitemaps_host(t *testing.T) {
	checkSitemaps(t, "http://news.example:8080", hostFetcher("http://news.example:8080"))
	checkFeed(t, "http://news.example:8080", hostFetcher("http://news.example:8080"))
}

// checkFeed finds the feed the home page under base announces and checks
// that it is RSS 2.0 listing every article, newest first, with links that
// answer 200.
func checkFeed(t *testing.T, base string, fetch fetcher) {
	_, home := fetch(t, base+"/")
	m := feedLinkRE.FindStringSubmatch(string(home))
	if m == nil {
		t.Fatal("home page announces no RSS feed")
	}
	feedURL := base + m[1]
	ct, body := fetch(t, feedURL)
	if ct != "application/rss+xml; charset=utf-8" {
		t.Errorf("feed Content-Type %q", ct)
	}
	var feed xmlRSS
	if err := xml.Unmarshal(body, &feed); err != nil {
		t.Fatalf("feed: %v", err)
	}
	if feed.Version != "2.0" || feed.Channel.Title != siteName {
		t.Errorf("feed version %q, title %q", feed.Version, feed.Channel.Title)
	}
	var self, link string
	for _, l := range feed.Channel.Links {
		switch l.XMLName.Space {
		case "":
			link = l.Text
		case "http://www.w3.org/2005/Atom":
			self = l.Href
		}
	}
	if link != base+"/" || self != feedURL {
		t.Errorf("channel link %q, atom:link self %q", link, self)
	}
	articles := byURL(base)
	var got, want []string
	for _, it := range feed.Channel.Items {
		got = append(got, it.Link)
		a, ok := articles[it.Link]
		if !ok {
			t.Errorf("item link %q is no article", it.Link)
			continue
		}
		if it.Title != a.Headline || it.GUID != it.Link || it.Description != a.Excerpt {
			t.Errorf("item %s: title %q, guid %q, description %q", it.Link, it.Title, it.GUID, it.Description)
		}
		if pd, err := time.Parse(time.RFC1123Z, it.PubDate); err != nil || !pd.Equal(a.Published) || it.PubDate != a.Published.Format(time.RFC1123Z) {
			t.Errorf("item %s: pubDate %q (%v), want %s", it.Link, it.PubDate, err, a.Published.Format(time.RFC1123Z))
		}
		if ct, _ := fetch(t, it.Link); ct != typeHTML {
			t.Errorf("%s: Content-Type %q", it.Link, ct)
		}
	}
	for _, a := range newest("") {
		want = append(want, base+a.Path)
	}
	if !slices.Equal(got, want) {
		t.Errorf("feed items %q, want every article newest first %q", got, want)
	}
}

func TestFeed(t *testing.T) {
	srv := httptest.NewServer(Handler())
	t.Cleanup(srv.Close)
	checkFeed(t, srv.URL, serverFetcher(srv))
}
