package main

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"

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
			if asJSON {
				enc := json.NewEncoder(g.stdout)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", "  ")
				enc.Encode(sum)
			} else {
				printCrawl(g.stdout, cfg.Dir, sum)
			}
			return err
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the summary as JSON")
	return cmd
}

func pickSites(cfg *Config, names []string) ([]*pipeline.Site, error) {
	if len(cfg.Sites) == 0 {
		return nil, &configError{fmt.Errorf("config %s: no [[sites]] to crawl", orEnv(cfg.Path))}
	}
	if len(names) == 0 {
		return cfg.Sites, nil
	}
	var out []*pipeline.Site
	for _, n := range names {
		s := cfg.Site(n)
		if s == nil {
			return nil, &usageError{fmt.Errorf("no site %q in %s", n, orEnv(cfg.Path))}
		}
		out = append(out, s)
	}
	return out, nil
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
