#!/usr/bin/env bash
# Writes bench/RESULTS.md and bench/groei.png from the output directory of a run
# of bench/all.sh (called by it; can be re-run on an older output directory).
#
#   bash bench/results.sh OUTDIR MAINSCALE [SCALE ...]
#
# OUTDIR holds s<scale>.txt / .tsv / .checks.tsv / .md per scale, and optionally
# NOTES.md (remarks on the run, written by whoever ran it), printed above the table.  When the main
# scale did not finish, the largest scale that did is used for the table, and
# RESULTS.md says so.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?OUTDIR} want=${2:?MAINSCALE}; shift 2
schalen=()
for s in "$@"; do [ -f "$out/s$s.tsv" ] && schalen+=("$s"); done
[ ${#schalen[@]} -gt 0 ] || { echo "results.sh: no finished scale in $out" >&2; exit 1; }
main=$want
if [ ! -f "$out/s$main.tsv" ]; then
    main=$(printf '%s\n' "${schalen[@]}" | sort -g | tail -1)
fi

# growth: ms per figure and scale (tab separated: figure, then one column per scale)
all=$(for s in "${schalen[@]}"; do cat "$out/s$s.tsv"; done)
rows_of() { awk -F'\t' -v s="$1" '$1 == s { print $2; exit }' <<<"$all"; }
ms_of() {	# ms_of SCALE FIGUUR ROL NAAMPREFIX
    awk -F'\t' -v s="$1" -v f="$2" -v r="$3" -v n="$4" '$1 == s && $3 == f && $4 == r && index($5, n) == 1 { print $6; exit }' <<<"$all"
}
series=(
    "episodes, extension (regio)|episodes|ext|"
    "episodes_brin, extension (no join)|episodes_brin|ext|"
    "episodes, plain SQL (gaps-and-islands)|episodes|plain|gaps"
    "episodes, plain SQL (multiranges)|episodes|plain|multi"
    "episodes, DuckDB query (in memory)|duckdb|query|episodes"
    "floor: count(*) per pupil, bare table|episodes_brin|floor|"
    "meldplicht, extension|meldplicht|ext|"
    "meldplicht, rolling window (plain)|meldplicht|plain|"
    "duur_agg, extension|duur_agg|ext|"
    "duur_agg, plain SQL|duur_agg|plain|"
    "duur_agg, DuckDB query|duckdb|query|duur"
    "leerplichttelling|leerplichttelling|ext|"
    "bare scan of afwezigheid|leerplichttelling|floor|"
    "registratiekwaliteit|registratiekwaliteit|ext|"
    "laad_csv|laden|ext|"
    "plain \\copy|laden|floor|"
)
dat=bench/groei.dat
{
    printf '# scale afwezigheid_rows'; for x in "${series[@]}"; do printf ' "%s"' "${x%%|*}"; done; echo
    for s in $(printf '%s\n' "${schalen[@]}" | sort -g); do
        printf '%s %s' "$s" "$(rows_of "$s")"
        for x in "${series[@]}"; do
            IFS='|' read -r _ f r n <<<"$x"
            v=$(ms_of "$s" "$f" "$r" "$n"); printf ' %s' "${v:-NaN}"
        done
        echo
    done
} >"$dat"

# the growth table: ms per scale, and the growth exponent between the smallest and
# the largest scale (time ~ rows^k; k = 1 is linear)
groei_md() {
    local sorted=($(printf '%s\n' "${schalen[@]}" | sort -g)) i=2
    printf '| figure |'; for s in "${sorted[@]}"; do printf ' scale %s (%s rows) ms |' "$s" "$(rows_of "$s")"; done; echo ' growth exponent k |'
    printf '|---|'; for s in "${sorted[@]}"; do printf -- '--:|'; done; echo '--:|'
    for x in "${series[@]}"; do
        i=$((i + 1))
        printf '| %s |' "${x%%|*}"
        awk -v col=$i -v n=${#sorted[@]} 'NR > 1 { v[NR - 1] = $col; r[NR - 1] = $2 }
            END { for (j = 1; j <= n; j++) printf " %s |", (v[j] == "NaN" ? "–" : sprintf("%.0f", v[j]));
                  m = n; while (m > 1 && v[m] == "NaN") m--;
                  if (m > 1 && v[1] != "NaN" && v[1] > 0 && r[m] > r[1])
                      printf " %.2f |\n", log(v[m] / v[1]) / log(r[m] / r[1]); else printf " – |\n" }' "$dat"
    done
}

# the plot
if command -v gnuplot >/dev/null && [ ${#schalen[@]} -ge 1 ]; then
    gnuplot <<GP
set terminal pngcairo size 1000,650 font ",10"
set output 'bench/groei.png'
set title "verzuim: time against data size (median of runs, serial; $(date -u +%Y-%m-%d), $(nproc) shared cores)"
set xlabel 'afwezigheid rows (scale 0.1, 0.3, 1.0 = the Netherlands)'
set ylabel 'time (s)'
set logscale xy
set key outside right top
set grid
plot '$dat' using 2:(\$3/1000) with linespoints lw 2 title 'episodes, extension (regio)', \
     '' using 2:(\$4/1000) with linespoints lw 2 title 'episodes\_brin, extension', \
     '' using 2:(\$5/1000) with linespoints title 'episodes, plain SQL (gaps-and-islands)', \
     '' using 2:(\$6/1000) with linespoints title 'episodes, plain SQL (multiranges)', \
     '' using 2:(\$7/1000) with linespoints title 'episodes, DuckDB query (in memory)', \
     '' using 2:(\$8/1000) with linespoints dt 2 title 'floor: count(*) per pupil', \
     '' using 2:(\$11/1000) with linespoints title 'duur\_agg, extension', \
     '' using 2:(\$12/1000) with linespoints title 'duur\_agg, plain SQL', \
     '' using 2:(\$13/1000) with linespoints title 'duur\_agg, DuckDB query', \
     '' using 2:(\$14/1000) with linespoints title 'leerplichttelling', \
     '' using 2:(\$15/1000) with linespoints dt 2 title 'bare scan of afwezigheid'
GP
fi

{
    echo "# Benchmark results"
    echo
    echo "Written by \`make bench\` (bench/all.sh → bench/results.sh); do not edit by hand."
    echo "How the figures are measured: bench/README.md."
    echo
    if [ "$main" != "$want" ]; then
        echo "**The run at scale $want did not finish; the table below is from scale $main, the largest scale"
        echo "that did.**"
        echo
    fi
    if [ -f "$out/NOTES.md" ]; then
        echo "## Notes on this run"
        echo
        cat "$out/NOTES.md"
        echo
    fi
    echo "## Scale $main"
    echo
    echo '```'
    sed -n '1,/^$/p' "$out/s$main.txt" | sed '/^$/d'
    echo '```'
    echo
    cat "$out/s$main.md"
    echo
    echo "Ratios are within this one run (the same data, the same minutes of machine load): they are"
    echo "the figures to read.  Absolute times are inflated by other work on the shared machine."
    echo "\"floor\" is the bare scan and grouping of the same rows; \"round trip\" is the export of the"
    echo "rows with \\copy, DuckDB's load and its query."
    echo
    echo "## Growth"
    echo
    echo "Median ms per scale; k is the exponent of time ~ rows^k between the smallest and the largest"
    echo "scale measured for the figure (1 = linear)."
    echo
    groei_md
    echo
    echo "![time against scale](groei.png)"
    echo
    for s in $(printf '%s\n' "${schalen[@]}" | sort -g); do
        [ "$s" = "$main" ] && continue
        echo "## Scale $s"
        echo
        echo '```'
        sed -n '1,/^$/p' "$out/s$s.txt" | sed '/^$/d'
        echo '```'
        echo
        cat "$out/s$s.md"
        echo
    done
} >bench/RESULTS.md
echo "bench/RESULTS.md: scale $main table, growth over ${schalen[*]}" >&2
