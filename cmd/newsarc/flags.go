package main

import (
	"fmt"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// runFlag is a command-line flag for a config key that people change from
// one run to the next. It is bound to the key through viper, so a flag
// beats NEWSARC_SECTION_KEY, which beats the config file and the default.
type runFlag struct {
	name, key, usage string
	add              func(fs *pflag.FlagSet, name, usage string)
}

// runFlags are registered with zero defaults: the default a user sees is
// the config's, named in the usage, not a value pflag would print.
var runFlags = []runFlag{
	{"user-agent", "crawl.user_agent", "User-Agent sent and matched against robots.txt", addString},
	{"delay", "crawl.per_host_delay", "pause between two requests to one host, e.g. 2s", addDuration},
	{"concurrency", "crawl.concurrency", "parallel requests in all", addInt},
	{"max-pages", "crawl.max_pages", "pages per site and run; 0 = no limit", addInt},
	{"respect-robots", "crawl.respect_robots", "obey robots.txt; --respect-robots=false ignores it", addBool},
}

func addString(fs *pflag.FlagSet, name, usage string)   { fs.String(name, "", usage) }
func addInt(fs *pflag.FlagSet, name, usage string)      { fs.Int(name, 0, usage) }
func addBool(fs *pflag.FlagSet, name, usage string)     { fs.Bool(name, false, usage) }
func addDuration(fs *pflag.FlagSet, name, usage string) { fs.Duration(name, 0, usage) }

// addRunFlags gives cmd the run flags named.
func addRunFlags(cmd *cobra.Command, names ...string) {
	for _, name := range names {
		for _, f := range runFlags {
			if f.name == name {
				f.add(cmd.Flags(), f.name, fmt.Sprintf("%s (config %s)", f.usage, f.key))
			}
		}
	}
}

// bindRunFlags binds the run flags fs has to their config keys. A flag
// not given on the command line leaves the key to the environment, the
// file and the default.
func bindRunFlags(v *viper.Viper, fs *pflag.FlagSet) error {
	if fs == nil {
		return nil
	}
	for _, f := range runFlags {
		if pf := fs.Lookup(f.name); pf != nil {
			if err := v.BindPFlag(f.key, pf); err != nil {
				return fmt.Errorf("bind --%s: %w", f.name, err)
			}
		}
	}
	return nil
}
