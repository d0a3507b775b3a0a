#!/usr/bin/env bash
# Crawl benchmark (issue 5): newsarc's full pipeline and archive-only crawl,
# GNU wget's --warc-file crawl and a bare net/http fetch loop, all against
# the same synthetic news site on 127.0.0.1, politeness off. Prints a
# markdown table, newsarc's ratios to wget and to the bare loop, then checks
# that every article was archived and that newsarc's WARCs pass the strict
# validator on a small site.
#
# usage: bench/crawl/run.sh [N]     N articles (default 2000)
# env:   SEED=1  SMALL_N=50  KEEP=1 (keep the work dir)  WARC_VALIDATE=path/to/run.sh
#        SITE_CACHE_MB=512 (pages rendered ahead when the site fits; else per request)
set -euo pipefail

N=${1:-2000}
SEED=${SEED:-1}
SMALL_N=${SMALL_N:-50}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
validator=${WARC_VALIDATE:-$root/../shared/tools/warc-validate/run.sh}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsarc-crawl-bench.XXXXXX")
bin=$tmp/bin
site_pid=""
failed=0

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

stop_site() {
	if [ -n "$site_pid" ]; then
		kill "$site_pid" 2>/dev/null || true
		wait "$site_pid" 2>/dev/null || true
		site_pid=""
	fi
}
cleanup() {
	stop_site
	if [ "${KEEP:-0}" = 1 ]; then log "work dir kept: $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

# --- tools ------------------------------------------------------------------
apt_install() {
	local sudo=""
	[ "$(id -u)" = 0 ] || sudo="sudo"
	log "installing $* from apt"
	$sudo apt-get install -y "$@" >/dev/null 2>&1 || { $sudo apt-get update >/dev/null && $sudo apt-get install -y "$@" >/dev/null; }
}
command -v wget >/dev/null || apt_install wget
[ -x /usr/bin/time ] || apt_install time
command -v go >/dev/null || die "go is not on PATH"

log "building newsarc and the bench tools into $bin"
mkdir -p "$bin"
(cd "$root" && go build -o "$bin/newsarc" ./cmd/newsarc && go build -o "$bin/" ./bench/crawl/site ./bench/crawl/bare ./bench/crawl/warcstat)

# --- the site -----------------------------------------------------------------
# start_site N: serve an N-article site; sets site_pid and base.
start_site() {
	local out=$tmp/site-$1
	"$bin/site" -n "$1" -seed "$SEED" -cache "${SITE_CACHE_MB:-512}" >"$out.out" 2>"$out.err" &
	site_pid=$!
	base=""
	for _ in $(seq 1 1200); do
		base=$(head -n1 "$out.out" 2>/dev/null || true)
		[ -n "$base" ] && break
		kill -0 "$site_pid" 2>/dev/null || die "site exited: $(cat "$out.err")"
		sleep 0.1
	done
	[ -n "$base" ] || die "site did not start"
	log "$(cat "$out.err")"
	log "site: $base"
}

# --- measuring ------------------------------------------------------------------
busy_ticks() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9; exit}' /proc/stat; }
proc_ticks() { awk '{print $14+$15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
hz=$(getconf CLK_TCK)

# sample_rss PARENT FILE: RSS (KiB) of PARENT's child, once a second.
sample_rss() {
	local parent=$1 out=$2 child
	while kill -0 "$parent" 2>/dev/null; do
		child=$(pgrep -P "$parent" | head -n1 || true)
		[ -n "$child" ] && awk '/^VmRSS/{print $2}' "/proc/$child/status" 2>/dev/null >>"$out" || true
		sleep 1
	done
}

# measure NAME CMD...: run CMD under /usr/bin/time -v; append a line to results.
measure() {
	local name=$1
	shift
	local rc=0 t0 t1 b0 b1 s0 s1 tpid spid
	log "measuring $name"
	b0=$(busy_ticks)
	s0=$(proc_ticks "$site_pid")
	t0=$(date +%s.%N)
	/usr/bin/time -v -o "$tmp/$name.time" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" &
	tpid=$!
	sample_rss "$tpid" "$tmp/$name.rss" &
	spid=$!
	wait "$tpid" || rc=$?
	t1=$(date +%s.%N)
	wait "$spid" 2>/dev/null || true
	b1=$(busy_ticks)
	s1=$(proc_ticks "$site_pid")
	[ "$rc" = 0 ] || log "$name exited with status $rc (see $tmp/$name.err)"
	awk -v name="$name" -v t0="$t0" -v t1="$t1" -v b="$((b1 - b0))" -v s="$((s1 - s0))" -v hz="$hz" -v rc="$rc" -F': ' '
		/User time/ {u=$2} /System time/ {sy=$2} /Maximum resident/ {rss=$2}
		END {printf "%s\t%.3f\t%.2f\t%.2f\t%d\t%.2f\t%.2f\t%d\n", name, t1-t0, u, sy, rss, s/hz, b/hz, rc}' \
		"$tmp/$name.time" >>"$tmp/measured.tsv"
}

# rss_curve NAME: RSS in MB at 10 %, 25 %, 50 %, 75 % and 100 % of the run.
rss_curve() {
	[ -s "$tmp/$1.rss" ] || { echo "-"; return; }
	awk '{v[NR]=$1} END {n=NR; split("0.10 0.25 0.50 0.75 1.00", q, " ");
		for (i=1;i<=5;i++) {k=int(q[i]*n); if (k<1) k=1; printf "%s%d", (i>1?" / ":""), v[k]/1024}}' "$tmp/$1.rss"
}

