#!/usr/bin/env bash
# What it costs (issue 11, item 4): the national leerplichttelling of one
# schooljaar on one node, over two postgres_fdw gemeente servers and over Citus
# with two workers, on the same generated data, with the rows that cross
# between servers.
#
#   bash bench/meer_servers.sh [--scale 0.02] [--seed 1] [--herhaal 3] [--uit bench/MEER_SERVERS.md]
#
# As root on Debian 12, like scripts/test.sh.  Builds Citus (scripts/
# citus_build.sh, cached) and verzuim, starts three clusters on Unix sockets
# (DIR/coord, DIR/w1, DIR/w2; MEER_DIR sets DIR), each with
# shared_preload_libraries = 'citus, pg_stat_statements':
#   coord  enkel   one node: bench/generate.sh --scale S --seed N
#          fdw     the postgres_fdw coordinator: regio.leerplichttelling adds
#                  the rows of both servers per gemeente (docs/meer-servers.md)
#          citus   the Citus coordinator (scripts/citus_verdelen.sql -v rls=off,
#                  8 shards), the same rows loaded with COPY through it
#   w1/w2  telling a gemeente server: the registration of the pupils whose
#                  woongemeente is one of its gemeenten (half of the gemeenten
#                  each), the view federatie.leerplichttelling
#          citus   a Citus worker
# The query, the same instellingen everywhere:
#   one node, Citus: SELECT * FROM verzuim.leerplichttelling(SJ, NULL, INST)
#   postgres_fdw:    SELECT * FROM regio.leerplichttelling
# Checked first: the three answers are identical (md5 of the sorted rows).
# Measured: the fastest wall time of --herhaal runs after a warm-up (psql
# \timing, the client on the same machine), and in one further run the rows
# that crossed between servers: the rows that the statements run on w1 and w2
# for the coordinator returned or received (pg_stat_statements.rows, reset
# before the run: SELECT/FETCH rows sent to the coordinator, COPY ... FROM
# STDIN rows of Citus's intermediate results sent to the workers), and for
# postgres_fdw also the rows of the Foreign Scans in EXPLAIN ANALYZE.  The
# servers talk over Unix sockets, so there are no network byte counters; the
# bytes column is the size of the rows the coordinator received, as
# pg_column_size of the same rows where they can be had (postgres_fdw), else
# empty.
# Never part of the tests.  Keep the scale small on a shared machine.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

SCALE=0.02 SEED=1 HERHAAL=3 UIT=
while [ $# -gt 0 ]; do
    case $1 in
        --scale) SCALE=$2; shift 2 ;;
        --seed) SEED=$2; shift 2 ;;
        --herhaal) HERHAAL=$2; shift 2 ;;
        --uit) UIT=$2; shift 2 ;;
        *) die "unknown argument $1 (see the top of bench/meer_servers.sh)" ;;
    esac
done
SJ=2024-2025
INST='{"vakantieregio": "midden", "norm": "3 months"}'

ensure_packages
bash scripts/citus_build.sh || die "building Citus failed"
if [ "${MEER_INSTALL:-1}" = 1 ]; then
    ( flock 9; build_install ) 9>"$VERZUIM_LOCK"
fi
DIR=${MEER_DIR:-$(mktemp -d /tmp/verzuim-meer.XXXXXX)}
mkdir -p "$DIR"; chmod 755 "$DIR"
cleanup() {
    [ -n "${MEER_BLIJVEN:-}" ] && return
    for c in coord w1 w2; do stop_cluster "$DIR/$c"; done
    rm -rf "$DIR"
}
trap cleanup EXIT
LOAD_VOOR=$(cut -d' ' -f1-3 /proc/loadavg)
T0=$SECONDS
for c in coord w1 w2; do
    start_cluster "$DIR/$c" "shared_preload_libraries = 'citus, pg_stat_statements'" \
        "citus.enable_statistics_collection = off" "pg_stat_statements.track_utility = on" \
        "shared_buffers = '128MB'" "max_worker_processes = 8" "max_connections = 60" "jit = off"
done
export PGOPTIONS="-c TimeZone=UTC -c DateStyle=ISO,YMD"
qd() { local node=$1 db=$2; shift 2; psql -X -q -A -t -v ON_ERROR_STOP=1 -d "host=$DIR/$node/sock user=postgres dbname=$db" "$@"; }

# --- one node -------------------------------------------------------------------------
say "one node: generating scale $SCALE seed $SEED"
qd coord postgres -c "CREATE DATABASE enkel" -c "CREATE DATABASE fdw" -c "CREATE DATABASE citus" >/dev/null
qd coord enkel -c "SET client_min_messages = warning" -c "CREATE EXTENSION verzuim CASCADE" >/dev/null
PGHOST=$DIR/coord/sock bash bench/generate.sh --scale "$SCALE" --seed "$SEED" --db enkel >"$DIR/gen.log" 2>&1 \
    || { tail -20 "$DIR/gen.log"; die "generating the data failed"; }
