package main

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/dustin/go-humanize"
	"github.com/go-viper/mapstructure/v2"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/newsarc/newsarc/crawler"
	"github.com/newsarc/newsarc/pipeline"
	"github.com/newsarc/newsarc/selectors"
)

// fileConfig mirrors config.toml; UnmarshalExact makes a typo an error.
type fileConfig struct {
	Archive struct {
		Dir         string `mapstructure:"dir"`
		WARCMaxSize string `mapstructure:"warc_max_size"`
		Compression string `mapstructure:"compression"`
		MinFree     string `mapstructure:"min_free"`
	} `mapstructure:"archive"`
	Crawl struct {
		UserAgent     string `mapstructure:"user_agent"`
		Concurrency   int    `mapstructure:"concurrency"`
		PerHostDelay  string `mapstructure:"per_host_delay"`
		RespectRobots bool   `mapstructure:"respect_robots"`
		MaxDepth      int    `mapstructure:"max_depth"`
		MaxPages      int    `mapstructure:"max_pages"`
		Timeout       string `mapstructure:"timeout"`
		Retries       int    `mapstructure:"retries"`
		MaxRetryAfter string `mapstructure:"max_retry_after"`
		MaxBodySize   string `mapstructure:"max_body_size"`
		MaxRedirects  int    `mapstructure:"max_redirects"`
		MaxLinks      int    `mapstructure:"max_links_per_page"`
	} `mapstructure:"crawl"`
	Sites []siteFile `mapstructure:"sites"`
}

type siteFile struct {
	Name           string   `mapstructure:"name"`
	StartURLs      []string `mapstructure:"start_urls"`
	AllowedDomains []string `mapstructure:"allowed_domains"`
	ArticleURLs    []string `mapstructure:"article_urls"`
	FollowURLs     []string `mapstructure:"follow_urls"`
	Sitemaps       []string `mapstructure:"sitemaps"`
	Feeds          []string `mapstructure:"feeds"`
	Timezone       string   `mapstructure:"timezone"`
	Language       string   `mapstructure:"language"`
	Selectors      struct {
		Headline  string   `mapstructure:"headline"`
		Byline    string   `mapstructure:"byline"`
		Published string   `mapstructure:"published"`
		Modified  string   `mapstructure:"modified"`
		Body      string   `mapstructure:"body"`
		Remove    []string `mapstructure:"remove"`
	} `mapstructure:"selectors"`
}

// defaults are the README's (its key table). Every key has one, so NEWSARC_SECTION_KEY can set it.
var defaults = map[string]any{
	"archive.dir":              "archive",
	"archive.warc_max_size":    "1GB",
	"archive.compression":      "gzip",
	"archive.min_free":         "64MiB",
	"crawl.user_agent":         defaultUserAgent(),
	"crawl.concurrency":        8,
	"crawl.per_host_delay":     "1s",
	"crawl.respect_robots":     true,
	"crawl.max_depth":          3,
	"crawl.max_pages":          0,
	"crawl.timeout":            "30s",
	"crawl.retries":            3,
	"crawl.max_retry_after":    "10m",
	"crawl.max_body_size":      "64MiB",
	"crawl.max_redirects":      10,
	"crawl.max_links_per_page": 10000,
}

// Config is the validated configuration: the file it came from and the
// typed configuration the pipeline takes. It holds no run's state.
type Config struct {
	Path string // the file read, "" when none
	pipeline.Config
}

// configError is a problem with the configuration: exit code 1.
type configError struct{ err error }

func (e *configError) Error() string { return e.err.Error() }
func (e *configError) Unwrap() error { return e.err }

// loadConfig reads path (explicit is false when it is only the default
// ./config.toml, which may be absent), then the environment.
func loadConfig(path string, explicit bool) (*Config, error) {
	return loadConfigFlags(path, explicit, nil)
}

