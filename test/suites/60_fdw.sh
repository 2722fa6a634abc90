#!/usr/bin/env bash
# Federation on postgres_fdw (issue 11, item 2): a coordinator and two gemeente
# servers, each its own cluster on a Unix socket (scripts/lib.sh start_cluster).
# The gemeente servers hold the registration data of their own gemeenten (the
# absence rows of their schools) and a view federatie.episode: the thuiszit
# episodes of each pupil, computed there with the agreed instellingen.  The
# coordinator has regio.episode, partitioned by gemeentecode, whose partitions
# are foreign tables on the two servers (extensions 'verzuim', async_capable).
#
# Checked: the per-gemeente duurverdeling (kalenderdagen and lesdagen),
# doorloopsnelheid and the national rollup computed on the coordinator equal
# the answers of one database holding all the data, exactly; EXPLAIN VERBOSE
# shows the aggregates in the Remote SQL; EXPLAIN ANALYZE shows that only one
# row per gemeente comes back (no pupil row crosses the wire); a server with
# other settings or another calendar cannot silently change an answer.
# Prints TAP.  Needs the generator (bench/generate.sh) and contrib postgres_fdw.
set -uo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh

n=0
failed=0
result() {
    n=$((n + 1))
    if [ "$2" -eq 0 ]; then
        echo "ok $n - $1"
    else
        echo "not ok $n - $1"
        failed=$((failed + 1))
        [ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/#   /'
    fi
}
same() {
    if [ "$2" = "$3" ]; then result "$1" 0; else result "$1" 1 "expected: $2"$'\n'"got:      $3"; fi
}

T0=$SECONDS
tijd() { [ -z "${FDW_TIJD:-}" ] || echo "# $((SECONDS - T0)) s: $*" >&2; }
FDW=$(mktemp -d /tmp/verzuim-fdw.XXXXXX)
chmod 755 "$FDW"
cleanup() {
    for c in coord g1 g2; do stop_cluster "$FDW/$c"; done
    [ -n "${KEEP:-}" ] || rm -rf "$FDW"
}
trap cleanup EXIT

SMALL=("shared_buffers = '32MB'" "max_worker_processes = 4" "max_parallel_workers = 2")
for c in coord g1 g2; do
    start_cluster "$FDW/$c" "${SMALL[@]}"
done
tijd "COORD=host=$FDW/coord/sock us"
COORD="host=$FDW/coord/sock user=postgres"
G1="host=$FDW/g1/sock user=postgres"
G2="host=$FDW/g2/sock user=postgres"
export PGOPTIONS="-c TimeZone=UTC -c DateStyle=ISO,YMD"
q() { local conn=$1; shift; psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$conn dbname=postgres" "$@"; }
qd() { local conn=$1 db=$2; shift 2; psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$conn dbname=$db" "$@"; }

# The agreed settings of the federation: this is what every server computes with.
INST='{"ziekte_in_episode": "onderbreekt", "vakantieregio": "midden"}'
PEIL=2025-06-30
# gemeenten of server g1; the others are on g2
G1_GEMEENTEN="'GM0394', 'GM2053', 'GM2201', 'GM2237'"

# --- one database with all the data: the reference ----------------------------
q "$COORD" -c "CREATE DATABASE enkel" >/dev/null
qd "$COORD" enkel -c "SET client_min_messages = warning" -c "CREATE EXTENSION verzuim CASCADE" >/dev/null
PGHOST=$FDW/coord/sock bash bench/generate.sh --scale 0.002 --seed 1 --db enkel >/dev/null 2>"$FDW/gen.log" \
    || { cat "$FDW/gen.log"; echo "not ok 1 - generate the data"; exit 1; }

VIEW_SQL="CREATE SCHEMA federatie;
CREATE VIEW federatie.episode AS
SELECT x.gemeentecode, x.leerling_id, x.regio, e.episode
FROM (SELECT s.gemeentecode, a.leerling_id, s.vakantieregio::text AS regio,
             verzuim.episodes(a.datum, s.vakantieregio::text, a.reden, '$INST'::jsonb) AS m
      FROM verzuim.afwezigheid a JOIN verzuim.school s ON s.brin = a.brin
      GROUP BY s.gemeentecode, a.leerling_id, s.vakantieregio) x
CROSS JOIN LATERAL unnest(x.m) AS e(episode);"
qd "$COORD" enkel -c "$VIEW_SQL" >/dev/null

tijd "# --- the gemeente servers"
# --- the gemeente servers: their own schools' absence, the rest as reference ----
copy_table() {   # copy_table TARGET_CONN TABLE [WHERE]
    psql -X -q -v ON_ERROR_STOP=1 -d "$COORD dbname=enkel" \
        -c "\\copy (SELECT * FROM verzuim.$2 ${3:-}) TO STDOUT" \
      | psql -X -q -v ON_ERROR_STOP=1 -d "$1 dbname=postgres" -c "\\copy verzuim.$2 FROM STDIN"
}
laden=0
for g in 1 2; do
    conn=$G1; [ $g = 2 ] && conn=$G2
    op="IN"; [ $g = 2 ] && op="NOT IN"
    q "$conn" -c "SET client_min_messages = warning" -c "CREATE EXTENSION verzuim CASCADE" >/dev/null || laden=1
    for t in gemeente samenwerkingsverband school leerling verblijf inschrijving vrijstelling melding proces_verbaal; do
        copy_table "$conn" $t || laden=1
    done
    copy_table "$conn" afwezigheid "WHERE brin IN (SELECT brin FROM verzuim.school WHERE gemeentecode $op ($G1_GEMEENTEN))" || laden=1
    q "$conn" -c "$VIEW_SQL" -c "ANALYZE" >/dev/null || laden=1
done
tijd "result two gemeente servers w"
result "two gemeente servers with the extension, their absence rows and the view federatie.episode" $laden
same "every absence row is on exactly one server" \
    "$(qd "$COORD" enkel -c "SELECT count(*) FROM verzuim.afwezigheid")" \
    "$(( $(q "$G1" -c "SELECT count(*) FROM verzuim.afwezigheid") + $(q "$G2" -c "SELECT count(*) FROM verzuim.afwezigheid") ))"

tijd "# --- the coordinator ---"
# --- the coordinator --------------------------------------------------------------
q "$COORD" >/dev/null 2>"$FDW/coord.err" <<SQL
SET client_min_messages = warning;
CREATE EXTENSION verzuim CASCADE;
CREATE EXTENSION postgres_fdw;
CREATE SERVER gemeente1 FOREIGN DATA WRAPPER postgres_fdw
  OPTIONS (host '$FDW/g1/sock', port '5432', dbname 'postgres', extensions 'verzuim', async_capable 'true');
CREATE SERVER gemeente2 FOREIGN DATA WRAPPER postgres_fdw
  OPTIONS (host '$FDW/g2/sock', port '5432', dbname 'postgres', extensions 'verzuim', async_capable 'true');
CREATE USER MAPPING FOR postgres SERVER gemeente1 OPTIONS (user 'postgres');
CREATE USER MAPPING FOR postgres SERVER gemeente2 OPTIONS (user 'postgres');
CREATE SCHEMA regio;
CREATE TABLE regio.episode (gemeentecode text, leerling_id bigint, regio text, episode daterange)
  PARTITION BY LIST (gemeentecode);
CREATE FOREIGN TABLE regio.episode_g1 PARTITION OF regio.episode FOR VALUES IN ($G1_GEMEENTEN)
  SERVER gemeente1 OPTIONS (schema_name 'federatie', table_name 'episode');
CREATE FOREIGN TABLE regio.episode_g2 PARTITION OF regio.episode DEFAULT
  SERVER gemeente2 OPTIONS (schema_name 'federatie', table_name 'episode');
ANALYZE regio.episode;
ALTER DATABASE postgres SET enable_partitionwise_aggregate = on;
SQL
result "coordinator: servers with extensions 'verzuim' and async_capable, regio.episode partitioned by gemeente on them" $? \
    "$(cat "$FDW/coord.err")"

# compare QUERY (grouped by gemeentecode, two columns) on the coordinator with
# the same query over federatie.episode in the reference database
vergelijk() {   # vergelijk DESCRIPTION SELECT-LIST
    local fed ref
    fed=$(q "$COORD" -c "SELECT gemeentecode, $2 FROM regio.episode GROUP BY gemeentecode ORDER BY 1" 2>&1)
    ref=$(qd "$COORD" enkel -c "SELECT gemeentecode, $2 FROM federatie.episode GROUP BY gemeentecode ORDER BY 1" 2>&1)
    if [ -n "$fed" ] && [ "$fed" = "$ref" ] && [ "$(printf '%s\n' "$ref" | wc -l)" -eq 9 ]; then
        result "$1: the coordinator's answer equals one database's, all 9 gemeenten" 0
    else
        result "$1: the coordinator's answer equals one database's, all 9 gemeenten" 1 \
            "$(diff <(printf '%s\n' "$ref") <(printf '%s\n' "$fed") | head -10)"
    fi
}
# the aggregate is in the Remote SQL of both servers, and each server sends one
# row per gemeente (EXPLAIN ANALYZE: rows of the foreign scans)
pushdown() {   # pushdown DESCRIPTION SELECT-LIST AGGREGATE-NAME
    local plan remote rows
    plan=$(q "$COORD" -c "EXPLAIN (ANALYZE, VERBOSE, COSTS OFF, TIMING OFF, SUMMARY OFF)
        SELECT gemeentecode, $2 FROM regio.episode GROUP BY gemeentecode" 2>&1)
    remote=$(printf '%s\n' "$plan" | grep -c "Remote SQL: SELECT gemeentecode, verzuim\.$3(.* FROM federatie\.episode GROUP BY 1")
    same "$1: EXPLAIN VERBOSE shows verzuim.$3 in the Remote SQL of both servers" 2 "$remote"
    rows=$(printf '%s\n' "$plan" | grep -E "Foreign Scan" | sed -nE 's/.*actual rows=([0-9]+).*/\1/p' | awk '{s += $1} END {print s + 0}')
    same "$1: only one row per gemeente crosses the wire (foreign scans return 9 rows, no episode or pupil row)" 9 "$rows"
    printf '%s\n' "$plan" | grep -q "Async Foreign Scan"
    result "$1: the two servers are scanned asynchronously (Async Foreign Scan)" $? "$plan"
}

D_KAL="verzuim.duur_agg(episode, '$PEIL')::text"
D_LES="verzuim.duur_agg(episode, '$PEIL', regio, '$INST'::jsonb)::text"
DLS="verzuim.doorloopsnelheid(episode, '$PEIL')"
DLS_LES="verzuim.doorloopsnelheid(episode, '$PEIL', regio, '$INST'::jsonb)"
tijd "vergelijk duurverdeling in ka"
vergelijk "duurverdeling in kalenderdagen per gemeente" "$D_KAL"
pushdown "duurverdeling in kalenderdagen per gemeente" "$D_KAL" duur_agg
vergelijk "duurverdeling in lesdagen per gemeente (instellingen)" "$D_LES"
pushdown "duurverdeling in lesdagen per gemeente (instellingen)" "$D_LES" duur_agg
vergelijk "doorloopsnelheid per gemeente" "$DLS"
pushdown "doorloopsnelheid per gemeente" "$DLS" doorloopsnelheid
vergelijk "doorloopsnelheid in lesdagen per gemeente (instellingen)" "$DLS_LES"
vergelijk "Kaplan-Meier median and restricted mean per gemeente" \
    "verzuim.mediaan(verzuim.duur_agg(episode, '$PEIL')), verzuim.beperkt_gemiddelde(verzuim.duur_agg(episode, '$PEIL'), 90)"

# the national figure: samenvoegen of the shipped per-gemeente summaries
NAT="SELECT verzuim.samenvoegen(d)::text FROM (SELECT gemeentecode, verzuim.duur_agg(episode, '$PEIL', regio, '$INST'::jsonb) d FROM %s GROUP BY gemeentecode) s"
same "national rollup (samenvoegen of the shipped summaries) equals duur_agg over all episodes in one database" \
    "$(qd "$COORD" enkel -c "SELECT verzuim.duur_agg(episode, '$PEIL', regio, '$INST'::jsonb)::text FROM federatie.episode")" \
    "$(q "$COORD" -c "$(printf "$NAT" regio.episode)")"

tijd "# --- no silent divergence"
# --- no silent divergence ---------------------------------------------------------
# A gemeente server with other settings of its own: the shipped aggregates carry
# the instellingen, so the answer stays the same.
q "$G1" -c "ALTER DATABASE postgres SET verzuim.goede_vrijdag_vrij = on" \
        -c "ALTER DATABASE postgres SET verzuim.bevrijdingsdag_vrij = 'nooit'" >/dev/null
vergelijk "a server with goede_vrijdag_vrij = on and bevrijdingsdag_vrij = nooit of its own: lesdagen summaries unchanged" "$D_LES"
# The setting-reading aggregate (no instellingen) is STABLE: not shipped, so
# the coordinator computes it with its own settings from the episode rows.
PLAIN="verzuim.duur_agg(episode, '$PEIL', regio)::text"
plan=$(q "$COORD" -c "EXPLAIN (VERBOSE, COSTS OFF) SELECT gemeentecode, $PLAIN FROM regio.episode GROUP BY gemeentecode")
printf '%s\n' "$plan" | grep -q "Remote SQL: SELECT gemeentecode, regio, episode FROM federatie.episode"
result "duur_agg(episode, peildatum, regio) reads settings, so postgres_fdw does not ship it (Remote SQL fetches the rows)" $? "$plan"
vergelijk "duur_agg(episode, peildatum, regio) computed on the coordinator equals one database's" "$PLAIN"
q "$COORD" -c "ALTER DATABASE postgres SET verzuim.goede_vrijdag_vrij = on" >/dev/null
same "... and follows the coordinator's own setting goede_vrijdag_vrij = on, as one database does" \
    "$(qd "$COORD" enkel -c "SET verzuim.goede_vrijdag_vrij = on" -c "SELECT string_agg(d, ' ' ORDER BY g) FROM (SELECT gemeentecode g, $PLAIN d FROM federatie.episode GROUP BY 1) s")" \
    "$(q "$COORD" -c "SELECT string_agg(d, ' ' ORDER BY g) FROM (SELECT gemeentecode g, $PLAIN d FROM regio.episode GROUP BY 1) s")"
q "$COORD" -c "ALTER DATABASE postgres RESET verzuim.goede_vrijdag_vrij" >/dev/null
q "$G1" -c "ALTER DATABASE postgres RESET ALL" >/dev/null

# A gemeente server with another calendar (a holiday deleted): with the
# calendar fingerprints in instellingen the shipped aggregate refuses; without
# them its summaries record the other calendar and samenvoegen refuses to mix.
q "$G2" -c "UPDATE verzuim.vakantie SET periode = daterange(lower(periode) + 1, upper(periode)) WHERE regio = 'noord' AND schooljaar = '2024-2025' AND soort = 'mei'" >/dev/null
FP=$(q "$COORD" -c "SELECT (verzuim.instellingen()->'kalender')::text")
INST_FP=$(q "$COORD" -c "SELECT ('$INST'::jsonb || jsonb_build_object('kalender', verzuim.instellingen()->'kalender'))::text")
out=$(q "$COORD" -c "SELECT gemeentecode, verzuim.duur_agg(episode, '$PEIL', regio, '$INST_FP'::jsonb) FROM regio.episode GROUP BY 1" 2>&1)
printf '%s\n' "$out" | grep -q "the school calendar of regio noord on this server differs from the one in instellingen"
result "instellingen with the coordinator's calendar fingerprints: the server with another calendar raises 22023" $? "$out"
out=$(q "$COORD" -c "$(printf "$NAT" regio.episode)" 2>&1)
printf '%s\n' "$out" | grep -q "cannot merge duration summaries counted with different school calendars"
result "without fingerprints: the national samenvoegen refuses summaries counted with different calendars" $? "$out"

tijd "echo 1..$n"
echo "1..$n"
exit $((failed > 0))
