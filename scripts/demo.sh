#!/usr/bin/env bash
# The verzuim demo: installs what is missing, builds and installs the
# extension, starts a private PostgreSQL 15 cluster (as user postgres, Unix
# socket only) in /tmp/verzuim-demo, loads a generated gemeente-sized
# dataset and prints what the extension computes.  The cluster keeps running
# afterwards so you can explore; the last lines say how to connect and stop.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

DEMO=${VERZUIM_DEMO_DIR:-/tmp/verzuim-demo}
DB=verzuim_demo

ensure_packages gnuplot-nox
exec 9>"$VERZUIM_LOCK"
flock 9
build_install
flock -u 9

if [ -d "$DEMO" ]; then
    say "stopping and removing the previous demo cluster in $DEMO"
    stop_cluster "$DEMO"
    rm -rf "$DEMO"
fi
say "starting a private PostgreSQL $PG_MAJOR cluster in $DEMO"
start_cluster "$DEMO"
psql -X -q -d postgres -c "CREATE DATABASE $DB"
psql -X -q -d "$DB" -c "SET client_min_messages = warning; CREATE EXTENSION verzuim CASCADE"

if [ -x bench/generate.sh ] || [ -f bench/generate.sh ]; then
    say "generating a gemeente-sized dataset (bench/generate.sh --scale ${DEMO_SCALE:-0.004} --seed ${DEMO_SEED:-10} --vervuiling ${DEMO_VERVUILING:-1}: with polluted registrations, as real files have)"
    start=$(date +%s%N)
    bash bench/generate.sh --scale "${DEMO_SCALE:-0.004}" --seed "${DEMO_SEED:-10}" --vervuiling "${DEMO_VERVUILING:-1}" \
        --db "$DB" >"$DEMO/generate.log" 2>&1 \
        || { tail -20 "$DEMO/generate.log"; die "generating the demo data failed"; }
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    printf '    done in %d.%01d s\n' $((ms / 1000)) $(((ms % 1000) / 100)) >&2
fi

say "what verzuim computes"
psql -X -d "$DB" -v ON_ERROR_STOP=1 -f scripts/demo.sql
psql -X -d "$DB" -v ON_ERROR_STOP=1 -f scripts/demo_rapportage.sql

say "charts (gnuplot)"
# Kaplan-Meier curves of LRV per gemeente: the share still out of school after t days
psql -X -q -A -t -F $'\t' -d "$DB" -c "
  SELECT d.naam, t, round(verzuim.aandeel_langer_dan(d.verdeling, t)::numeric, 4)
    FROM verzuim.doorloopsnelheid d, generate_series(0, 250, 2) t
   WHERE d.schooljaar = '2024-2025' AND d.niveau = 'gemeente'
   ORDER BY d.naam, t" \
  | awk -F'\t' '$1 != prev { if (NR > 1) printf "\n\n"; printf "\"%s\"\t\"S\"\n", $1; prev = $1 } { print $2 "\t" $3 }' \
  >"$DEMO/km.dat"
blocks=$(grep -c '^"' "$DEMO/km.dat" || true)
gnuplot <<GP
set terminal pngcairo size 900,560
set output '$DEMO/km_per_gemeente.png'
set datafile separator '\t'
set title 'Langdurig relatief verzuim 2024-2025: Kaplan-Meier, share still out of school'
set xlabel 'days since the first day of verzuim'
set ylabel 'share still out'
set yrange [0:1]
set grid
set key outside right
plot for [i=0:$((blocks - 1))] '$DEMO/km.dat' index i using 1:2 with steps lw 2 title columnheader(1)
GP
# benchmark per 1,000 leerplichtigen per gemeente and nationally
psql -X -q -A -t -F $'\t' -d "$DB" -c "
  SELECT gemeente,
         max(per_1000) FILTER (WHERE cijfer = 'absoluut_verzuim'), max(per_1000) FILTER (WHERE cijfer = 'lrv_totaal'),
         max(per_1000) FILTER (WHERE cijfer = 'luxe_verzuim'), max(per_1000) FILTER (WHERE cijfer = 'relatief_verzuim') / 10
    FROM verzuim.benchmark WHERE schooljaar = '2024-2025' GROUP BY gemeente
  UNION ALL
  SELECT 'Nederland',
         max(landelijk_per_1000) FILTER (WHERE cijfer = 'absoluut_verzuim'), max(landelijk_per_1000) FILTER (WHERE cijfer = 'lrv_totaal'),
         max(landelijk_per_1000) FILTER (WHERE cijfer = 'luxe_verzuim'), max(landelijk_per_1000) FILTER (WHERE cijfer = 'relatief_verzuim') / 10
    FROM verzuim.benchmark WHERE schooljaar = '2024-2025'" >"$DEMO/benchmark.dat"
gnuplot <<GP
set terminal pngcairo size 900,560
set output '$DEMO/benchmark_per_1000.png'
set datafile separator '\t'
set title 'Benchmark 2024-2025 per 1,000 leerplichtigen'
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set xtics rotate by -30
set ylabel 'per 1,000 leerplichtigen'
set grid ytics
set key outside right
plot '$DEMO/benchmark.dat' using 2:xtic(1) title 'absoluut verzuim', '' using 3 title 'LRV (thuiszitters)', \
     '' using 4 title 'luxe verzuim', '' using 5 title 'relatief verzuim / 10'
GP
echo "Charts: $DEMO/km_per_gemeente.png (Kaplan-Meier per gemeente) and $DEMO/benchmark_per_1000.png (benchmark per 1,000)"

cat <<MSG

The demo cluster is still running. Explore it with:
    psql -h $DEMO/sock -U postgres $DB
Stop it with:
    runuser -u postgres -- $PG_BIN/pg_ctl -D $DEMO/data stop
MSG