// loadConfigFlags is loadConfig with the run flags of flags (flags.go)
// over the environment: flag > NEWSARC_SECTION_KEY > file > default.
func loadConfigFlags(path string, explicit bool, flags *pflag.FlagSet) (*Config, error) {
	v := viper.New()
	for k, d := range defaults {
		v.SetDefault(k, d)
	}
	v.SetEnvPrefix("NEWSARC")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.AutomaticEnv()
	v.SetConfigType("toml")
	if err := bindRunFlags(v, flags); err != nil {
		return nil, err
	}
	read := ""
	if f, err := os.Open(path); err == nil {
		err = v.ReadConfig(f)
		f.Close()
		if err != nil {
			return nil, &configError{syntaxError(path, err)}
		}
		read = path
	} else if explicit || !errors.Is(err, os.ErrNotExist) {
		return nil, &configError{fmt.Errorf("config %s: %w", path, err)}
	}
	var fc fileConfig
	hooks := viper.DecodeHook(mapstructure.ComposeDecodeHookFunc(strictTypes,
		mapstructure.StringToTimeDurationHookFunc(), mapstructure.StringToSliceHookFunc(","))) // viper's own two after ours
	if err := v.UnmarshalExact(&fc, hooks); err != nil {
		return nil, &configError{fmt.Errorf("config %s: %s", orEnv(read), decodeErrors(err, os.Getenv))}
	}
	cfg, err := fc.validate()
	if err != nil {
		return nil, &configError{fmt.Errorf("config %s: %w", orEnv(read), err)}
	}
	cfg.Path = read
	return cfg, nil
}

func orEnv(path string) string {
	if path == "" {
		return "(defaults and environment)"
	}
	return path
}

func oneLine(err error) string {
	s := strings.Join(strings.Fields(err.Error()), " ")
	return strings.TrimPrefix(s, "decoding failed due to the following error(s): ")
}

func (fc *fileConfig) validate() (*Config, error) {
	var errs []error
	bad := func(key, format string, a ...any) {
		errs = append(errs, fmt.Errorf("%s: "+format, append([]any{key}, a...)...))
	}
	cfg := &Config{Config: pipeline.Config{Dir: fc.Archive.Dir, Compression: fc.Archive.Compression, MaxDepth: fc.Crawl.MaxDepth, MaxPages: fc.Crawl.MaxPages,
		Software: "newsarc/" + buildVersion()}}
	fc.validateArchive(cfg, bad)
	cr := fc.Crawl
	cfg.Crawl = crawler.Config{UserAgent: cr.UserAgent, Concurrency: cr.Concurrency, RespectRobots: cr.RespectRobots, Retries: cr.Retries,
		MaxParseSize: selectors.MaxHTMLSize}
	if cr.UserAgent == "" {
		bad("crawl.user_agent", "must not be empty")
	}
	if cr.Concurrency < 1 {
		bad("crawl.concurrency", "%d: must be at least 1", cr.Concurrency)
	}
	if cr.MaxDepth < 0 {
		bad("crawl.max_depth", "%d: must not be negative", cr.MaxDepth)
	}
	if cr.MaxPages < 0 {
		bad("crawl.max_pages", "%d: must not be negative", cr.MaxPages)
	}
	if cr.Retries < 0 {
		bad("crawl.retries", "%d: must not be negative", cr.Retries)
	}
	if d, err := parseDuration(cr.PerHostDelay); err != nil {
		bad("crawl.per_host_delay", "%v", err)
	} else {
		cfg.Crawl.PerHostDelay = d
	}
	if d, err := parseDuration(cr.Timeout); err != nil || d == 0 {
		bad("crawl.timeout", "%q is not a positive duration (like \"30s\")", cr.Timeout)
	} else {
		cfg.Crawl.Timeout = d
	}
	if d, err := parseDuration(cr.MaxRetryAfter); err != nil || d == 0 {
		bad("crawl.max_retry_after", "%q is not a positive duration (like \"10m\")", cr.MaxRetryAfter)
	} else {
		cfg.Crawl.MaxRetryAfter = d
	}
	if n, err := humanize.ParseBytes(cr.MaxBodySize); err != nil || n < 1<<10 || n > 1<<40 {
		bad("crawl.max_body_size", "%q is not a size between 1KiB and 1TiB (like \"64MiB\")", cr.MaxBodySize)
	} else {
		cfg.Crawl.MaxBodySize = int64(n)
	}
	if cr.MaxRedirects < 1 {
		bad("crawl.max_redirects", "%d: must be at least 1", cr.MaxRedirects)
	}
	if cr.MaxLinks < 1 {
		bad("crawl.max_links_per_page", "%d: must be at least 1", cr.MaxLinks)
	}
	cfg.Crawl.MaxRedirects, cfg.Crawl.MaxLinksPerPage = cr.MaxRedirects, cr.MaxLinks
	names := make(map[string]bool)
	for i, sf := range fc.Sites {
		s, serrs := sf.compile(fmt.Sprintf("sites[%d]", i))
		errs = append(errs, serrs...)
		if s == nil {
			continue
		}
		if names[s.Name] {
			bad(fmt.Sprintf("sites[%d].name", i), "%q is used by two sites", s.Name)
		}
		names[s.Name] = true
		cfg.Sites = append(cfg.Sites, s)
	}
	return cfg, errors.Join(errs...)
}