copy() {   # copy NODE DB TABLE [WHERE]: rows of enkel into NODE's DB
    qd coord enkel -c "\\copy (SELECT * FROM verzuim.$3 ${4:-}) TO STDOUT" | qd "$1" "$2" -c "\\copy verzuim.$3 FROM STDIN"
}
PUPIL_TABLES="leerling verblijf inschrijving afwezigheid vrijstelling melding proces_verbaal"

# --- postgres_fdw: two gemeente servers -------------------------------------------------
say "postgres_fdw: two gemeente servers"
# half of the gemeenten (every other one by code) on w1, the rest on w2
G1="SELECT gemeentecode FROM (SELECT gemeentecode, row_number() OVER (ORDER BY gemeentecode) n FROM verzuim.gemeente) g WHERE n % 2 = 1"
G1_LIJST=$(qd coord enkel -c "SELECT string_agg(quote_literal(gemeentecode), ', ') FROM ($G1) g")
for w in w1 w2; do
    op=IN; [ $w = w2 ] && op="NOT IN"
    qd $w postgres -c "CREATE DATABASE telling" -c "CREATE EXTENSION pg_stat_statements" >/dev/null
    qd $w telling -c "SET client_min_messages = warning" -c "CREATE EXTENSION verzuim CASCADE" >/dev/null
    for t in gemeente samenwerkingsverband school schoolvrije_dag; do copy $w telling $t || die "copy $t"; done
    for t in $PUPIL_TABLES; do
        copy $w telling $t "WHERE leerling_id IN (SELECT leerling_id FROM verzuim.leerling WHERE woongemeente $op ($G1_LIJST))" || die "copy $t"
    done
    qd $w telling -c "CREATE SCHEMA federatie" -c "CREATE VIEW federatie.leerplichttelling AS
        SELECT * FROM verzuim.leerplichttelling('$SJ', NULL, '$INST'::jsonb)" -c "VACUUM ANALYZE" >/dev/null
