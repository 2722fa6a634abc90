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
# doorloopsnelheid, the leerplichttelling (each server counts its own pupils,
# the coordinator adds the rows per gemeente) and the national rollup computed on the coordinator equal
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

tijd "# --- the leerplichttelling"
# --- the leerplichttelling: each server counts its own pupils ----------------------
# The telling is a set-returning function over the whole registration, not an
# aggregate: postgres_fdw cannot push it down.  The federated path: every
# pupil's registration lives on one server (here: the server of the pupil's
# woongemeente), each server computes the telling of its own pupils with the
# agreed instellingen (verzuim.leerplichttelling(schooljaar, norm,
# instellingen)), and the coordinator adds the rows per gemeente.  Counts of
# unique pupils per (gemeente, schooljaar, field) add up across servers
# because no pupil is on two servers, also when a pupil counts for a
# gemeente of the other server (a move: verblijf).
INST_T='{"vakantieregio": "midden", "norm": "3 months"}'
TELLING_VIEW="CREATE SCHEMA federatie;
CREATE VIEW federatie.leerplichttelling AS
SELECT t.* FROM verzuim.leerplichttelling_schooljaren() AS s(schooljaar)
CROSS JOIN LATERAL verzuim.leerplichttelling(s.schooljaar, NULL, '$INST_T'::jsonb) AS t;"
PUPILS_G1="SELECT leerling_id FROM verzuim.leerling WHERE woongemeente IN ($G1_GEMEENTEN)"
copy_db() {   # copy_db TARGET_CONN TABLE [WHERE]: from enkel into database telling
    psql -X -q -v ON_ERROR_STOP=1 -d "$COORD dbname=enkel" \
        -c "\\copy (SELECT * FROM verzuim.$2 ${3:-}) TO STDOUT" \
      | psql -X -q -v ON_ERROR_STOP=1 -d "$1 dbname=telling" -c "\\copy verzuim.$2 FROM STDIN"
}
laden=0
for g in 1 2; do
    conn=$G1; [ $g = 2 ] && conn=$G2
    op="IN"; [ $g = 2 ] && op="NOT IN"
    q "$conn" -c "CREATE DATABASE telling" >/dev/null || laden=1
    qd "$conn" telling -c "SET client_min_messages = warning" -c "CREATE EXTENSION verzuim CASCADE" >/dev/null || laden=1
    for t in gemeente samenwerkingsverband school; do copy_db "$conn" $t || laden=1; done
    for t in leerling verblijf inschrijving afwezigheid vrijstelling melding proces_verbaal; do
        copy_db "$conn" $t "WHERE leerling_id $op ($PUPILS_G1)" || laden=1
    done
    qd "$conn" telling -c "$TELLING_VIEW" -c "ANALYZE" >/dev/null || laden=1
done
result "leerplichttelling: two gemeente servers (database telling), each with the registration of its own pupils and the view federatie.leerplichttelling" $laden
same "every pupil is on exactly one server" \
    "$(qd "$COORD" enkel -c "SELECT count(*) FROM verzuim.leerling")" \
    "$(( $(qd "$G1" telling -c "SELECT count(*) FROM verzuim.leerling") + $(qd "$G2" telling -c "SELECT count(*) FROM verzuim.leerling") ))"
