package main

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsarc/newsarc/cmd/newsarc/demosite"
)

func demoCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "demo",
		Short: "Serve the built-in news site on 127.0.0.1 and archive its articles",
		Long: `demo starts a small news site embedded in the binary (Arabic, French and
English articles) on 127.0.0.1 and archives its home page and articles, so
the whole pipeline can be seen with no network and no config. A site called
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
			site := cfg.siteByName("demo")
			if site == nil {
				site, _ = siteFile{Name: "demo"}.compile("demo")
				cfg.Sites = append(cfg.Sites, site)
			}
			site.StartURLs = []string{base + "/"}
			site.AllowedDomains = []string{"127.0.0.1"}
			// Our own site on loopback: no need to be polite to it.
			cfg.Crawl.PerHostDelay = 0

			var urls []string
			for _, p := range demosite.Articles() {
				urls = append(urls, base+p)
			}
			fmt.Fprintf(g.stdout, "demo site at %s: archiving %d pages into %s\n", base, len(urls), cfg.Dir)
			sum, err := archiveURLs(ctx, cfg, urls, g.log, g.stderr)
			printSummary(g.stdout, cfg.Dir, sum)
			return err
		},
	}
}
