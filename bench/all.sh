#!/usr/bin/env bash
# Every benchmark of DESIGN.md §4 in one command, printed as ONE table (make bench).
#
#   bash bench/all.sh [--scale 1.0] [--seed 1] [--herhaal 3] [--groei "0.1 0.3"]
#                     [--no-duckdb] [--no-results] [--smoke]
#
#   --scale S     the main dataset (1.0 = the Netherlands, ~25 million afwezigheid rows)
#   --groei LIST  further scales run the same way for the growth table and the plot
#                 ("" for none); default "0.1 0.3"
#   --herhaal N   timed runs per query (the median is printed), after one warm-up
#   --no-duckdb   leave out the DuckDB peer
#   --no-results  do not rewrite bench/RESULTS.md and bench/groei.png
#   --smoke       CI: run at a tiny scale (0.002) in the cluster of PGHOST (no build,
#                 no cached cluster, database bench_smoke), 1 run per query, no
#                 growth, no RESULTS.md; prints the table and the checks
#
# As root on Debian 12, like scripts/test.sh: installs what is missing (gnuplot,
# nodejs, npm; @duckdb/node-api with npm into bench/duckdb/node_modules), builds
# and installs the extension, and per scale starts the cached cluster holding its
# dataset (bench/lib_data.sh: generated once per scale, seed and version of the
# extension and generator, kept in /var/cache/verzuim-bench).  Per scale:
#   bench/plain/setup.sql      helper tables of the plain formulations (not timed)
#   bench/meten.sql            extension, floors, plain SQL, parallel; answer checks
#   loader                     laad_csv and controleer_csv against plain \copy
#   memory                     peak memory of the backend for the leerplichttelling
#   DuckDB                     export with \copy, load and query in memory
#   bench/rapport.sql          the table
# The output goes to the terminal and to bench/out/<date>/ (tables, TSV, log);
# bench/RESULTS.md and bench/groei.png are rewritten from the main scale.
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
source "$(dirname "$0")/lib_data.sh"
cd "$REPO_ROOT"

scale=1.0 seed=1 herhaal=3 groei="0.1 0.3" duckdb=1 results=1 smoke=0 steekproef=100
while [ $# -gt 0 ]; do
    case $1 in
        --scale) scale=${2:?}; shift 2 ;;
        --seed) seed=${2:?}; shift 2 ;;
        --herhaal) herhaal=${2:?}; shift 2 ;;
        --groei) groei=${2?}; shift 2 ;;
        --no-duckdb) duckdb=0; shift ;;
        --no-results) results=0; shift ;;
        --smoke) smoke=1; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument $1 (see --help)" ;;
    esac
done
if [ $smoke = 1 ]; then
    scale=${BENCH_SMOKE_SCALE:-0.002} herhaal=1 groei="" results=0 steekproef=10
    [ -n "${PGHOST:-}" ] || die "--smoke runs in the cluster of PGHOST (scripts/test.sh sets it)"
fi

now() { echo "$EPOCHREALTIME"; }
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) * 1000 }'; }
DB=bench
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -d "$DB")

# --- the tools ------------------------------------------------------------------------
# node and npm may come from elsewhere than Debian (then they are used as they are)
extra=()
if [ $duckdb = 1 ]; then
    command -v node >/dev/null || extra+=(nodejs)
    command -v npm >/dev/null || extra+=(npm)
fi
[ $smoke = 0 ] && ! command -v gnuplot >/dev/null && extra+=(gnuplot-nox)
ensure_packages "${extra[@]}" >&2
if [ $duckdb = 1 ] && [ ! -d bench/duckdb/node_modules/@duckdb/node-api ]; then
    say "installing @duckdb/node-api (npm)"
    (cd bench/duckdb && npm ci --no-audit --no-fund --loglevel=error >&2) || die "npm ci in bench/duckdb failed"
fi
if [ $smoke = 0 ]; then
    exec 9>"$VERZUIM_LOCK"
    flock 9
    build_install
    flock -u 9
