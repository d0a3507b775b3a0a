package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsarc/newsarc/cmd/newsarc/demosite"
	"github.com/newsarc/newsarc/pipeline"
)

func demoCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "demo",
		Short: "Serve the built-in news site on 127.0.0.1 and archive its articles",
		Long: `demo starts a small news site embedded in the binary (Arabic, French and
English articles) on 127.0.0.1, crawls it into the archive dir, then crawls
it again to show an incremental run that finds nothing new, so the whole
pipeline can be seen with no network and no config. A site called
"demo" in the config, if there is one, lends it its selectors.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := g.loadConfig(cmd)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			base, stop, err := demosite.Start(ctx)
			if err != nil {
				return err
			}
			defer func() {
				sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
				defer cancel()
				stop(sctx)
			}()
			site := cfg.Site("demo")
			if site == nil {
				site, _ = siteFile{Name: "demo"}.compile("demo")
				cfg.Sites = append(cfg.Sites, site)
			}
			site.StartURLs = []string{base + "/"}
			site.AllowedDomains = []string{strings.TrimPrefix(base, "http://")} // its host and port
			// Our own site on loopback: no need to be polite to it.
			cfg.Crawl.PerHostDelay = 0

			for i, label := range []string{"first crawl", "second crawl (incremental: nothing new to archive)"} {
				fmt.Fprintf(g.stdout, "demo site at %s: %s into %s\n", base, label, cfg.Dir)
				sum, err := pipeline.Crawl(ctx, &cfg.Config, []*pipeline.Site{site}, g.output())
				printCrawl(g.stdout, cfg.Dir, sum)
				if err != nil {
					return err
				}
				if i == 0 {
					fmt.Fprintf(g.stdout, "articles: %s\n\n", filepath.Join(cfg.Dir, "articles"))
				}
			}
			fmt.Fprintf(g.stdout, "state: %s (try: sqlite3 %s 'select site, headline, json_path from articles')\n",
				filepath.Join(cfg.Dir, "state.db"), filepath.Join(cfg.Dir, "state.db"))
			return nil
		},
	}
}
