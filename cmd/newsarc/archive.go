package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsarc/newsarc/crawler"
	"github.com/newsarc/newsarc/pipeline"
)

func archiveCmd(g *globals) *cobra.Command {
	var (
		inputs []string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "archive [flags] URL...",
		Short: "Fetch each URL (no link following), write WARC + article JSON",
		Long: `archive fetches each URL given, and each line of the files named by -i, and
archives it: the exchange into the WARC, the article into its JSON. No link
is followed. A URL without a scheme gets https:// (example.org/a.html is
https://example.org/a.html); a malformed one stops the command before
anything is fetched.`,
		Example: `  newsarc archive https://www.example.ma/2023/06/28/slug-1024.html
  newsarc archive -i urls.txt --json > summary.json
  grep -h '^https://' reading-list.txt | newsarc archive -i - --out /srv/news/archive
  newsarc archive --user-agent 'ResearchBot/1.0 (+mailto:me@example.org)' --delay 5s example.ma/a.html`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			urls, err := archiveURLs(args, inputs, g.stdin)
			if err != nil {
				return err
			}
			cfg, err := g.loadConfig(cmd)
			if err != nil {
				return err
			}
			out := g.output()
			out.Progress = nil
			sum, err := pipeline.Archive(cmd.Context(), &cfg.Config, urls, out)
			if !g.summary(err) {
				return err
			}
			if asJSON {
				printJSON(g.stdout, archiveJSON(sum, errors.Is(err, pipeline.ErrInterrupted)))
			} else {
				printArchive(g.stdout, cfg.Dir, sum)
			}
			return err
		},
	}
	cmd.Flags().StringArrayVarP(&inputs, "input-file", "i", nil, "read URLs from `FILE`, one per line (# comments); - is standard input")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the summary as JSON")
	addRunFlags(cmd, "user-agent", "delay", "concurrency", "respect-robots")
	return cmd
}

// archiveURLs is the URLs of the arguments, then of each -i file. A
// malformed one is a usage error: nothing is fetched until every URL is
// one, as a compiler stops at a syntax error.
func archiveURLs(args, inputs []string, stdin io.Reader) ([]string, error) {
	var urls []string
	for _, a := range args {
		u, err := seedURL(a)
		if err != nil {
			return nil, &usageError{err}
		}
		urls = append(urls, u)
	}
	for _, in := range inputs {
		list, err := readURLList(in, stdin)
		if err != nil {
			return nil, err
		}
		urls = append(urls, list...)
	}
	if len(urls) == 0 {
		what := "no URL given"
		if len(inputs) > 0 {
			what = "no URL in " + strings.Join(inputs, ", ")
		}
		return nil, &usageError{fmt.Errorf("archive: %s; name the pages to archive (newsarc archive https://example.org/a.html) or a file of them (-i FILE)", what)}
	}
	return urls, nil
}

// readURLList reads a file of URLs, one per line; blank lines and lines
// starting with # are skipped. "-" is standard input.
func readURLList(name string, stdin io.Reader) ([]string, error) {
	r, label := stdin, "standard input"
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("-i: %w", err)
		}
		defer f.Close()
		r, label = f, name
	}
	var urls []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		u, err := seedURL(line)
		if err != nil {
			return nil, &usageError{fmt.Errorf("%s:%d: %w", label, n, err)}
		}
		urls = append(urls, u)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", label, err)
	}
	return urls, nil
}

// seedURL is one URL to archive. One without a scheme gets https://, as a
// browser's address bar does (wget and curl assume http://, but a news
// site today answers https, and an http one redirects to it);
// host:port/path is such a URL too, mailto:x is not.
func seedURL(arg string) (string, error) {
	s := strings.TrimSpace(arg)
	if !strings.Contains(s, "://") && !hasOtherScheme(s) {
		s = "https://" + strings.TrimPrefix(s, "//")
	}
	u, err := crawler.ParseURL(s)
	if err != nil {
		return "", fmt.Errorf("%w; give each page as an http or https URL, e.g. https://example.org/news/1.html", err)
	}
	return u.String(), nil
}

// hasOtherScheme reports whether s, which has no "://", still begins with
// a scheme (mailto:, javascript:), rather than host:port.
func hasOtherScheme(s string) bool {
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" || u.Opaque == "" {
		return false
	}
	return !strings.Contains(u.Scheme, ".") && (u.Opaque[0] < '0' || u.Opaque[0] > '9')
}

// archiveSummary is an archive run's summary for scripts, in the words of
// crawl --json.
type archiveSummary struct {
	Articles    int      `json:"articles"`
	Unchanged   int      `json:"articles_unchanged"`
	Failed      int      `json:"failed"`
	NotArchived int      `json:"urls_not_archived"`
	WARCFiles   []string `json:"warc_files"`
	Seconds     float64  `json:"seconds"`
	Interrupted bool     `json:"interrupted"`
}

func archiveJSON(s pipeline.ArchiveSummary, interrupted bool) archiveSummary {
	files := s.WARCFiles
	if files == nil {
		files = []string{}
	}
	return archiveSummary{Articles: s.Articles, Unchanged: s.Unchanged, Failed: s.Failed, NotArchived: s.Interrupted,
		WARCFiles: files, Seconds: s.Duration.Seconds(), Interrupted: interrupted}
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