fi

STAMP=$(date -u +%Y%m%d-%H%M%S)
OUT=${BENCH_OUT:-$REPO_ROOT/bench/out/$STAMP}
[ $smoke = 1 ] && OUT=${BENCH_OUT:-$(mktemp -d /tmp/verzuim-bench-smoke.XXXXXX)}
mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/verzuim-bench-work.XXXXXX)
chmod 755 "$WORK"
CURRENT_DIR=
cleanup() {
    [ -n "$CURRENT_DIR" ] && stop_cluster "$CURRENT_DIR"
    rm -rf "$WORK"
}
trap cleanup EXIT

machine() {
    echo "machine: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GB RAM", $2 / 1048576 }' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"), kernel $(uname -r)"
    echo "PostgreSQL: $("${PSQL[@]}" -tAc 'SELECT version()')"
    echo "settings: $("${PSQL[@]}" -tAc "SELECT string_agg(name || '=' || setting || coalesce(unit, ''), ', ' ORDER BY name) FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem', 'maintenance_work_mem', 'max_parallel_workers_per_gather', 'max_parallel_workers', 'jit', 'fsync', 'synchronous_commit', 'effective_cache_size', 'random_page_cost')") (shared_buffers in 8kB pages)"
    if [ $duckdb = 1 ]; then
        echo "DuckDB: $(cd bench/duckdb && node -e "import('@duckdb/node-api').then(async m => { const i = await m.DuckDBInstance.create(':memory:'); const c = await i.connect(); const r = await c.runAndReadAll('SELECT version()'); console.log(r.getRows()[0][0]); })" 2>/dev/null || echo '?') (@duckdb/node-api in memory, 2 threads), node $(node --version)"
    fi
    echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- src bench 2>/dev/null || echo ' (+ uncommitted changes)')"
}

