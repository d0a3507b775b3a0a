#!/usr/bin/env bash
# The go-trafilatura copy under third_party (see its NEWSARC.md) must
# extract the text that the module as served extracts: one small program,
# built once against the copy and once against the module as served,
# extracts every page of ../shared/corpus/*/html/*.html.gz with four option
# sets and prints a SHA-256 of the text of each; the two outputs must be
# identical. (The copies' own upstream tests run in go test ./..., as
# packages of this module.)
#
# usage: .ci/third_party.sh     (from anywhere; needs go and the Go module proxy)
# env:   CI=true makes a missing ../shared/corpus an error (else the check
#        falls back to the few pages of third_party/go-trafilatura/testdata);
#        KEEP=1 keeps the work dir.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
export GOWORK=off
root=$PWD
tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsarc-third-party.XXXXXX")
cleanup() {
	if [ "${KEEP:-0}" = 1 ]; then echo "work dir kept: $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

module=github.com/markusmobius/go-trafilatura
copy=third_party/go-trafilatura
copypkg=github.com/newsarc/newsarc/$copy
# The version the copy was taken from, as its tests name it.
version=$(sed -n 's/^[[:space:]]*upstreamModule *= *"[^@]*@\(v[^"]*\)".*/\1/p' "$copy/helper_test.go")
[ -n "$version" ] || { echo "no upstreamModule version in $copy/helper_test.go"; exit 1; }

echo "--- $copy against $module $version as served"
# pages: names relative to $pagedir, which the program is given.
pagedir=../shared/corpus
if compgen -G "$pagedir/*/html/*.html.gz" >/dev/null; then
	pages=("$pagedir"/*/html/*.html.gz)
elif [ "${CI:-}" = true ]; then
	echo "no pages in $pagedir/*/html/*.html.gz (the shared corpus must be beside the repo under CI)"
	exit 1
else
	echo "warning: no shared corpus at $pagedir; checking the pages of $copy/testdata only"
	pagedir=$copy/testdata
	pages=("$pagedir"/*/*.html)
fi
pages=("${pages[@]#"$pagedir/"}")

# The program, in two modules outside the repo that differ only in where
# go-trafilatura comes from.
mkdir -p "$tmp/src"
cat >"$tmp/src/main.go" <<'EOF'
// Command trafcheck prints, for every page it is given and every option
// set, a SHA-256 of the ContentText and of the CommentsText that
// go-trafilatura extracts, or its error: one line per page and option set,
// in the order given. .ci/third_party.sh builds it against the patched copy
// and against the module as served and diffs the two outputs.
//
// Only the text is compared, not Metadata: patch 1 (language detection only
// with a TargetLanguage) and patch 4 (SkipMetadata) change Metadata by
// design, and no patch may change the text.
package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/markusmobius/go-trafilatura"
)

// skipMetadata sets the copy's SkipMetadata option (patch 4); nil when
// built against the module as served, which has no such option.
var skipMetadata func(*trafilatura.Options)

var sets = []struct {
	name string
	opts func(page string) trafilatura.Options
}{
	// go-trafilatura's defaults: the copy's new options at zero values.
	{"default", func(string) trafilatura.Options { return trafilatura.Options{} }},
	// The options newsarc passes (selectors/body.go), less its per-site
	// PruneSelector.
	{"newsarc", newsarcOptions},
	// The same with SkipMetadata, as newsarc passes them once it has found
	// the headline. Built against the module as served this is the
	// "newsarc" set again: patch 4 must leave the text as it was.
	{"newsarc+SkipMetadata", func(page string) trafilatura.Options {
		o := newsarcOptions(page)
		if skipMetadata != nil {
			skipMetadata(&o)
		}
		return o
	}},
	// And on a page without a URL, where the module as served takes the
	// page's URL from its metadata as OriginalURL: newsarc skips the
	// metadata there too, since the text does not depend on that URL.
	{"newsarc-without-url+SkipMetadata", func(page string) trafilatura.Options {
		o := newsarcOptions(page)
		o.OriginalURL = nil
		if skipMetadata != nil {
			skipMetadata(&o)
		}
		return o
	}},
}

