#!/usr/bin/env bash
# Sums a pprof profile by what newsarc does with the time (or bytes): each
# sample's stack goes to the first category below that it passes through, so
# the lines add up to the whole profile.
#
# usage: breakdown.sh BINARY PROFILE [pprof flags, e.g. -sample_index=alloc_space]
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 BINARY PROFILE [pprof flags]" >&2; exit 2; }
go tool pprof -traces "${@:3}" "$1" "$2" 2>/dev/null | awk '
function val(s,   n, u) {
	n = s + 0; u = s; sub(/^[0-9.]+/, "", u)
	if (u == "ns") return n / 1e9; if (u == "us") return n / 1e6; if (u == "ms") return n / 1e3
	if (u == "s") return n; if (u == "B") return n; if (u == "kB") return n * 1024
	if (u == "MB") return n * 1048576; if (u == "GB") return n * 1073741824
	return n
}
function has(p) { return index(stack, p) > 0 }
function cat() {
	if (has("runtime.gcBgMarkWorker")) return "GC: background mark workers"
	if (has("selectors.(*Extractor).Extract")) {
		if (has("go-trafilatura")) {
			if (has("whatlanggo")) return "extract: go-trafilatura language detection (whatlanggo)"
			return "extract: go-trafilatura (tree copies, scoring, cleaning)"
		}
		if (has("go-htmldate") || has("go-dateparser")) return "extract: dates (go-htmldate, go-dateparser)"
		if (has("whatlanggo")) return "extract: language detection (whatlanggo)"
		if (has("golang.org/x/net/html.Parse")) return "extract: html.Parse (second parse of the page)"
		if (has("decodeHTML")) return "extract: charset decoding"
		if (has("readJSONLD") || has("readMeta") || has("readMicrodata")) return "extract: JSON-LD, meta, microdata"
		return "extract: selectors own code (blocks, junk, text, goquery)"
	}
	if (has("archive.WriteArticle")) return "article JSON files (marshal, fsync, rename)"
	if (has("crawler.(*crawl).links")) {
		if (has("golang.org/x/net/html.Parse")) return "crawler links: html.Parse (article pages, reused by extraction)"
		if (has("discover.Scan")) return "crawler links: discover.Scan (tokenizer, other pages)"
		if (has("discover.Resolve") || has("discover.Links") || has("discover.FeedLinks") || has("discover.CanonicalLink")) return "crawler links: discover.Resolve (resolve, canonicalise)"
		return "crawler links: scope, traps, filters"
	}
	if (has("modernc.org/sqlite") || has("database/sql") || has("newsarc/archive/state")) return "sqlite state (frontier, seen, catalog)"
	if (has("archive.(*index)")) return "archive: index (reads its own WARC back to locate article records)"
	if (has("gowarc.recordWriter") || has("gowarc.(*Writer)")) return "gowarc: record writer (gzip, file writes)"
	if (has("gowarc")) return "gowarc: connection recording (digests, spooling)"
	if (has("archive.decodeBody") || has("compress/gzip") || has("klauspost/compress/gzip")) return "body decoding (gzip)"
	if (has("colly")) return "colly + net/http client"
	if (has("net/http")) return "net/http (other)"
	if (has("runtime.bgsweep") || has("runtime.bgscavenge")) return "GC: sweep, scavenge"
	if (has("runtime.schedule") || has("runtime.findRunnable") || has("runtime.mcall")) return "scheduler"
	return "other"
}
function flush() { if (inblock) { sum[cat()] += v; total += v }; inblock = 0; stack = "" }
/^-----------\+/ { flush(); next }
/^ *bytes:/ { next }
!inblock && /^ *[0-9.]+(ns|us|ms|s|B|kB|MB|GB) / {
	if ($1 ~ /B$/) bytes = 1
	v = val($1); inblock = 1; $1 = ""; stack = $0; next
}
inblock { stack = stack "\n" $0 }
END {
	flush()
	for (k in sum) {
		if (bytes) printf "%9.0f MB %5.1f%%  %s\n", sum[k] / 1048576, 100 * sum[k] / total, k
		else printf "%9.2f s  %5.1f%%  %s\n", sum[k], 100 * sum[k] / total, k
	}
	if (bytes) printf "%9.0f MB 100.0%%  total\n", total / 1048576; else printf "%9.2f s  100.0%%  total\n", total
}' | sort -rn
