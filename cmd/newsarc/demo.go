package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsarc/newsarc/cmd/newsarc/demosite"
	"github.com/newsarc/newsarc/pipeline"
)

// demoAddr is where the demo site listens unless --addr says otherwise.
// The same address every time keeps the same URLs, so a second `newsarc
// demo` into the same folder finds its articles known, under the same ids.
// A variable for TestRun_demoPortInUse.
var demoAddr = "127.0.0.1:8390"

// demoDir is the folder the demo writes into without --out: its own, not
// the configured archive, and not a folder of the source tree.
const demoDir = "newsarc-demo"

// demoProfile is the demo site's profile, built into the binary so that the
// demo does the same wherever it runs; a site called "demo" in the config
// replaces it. Its selectors are the ones every page of the site matches;
// bylines and dates, written differently on each page on purpose, are left
// to the generic extraction (schema.org microdata, hCard, the text).
func demoProfile() siteFile {
	var sf siteFile
	sf.Name = "demo"
	sf.ArticleURLs = []string{`/\d{4}/\d{2}/\d{2}/`}
	sf.Timezone = "Africa/Casablanca" // for dates printed without an offset
	sf.Selectors.Headline = "h1.entry-title"
	sf.Selectors.Body = ".entry-content"
	sf.Selectors.Remove = []string{".share-box", "#comments", ".related-posts", ".newsletter"}
	return sf
}

func demoCmd(g *globals) *cobra.Command {
	var addr string
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Serve the built-in news site on 127.0.0.1 and archive its articles",
		Long: `demo starts a small news site embedded in the binary (Arabic, French and
English articles) on 127.0.0.1, crawls it into ./` + demoDir + ` (or --out), then
crawls it again to show an incremental run that finds nothing new, so the
whole pipeline can be seen with no network and no config. The site's
selectors are built in; a site called "demo" in the config replaces them.
Run again into the same folder, the demo serves the site at the same
address, so its articles keep their ids and nothing is archived twice.`,
		Example: `  newsarc demo
  newsarc demo --out /tmp/news --log-level debug
  newsarc demo --addr 127.0.0.1:0     # any free port (new URLs, so new ids)`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := g.loadConfig(cmd)
			if err != nil {
				return err
			}
			if g.out == "" {
				cfg.Dir = demoDir
			}
			return runDemo(cmd.Context(), g, cfg, addr, cmd.Flags().Changed("addr"))
		},
	}
	cmd.Flags().StringVar(&addr, "addr", demoAddr, "host:port the demo site listens on")
	return cmd
}

func runDemo(ctx context.Context, g *globals, cfg *Config, addr string, explicit bool) error {
	base, stop, err := demosite.Start(ctx, addr)
	if err != nil && !explicit && errors.Is(err, syscall.EADDRINUSE) {
		// Someone else has the usual port: serve anyway, on another one.
		g.con.print(slog.LevelWarn, "newsarc: ", fmt.Sprintf("%s is in use; the demo site takes a free port, so its URLs and article ids differ from runs at %s", addr, addr))
		base, stop, err = demosite.Start(ctx, "127.0.0.1:0")
	}
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
		var errs []error
		site, errs = demoProfile().compile("demo")
		if err := errors.Join(errs...); err != nil {
			return fmt.Errorf("the built-in demo profile: %w", err) // a bug, caught by TestDemoProfile
		}
		cfg.Sites = append(cfg.Sites, site)
	}
	site.StartURLs = []string{base + "/"}
	site.AllowedDomains = []string{strings.TrimPrefix(base, "http://")} // its host and port
	// Our own site on loopback: no need to be polite to it.
	cfg.Crawl.PerHostDelay = 0

	for i, label := range []string{"crawl", "crawl again (incremental: only what changed is archived)"} {
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
}
