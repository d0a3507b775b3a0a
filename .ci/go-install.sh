#!/usr/bin/env bash
# Proves the README's install line: `go install
# github.com/newsarc/newsarc/cmd/newsarc@VERSION` builds from the module as
# a proxy serves it. The module (git archive of HEAD) is put in a
# file-based GOPROXY under a made-up version; its dependencies come from the
# usual proxy. The installed binary must report that version.
#
# usage: .ci/go-install.sh    (from anywhere; needs go, git and the Go module proxy)
# env:   KEEP=1 keeps the work dir.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsarc-go-install.XXXXXX")
module=github.com/newsarc/newsarc
version=v0.0.0-ci.$(git rev-parse --short=12 HEAD)
modcache=$(go env GOMODCACHE)
# The made-up version must not stay in (nor come from) the module cache.
forget() {
	chmod -R u+w "$modcache/$module@$version" 2>/dev/null || true
	rm -rf "$modcache/$module@$version" "$modcache/cache/download/$module/@v/$version".*
}
cleanup() {
	forget
	if [ "${KEEP:-0}" = 1 ]; then echo "work dir kept: $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
forget
at="$tmp/proxy/$module/@v"
mkdir -p "$at"
git archive --format=zip --prefix="$module@$version/" -o "$at/$version.zip" HEAD
git show HEAD:go.mod >"$at/$version.mod"
printf '{"Version":"%s","Time":"%s"}\n' "$version" "$(git log -1 --format=%cI HEAD)" >"$at/$version.info"
echo "$version" >"$at/list"

echo "--- go install $module/cmd/newsarc@$version (file proxy)"
# Outside the repo, as a user runs it; the module is not in the checksum
# database, every dependency is.
(cd "$tmp" && env -u GOFLAGS GOBIN="$tmp/bin" GOPATH="${GOPATH:-$(go env GOPATH)}" \
	GOPROXY="file://$tmp/proxy,$(go env GOPROXY)" GONOSUMDB="$module" GOWORK=off \
	CGO_ENABLED=0 go install "$module/cmd/newsarc@$version")
got=$("$tmp/bin/newsarc" version)
echo "$got"
case "$got" in
"newsarc $version "*) ;;
*) echo "go install built a newsarc that does not report $version"; exit 1 ;;
esac