warc_stat() { "$bin/warcstat" -json "$@"; }
json_field() { sed -n "s/.*\"$1\": *\([0-9.]*\).*/\1/p" | head -n1; }

# shellcheck source=config.sh
. "$here/config.sh"

# --- machine ----------------------------------------------------------------------
cpu_model=$(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)
mem_total=$(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo)
{
	echo "machine: $(nproc) CPUs, $cpu_model, $mem_total RAM; $(uname -sr)"
	echo "tools: $(go version | cut -d' ' -f3-4), $(wget --version | head -n1 | cut -d' ' -f1-3)"
	echo "site: $N articles, seed $SEED; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$tmp/header.txt"

# --- the runs ---------------------------------------------------------------------
start_site "$N"
: >"$tmp/measured.tsv"

measure bare "$bin/bare" -workers 16 -json "$base"
bare_pages=$(json_field html_pages <"$tmp/bare.out")

mkdir -p "$tmp/wget"
measure wget wget -r -l inf --warc-file="$tmp/wget/crawl" --no-verbose -e robots=on \
	-P "$tmp/wget/mirror" -o "$tmp/wget/wget.log" "$base"
wget_stat=$(warc_stat "$tmp"/wget/*.warc.gz)

newsarc_config "$tmp/archive-only.toml" "$tmp/archive-only" '^$' "$base"
measure newsarc-archive-only "$bin/newsarc" --config "$tmp/archive-only.toml" --log-level warn crawl --json
arch_stat=$(warc_stat "$tmp"/archive-only/warc/*/*.warc.gz)

newsarc_config "$tmp/full.toml" "$tmp/full" '/\d{4}/\d{2}/\d{2}/' "$base"
measure newsarc-full "$bin/newsarc" --config "$tmp/full.toml" --log-level warn crawl --json
full_stat=$(warc_stat "$tmp"/full/warc/*/*.warc.gz)
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$tmp/header.txt"
stop_site

# pages, WARC bytes and bytes written per system, in the order measured
{
	printf 'bare\t%s\t0\t0\n' "$bare_pages"
	printf 'wget\t%s\t%s\t%s\n' "$(json_field html_pages <<<"$wget_stat")" "$(json_field file_bytes <<<"$wget_stat")" "$(du -sb "$tmp/wget" | cut -f1)"
	printf 'newsarc-archive-only\t%s\t%s\t%s\n' "$(json_field html_pages <<<"$arch_stat")" "$(json_field file_bytes <<<"$arch_stat")" "$(du -sb "$tmp/archive-only" | cut -f1)"
	printf 'newsarc-full\t%s\t%s\t%s\n' "$(json_field html_pages <<<"$full_stat")" "$(json_field file_bytes <<<"$full_stat")" "$(du -sb "$tmp/full" | cut -f1)"
} >"$tmp/sizes.tsv"

# --- checks -------------------------------------------------------------------------
json_files=$(find "$tmp/full/articles" -name '*.json' 2>/dev/null | wc -l)
check_line() { if [ "$1" = ok ]; then echo "- ok: $2"; else echo "- FAILED: $2"; failed=1; fi; }
checks=$tmp/checks.txt
: >"$checks"
[ "$json_files" -eq "$N" ] && r=ok || r=no
check_line $r "newsarc full pipeline wrote $json_files article JSON files for $N articles" >>"$checks"
for st in "newsarc-archive-only:$arch_stat" "newsarc-full:$full_stat"; do
	again=$(json_field refetched_uris <<<"${st#*:}")
	[ "$again" = 0 ] && r=ok || r=no
	check_line $r "${st%%:*}: no URL fetched twice ($again response records repeat a WARC-Target-URI)" >>"$checks"
done
for name in newsarc-archive-only newsarc-full; do
	pf=$(json_field pages_fetched <"$tmp/$name.out")
	check_line ok "$name: summary says $pf pages fetched, errors: $(tr -d '\n ' <"$tmp/$name.out" | sed -n 's/.*"errors":\({[^}]*}\).*/\1/p')" >>"$checks"
done

log "validation run: newsarc full pipeline on a $SMALL_N-article site, then warc-validate --strict"
start_site "$SMALL_N"
newsarc_config "$tmp/small.toml" "$tmp/small" '/\d{4}/\d{2}/\d{2}/' "$base"
if "$bin/newsarc" --config "$tmp/small.toml" --log-level warn crawl --json >"$tmp/small.out" 2>"$tmp/small.err"; then r=ok; else r=no; fi
check_line $r "small crawl ($SMALL_N articles) exited $([ $r = ok ] && echo 0 || echo non-zero)" >>"$checks"
stop_site
small_json=$(find "$tmp/small/articles" -name '*.json' 2>/dev/null | wc -l)
[ "$small_json" -eq "$SMALL_N" ] && r=ok || r=no
check_line $r "small crawl wrote $small_json article JSON files for $SMALL_N articles" >>"$checks"
if [ -x "$validator" ] || [ -f "$validator" ]; then
	if bash "$validator" --strict "$tmp"/small/warc/*/*.warc.gz >"$tmp/validate.out" 2>&1; then r=ok; else r=no; fi
	check_line $r "warc-validate --strict on $(ls "$tmp"/small/warc/*/*.warc.gz | wc -l) WARC file(s): $(tail -n1 "$tmp/validate.out")" >>"$checks"
else
	check_line no "validator not found at $validator" >>"$checks"
fi

# --- report ---------------------------------------------------------------------------
report() {
	cat "$tmp/header.txt"
	echo
	echo "| system | HTML pages | wall s | pages/s | CPU s / 1000 pages | peak RSS MB | RSS MB at 10/25/50/75/100 % | WARC MB | written MB | site CPU s | other load (cores) |"
	echo "|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|"
	while IFS=$'\t' read -r name wall user sys rss site busy rc; do
		IFS=$'\t' read -r _ pages warc written < <(grep -P "^$name\t" "$tmp/sizes.tsv")
		awk -v n="$name" -v p="$pages" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v wb="$warc" -v wr="$written" \
			-v site="$site" -v busy="$busy" -v curve="$(rss_curve "$name")" -v rc="$rc" 'BEGIN {
			# Too short a run for /proc/stat ticks to say anything.
			other = "-"; if (w >= 2) { o = (busy - u - s - site) / w; other = sprintf("%.2f", (o < 0 ? 0 : o)) }
			printf "| %s%s | %d | %.1f | %.0f | %.2f | %.0f | %s | %.1f | %.1f | %.1f | %s |\n",
				n, (rc != 0 ? " (exit " rc ")" : ""), p, w, p / w, (u + s) / p * 1000, r / 1024, curve, wb / 1048576, wr / 1048576, site, other }'
	done <"$tmp/measured.tsv"
	echo
	echo "| newsarc | pages/s ÷ wget | pages/s ÷ bare loop | CPU per page ÷ wget | peak RSS ÷ wget |"
	echo "|---|---:|---:|---:|---:|"
	awk -F'\t' 'NR==FNR {pages[$1]=$2; next}
		{ps[$1]=pages[$1]/$2; cpu[$1]=($3+$4)/pages[$1]; rss[$1]=$5}
		END { for (n in ps) if (n ~ /^newsarc/)
			printf "| %s | %.2f× | %.3f× | %.2f× | %.1f× |\n", n, ps[n]/ps["wget"], ps[n]/ps["bare"], cpu[n]/cpu["wget"], rss[n]/rss["wget"] }' \
		"$tmp/sizes.tsv" "$tmp/measured.tsv" | sort
	echo
	echo "Targets (issue 5): archive-only ≥ 3× wget pages/s (stretch 0.40× bare); full pipeline ≥ 1× wget; peak RSS ≤ 150 MB, flat."
	echo
	echo "Checks:"
	cat "$checks"
}
report | tee "$tmp/report.md"
[ "${KEEP:-0}" = 1 ] && log "report: $tmp/report.md"
exit "$failed"
