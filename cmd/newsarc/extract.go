package main

import (
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsarc/newsarc/crawler"
	"github.com/newsarc/newsarc/pipeline"
	"github.com/newsarc/newsarc/selectors"
	"github.com/newsarc/newsarc/selectors/article"
)

func extractCmd(g *globals) *cobra.Command {
	var pageURL, siteName string
	cmd := &cobra.Command{
		Use:   "extract [flags] URL|FILE...",
		Short: "Extract without archiving; print the article JSON and where each field came from",
		Long: `extract prints the article JSON of each input without archiving anything:
indented for one input, one object per line for several. FILE may be .html,
.html.gz or - (standard input); --url gives the page address for a file.
Selector warnings (a selector that matched nothing or several elements) go
to standard error, so the selectors of a site can be tuned before a crawl.`,
		Example: `  newsarc extract https://www.example.ma/2023/06/28/slug-1024.html
  newsarc extract --site nabae24 --url https://www.example.ma/2023/06/28/slug-1024.html saved.html
  curl -s https://example.org/news/1.html | newsarc extract --url https://example.org/news/1.html -
  newsarc extract pages/*.html.gz | jq -r .headline`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := g.loadConfig(cmd)
			if err != nil {
				return err
			}
			var site *pipeline.Site
			if siteName != "" {
				if site = cfg.Site(siteName); site == nil {
					return &usageError{fmt.Errorf("--site %q: no such site in %s", siteName, orEnv(cfg.Path))}
				}
			}
			failed := 0
			for _, in := range args {
				a, warnings, err := extractOne(cmd.Context(), cfg, site, in, pageURL, g.stdin)
				for _, w := range warnings {
					g.con.print(slog.LevelWarn, "warning: ", fmt.Sprintf("%s: %s", in, w), "input", in)
				}
				if err != nil {
					g.con.print(slog.LevelError, "error: ", err.Error(), "input", in)
					failed++
					continue
				}
				var data []byte
				if len(args) == 1 {
					data, err = article.Indent(a, "  ")
				} else {
					data, err = article.Indent(a, "")
				}
				if err != nil {
					return fmt.Errorf("encode %s: %w", in, err)
				}
				fmt.Fprintf(g.stdout, "%s\n", data)
			}
			if failed == len(args) {
				return fmt.Errorf("no input could be extracted")
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&pageURL, "url", "", "address of the page in FILE (for relative links, dates in the path and the site)")
	cmd.Flags().StringVar(&siteName, "site", "", "use the selectors of this configured site")
	cmd.RegisterFlagCompletionFunc("site", func(cmd *cobra.Command, _ []string, s string) ([]string, cobra.ShellCompDirective) {
		return g.completeSites(cmd, nil, s)
	})
	addRunFlags(cmd, "user-agent")
	return cmd
}

// extractOne reads one input (URL, file or -) and extracts its article.
func extractOne(ctx context.Context, cfg *Config, site *pipeline.Site, in, pageURL string, stdin io.Reader) (*article.Article, []selectors.Warning, error) {
	var (
		page  = selectors.Page{URL: pageURL, Date: time.Now().UTC()}
		noURL bool // a file or stdin without --url
		err   error
	)
	if strings.HasPrefix(in, "http://") || strings.HasPrefix(in, "https://") {
		page, err = pipeline.Fetch(ctx, &cfg.Config, in)
	} else {
		page.Body, err = readInput(in, stdin)
		noURL = page.URL == ""
		if noURL && in != "-" {
			abs, _ := filepath.Abs(in)
			page.URL = "file://" + filepath.ToSlash(abs)
		}
	}
	if err != nil {
		return nil, nil, err
	}
	host := ""
	if u, err := crawler.ParseURL(page.URL); err == nil {
		host = u.Hostname()
	}
	ex := cfg.ExtractorFor(host)
	if site != nil && site.Extractor != ex {
		ex = site.Extractor
		page.Doc = nil // the crawler parsed it as the host's extractor reads it
	}
	a, warnings, err := ex.Extract(page)
	if err != nil {
		return nil, warnings, fmt.Errorf("%s: %w", in, err)
	}
	a.Site = cfg.SiteNameFor(host)
	if site != nil {
		a.Site = site.Name
	}
	if noURL {
		// A file has no address on the web, nor a site unless --site names
		// one: null, not the file:// name it was read under.
		if a.CanonicalURL == a.URL {
			a.CanonicalURL = ""
		}
		a.URL = ""
		if site == nil {
			a.Site = ""
		}
	}
	a.FetchedAt = page.Date
	return a, warnings, nil
}

func readInput(in string, stdin io.Reader) ([]byte, error) {
	var r io.Reader = stdin
	if in != "-" {
		f, err := os.Open(in)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	if strings.HasSuffix(in, ".gz") {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", in, err)
		}
		defer zr.Close()
		r = zr
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", in, err)
	}
	return b, nil
}
