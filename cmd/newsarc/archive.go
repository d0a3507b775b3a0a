package main

import (
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsarc/newsarc/pipeline"
)

func archiveCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "archive [flags] URL...",
		Short: "Fetch each URL (no link following), write WARC + article JSON",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := g.loadConfig(cmd)
			if err != nil {
				return err
			}
			out := g.output()
			out.Progress = nil
			sum, err := pipeline.Archive(cmd.Context(), &cfg.Config, args, out)
			printArchive(g.stdout, cfg.Dir, sum)
			return err
		},
	}
}

// printArchive prints what an archive run did.
func printArchive(w io.Writer, dir string, s pipeline.ArchiveSummary) {
	fmt.Fprintf(w, "archived %d article(s), %d failed", s.Articles, s.Failed)
	if s.Unchanged > 0 {
		fmt.Fprintf(w, ", %d unchanged since archived", s.Unchanged)
	}
	fmt.Fprintf(w, ", in %s\n", s.Duration.Round(time.Millisecond))
	if s.Interrupted > 0 {
		fmt.Fprintf(w, "interrupted: %d URL(s) not archived\n", s.Interrupted)
	}
	for _, f := range s.WARCFiles {
		fmt.Fprintf(w, "warc: %s\n", filepath.Join(dir, f))
	}
	if s.Articles > 0 {
		fmt.Fprintf(w, "articles: %s\n", filepath.Join(dir, "articles"))
	}
}
