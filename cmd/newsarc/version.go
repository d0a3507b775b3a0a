package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// version is set at link time (-ldflags "-X main.version=…"); when it is
// not, buildVersion reads it from the build: the module version that
// `go install …@v1.2.3` stamps, else the VCS revision of a local build.
var version = ""

// buildVersion is newsarc's version as one token, the one the User-Agent,
// the warcinfo record and `newsarc version` all give: "v1.2.3",
// "v0.0.0-20261203101500-0123456789ab+dirty", or "devel" when the binary
// says nothing (go run without VCS, test binaries).
func buildVersion() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	if rev := setting(info, "vcs.revision"); rev != "" {
		v := "rev-" + rev[:min(12, len(rev))]
		if setting(info, "vcs.modified") == "true" {
			v += "+dirty"
		}
		return v
	}
	return "devel"
}

// versionLine is what `version` and `--version` print.
func versionLine() string {
	var b strings.Builder
	fmt.Fprintf(&b, "newsarc %s", buildVersion())
	if info, ok := debug.ReadBuildInfo(); ok {
		if rev := setting(info, "vcs.revision"); rev != "" {
			fmt.Fprintf(&b, " (revision %s", rev)
			if t := setting(info, "vcs.time"); t != "" {
				fmt.Fprintf(&b, ", %s", t)
			}
			b.WriteString(")")
		}
	}
	fmt.Fprintf(&b, " %s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return b.String()
}

func setting(info *debug.BuildInfo, key string) string {
	for _, s := range info.Settings {
		if s.Key == key {
			return s.Value
		}
	}
	return ""
}

// defaultUserAgent names the version and where to read about the crawler,
// as robots.txt authors expect.
func defaultUserAgent() string {
	return "newsarc/" + buildVersion() + " (+https://github.com/newsarc/newsarc)"
}

func versionCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print the version, VCS revision and Go version of this binary",
		Example: "  newsarc version\n  newsarc --version",
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			fmt.Fprint(g.stdout, versionLine())
			return nil
		},
	}
}
