#!/usr/bin/env bash
# Memory benchmark (issue 5): does newsarc's RSS stay flat as a crawl grows?
# Crawls an N-article synthetic site (default 100 000) with the full
# pipeline (MODE=full) or archive-only (MODE=archive-only), samples the
# crawler's RSS every 2 seconds, and prints the RSS at each tenth of the
# run, the peak, and how much RSS grew over the second half of the run.
# Then it checks that one JSON file was written per article.
#
# usage: bench/crawl/memory.sh [N]
# env:   MODE=full  SEED=1  KEEP=1 (keep the work dir, several GB)
#        SITE_CACHE_MB=0 (pages are rendered per request: the site's cache
#        would hold N pages in memory)
set -euo pipefail

N=${1:-100000}
MODE=${MODE:-full}
SEED=${SEED:-1}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsarc-memory-bench.XXXXXX")
site_pid=""

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }
cleanup() {
	[ -z "$site_pid" ] || { kill "$site_pid" 2>/dev/null || true; wait "$site_pid" 2>/dev/null || true; }
	if [ "${KEEP:-0}" = 1 ]; then log "work dir kept: $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

[ -x /usr/bin/time ] || die "GNU time is missing (apt-get install time)"
case $MODE in
full) articles='/\d{4}/\d{2}/\d{2}/' ;;
archive-only) articles='^$' ;;
*) die "MODE must be full or archive-only, not $MODE" ;;
esac

log "building newsarc and the site"
(cd "$root" && go build -o "$tmp/newsarc" ./cmd/newsarc && go build -o "$tmp/site" ./bench/crawl/site)

"$tmp/site" -n "$N" -seed "$SEED" -cache "${SITE_CACHE_MB:-0}" >"$tmp/site.out" 2>"$tmp/site.err" &
site_pid=$!
base=""
for _ in $(seq 1 600); do
	base=$(head -n1 "$tmp/site.out" 2>/dev/null || true)
	[ -n "$base" ] && break
	kill -0 "$site_pid" 2>/dev/null || die "site exited: $(cat "$tmp/site.err")"
	sleep 0.2
done
[ -n "$base" ] || die "site did not start"
log "site: $base ($N articles)"

# shellcheck source=config.sh
. "$here/config.sh"
newsarc_config "$tmp/bench.toml" "$tmp/out" "$articles" "$base"

log "crawling with newsarc ($MODE); RSS sampled every 2 s"
start=$(date +%s)
/usr/bin/time -v -o "$tmp/time" "$tmp/newsarc" --config "$tmp/bench.toml" --log-level warn crawl --json >"$tmp/summary.json" 2>"$tmp/err" &
tpid=$!
while kill -0 "$tpid" 2>/dev/null; do
	child=$(pgrep -P "$tpid" | head -n1 || true)
	if [ -n "$child" ]; then
		rss=$(awk '/^VmRSS/{print $2}' "/proc/$child/status" 2>/dev/null || true)
		[ -z "$rss" ] || echo "$(($(date +%s) - start)) $rss" >>"$tmp/rss"
	fi
	sleep 2
done
rc=0
wait "$tpid" || rc=$?
[ "$rc" = 0 ] || { tail -n 20 "$tmp/err" >&2; die "newsarc exited with status $rc"; }

pages=$(sed -n 's/.*"pages_fetched": *\([0-9]*\).*/\1/p' "$tmp/summary.json" | head -n1)
seconds=$(sed -n 's/.*"seconds": *\([0-9.]*\).*/\1/p' "$tmp/summary.json" | head -n1)
json=$({ find "$tmp/out/articles" -name '*.json' 2>/dev/null || true; } | wc -l)
peak=$(awk -F': ' '/Maximum resident/ {print int($2 / 1024)}' "$tmp/time")
cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f", u + s}' "$tmp/time")

echo "## newsarc $MODE, $N-article site (seed $SEED)"
echo
echo "$pages pages in ${seconds%.*} s ($(awk -v p="$pages" -v s="$seconds" 'BEGIN {printf "%.0f", p / s}') pages/s), $cpu CPU s; $json article JSON files; peak RSS $peak MB"
echo
echo "| share of the run | 10 % | 20 % | 30 % | 40 % | 50 % | 60 % | 70 % | 80 % | 90 % | 100 % |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
awk '{t[NR]=$1; v[NR]=$2} END {
	n = NR; printf "| RSS MB |"
	for (i = 1; i <= 10; i++) { k = int(i * n / 10); if (k < 1) k = 1; printf " %d |", v[k] / 1024 }
	printf "\n"
	# Least-squares slope of RSS over the second half of the run.
	m = 0; sx = sy = sxx = sxy = 0
	for (i = int(n / 2) + 1; i <= n; i++) { m++; sx += t[i]; sy += v[i]; sxx += t[i] * t[i]; sxy += t[i] * v[i] }
	if (m > 1 && (m * sxx - sx * sx) != 0) {
		b = (m * sxy - sx * sy) / (m * sxx - sx * sx)
		printf "\nRSS trend over the second half of the run: %+.2f MB per minute (%d samples)\n", b * 60 / 1024, m
	}
}' "$tmp/rss"

fail=0
if [ "$MODE" = full ] && [ "$json" != "$N" ]; then
	log "check failed: $json article JSON files for $N articles"
	fail=1
fi
if [ "$peak" -gt 150 ]; then
	log "check failed: peak RSS $peak MB is over 150 MB"
	fail=1
fi
exit $fail
