#!/usr/bin/env bash
# The patched copies under third_party (see each NEWSARC.md):
#  1. go vet and go test in each, a module of its own; go-trafilatura's
#     real-world tests read the pages of the module as served (its
#     test-files/mock, 15 MB, not copied into the repo);
#  2. the go-trafilatura copy must extract the text that the module as
#     served extracts: one small program, built once against the copy and
#     once against the module as served, extracts every page of
#     ../shared/corpus/*/html/*.html.gz with three option sets and prints a
#     SHA-256 of the text of each; the two outputs must be identical.
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
version=$(go list -m -f '{{.Version}}' "$module") # the version the copy was taken from
# The module as served, from the module cache (fetched through the proxy
# if it is not there yet).
served=$(cd "$tmp" && GOFLAGS=-mod=mod go mod download -json "$module@$version" |
	sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
[ -d "$served/test-files/mock" ] || { echo "no test-files/mock in $module@$version ($served)"; exit 1; }

for m in third_party/*/; do
	echo "--- go vet, go test $m"
	(cd "$m" && go vet ./... && TRAFILATURA_MOCK_FILES="$served/test-files/mock" go test -count=1 ./...)
done

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
# go-trafilatura comes from. Both build with the copy's go.mod requirements
# (identical to the served go.mod), so a difference can only come from the
# copy's code.
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
goversion=$(go mod edit -json "$copy/go.mod" | sed -n 's/^[[:space:]]*"Go": "\(.*\)",$/\1/p')
for b in copy served; do
	mkdir -p "$tmp/$b"
	cp "$tmp/src/"*.go "$tmp/$b/"
	cp "$copy/go.sum" "$tmp/$b/go.sum"
	printf 'module trafcheck\n\ngo %s\n\nrequire %s %s\n' "$goversion" "$module" "$version" >"$tmp/$b/go.mod"
done
printf '\nreplace %s => %s\n' "$module" "$root/$copy" >>"$tmp/copy/go.mod"
(cd "$tmp/copy" && GOFLAGS=-mod=mod go mod tidy && go build -tags patched -o "$tmp/trafcheck-copy" .)
(cd "$tmp/served" && GOFLAGS=-mod=mod go mod tidy && go build -o "$tmp/trafcheck-served" .)

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
