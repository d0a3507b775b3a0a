package main

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dustin/go-humanize"
	"github.com/spf13/cobra"

	"github.com/newsarc/newsarc/pipeline"
)

func crawlCmd(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "crawl [flags] [SITE...]",
		Short: "Crawl the configured sites (all when none named); archive what is new",
		Long: `crawl follows each site's links, sitemaps and feeds and archives every
article not archived yet (or changed since). State lives in state.db in the
archive dir, so a run resumes what the last one left and skips what has not
changed. A second crawl of the same archive exits 75 at once.`,
		Example: `  newsarc crawl                                  # every site of ./config.toml
  newsarc crawl nabae24 --max-pages 50 --delay 2s  # one site, a short and gentle run
  newsarc crawl --config /etc/newsarc.toml --json --log-level warn > run.json
  */30 * * * *  cd /srv/news && newsarc crawl --quiet || [ $? -eq 75 ]   # crontab: mail only when something is wrong`,
		ValidArgsFunction: g.completeSites,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := g.loadConfig(cmd)
			if err != nil {
				return err
			}
			sites, err := pickSites(cfg, args)
			if err != nil {
				return err
			}
			sum, err := pipeline.Crawl(cmd.Context(), &cfg.Config, sites, g.output())
			if !g.summary(err) {
				return err
			}
			if asJSON {
				printJSON(g.stdout, sum)
			} else {
				printCrawl(g.stdout, cfg.Dir, sum)
			}
			return err
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the summary as JSON")
	addRunFlags(cmd, "user-agent", "delay", "concurrency", "max-pages", "respect-robots")
	return cmd
}

// printJSON prints a summary for scripts, as crawl --json and archive
// --json do: indented, with <, > and & as they are.
func printJSON(w io.Writer, v any) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

// completeSites completes the names of the configured sites.
func (g *globals) completeSites(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
	cfg, err := g.loadConfig(cmd)
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var names []string
	for _, s := range cfg.Sites {
		if !slices.Contains(args, s.Name) {
			names = append(names, s.Name)
		}
	}
	return names, cobra.ShellCompDirectiveNoFileComp
}

func pickSites(cfg *Config, names []string) ([]*pipeline.Site, error) {
	if len(cfg.Sites) == 0 {
		return nil, &usageError{fmt.Errorf("no site to crawl: config %s has no [[sites]]; add one (see config.toml in the repository), or archive single pages with newsarc archive URL", orEnv(cfg.Path))}
	}
	if len(names) == 0 {
		return cfg.Sites, nil
	}
	var out []*pipeline.Site
	for _, n := range names {
		s := cfg.Site(n)
		if s == nil {
			return nil, &usageError{fmt.Errorf("no site %q in %s; configured: %s", n, orEnv(cfg.Path), siteNames(cfg))}
		}
		out = append(out, s)
	}
	return out, nil
}

func siteNames(cfg *Config) string {
	names := make([]string, len(cfg.Sites))
	for i, s := range cfg.Sites {
		names[i] = s.Name
	}
	return strings.Join(names, ", ")
}

// printCrawl prints what a crawl run did.
func printCrawl(w io.Writer, dir string, s pipeline.CrawlSummary) {
	fmt.Fprintf(w, "run %s: %d pages fetched; articles: %d new, %d changed, %d unchanged, %d not fetched again",
		s.Run, s.Pages, s.ArticlesNew, s.ArticlesChanged, s.ArticlesUnchanged, s.Skipped)
	if s.Copies > 0 {
		fmt.Fprintf(w, ", %d copies under other URLs", s.Copies)
	}
	if s.Deferred > 0 {
		fmt.Fprintf(w, "; %d URLs left for the next run", s.Deferred)
	}
	fmt.Fprintf(w, "; %d errors", s.ErrorCount())
	for i, k := range slices.Sorted(maps.Keys(s.Errors)) {
		sep := " ("
		if i > 0 {
			sep = ", "
		}
		fmt.Fprintf(w, "%s%s %d", sep, k, s.Errors[k])
	}
	if len(s.Errors) > 0 {
		fmt.Fprint(w, ")")
	}
	fmt.Fprintf(w, "; %s written in %.1fs\n", humanize.IBytes(uint64(s.Bytes)), s.Seconds)
	if s.Interrupted {
		fmt.Fprintln(w, "interrupted: the next run resumes where this one stopped")
	}
	for _, f := range s.WARCFiles {
		fmt.Fprintf(w, "warc: %s\n", filepath.Join(dir, f))
	}
}
