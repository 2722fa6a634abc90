#!/usr/bin/env bash
# The benchmark command (make bench = bench/all.sh) at a tiny scale, in the test
# cluster (issue 12): it runs end to end, prints the one table, and every
# formulation gives the same answer as the extension on the generated data
# (bench/generate.sh --scale 0.002): episodes = gaps-and-islands plain SQL =
# multiranges = episodes_brin, meldplicht = the recursive walk, duur_agg = the
# plain distribution (as text), laad_csv loads every row, DuckDB's episodes =
# PostgreSQL's.  Times are printed, never asserted.  Prints TAP.
set -uo pipefail
cd "$(dirname "$0")/../.."

n=0 failed=0
result() {
    n=$((n + 1))
    if [ "$2" -eq 0 ]; then echo "ok $n - $1"; else
        echo "not ok $n - $1"; failed=$((failed + 1)); [ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/#   /'; fi
}
OUT=$(mktemp -d /tmp/verzuim-bench-smoke.XXXXXX)
trap '[ -n "${KEEP:-}" ] || rm -rf "$OUT"' EXIT

start=$(date +%s)
BENCH_OUT=$OUT bash bench/all.sh --smoke >"$OUT/log" 2>&1
rc=$?
echo "# bench/all.sh --smoke: $(( $(date +%s) - start )) s"
result "bench/all.sh --smoke exits 0" $rc "$(tail -20 "$OUT/log")"

txt=$(ls "$OUT"/s*.txt 2>/dev/null | head -1)
table=$(cat "$txt" 2>/dev/null)
rows=0
for f in 'episodes per pupil' 'episodes_brin per pupil' 'meldplicht per pupil' 'meldplicht, correct plain SQL' \
         'duur_agg per gemeente' 'leerplichttelling, one schooljaar' 'registratiekwaliteit, every check' \
         'loader: laad_csv' 'parallel, few groups' 'parallel, per pupil' 'memory: leerplichttelling'; do
    grep -qF -- "$f" <<<"$table" && rows=$((rows + 1))
done
result "the table is printed with every figure (11 rows)" "$([ $rows = 11 ]; echo $?)" "$table"
for h in 'machine:' 'PostgreSQL: PostgreSQL' 'settings:' 'timing: median'; do
    result "the header names the $h" "$(grep -qF -- "$h" <<<"$table"; echo $?)"
done
# every row of the table has a time of the extension (a number) and a ratio where it has a target
bad=$(awk -F'|' 'NF >= 8 && $1 !~ /figure/ && $1 !~ /^-/ && $2 !~ /[0-9]/' <<<"$table")
result "every figure has a time" "$([ -z "$bad" ]; echo $?)" "$bad"

checks=$(ls "$OUT"/s*.checks.tsv 2>/dev/null | head -1)
for c in episodes episodes_brin meldplicht duur_agg laden duckdb; do
    k=$(awk -F'\t' -v c="$c" '$2 == c' "$checks" 2>/dev/null)
    bad=$(awk -F'\t' '$3 != "t"' <<<"$k")
    result "answers agree: $c" "$([ -n "$k" ] && [ -z "$bad" ]; echo $?)" "$k"
done
result "the summary says every answer agrees" "$(grep -q 'answers: all agree' <<<"$table"; echo $?)" "$(grep summary -A2 <<<"$table")"

[ $failed = 0 ]