# --- the loader: laad_csv and controleer_csv against plain \copy -------------------------
# In a database "laden" beside the dataset: its reference tables, and an afwezigheid
# of about 2.2 million rows at scale 1.0 (the pupils with leerling_id % 100 < 9); the
# file holds the rows of the next 4% of the pupils (about 1 million at scale 1.0).
# Every load runs in a transaction that is rolled back, then VACUUM; the three
# kinds of load take turns, run by run.
laden() {
    local f=$WORK/laden.csv i t0 t1 n
    local -a copy_ms=() laad_ms=() check_ms=()
    local L=${DB}_laden
    psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $L" -c "CREATE DATABASE $L"
    psql -X -q -d $L -c 'SET client_min_messages = warning' -c 'CREATE EXTENSION verzuim CASCADE'
    local t
    for t in gemeente samenwerkingsverband school leerling; do
        "${PSQL[@]}" -c "\\copy verzuim.$t TO STDOUT" | psql -X -q -v ON_ERROR_STOP=1 -d $L -c "\\copy verzuim.$t FROM STDIN"
    done
    "${PSQL[@]}" -c "\\copy (SELECT leerling_id, brin, datum, reden, uren FROM verzuim.afwezigheid WHERE leerling_id % 100 < 9) TO STDOUT" \
        | psql -X -q -v ON_ERROR_STOP=1 -d $L -c "\\copy verzuim.afwezigheid (leerling_id, brin, datum, reden, uren) FROM STDIN"
    "${PSQL[@]}" -c "\\copy (SELECT leerling_id, brin, datum, reden, uren FROM verzuim.afwezigheid WHERE leerling_id % 100 BETWEEN 9 AND 12) TO '$f' (FORMAT csv, HEADER)"
    chmod 644 "$f"
    psql -X -q -d $L -c 'VACUUM ANALYZE'
    local tabel bestand
    tabel=$(psql -X -tA -d $L -c 'SELECT count(*) FROM verzuim.afwezigheid')
    bestand=$(($(wc -l <"$f") - 1))
    for ((i = 0; i <= herhaal; i++)); do
        t0=$(now); psql -X -q -v ON_ERROR_STOP=1 -d $L -c BEGIN \
            -c "\\copy verzuim.afwezigheid (leerling_id, brin, datum, reden, uren) FROM '$f' (FORMAT csv, HEADER)" -c ROLLBACK; t1=$(now)
        [ $i -gt 0 ] && copy_ms+=("$(ms "$t0" "$t1")")
        psql -X -q -d $L -c 'VACUUM verzuim.afwezigheid'
        t0=$(now); n=$(psql -X -tA -v ON_ERROR_STOP=1 -d $L -c BEGIN -c "SELECT verzuim.laad_csv('afwezigheid', '$f')" -c ROLLBACK | sed -n 2p); t1=$(now)
        [ $i -gt 0 ] && laad_ms+=("$(ms "$t0" "$t1")")
        psql -X -q -d $L -c 'VACUUM verzuim.afwezigheid'
        t0=$(now); psql -X -tA -v ON_ERROR_STOP=1 -d $L -c "SELECT count(*) FROM verzuim.controleer_csv('afwezigheid', '$f')" >/dev/null; t1=$(now)
        [ $i -gt 0 ] && check_ms+=("$(ms "$t0" "$t1")")
    done
    median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
    "${PSQL[@]}" <<SQL
INSERT INTO bench_plain.meting (figuur, rol, naam, ms, runs) VALUES
  ('laden', 'floor', 'plain \\copy of $bestand rows into a table of $tabel', $(median "${copy_ms[@]}"), $herhaal),
  ('laden', 'ext', 'verzuim.laad_csv (every line checked, all or nothing)', $(median "${laad_ms[@]}"), $herhaal),
  ('laden', 'check', 'verzuim.controleer_csv (report only, loads nothing)', $(median "${check_ms[@]}"), $herhaal);
INSERT INTO bench_plain.controle (figuur, ok, detail)
VALUES ('laden', '${n:-0}' = '$bestand', 'laad_csv loaded ${n:-nothing} of the $bestand rows of the file');
SQL
    psql -X -q -d postgres -c "DROP DATABASE $L"
    rm -f "$f"
}

