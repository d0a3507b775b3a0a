#!/usr/bin/env bash
# Every field on every set of ../shared/corpus at once (scrapinghub,
# readability, postlight), for this tree and, given a revision, for that
# revision too: one table per set, then every page that lost something
# between the two (body F1 down, or a headline, byline, day or lead that
# was right and no longer is). A change is judged on all sets together:
# one that helps a set and hurts another is no improvement.
#
# usage: bench/extraction/sets.sh [REV]     (from anywhere; ~2 minutes a tree)
# env:   CORPUS_DIR=path/to/corpus  KEEP=1 (keep the work dir)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
corpus=$(cd "${CORPUS_DIR:-$root/../shared/corpus}" && pwd)
tools=$(cd "$root/../shared/tools/score-extraction" && pwd)
rev=${1:-}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/newsarc-sets.XXXXXX")
log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
cleanup() {
	[ -z "$rev" ] || git -C "$root" worktree remove --force "$tmp/before-tree" 2>/dev/null || true
	if [ "${KEEP:-0}" = 1 ]; then log "work dir kept: $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

# run NAME BINARY: extract every page of every set into $tmp/NAME/SET/, score.
run() {
	local name=$1 bin=$2
	mkdir -p "$tmp/$name/run"
	: >"$tmp/$name/run/config.toml" # no site profile, no selectors
	for set in scrapinghub readability postlight; do
		log "$name: extracting $set"
		mkdir -p "$tmp/$name/$set"
		python3 - "$corpus/$set/truth.json" >"$tmp/$name/$set.tsv" <<'EOF'
import json, sys
for t in json.load(open(sys.argv[1])):
    print(f"{t['id']}\t{t['html_path']}\t{t.get('url') or ''}")
EOF
		while IFS=$'\t' read -r id path url; do
			args=(extract)
			[ -z "$url" ] || args+=(--url "$url")
			(cd "$tmp/$name/run" && NEWSARC_CONFIG=config.toml "$bin" "${args[@]}" "$corpus/$set/$path" \
				>"$tmp/$name/$set/$id.json" 2>>"$tmp/$name/extract.log") || rm -f "$tmp/$name/$set/$id.json"
		done <"$tmp/$name/$set.tsv"
		python3 "$tools/score_extraction.py" --truth "$corpus/$set/truth.json" --pred "$tmp/$name/$set" --set "$set" \
			--allow-unmatched --json "$tmp/$name/$set.score.json" --per-page >/dev/null 2>&1
		if [ "$set" = postlight ]; then
			python3 "$tools/score_snippets.py" --truth "$corpus/$set/truth.json" --pred "$tmp/$name/$set" --set "$set" \
				--json "$tmp/$name/$set.lead.json" --per-page >/dev/null 2>&1
		fi
	done
}

log "building newsarc (this tree)"
(cd "$root" && go build -o "$tmp/newsarc-after" ./cmd/newsarc)
run after "$tmp/newsarc-after"
if [ -n "$rev" ]; then
	log "building newsarc at $rev"
	git -C "$root" worktree add --detach "$tmp/before-tree" "$rev" >/dev/null 2>&1
	(cd "$tmp/before-tree" && go build -o "$tmp/newsarc-before" ./cmd/newsarc)
	run before "$tmp/newsarc-before"
fi

python3 - "$tmp" "$rev" <<'EOF'
import json, os, sys
tmp, rev = sys.argv[1], sys.argv[2]
runs = ["before", "after"] if rev else ["after"]
def load(run, set, kind="score"):
    p = os.path.join(tmp, run, f"{set}.{kind}.json")
    return json.load(open(p)) if os.path.exists(p) else None
f = lambda x: "n/a" if x is None else f"{x:.3f}"
print(f"| set | field | {' | '.join(runs)} |")
print("|---|---|" + "---:|" * len(runs))
for set in ["scrapinghub", "readability", "postlight"]:
    s = {r: load(r, set) for r in runs}
    rows = [("body F1", lambda x: x["body"]["f1"] if x["body"]["n"] else None),
            ("headline (normalised)", lambda x: x["headline"]["normalized"]),
            ("byline any-of", lambda x: x["byline"]["any_of"]),
            ("published (day)", lambda x: x["published"]["day_accuracy"])]
    for name, get in rows:
        vals = [get(s[r]) for r in runs]
        if all(v is None for v in vals):
            continue
        print(f"| {set} | {name} | {' | '.join(f(v) for v in vals)} |")
    if set == "postlight":
        leads = [load(r, set, "lead") for r in runs]
        print(f"| {set} | lead found | {' | '.join(f(l['recall']) for l in leads)} |")
if not rev:
    sys.exit()
print(f"\nPages that lost something from {rev} to this tree:")
lost = 0
for set in ["scrapinghub", "readability", "postlight"]:
    b = {p["id"]: p for p in load("before", set)["pages"]}
    a = {p["id"]: p for p in load("after", set)["pages"]}
    for pid, pb in b.items():
        pa, why = a.get(pid, {}), []
        if pb.get("body_f1") is not None and (pa.get("body_f1") or 0) < pb["body_f1"] - 0.001:
            why.append(f"body F1 {pb['body_f1']:.3f} -> {pa.get('body_f1') or 0:.3f}")
        for k, label in [("headline_norm", "headline"), ("byline_any", "byline"), ("published_day", "published day")]:
            if pb.get(k) and not pa.get(k):
                why.append(f"{label} lost")
        if why:
            lost += 1
            print(f"- {set}/{pid}: {', '.join(why)}")
    if set == "postlight":
        lb = {p["id"]: p for p in load("before", set, "lead")["pages_detail"]}
        la = {p["id"]: p for p in load("after", set, "lead")["pages_detail"]}
        for pid, pb in lb.items():
            if la.get(pid, {}).get("with_found", 0) < pb["with_found"]:
                lost += 1
                print(f"- {set}/{pid}: lead no longer found")
if not lost:
    print("- none")
EOF