verhuisd=$(qd "$COORD" enkel -c "SELECT count(DISTINCT v.leerling_id) FROM verzuim.verblijf v JOIN verzuim.leerling l USING (leerling_id)
    WHERE (v.gemeentecode IN ($G1_GEMEENTEN)) <> (l.woongemeente IN ($G1_GEMEENTEN))")
[ "${verhuisd:-0}" -gt 0 ]
result "the data has pupils who lived in a gemeente of the other server ($verhuisd): their rows cross servers in the sum" $?

kruis=$(qd "$COORD" enkel -c "SELECT count(*) FROM verzuim.leerplichttelling_schooljaren() AS s(schooljaar),
    verzuim.leerplichttelling_tellers(s.schooljaar) t JOIN verzuim.leerling l USING (leerling_id)
    WHERE (t.gemeentecode IN ($G1_GEMEENTEN)) <> (l.woongemeente IN ($G1_GEMEENTEN))")
echo "# counted (pupil, field) pairs attributed to a gemeente of the other server than the pupil's: $kruis"
VELDEN=$(qd "$COORD" enkel -c "SELECT string_agg(format('sum(%1\$I)::bigint AS %1\$I', v), ', ' ORDER BY o)
    FROM unnest(verzuim.leerplichttelling_velden()) WITH ORDINALITY AS u(v, o)")
q "$COORD" >/dev/null 2>"$FDW/telling.err" <<SQL
SET client_min_messages = warning;
CREATE SERVER telling1 FOREIGN DATA WRAPPER postgres_fdw
  OPTIONS (host '$FDW/g1/sock', port '5432', dbname 'telling', extensions 'verzuim', async_capable 'true');
CREATE SERVER telling2 FOREIGN DATA WRAPPER postgres_fdw
  OPTIONS (host '$FDW/g2/sock', port '5432', dbname 'telling', extensions 'verzuim', async_capable 'true');
CREATE USER MAPPING FOR postgres SERVER telling1 OPTIONS (user 'postgres');
CREATE USER MAPPING FOR postgres SERVER telling2 OPTIONS (user 'postgres');
CREATE SCHEMA telling1;
CREATE SCHEMA telling2;
IMPORT FOREIGN SCHEMA federatie LIMIT TO (leerplichttelling) FROM SERVER telling1 INTO telling1;
IMPORT FOREIGN SCHEMA federatie LIMIT TO (leerplichttelling) FROM SERVER telling2 INTO telling2;
CREATE VIEW regio.leerplichttelling AS
SELECT gemeentecode, gemeente, schooljaar, $VELDEN
  FROM (SELECT * FROM telling1.leerplichttelling UNION ALL SELECT * FROM telling2.leerplichttelling) t
 GROUP BY gemeentecode, gemeente, schooljaar;
SQL
result "coordinator: foreign tables on both servers' federatie.leerplichttelling and the view regio.leerplichttelling adding them per gemeente" $? \
    "$(cat "$FDW/telling.err")"

REF_T=$(qd "$COORD" enkel -c "SELECT t.* FROM verzuim.leerplichttelling_schooljaren() AS s(schooljaar)
    CROSS JOIN LATERAL verzuim.leerplichttelling(s.schooljaar, NULL, '$INST_T'::jsonb) AS t ORDER BY 1, 3")
FED_T=$(q "$COORD" -c "SELECT * FROM regio.leerplichttelling ORDER BY 1, 3" 2>&1)
aantal=$(printf '%s\n' "$REF_T" | wc -l)
nonzero=$(qd "$COORD" enkel -c "SELECT count(*) FROM verzuim.leerplichttelling_schooljaren() AS s(schooljaar)
    CROSS JOIN LATERAL verzuim.leerplichttelling(s.schooljaar, NULL, '$INST_T'::jsonb) AS t
    WHERE t.absoluut_verzuim > 0 OR t.lrv_totaal > 0 OR t.relatief_verzuim > 0")
if [ -n "$FED_T" ] && [ "$FED_T" = "$REF_T" ] && [ "$aantal" -ge 9 ] && [ "$nonzero" -gt 0 ]; then
    result "leerplichttelling: the coordinator's sum equals one database's telling exactly ($aantal rows, $nonzero with counted pupils)" 0
else
    result "leerplichttelling: the coordinator's sum equals one database's telling exactly" 1 \
        "rows $aantal, with pupils $nonzero"$'\n'"$(diff <(printf '%s\n' "$REF_T") <(printf '%s\n' "$FED_T") | head -10)"
fi
same "leerplichttelling(schooljaar, NULL, instellingen) in one database equals the view verzuim.leerplichttelling under the same SET settings" \
    "$REF_T" \
    "$(qd "$COORD" enkel -c "SET verzuim.vakantieregio = 'midden'" -c "SET verzuim.norm = '3 months'" -c "SELECT * FROM verzuim.leerplichttelling ORDER BY 1, 3")"

# which rows cross the wire: only the servers' telling rows (one per gemeente
# and schooljaar), never a pupil row or pupil id
plan=$(q "$COORD" -c "EXPLAIN (ANALYZE, VERBOSE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT * FROM regio.leerplichttelling" 2>&1)
remote=$(printf '%s\n' "$plan" | grep -c "Remote SQL: SELECT gemeentecode, gemeente, schooljaar, absoluut_verzuim, .* FROM federatie\.leerplichttelling$")
same "leerplichttelling: EXPLAIN VERBOSE shows both servers queried for their telling rows (Remote SQL FROM federatie.leerplichttelling)" 2 "$remote"
printf '%s\n' "$plan" | grep "Remote SQL" | grep -q "leerling_id"
result "leerplichttelling: no Remote SQL asks for a pupil id" $((1 - $?)) "$plan"
rows=$(printf '%s\n' "$plan" | grep -E "Foreign Scan" | sed -nE 's/.*actual rows=([0-9]+).*/\1/p' | awk '{s += $1} END {print s + 0}')
server_rows=$(( $(qd "$G1" telling -c "SELECT count(*) FROM federatie.leerplichttelling") + $(qd "$G2" telling -c "SELECT count(*) FROM federatie.leerplichttelling") ))
same "leerplichttelling: the foreign scans return exactly the servers' telling rows ($server_rows: one per gemeente and schooljaar per server), no pupil rows" \
    "$server_rows" "$rows"
[ "$server_rows" -le $((2 * aantal)) ]
result "leerplichttelling: at most one row per gemeente and schooljaar per server ($server_rows <= 2 x $aantal)" $?

# a server with other settings of its own: the view pins the instellingen
qd "$G1" telling -c "ALTER DATABASE telling SET verzuim.norm = '1 month'" \
    -c "ALTER DATABASE telling SET verzuim.administratief_meetellen = on" \
    -c "ALTER DATABASE telling SET verzuim.vakantieregio = 'zuid'" >/dev/null
same "leerplichttelling: a server with norm = 1 month, administratief_meetellen = on and vakantieregio = zuid of its own: the sum is unchanged" \
    "$REF_T" "$(q "$COORD" -c "SELECT * FROM regio.leerplichttelling ORDER BY 1, 3" 2>&1)"
qd "$G1" telling -c "ALTER DATABASE telling RESET ALL" >/dev/null

# the instellingen variant itself, in one database (a jsonb argument: an untyped literal is
# ambiguous with leerplichttelling(schooljaar, norm, administratief_meetellen)): its norm is the session's
# norm, keys left out are the built-in defaults, the session is left as it was
same "leerplichttelling(schooljaar, NULL, {norm: 1 month}) equals leerplichttelling(schooljaar) under SET verzuim.norm = 1 month" \
    "$(qd "$COORD" enkel -c "SET verzuim.norm = '1 month'" -c "SELECT * FROM verzuim.leerplichttelling('2024-2025') ORDER BY 1")" \
    "$(qd "$COORD" enkel -c "SELECT * FROM verzuim.leerplichttelling('2024-2025', NULL, '{\"norm\": \"1 month\"}'::jsonb) ORDER BY 1")"
verschil=$(qd "$COORD" enkel -c "SELECT count(*) FROM (SELECT * FROM verzuim.leerplichttelling('2024-2025', NULL, '{\"norm\": \"1 month\"}'::jsonb)
    EXCEPT SELECT * FROM verzuim.leerplichttelling('2024-2025', NULL, '{}'::jsonb)) x")
[ "${verschil:-0}" -gt 0 ]
result "... and differs from the default norm in $verschil gemeenten (the argument is used)" $?
same "instellingen left out take the built-in default, not the session's setting; the session's settings are unchanged after the call" \
    "$(qd "$COORD" enkel -c "SELECT md5(string_agg(t::text, '|' ORDER BY t.gemeentecode)) FROM verzuim.leerplichttelling('2024-2025') t")|1 month|on" \
    "$(qd "$COORD" enkel -c "SET verzuim.norm = '1 month'" -c "SET verzuim.administratief_meetellen = on" \
        -c "SELECT md5(string_agg(t::text, '|' ORDER BY t.gemeentecode)) || '|' || current_setting('verzuim.norm') || '|' || current_setting('verzuim.administratief_meetellen') FROM verzuim.leerplichttelling('2024-2025', NULL, '{}'::jsonb) t")"
out=$(qd "$COORD" enkel -c "SELECT * FROM verzuim.leerplichttelling('2024-2025', NULL, '{\"kalender\": {\"noord\": \"00000000\"}}'::jsonb)" 2>&1)
printf '%s\n' "$out" | grep -q "the school calendar of regio noord on this server differs from the one in instellingen"
result "leerplichttelling with another calendar fingerprint in instellingen raises 22023 instead of answering" $? "$out"

tijd "echo 1..$n"
echo "1..$n"
exit $((failed > 0))