func newsarcOptions(page string) trafilatura.Options {
	u, _ := url.Parse("https://pages.newsarc.invalid/" + filepath.ToSlash(page))
	return trafilatura.Options{OriginalURL: u, ExcludeComments: true, HtmlDateMode: trafilatura.Disabled}
}

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: trafcheck DIR PAGE...")
		os.Exit(2)
	}
	dir, pages := os.Args[1], os.Args[2:]
	out := make([]string, len(pages))
	work := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range work {
				out[i] = check(dir, pages[i])
			}
		})
	}
	for i := range pages {
		work <- i
	}
	close(work)
	wg.Wait()
	fmt.Print(strings.Join(out, ""))
}

// check extracts one page with every option set.
func check(dir, page string) string {
	html, err := read(filepath.Join(dir, page))
	if err != nil {
		fmt.Fprintf(os.Stderr, "trafcheck: %v\n", err)
		os.Exit(1)
	}
	var b strings.Builder
	for _, s := range sets {
		res, err := trafilatura.Extract(bytes.NewReader(html), s.opts(page))
		switch {
		case err != nil:
			fmt.Fprintf(&b, "%s\t%s\terror: %q\n", page, s.name, err.Error())
		case res == nil:
			fmt.Fprintf(&b, "%s\t%s\tno result\n", page, s.name)
		default:
			fmt.Fprintf(&b, "%s\t%s\ttext %x\tcomments %x\n", page, s.name,
				sha256.Sum256([]byte(res.ContentText)), sha256.Sum256([]byte(res.CommentsText)))
		}
	}
	return b.String()
}

func read(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		r = zr
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return b, nil
}
EOF
cat >"$tmp/src/patched.go" <<'EOF'
//go:build patched

package main

import "github.com/markusmobius/go-trafilatura"

func init() { skipMetadata = func(o *trafilatura.Options) { o.SkipMetadata = true } }
EOF
# Both modules take newsarc's go.mod requirements (which hold the copy's,
# the served go.mod's), so both build with the same version of every other
# module, and a difference can only come from the copy's code.
for b in copy served; do
	mkdir -p "$tmp/$b"
	cp "$tmp/src/"*.go "$tmp/$b/"
	cp go.sum "$tmp/$b/go.sum"
	sed 's#^module .*#module trafcheck#' go.mod >"$tmp/$b/go.mod"
done
sed -i "s#\"$module\"#\"$copypkg\"#" "$tmp/copy/"*.go
printf '\nrequire github.com/newsarc/newsarc v0.0.0\n\nreplace github.com/newsarc/newsarc => %s\n' "$root" >>"$tmp/copy/go.mod"
printf '\nrequire %s %s\n' "$module" "$version" >>"$tmp/served/go.mod"
(cd "$tmp/copy" && GOFLAGS=-mod=mod go build -tags patched -o "$tmp/trafcheck-copy" .)
(cd "$tmp/served" && GOFLAGS=-mod=mod go build -o "$tmp/trafcheck-served" .)

"$tmp/trafcheck-served" "$pagedir" "${pages[@]}" >"$tmp/served.txt"
"$tmp/trafcheck-copy" "$pagedir" "${pages[@]}" >"$tmp/copy.txt"

# Both print the same page and option set on the same line.
runs=$(wc -l <"$tmp/served.txt")
differ=$(awk -F'\t' 'NR == FNR { a[FNR] = $0; next } a[FNR] != $0 { print "  " $1 " (" $2 ")" }' "$tmp/served.txt" "$tmp/copy.txt")
if [ -n "$differ" ] || [ "$runs" != "$(wc -l <"$tmp/copy.txt")" ]; then
	echo "the copy extracts other text than $module $version as served:"
	printf '%s\n' "$differ"
	exit 1
fi
echo "the copy extracts the same text as $module $version as served: ${#pages[@]} pages, $runs runs"
