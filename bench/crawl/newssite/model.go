package newssite

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// Config sizes the site. The zero value is the benchmark's: 2 000 articles,
// seed 1.
type Config struct {
	Seed     uint64
	Articles int
	// PerPage is the number of teasers on a listing page.
	PerPage int
	// CacheBytes bounds the pages rendered ahead of time (and their gzip
	// forms); a bigger site renders each page per request instead, so a
	// 100 000-article site does not need 10 GB of memory.
	CacheBytes int64
}

func (c Config) withDefaults() Config {
	if c.Seed == 0 {
		c.Seed = 1
	}
	if c.Articles <= 0 {
		c.Articles = 2000
	}
	if c.PerPage <= 0 {
		c.PerPage = 20
	}
	if c.CacheBytes <= 0 {
		c.CacheBytes = 512 << 20
	}
	return c
}

// firstID is the WordPress post ID of the oldest article; the newest
// (index 0) has the highest, as on a real site.
const firstID = 10000

// newest is when the newest article was published: fixed, so the site
// does not change with the day it is served.
var newest = time.Date(2025, 6, 30, 18, 0, 0, 0, time.FixedZone("+01", 3600))

const cdn = "https://static.nabae-bench.invalid"

type article struct {
	idx       int
	id        int
	lang      string // "ar" or "en"
	section   int
	author    int
	tags      []int
	title     string
	excerpt   string
	path      string // as linked: the slug percent-encoded
	decoded   string // as the server sees it in r.URL.Path
	image     string
	published time.Time
	modified  time.Time // zero when never modified
}

// rng returns the random stream of one thing on the site: the same
// (kind, n) gives the same stream on every run with the same seed.
func (s *Site) rng(kind, n uint64) *rand.Rand {
	return rand.New(rand.NewPCG(s.cfg.Seed, kind<<40|n))
}

const (
	streamMeta = iota + 1
	streamBody
	streamPage
	streamSite
)

func (s *Site) buildArticles() {
	n := s.cfg.Articles
	step := max(2*365*24*time.Hour/time.Duration(n), time.Minute)
	s.articles = make([]article, n)
	s.bySection = make([][]int, len(sections))
	s.byTag = make([][]int, len(tags))
	s.byAuthor = make([][]int, len(authors))
	for i := range s.articles {
		r := s.rng(streamMeta, uint64(i))
		a := &s.articles[i]
		a.idx, a.id = i, firstID+n-1-i
		a.lang = "en"
		if r.IntN(100) < 55 {
			a.lang = "ar"
		}
		a.section = r.IntN(len(sections))
		a.author = r.IntN(len(authors))
		for range 2 + r.IntN(4) {
			t := r.IntN(len(tags))
			if !containsInt(a.tags, t) {
				a.tags = append(a.tags, t)
			}
		}
		a.published = newest.Add(-time.Duration(i)*step - time.Duration(r.Int64N(int64(step/2))))
		if r.IntN(100) < 30 {
			a.modified = a.published.Add(time.Duration(1+r.IntN(48)) * time.Hour)
		}
		a.title = title(r, a.lang)
		a.excerpt = sentence(r, a.lang, 20, 30)
		slug, ascii := slugOf(r, a)
		date := a.published.Format("/2006/01/02/")
		a.path = date + slug + "-" + strconv.Itoa(a.id) + ".html"
		a.decoded = date + unescapeLower(slug) + "-" + strconv.Itoa(a.id) + ".html"
		a.image = cdn + "/wp-content/uploads" + a.published.Format("/2006/01/") + ascii + "-" + strconv.Itoa(a.id) + "-1200x675.jpg"
		s.bySection[a.section] = append(s.bySection[a.section], i)
		s.byAuthor[a.author] = append(s.byAuthor[a.author], i)
		for _, t := range a.tags {
			s.byTag[t] = append(s.byTag[t], i)
		}
	}
}

// slugOf returns the article's slug as linked, and an ASCII name for its
// image. Arabic slugs are percent-encoded in lowercase hex, as WordPress
// writes them, half of the time; the other half are transliterated.
func slugOf(r *rand.Rand, a *article) (slug, ascii string) {
	words := strings.Fields(a.title)
	if a.lang == "en" {
		words = words[:min(len(words), 7)]
		s := strings.ToLower(strings.Join(words, "-"))
		return s, s
	}
	var latin []string
	for range 4 + r.IntN(3) {
		latin = append(latin, strings.ToLower(enWords[r.IntN(len(enWords))]))
	}
	ascii = strings.Join(latin, "-")
	if r.IntN(2) == 0 {
		return ascii, ascii
	}
	words = words[:min(len(words), 5)]
	return escapeLower(strings.Join(words, "-")), ascii
}

// escapeLower percent-encodes every non-ASCII byte with lowercase hex.
func escapeLower(s string) string {
	const hex = "0123456789abcdef"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x80 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

func unescapeLower(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			v, err := strconv.ParseUint(s[i+1:i+3], 16, 8)
			if err == nil {
				b.WriteByte(byte(v))
				i += 2
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// Text generation.

func word(r *rand.Rand, lang string) string {
	if lang == "ar" {
		return arWords[r.IntN(len(arWords))]
	}
	if r.IntN(4) == 0 {
		return enStop[r.IntN(len(enStop))]
	}
	return enWords[r.IntN(len(enWords))]
}

func sentence(r *rand.Rand, lang string, lo, hi int) string {
	n := lo + r.IntN(hi-lo+1)
	var b strings.Builder
	for i := range n {
		if i > 0 {
			if i%7 == 0 && r.IntN(3) == 0 {
				if lang == "ar" {
					b.WriteString("،")
				} else {
					b.WriteByte(',')
				}
			}
			b.WriteByte(' ')
		}
		w := word(r, lang)
		if i == 0 && lang == "en" {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		if r.IntN(40) == 0 {
			w = number(r, lang)
		}
		b.WriteString(w)
	}
	b.WriteByte('.')
	return b.String()
}

func number(r *rand.Rand, lang string) string {
	n := strconv.Itoa(1 + r.IntN(2000))
	if lang == "ar" && r.IntN(3) == 0 {
		// Eastern Arabic digits, as some Arabic sites print them.
		var b strings.Builder
		for _, c := range n {
			b.WriteRune('٠' + (c - '0'))
		}
		return b.String()
	}
	return n
}

func paragraph(r *rand.Rand, lang string) string {
	n := 3 + r.IntN(4)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = sentence(r, lang, 9, 22)
	}
	return strings.Join(parts, " ")
}

func title(r *rand.Rand, lang string) string {
	s := sentence(r, lang, 6, 11)
	return strings.TrimSuffix(strings.NewReplacer("،", "", ",", "").Replace(s), ".")
}