done
VELDEN=$(qd coord enkel -c "SELECT string_agg(format('sum(%1\$I)::bigint AS %1\$I', v), ', ' ORDER BY o)
    FROM unnest(verzuim.leerplichttelling_velden()) WITH ORDINALITY AS u(v, o)")
qd coord fdw >/dev/null <<SQL || die "the postgres_fdw coordinator"
SET client_min_messages = warning;
CREATE EXTENSION verzuim CASCADE;
CREATE EXTENSION postgres_fdw;
CREATE SERVER gemeente1 FOREIGN DATA WRAPPER postgres_fdw
  OPTIONS (host '$DIR/w1/sock', port '5432', dbname 'telling', extensions 'verzuim', async_capable 'true');
CREATE SERVER gemeente2 FOREIGN DATA WRAPPER postgres_fdw
  OPTIONS (host '$DIR/w2/sock', port '5432', dbname 'telling', extensions 'verzuim', async_capable 'true');
CREATE USER MAPPING FOR postgres SERVER gemeente1 OPTIONS (user 'postgres');
CREATE USER MAPPING FOR postgres SERVER gemeente2 OPTIONS (user 'postgres');
CREATE SCHEMA telling1;
CREATE SCHEMA telling2;
CREATE SCHEMA regio;
IMPORT FOREIGN SCHEMA federatie LIMIT TO (leerplichttelling) FROM SERVER gemeente1 INTO telling1;
IMPORT FOREIGN SCHEMA federatie LIMIT TO (leerplichttelling) FROM SERVER gemeente2 INTO telling2;
CREATE VIEW regio.leerplichttelling AS
SELECT gemeentecode, gemeente, schooljaar, $VELDEN
  FROM (SELECT * FROM telling1.leerplichttelling UNION ALL SELECT * FROM telling2.leerplichttelling) t
 GROUP BY gemeentecode, gemeente, schooljaar;
SQL

# --- Citus: a coordinator and two workers ------------------------------------------------
say "Citus: a coordinator and two workers"
for w in w1 w2; do
    qd $w postgres -c "CREATE DATABASE citus" >/dev/null
    qd $w citus -c "CREATE EXTENSION citus" >/dev/null
done
qd coord citus -c "CREATE EXTENSION citus" -c "SELECT citus_set_coordinator_host('$DIR/coord/sock', 5432)" \
    -c "SELECT citus_add_node('$DIR/w1/sock', 5432)" -c "SELECT citus_add_node('$DIR/w2/sock', 5432)" >/dev/null \
    || die "the Citus cluster"
qd coord citus -c "SET client_min_messages = warning" -c "CREATE EXTENSION verzuim CASCADE" >/dev/null
qd coord citus -v shards=8 -v rls=off -f scripts/citus_verdelen.sql >"$DIR/verdelen.log" 2>&1 \
    || { cat "$DIR/verdelen.log"; die "scripts/citus_verdelen.sql"; }
for t in gemeente samenwerkingsverband school schoolvrije_dag $PUPIL_TABLES; do copy coord citus $t || die "copy $t"; done
qd coord citus -c "SELECT verzuim.registratie_omvang_maken('verzuim.leerling')" -c "ANALYZE" >/dev/null
qd coord enkel -c "VACUUM ANALYZE" >/dev/null
T_OPZET=$((SECONDS - T0))

# --- the answers ------------------------------------------------------------------------
Q_ENKEL="SELECT * FROM verzuim.leerplichttelling('$SJ', NULL, '$INST'::jsonb)"
Q_FDW="SELECT * FROM regio.leerplichttelling"
md5van() { qd coord "$1" -c "SELECT md5(string_agg(r::text, E'\\n' ORDER BY r::text)) || ' ' || count(*) FROM ($2) r"; }
A_ENKEL=$(md5van enkel "$Q_ENKEL")
A_FDW=$(md5van fdw "$Q_FDW")
A_CITUS=$(md5van citus "$Q_ENKEL")
[ "$A_ENKEL" = "$A_FDW" ] && [ "$A_ENKEL" = "$A_CITUS" ] && GELIJK=ja || GELIJK="NEE: one node $A_ENKEL, postgres_fdw $A_FDW, Citus $A_CITUS"

# --- times ---------------------------------------------------------------------------------
snelste() {   # snelste DB QUERY: fastest of HERHAAL runs after one warm-up, in ms
    local db=$1 q=$2
    { echo '\timing on'; for _ in $(seq 0 "$HERHAAL"); do echo "SELECT count(*) FROM ($q) x;"; done; } \
        | qd coord "$db" 2>&1 | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -n +2 | sort -n | head -1
}
say "timing ($HERHAAL runs each after a warm-up)"
MS_ENKEL=$(snelste enkel "$Q_ENKEL")
MS_FDW=$(snelste fdw "$Q_FDW")
MS_CITUS=$(snelste citus "$Q_ENKEL")

# --- rows between servers --------------------------------------------------------------------
reset_stats() { for w in w1 w2; do qd $w postgres -c "SELECT pg_stat_statements_reset()" >/dev/null; done; }
# rows the statements on the workers returned (to the coordinator) and took in
# (COPY FROM STDIN: intermediate results from the coordinator), over w1 and w2
rijen() {   # rijen DB
    local w uit=0 in=0 stmts=0 a b c
    for w in w1 w2; do
        IFS='|' read -r a b c < <(qd $w postgres -c "SELECT coalesce(sum(s.rows) FILTER (WHERE s.query !~* '^\\s*copy .* from stdin'), 0),
                   coalesce(sum(s.rows) FILTER (WHERE s.query ~* '^\\s*copy .* from stdin'), 0), coalesce(sum(s.calls), 0)
              FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
             WHERE d.datname = '$1' AND s.query !~* 'pg_stat_statements'")
        uit=$((uit + a)); in=$((in + b)); stmts=$((stmts + c))
    done
    echo "$uit $in $stmts"
}
reset_stats; qd coord fdw -c "SELECT count(*) FROM ($Q_FDW) x" >/dev/null; read -r FDW_UIT FDW_IN FDW_ST < <(rijen telling)
reset_stats; qd coord citus -c "SELECT count(*) FROM ($Q_ENKEL) x" >/dev/null; read -r CIT_UIT CIT_IN CIT_ST < <(rijen citus)
# which statements on the workers sent the most rows (shard names made one)
CIT_TOP=$(for w in w1 w2; do
    qd $w postgres -F $'\t' -c "SELECT regexp_replace(regexp_replace(s.query, '_[0-9]{6,}', '_N', 'g'), '\s+', ' ', 'g'), s.calls, s.rows
      FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = 'citus' AND s.query !~* 'pg_stat_statements'"
  done | awk -F'\t' '{c[$1] += $2; r[$1] += $3} END {for (q in r) printf "%d\t%d\t%s\n", r[q], c[q], q}' | sort -t$'\t' -k1,1nr | head -6 \
  | awk -F'\t' '{q = $3; gsub(/\|/, "\\|", q); if (length(q) > 150) q = substr(q, 1, 150) "…"; printf "| %s | %s | `%s` |\n", $1, $2, q}')
PLAN=$(qd coord fdw -c "EXPLAIN (ANALYZE, VERBOSE, COSTS OFF, TIMING OFF, SUMMARY OFF) $Q_FDW")
FDW_SCAN=$(printf '%s\n' "$PLAN" | grep -E "Foreign Scan" | sed -nE 's/.*actual rows=([0-9]+).*/\1/p' | awk '{s += $1} END {print s + 0}')
FDW_BYTES=$(qd coord fdw -c "SELECT sum(pg_column_size(t.*)) FROM (SELECT * FROM telling1.leerplichttelling UNION ALL SELECT * FROM telling2.leerplichttelling) t")
# the rows Citus gathers per table read by the telling (citus.log_remote_commands would
# name every task; here: how many pupil rows the registration tables hold, for scale)
RIJEN_DATA=$(qd coord enkel -c "SELECT string_agg(t || ' ' || n, ', ' ORDER BY t) FROM (
    SELECT 'leerling' t, count(*) n FROM verzuim.leerling UNION ALL SELECT 'verblijf', count(*) FROM verzuim.verblijf
    UNION ALL SELECT 'inschrijving', count(*) FROM verzuim.inschrijving UNION ALL SELECT 'afwezigheid', count(*) FROM verzuim.afwezigheid
    UNION ALL SELECT 'vrijstelling', count(*) FROM verzuim.vrijstelling UNION ALL SELECT 'melding', count(*) FROM verzuim.melding
    UNION ALL SELECT 'proces_verbaal', count(*) FROM verzuim.proces_verbaal) x")
UITROWS=${A_ENKEL##* }
LOAD_NA=$(cut -d' ' -f1-3 /proc/loadavg)

verhouding() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "-" }'; }
rapport() {
    echo "# What it costs: the national leerplichttelling on one node, over postgres_fdw and over Citus"
    echo
    echo "Output of \`bash bench/meer_servers.sh --scale $SCALE --seed $SEED --herhaal $HERHAAL\`, run $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "on $(nproc) shared cores (load average before $LOAD_VOOR, after $LOAD_NA: three other engineers were working on the machine),"
    echo "$(qd coord postgres -c 'SHOW server_version'), Citus $(qd coord citus -c "SELECT extversion FROM pg_extension WHERE extname = 'citus'") (8 shards over 2 workers)."
    echo "Every server is a cluster on this machine (Unix sockets): the times show the work, not a network."
    echo
    echo "Data: scale $SCALE, seed $SEED: $RIJEN_DATA."
    echo "Query: the telling of schooljaar $SJ with instellingen \`$INST\` ($UITROWS rows, one per gemeente)."
    echo "Same answer everywhere (md5 of the sorted rows): $GELIJK."
    echo
    echo "| where | fastest of $HERHAAL (ms) | vs one node | rows sent to the coordinator | rows sent to the servers | statements on the servers |"
    echo "|---|---:|---:|---:|---:|---:|"
    echo "| one node | $MS_ENKEL | 1.0x | 0 | 0 | 0 |"
    echo "| postgres_fdw, 2 gemeente servers | $MS_FDW | $(verhouding "$MS_FDW" "$MS_ENKEL") | $FDW_UIT (Foreign Scans: $FDW_SCAN rows, $FDW_BYTES bytes) | $FDW_IN | $FDW_ST |"
    echo "| Citus, 2 workers | $MS_CITUS | $(verhouding "$MS_CITUS" "$MS_ENKEL") | $CIT_UIT | $CIT_IN | $CIT_ST |"
    echo
    echo "Rows counted with pg_stat_statements on the two servers/workers (rows of every statement the coordinator"
    echo "ran there during one telling; COPY ... FROM STDIN = intermediate results the Citus coordinator sent)."
    echo "postgres_fdw: each gemeente server computes the telling of its own pupils and sends one row per gemeente;"
    echo "no pupil row crosses. Citus: the telling is plpgsql on the coordinator whose queries Citus splits into"
    echo "shard tasks; what comes back is per-task partial results and, where a query cannot be pushed down whole,"
    echo "rows gathered to the coordinator (and sent back to the workers as intermediate results)."
    echo
    echo "Citus: the statements on the workers that sent the most rows during one telling (shard names as _N):"
    echo
    echo "| rows | tasks | statement (start) |"
    echo "|---:|---:|---|"
    printf '%s\n' "$CIT_TOP"
    echo
    echo "Set-up (generate, two federated servers, Citus distribution and load) took ${T_OPZET} s."
}
rapport
[ -z "$UIT" ] || rapport >"$UIT"
