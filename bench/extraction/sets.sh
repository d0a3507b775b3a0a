#!/usr/bin/env bash
# Every field on every set of ../shared/corpus at once (scrapinghub,
# readability, postlight) for this tree: one table, then every page that
# won or lost something against the baseline (body F1 up or down by more
# than 0.001, or a headline, byline, day or lead that changed between
# right and wrong). The baseline is baseline.tsv beside this script, one
# line per page and field, committed with the code it measures; given a
# revision, that revision is built and measured as the baseline instead.
# A change is judged on all sets together: one that helps a set and hurts
# another is no improvement.
#
# usage: bench/extraction/sets.sh [--update] [REV]   (from anywhere; ~2 minutes a tree)
#        --update writes this tree's scores to baseline.tsv
# env:   CORPUS_DIR=path/to/corpus  KEEP=1 (keep the work dir)
set -euo pipefail
update=0
if [ "${1:-}" = --update ]; then
	update=1
	shift
fi

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
(cd "$root" && go build -o "$tmp/newsarc-after" ./cmd/newsarc && go build -o "$tmp/speed" ./bench/extraction/speed)
run after "$tmp/newsarc-after"
# Extraction time per page, in process, one core (bench/extraction/speed).
for set in scrapinghub readability postlight; do
	"$tmp/speed" -engines newsarc -corpus "$corpus/$set" -rounds 1 | awk -v s="$set" '{print s, $0}' >>"$tmp/speed.txt"
done
if [ -n "$rev" ]; then
	log "building newsarc at $rev"
	git -C "$root" worktree add --detach "$tmp/before-tree" "$rev" >/dev/null 2>&1
	(cd "$tmp/before-tree" && go build -o "$tmp/newsarc-before" ./cmd/newsarc)
	run before "$tmp/newsarc-before"
fi

python3 - "$tmp" "$rev" "$here/baseline.tsv" "$update" <<'EOF'
import json, os, sys
tmp, rev, baseline, update = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] == "1"
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

print("\nExtraction per page (CPU, one core, in process): " + "; ".join(
    f"{l.split()[0]} median {l.split()[5]} ms, p90 {l.split()[6]} ms" for l in open(os.path.join(tmp, "speed.txt"))))

# Per page and field: body F1 (a number), the others 1 (right) or 0.
FIELDS = [("body_f1", "body F1"), ("headline_norm", "headline"), ("byline_any", "byline"),
          ("published_day", "published day"), ("lead", "lead")]
def pages(run):
    out = {}
    for set in ["scrapinghub", "readability", "postlight"]:
        sc = load(run, set)
        for p in sc["pages"] if sc else []:
            row = out.setdefault((set, p["id"]), {})
            for k, _ in FIELDS[:4]:
                if p.get(k) is not None:
                    row[k] = float(p[k])
        if set == "postlight" and load(run, set, "lead"):
            for p in load(run, set, "lead")["pages_detail"]:
                out.setdefault((set, p["id"]), {})["lead"] = float(p["with_found"])
    return out
def read_tsv(path):
    out = {}
    for line in open(path):
        if line.startswith("#") or not line.strip():
            continue
        set, pid, k, v = line.rstrip("\n").split("\t")
        out.setdefault((set, pid), {})[k] = float(v)
    return out
now = pages("after")
if update:
    with open(baseline, "w") as f:
        f.write("# bench/extraction/sets.sh --update: set, page, field, score (body_f1 0-1; others 1 right, 0 wrong)\n")
        for (set, pid), row in sorted(now.items()):
            for k, _ in FIELDS:
                if k in row:
                    f.write(f"{set}\t{pid}\t{k}\t{row[k]:.4f}\n")
    print(f"\nbaseline written: {baseline}")
    sys.exit()
if rev:
    base, what = pages("before"), rev
elif os.path.exists(baseline):
    base, what = read_tsv(baseline), "the baseline (baseline.tsv)"
else:
    sys.exit(f"\nno {baseline}: run with --update to write it")
won, lost = [], []
for key in sorted(base.keys() | now.keys()):
    b, a = base.get(key, {}), now.get(key, {})
    for k, label in FIELDS:
        if k not in b and k not in a:
            continue
        vb, va = b.get(k, 0.0), a.get(k, 0.0)
        if k == "body_f1":
            if abs(va - vb) > 0.001:
                (won if va > vb else lost).append((key, f"body F1 {vb:.3f} -> {va:.3f}"))
        elif va != vb:
            (won if va > vb else lost).append((key, f"{label} {'right' if va else 'wrong'} now"))
for title, rows in [(f"Pages that lost something against {what}:", lost), (f"Pages that won something against {what}:", won)]:
    print(f"\n{title}")
    for (set, pid), why in rows:
        print(f"- {set}/{pid}: {why}")
    if not rows:
        print("- none")
EOF