# --- memory: peak of the backend for the national leerplichttelling --------------------
# A fresh backend runs the telling at the cluster's settings (default work_mem);
# its /proc status is sampled every 20 ms (RssAnon: the backend's private memory;
# VmHWM, read at the end, also counts the pages of shared_buffers it touched).
# Temporary files (spills) from pg_stat_database.
geheugen() {
    local pidf=$WORK/pid donef=$WORK/done pid= max=0 hwm=0 v
    rm -f "$pidf" "$donef"
    "${PSQL[@]}" -tA >"$WORK/geheugen.out" 2>&1 <<SQL &
SELECT pg_stat_force_next_flush();
SELECT temp_files, temp_bytes FROM pg_stat_database WHERE datname = current_database() \\gset t0_
SELECT pg_backend_pid() \\g $pidf
SELECT pg_sleep(0.3);
SELECT count(*) FROM ($(cat bench/ext/telling.sql)) x \\g /dev/null
\\! touch $donef
SELECT pg_sleep(0.3);
SELECT pg_stat_force_next_flush();
SELECT pg_sleep(1.2);
SELECT temp_files - :t0_temp_files, temp_bytes - :t0_temp_bytes FROM pg_stat_database WHERE datname = current_database() \\g $WORK/temp
SQL
    local bg=$!
    while [ ! -s "$pidf" ]; do sleep 0.05; kill -0 $bg 2>/dev/null || break; done
    pid=$(tr -dc '0-9' <"$pidf")
    while [ ! -e "$donef" ] && [ -r "/proc/$pid/status" ]; do
        v=$(awk '/^RssAnon/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
        [ "${v:-0}" -gt "$max" ] && max=$v
        sleep 0.02
    done
    hwm=$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
    wait $bg || { cat "$WORK/geheugen.out" >&2; die "the memory run failed"; }
    local tf tb
    IFS='|' read -r tf tb <"$WORK/temp"
    "${PSQL[@]}" <<SQL
INSERT INTO bench_plain.controle (figuur, ok, detail) VALUES
  ('geheugen', true, format('peak private memory (RssAnon) %s MB, VmHWM %s MB (includes shared_buffers pages touched); temporary files %s, %s MB; work_mem %s',
                            round($max / 1024.0, 1), round(${hwm:-0} / 1024.0, 1), ${tf:-0}, round(${tb:-0} / 1048576.0, 1), current_setting('work_mem')));
INSERT INTO bench_plain.meting (figuur, rol, naam, ms, runs) VALUES
  ('geheugen', 'rss', 'leerplichttelling: peak RssAnon of the backend, kB', $max, 1),
  ('geheugen', 'hwm', 'leerplichttelling: VmHWM of the backend, kB', ${hwm:-0}, 1);
SQL
}

# --- DuckDB: export with \copy, load and query in memory --------------------------------
duck() {
    local d=$WORK/duck t0 t1 e_ep e_dur
    mkdir -p "$d"
    t0=$(now)
    "${PSQL[@]}" -c "\\copy (SELECT leerling_id, brin, datum, reden, uren FROM verzuim.afwezigheid) TO '$d/afwezigheid.csv' (FORMAT csv, HEADER)" \
                 -c "\\copy (SELECT brin, vakantieregio FROM verzuim.school) TO '$d/school.csv' (FORMAT csv, HEADER)" \
                 -c "\\copy (SELECT regio, datum, nr FROM bench_plain.lesdag) TO '$d/lesdag.csv' (FORMAT csv, HEADER)"
    t1=$(now); e_ep=$(ms "$t0" "$t1")
    "${PSQL[@]}" -c "\\copy (SELECT gemeentecode, lower(episode), upper(episode) FROM bench_plain.episode) TO '$d/episode.csv' (FORMAT csv, HEADER)"
    e_dur=$(ms "$t1" "$(now)")
    node bench/duckdb/peer.mjs "$d" "$herhaal" 2 >"$WORK/duck.tsv" || die "the DuckDB peer failed"
    {
        printf 'duckdb\texport\tepisodes: \\copy afwezigheid, school, lesdag\t%s\n' "$e_ep"
        printf 'duckdb\texport\tduur_agg: \\copy episode\t%s\n' "$e_dur"
        grep -v '^antwoord' "$WORK/duck.tsv"
    } | "${PSQL[@]}" -c "\\copy bench_plain.meting (figuur, rol, naam, ms) FROM STDIN"
    local a
    a=$(awk -F'\t' '$1 == "antwoord" { print $4 }' "$WORK/duck.tsv")
    "${PSQL[@]}" -c "INSERT INTO bench_plain.controle (figuur, ok, detail)
      SELECT 'duckdb', split_part('$a', ' ', 1) = split_part(e.detail, ' ', 2) AND split_part('$a', ' ', 2) = split_part(e.detail, ' ', 3),
             format('DuckDB gaps-and-islands: %s episodes, %s days; PostgreSQL plain SQL: %s episodes, %s days; extension (pupils in one regio): %s, DuckDB: %s',
                    split_part('$a', ' ', 1), split_part('$a', ' ', 2), split_part(e.detail, ' ', 2), split_part(e.detail, ' ', 3),
                    split_part(x.detail, ' ', 4), split_part('$a', ' ', 3))
      FROM bench_plain.controle e, bench_plain.controle x
      WHERE e.figuur = 'antwoord' AND e.detail LIKE 'eilanden %' AND x.figuur = 'antwoord' AND x.detail LIKE 'episodes %'"
    rm -rf "$d"
}

# --- one scale --------------------------------------------------------------------------
run_scale() {	# run_scale SCALE -> $OUT/s<SCALE>.{txt,tsv}
    local s=$1 t0
    t0=$(now)
    if [ $smoke = 1 ]; then
        DB=bench_smoke; PSQL=(psql -X -q -v ON_ERROR_STOP=1 -d "$DB")
        psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
        "${PSQL[@]}" -c 'SET client_min_messages = warning' -c 'CREATE EXTENSION verzuim CASCADE'
        bash bench/generate.sh --scale "$s" --seed "$seed" --db "$DB" >"$OUT/generate.log" 2>&1 \
            || { cat "$OUT/generate.log" >&2; die "generating scale $s failed"; }
    else
        bench_cluster "$s" "$seed"
        CURRENT_DIR=$BENCH_DIR
    fi
    # jit off for every session of the benchmarks (compilation time would blur small queries)
    "${PSQL[@]}" -c "ALTER DATABASE $DB SET jit = off"
    say "scale $s: helper tables of the plain formulations"
    "${PSQL[@]}" -f bench/plain/setup.sql
    say "scale $s: extension, floors, plain SQL, parallel (median of $herhaal)"
    local load0
    load0=$(cut -d' ' -f1-3 /proc/loadavg)
    "${PSQL[@]}" -v herhaal="$herhaal" -v steekproef="$steekproef" -f bench/meten.sql
    say "scale $s: the loader"
    laden
    say "scale $s: memory of the leerplichttelling"
    geheugen
    if [ $duckdb = 1 ]; then
        say "scale $s: DuckDB"
        duck
    fi
    {
        echo "verzuim benchmarks — scale $s, seed $seed — $(date -u '+%Y-%m-%d %H:%M UTC')"
        machine
        echo "data: $("${PSQL[@]}" -tAc "SELECT format('%s afwezigheid rows of %s pupils, %s schools, %s gemeenten', (SELECT count(*) FROM verzuim.afwezigheid), (SELECT count(*) FROM verzuim.leerling), (SELECT count(*) FROM verzuim.school), (SELECT count(*) FROM verzuim.gemeente))")"
        echo "timing: median of $herhaal runs after a warm-up (multiranges and the recursive walk: 1 run); serial unless a row says otherwise; load average $load0 at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end; $(ms "$t0" "$(now)" | awk '{ printf "%.0f", $1 / 1000 }') s for this scale"
        echo
        "${PSQL[@]}" -v schaal="$s" -f bench/rapport.sql
    } | tee "$OUT/s$s.txt"
    "${PSQL[@]}" -v markdown=1 -f bench/rapport.sql >"$OUT/s$s.md"
    "${PSQL[@]}" -c "\\copy (SELECT '$s', (SELECT count(*) FROM verzuim.afwezigheid), figuur, rol, naam, ms FROM bench_plain.meting ORDER BY volgorde) TO '$OUT/s$s.tsv'"
    "${PSQL[@]}" -c "\\copy (SELECT '$s', figuur, ok, detail FROM bench_plain.controle ORDER BY volgorde) TO '$OUT/s$s.checks.tsv'"
    if [ $smoke = 0 ] && [ "$s" = "$scale" ]; then
        # the detail of the two benchmark files of the reporting work, as they are
        for f in bench/leerplichttelling.sql bench/kwaliteit.sql; do
            [ -f "$f" ] || continue
            echo "==================== $f" >>"$OUT/detail.txt"
            "${PSQL[@]}" -v herhaal="$herhaal" -f "$f" >>"$OUT/detail.txt" 2>&1 || echo "(failed)" >>"$OUT/detail.txt"
        done
    fi
    if [ $smoke = 0 ]; then stop_cluster "$CURRENT_DIR"; CURRENT_DIR=; fi
}

schalen=()
for s in $groei; do [ "$s" = "$scale" ] || schalen+=("$s"); done
schalen+=("$scale")
for s in "${schalen[@]}"; do run_scale "$s"; done

if [ $results = 1 ]; then
    say "writing bench/RESULTS.md and bench/groei.png"
    bash bench/results.sh "$OUT" "$scale" "${schalen[@]}"
fi
say "output in $OUT"