// validateArchive checks the [archive] keys into cfg.
func (fc *fileConfig) validateArchive(cfg *Config, bad func(key, format string, a ...any)) {
	if cfg.Dir == "" {
		bad("archive.dir", "must not be empty")
	}
	if n, err := humanize.ParseBytes(fc.Archive.WARCMaxSize); err != nil || n < 1<<20 {
		bad("archive.warc_max_size", "%q is not a size of at least 1MiB (like \"1GB\", \"500MB\")", fc.Archive.WARCMaxSize)
	} else {
		cfg.WARCMaxSize = int64(n)
	}
	if n, err := humanize.ParseBytes(fc.Archive.MinFree); err != nil {
		bad("archive.min_free", "%q is not a size (like \"64MiB\", \"1GB\")", fc.Archive.MinFree)
	} else {
		cfg.MinFree = int64(min(n, 1<<62))
	}
	if c := fc.Archive.Compression; c != "gzip" && c != "none" {
		bad("archive.compression", "%q: want gzip or none", c)
	}
}

func parseDuration(s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("%q is not a duration (like \"1s\", \"500ms\")", s)
	}
	return d, nil
}

func (sf siteFile) compile(key string) (*pipeline.Site, []error) {
	var errs []error
	bad := func(k, format string, a ...any) {
		errs = append(errs, fmt.Errorf("%s.%s: "+format, append([]any{key, k}, a...)...))
	}
	s := &pipeline.Site{Site: crawler.Site{Name: sf.Name, StartURLs: sf.StartURLs, Sitemaps: sf.Sitemaps, Feeds: sf.Feeds}}
	tz := time.UTC
	if sf.Name == "" {
		bad("name", "must not be empty")
	} else if strings.ContainsAny(sf.Name, `/\ `) || sf.Name == "." || sf.Name == ".." {
		bad("name", "%q: use letters, digits, '.', '_' or '-' (it names folders)", sf.Name)
	}
	for i, u := range sf.StartURLs {
		pu, err := crawler.ParseURL(u)
		if err != nil {
			bad(fmt.Sprintf("start_urls[%d]", i), "%v", err)
			continue
		}
		if len(sf.AllowedDomains) == 0 {
			// The start URL's host, and its port when it is not the
			// scheme's default: another port is another service.
			s.AllowedDomains = append(s.AllowedDomains, pipeline.HostDomain(pu))
		}
	}
	for i, d := range sf.AllowedDomains {
		d = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(d), "."))
		if d == "" || strings.ContainsAny(d, "/ ") {
			bad(fmt.Sprintf("allowed_domains[%d]", i), "%q: want a host name, optionally with a port (\"example.ma\", \"example.ma:8080\")", sf.AllowedDomains[i])
			continue
		}
		s.AllowedDomains = append(s.AllowedDomains, d)
	}
	for field, list := range map[string][]string{"article_urls": sf.ArticleURLs, "follow_urls": sf.FollowURLs} {
		for i, expr := range list {
			re, err := regexp.Compile(expr)
			if err != nil {
				bad(fmt.Sprintf("%s[%d]", field, i), "invalid regex %q: %v", expr, err)
				continue
			}
			if field == "article_urls" {
				s.ArticleURLs = append(s.ArticleURLs, re)
			} else {
				s.FollowURLs = append(s.FollowURLs, re)
			}
		}
	}
	if sf.Timezone != "" {
		loc, err := time.LoadLocation(sf.Timezone)
		if err != nil {
			bad("timezone", "unknown time zone %q", sf.Timezone)
		} else {
			tz = loc
		}
	}
	sel := sf.Selectors
	ex, err := selectors.New(selectors.Config{
		Selectors: selectors.Selectors{Headline: sel.Headline, Byline: sel.Byline, Published: sel.Published, Modified: sel.Modified, Body: sel.Body, Remove: sel.Remove},
		Timezone:  tz,
		Language:  sf.Language,
	})
	if err != nil {
		errs = append(errs, fmt.Errorf("%s.%w", key, err))
	}
	s.Extractor = ex
	return s, errs
}
