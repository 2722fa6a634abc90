#!/usr/bin/env bash
# verzuim on Citus 13.2.2, from one command (issue 11, item 3; docs/meer-servers.md):
#
#   bash scripts/citus.sh [--rapport docs/citus.md]      # as root, Debian 12
#
# Builds Citus from ../shared/vendor (scripts/citus_build.sh, cached in
# /var/cache/verzuim-citus), installs verzuim, starts a coordinator and two
# workers (each its own cluster on a Unix socket), distributes verzuim's
# tables with scripts/citus_verdelen.sql, loads generated data (bench/
# generate.sh, scale 0.002) through the coordinator and compares every answer
# with one plain database holding the same data (md5 of the sorted output).
# Prints TAP; --rapport FILE also writes the run into FILE (Markdown).
# Not part of scripts/test.sh (CI): building Citus alone takes minutes there.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

RAPPORT=
while [ $# -gt 0 ]; do
    case $1 in
        --rapport) RAPPORT=$2; shift 2 ;;
        *) die "unknown argument $1" ;;
    esac
done

n=0
failed=0
LOG=$(mktemp /tmp/verzuim-citus-log.XXXXXX)
out() { printf '%s\n' "$*" | tee -a "$LOG"; }
result() {
    n=$((n + 1))
    if [ "$2" -eq 0 ]; then
        out "ok $n - $1"
    else
        out "not ok $n - $1"
        failed=$((failed + 1))
        [ -n "${3:-}" ] && printf '%s\n' "$3" | head -8 | sed 's/^/#   /' | tee -a "$LOG"
    fi
}
same() {
    if [ "$2" = "$3" ]; then result "$1" 0; else result "$1" 1 "expected: $2"$'\n'"got:      $3"; fi
}

T0=$SECONDS
ensure_packages
bash scripts/citus_build.sh || die "building Citus failed"
if [ "${CITUS_VERZUIM_INSTALL:-1}" = 1 ]; then   # 0: verzuim is installed already
    (
        flock 9
        build_install
    ) 9>"$VERZUIM_LOCK"
fi

# CITUS_DIR: where the three clusters live (default: a fresh temporary
# directory); CITUS_BLIJVEN=1 leaves them running afterwards (for debugging:
# stop them with pg_ctl -D DIR/{coord,w1,w2}/data stop)
CIT=${CITUS_DIR:-$(mktemp -d /tmp/verzuim-citus.XXXXXX)}
mkdir -p "$CIT"
chmod 755 "$CIT"
cleanup() {
    [ -n "${CITUS_BLIJVEN:-}" ] && return
    for c in coord w1 w2; do stop_cluster "$CIT/$c"; done
    [ -n "${KEEP:-}" ] || rm -rf "$CIT"
}
trap cleanup EXIT
for c in coord w1 w2; do
    start_cluster "$CIT/$c" "shared_preload_libraries = 'citus'" "citus.enable_statistics_collection = off" \
        "shared_buffers = '64MB'" "max_worker_processes = 8" "max_connections = 60"
done
export PGOPTIONS="-c TimeZone=UTC -c DateStyle=ISO,YMD"
q() { local node=$1; shift; psql -X -q -A -t -v ON_ERROR_STOP=1 -d "host=$CIT/$node/sock user=postgres dbname=postgres" "$@"; }
qe() { psql -X -q -A -t -v ON_ERROR_STOP=1 -d "host=$CIT/coord/sock user=postgres dbname=enkel" "$@"; }

# --- the cluster --------------------------------------------------------------------
fout=0
for c in w1 w2; do q $c -c "CREATE EXTENSION citus" >/dev/null || fout=1; done
q coord -c "CREATE EXTENSION citus" -c "SELECT citus_set_coordinator_host('$CIT/coord/sock', 5432)" \
    -c "SELECT citus_add_node('$CIT/w1/sock', 5432)" -c "SELECT citus_add_node('$CIT/w2/sock', 5432)" >/dev/null || fout=1
same "Citus $(q coord -c "SELECT extversion FROM pg_extension WHERE extname = 'citus'"): a coordinator and two workers on Unix sockets" \
    "0 2" "$fout $(q coord -c "SELECT count(*) FROM citus_get_active_worker_nodes()")"
q coord -c "SET client_min_messages = warning" -c "CREATE EXTENSION verzuim CASCADE" >/dev/null
same "CREATE EXTENSION verzuim on the coordinator creates it on both workers" \
    "t|t|t" "$(q coord -c "SELECT string_agg(result, '|' ORDER BY nodeid) FROM run_command_on_all_nodes(\$\$SELECT count(*) = 1 FROM pg_extension WHERE extname = 'verzuim'\$\$)")"

# --- distribute -----------------------------------------------------------------------
# row-level security: without -v rls=off the script refuses and changes nothing
weigering=$(q coord -v shards=8 -f scripts/citus_verdelen.sql 2>&1)
rc=$?
[ $rc -ne 0 ] && printf '%s\n' "$weigering" | grep -q "Citus cannot keep verzuim's row-level security: nothing was distributed" \
    && [ "$(q coord -c "SELECT count(*) FROM pg_dist_partition WHERE logicalrelid::text LIKE 'verzuim.%'")" = 0 ] \
    && [ "$(q coord -c "SELECT count(*) FROM pg_policies WHERE schemaname = 'verzuim'")" = 7 ]
result "row-level security: scripts/citus_verdelen.sql refuses without -v rls=off (Citus 13 refuses policies with subqueries) and changes nothing" $? "$weigering"
verdeling=$(q coord -v shards=8 -v rls=off -f scripts/citus_verdelen.sql 2>&1)
rc=$?
result "scripts/citus_verdelen.sql -v rls=off distributes the tables (no hand work)" $rc "$verdeling"
printf '%s\n' "$verdeling" | grep -q "WARNING:  row-level security policies of verzuim dropped (-v rls=off)"
result "... and warns that the row-level security policies are dropped" $? "$verdeling"
out "$(printf '%s\n' "$verdeling" | grep '^verzuim\.' | sed 's/^/#   /')"
same "7 pupil tables distributed by leerling_id, co-located; 5 code tables reference tables" \
    "7 1 5" "$(q coord -c "SELECT count(*) FILTER (WHERE partmethod = 'h'), count(DISTINCT colocationid) FILTER (WHERE partmethod = 'h'), count(*) FILTER (WHERE partmethod = 'n') FROM pg_dist_partition WHERE logicalrelid::text LIKE 'verzuim.%'" | tr '|' ' ')"
same "running it a second time changes nothing" "$(q coord -v rls=off -f scripts/citus_verdelen.sql 2>&1 | grep '^verzuim\.')" \
    "$(printf '%s\n' "$verdeling" | grep '^verzuim\.')"
same "the calendar is local on every node and the same (fingerprints of verzuim.instellingen())" 1 \
    "$(q coord -c "SELECT count(DISTINCT result) FROM run_command_on_all_nodes(\$\$SELECT verzuim.instellingen()->>'kalender'\$\$)")"

# --- the data: one plain database as the reference, the same rows into Citus --------
q coord -c "CREATE DATABASE enkel" >/dev/null 2>&1
qe -c "SET client_min_messages = warning" -c "CREATE EXTENSION verzuim CASCADE" >/dev/null
PGHOST=$CIT/coord/sock bash bench/generate.sh --scale 0.002 --seed 1 --db enkel >"$CIT/gen.log" 2>&1 \
    || { cat "$CIT/gen.log"; die "generating the data failed"; }
# the loader: the code tables (reference tables), then every pupil table (the
# distributed tables) as CSV through verzuim.laad_csv_tekst, in the loader's
# layout (verzuim.csv_indeling), in key order: the generated ids then come out
# as in the plain database
laad() {   # laad TABLE: CSV from enkel through the loader into Citus
    local kol volg
    kol=$(qe -c "SELECT string_agg(CASE i.deel WHEN 'waarde' THEN quote_ident(i.attname)
                                         WHEN 'van' THEN format('lower(%I)', i.attname)
                                         ELSE format('upper(%I) - 1', i.attname) END || ' AS ' || quote_ident(i.kolom),
                                    ', ' ORDER BY i.positie) FROM verzuim.csv_indeling('verzuim.$1') i") || return 1
    volg=$(qe -c "SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.n)
                    FROM pg_index x CROSS JOIN LATERAL unnest(x.indkey::int2[]) WITH ORDINALITY AS k(att, n)
                    JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.att
                   WHERE x.indrelid = 'verzuim.$1'::regclass AND x.indisprimary") || return 1
    qe -c "\\copy (SELECT $kol FROM verzuim.$1 ORDER BY ${volg:-1}) TO STDOUT WITH (FORMAT csv, HEADER)" >"$CIT/$1.csv" || return 1
    q coord >"$CIT/laad-$1.out" 2>&1 <<SQL
\\set inhoud \`cat $CIT/$1.csv\`
SELECT verzuim.laad_csv_tekst('$1', :'inhoud', '$1.csv');
SQL
}
laden=0
for t in gemeente samenwerkingsverband school; do laad $t || { laden=1; out "#   $t: $(head -3 "$CIT/laad-$t.out")"; }; done
result "the CSV loader (verzuim.laad_csv_tekst) loads gemeente, samenwerkingsverband and school (reference tables)" $laden
laden=0
fouten=
for t in leerling verblijf inschrijving afwezigheid vrijstelling melding proces_verbaal; do
    laad $t || { laden=1; fouten+="$t: $(head -4 "$CIT/laad-$t.out")"$'\n'; }
done
result "the CSV loader loads the pupil tables (distributed: leerling verblijf inschrijving afwezigheid vrijstelling melding proces_verbaal)" $laden "$fouten"
# a second load of the same file is refused, with the rows already in the distributed table named
dubbel=$(q coord 2>&1 <<SQL
\\set inhoud \`head -20 $CIT/afwezigheid.csv\`
SELECT verzuim.laad_csv_tekst('afwezigheid', :'inhoud', 'afwezigheid.csv');
SQL
)
printf '%s\n' "$dubbel" | grep -q "not loaded into verzuim.afwezigheid: 19 bad lines" \
    && printf '%s\n' "$dubbel" | grep -q "duplicate key (leerling_id, brin, datum, reden): already in verzuim.afwezigheid"
result "the CSV loader on Citus refuses rows already in a distributed table (duplicate key, checked against the shards)" $? "$dubbel"
# the report of the checks (controleer_csv_tekst) equals one database's for every pupil table
verschil=
for t in leerling verblijf inschrijving afwezigheid vrijstelling melding proces_verbaal; do
    cat >"$CIT/controleer-$t.sql" <<SQL
\\set inhoud \`cat $CIT/$t.csv\`
SELECT md5(coalesce(string_agg(r::text, E'\\n' ORDER BY r::text), '')) || ' ' || count(*)
  FROM (SELECT c.bestand, c.regel, c.sqlstate,
               -- on Citus the primary key of melding is (leerling_id, meldingsnummer):
               -- the report names that key (and so no single field value)
               CASE WHEN c.fout IN ('duplicate key (meldingsnummer): already in verzuim.melding',
                                    'duplicate key (meldingsnummer, leerling_id): already in verzuim.melding')
                    THEN 'the key of melding: already in verzuim.melding'
                    ELSE concat_ws('|', c.kolom, c.waarde, c.fout) END AS probleem
          FROM verzuim.controleer_csv_tekst('$t', :'inhoud', NULL, NULL) c) r;
SQL
    a=$(qe -f "$CIT/controleer-$t.sql" 2>&1); b=$(q coord -f "$CIT/controleer-$t.sql" 2>&1)
    # proces_verbaal has no key in the file (pv_id is generated): nothing to find
    [ "$t" = proces_verbaal ] || [ "${a##* }" -gt 0 ] 2>/dev/null || verschil+="$t: one database found nothing ($a)"$'\n'
    [ "$a" = "$b" ] || verschil+="$t: one database $a, Citus $b"$'\n'
done
result "controleer_csv_tekst of every pupil file after loading (every keyed row a duplicate or overlap): the same report as one database (melding: its key on Citus includes leerling_id)" \
    "$([ -z "$verschil" ]; echo $?)" "$verschil"
# files with a problem of each kind the loader checks against the table: an
# unknown pupil and an unknown school (foreign keys into a distributed and a
# reference table), a row already there (unique key), more than a school day
# on one date over file and table, an enrolment overlapping one in the table
# (exclusion): the same report in both databases, and nothing loaded
qe -c "\\copy (SELECT * FROM (
          SELECT 999999999::bigint AS leerling_id, brin, datum, reden, uren FROM (SELECT * FROM verzuim.afwezigheid ORDER BY 1, 2, 3, 4 LIMIT 1) a
          UNION ALL SELECT leerling_id, 'ZZ99', datum, reden, uren FROM (SELECT * FROM verzuim.afwezigheid ORDER BY 1, 2, 3, 4 LIMIT 1) a
          UNION ALL SELECT leerling_id, brin, datum, reden, uren FROM (SELECT * FROM verzuim.afwezigheid ORDER BY 1, 2, 3, 4 LIMIT 1) a
          UNION ALL SELECT leerling_id, brin, datum, CASE WHEN reden = 'ziek' THEN 'luxe' ELSE 'ziek' END::verzuim.reden, 10
                      FROM (SELECT * FROM verzuim.afwezigheid ORDER BY 1, 2, 3, 4 LIMIT 1) a) x) TO STDOUT WITH (FORMAT csv, HEADER)" >"$CIT/fout-afwezigheid.csv"
qe -c "\\copy (SELECT leerling_id, brin, lower(periode) + 1 AS van, upper(periode) - 1 AS tot, onderwijssoort
                 FROM verzuim.inschrijving WHERE upper(periode) - lower(periode) > 30 ORDER BY inschrijving_id LIMIT 2) TO STDOUT WITH (FORMAT csv, HEADER)" >"$CIT/fout-inschrijving.csv"
verschil=
for t in afwezigheid inschrijving; do
    cat >"$CIT/fout-$t.sql" <<SQL
\\set inhoud \`cat $CIT/fout-$t.csv\`
SELECT string_agg(concat_ws('|', c.regel, c.kolom, coalesce(c.waarde, ''), c.fout, c.sqlstate), E'\\n' ORDER BY c.regel, c.kolom, c.fout)
  FROM verzuim.controleer_csv_tekst('$t', :'inhoud', NULL, NULL) c;
SQL
    a=$(qe -f "$CIT/fout-$t.sql" 2>&1); b=$(q coord -f "$CIT/fout-$t.sql" 2>&1)
    [ -n "$a" ] && [ "$a" = "$b" ] || verschil+="$t:"$'\n'"one database:"$'\n'"$a"$'\n'"Citus:"$'\n'"$b"$'\n'
    out "$(printf '%s\n' "$b" | cut -d'|' -f1,2,4,5 | sed "s/^/#   $t line /")"
done
[ -z "$verschil" ]
result "the loader's checks against the table on Citus (foreign keys into a distributed and a reference table, unique, hours per day, exclusion): the same report as one database" \
    $? "$verschil"
q coord -c "SELECT verzuim.registratie_omvang_maken('verzuim.leerling')" >/dev/null
q coord -c "ANALYZE" >/dev/null
tellingen() { "$@" -c "SELECT string_agg(t || '=' || n, ' ' ORDER BY t) FROM (
    SELECT 'leerling' t, count(*) n FROM verzuim.leerling UNION ALL SELECT 'afwezigheid', count(*) FROM verzuim.afwezigheid
    UNION ALL SELECT 'inschrijving', count(*) FROM verzuim.inschrijving UNION ALL SELECT 'melding', count(*) FROM verzuim.melding
    UNION ALL SELECT 'verblijf', count(*) FROM verzuim.verblijf UNION ALL SELECT 'school', count(*) FROM verzuim.school) x"; }
same "the same rows in both databases" "$(tellingen qe)" "$(tellingen q coord)"
out "#   $(tellingen q coord)"
same "DROP protection: verzuim.registratie_omvang exists on the coordinator" "t" \
    "$(q coord -c "SELECT pg_catalog.to_regclass('verzuim.registratie_omvang') IS NOT NULL")"

# row-level security after rls=off: enabled on every pupil table and every
# shard; an analyst (even with a landelijk grant) gets an error, not an answer
# from no rows; a direct read of a shard on a worker shows no pupil
PUPIL="'verzuim.leerling','verzuim.verblijf','verzuim.inschrijving','verzuim.afwezigheid','verzuim.vrijstelling','verzuim.melding','verzuim.proces_verbaal'"
q coord -c "SET client_min_messages = warning" -c "DROP ROLE IF EXISTS citus_analist" -c "CREATE ROLE citus_analist LOGIN IN ROLE verzuim_analist" \
    -c "INSERT INTO verzuim.toegang (rol) VALUES ('citus_analist')" >/dev/null
rls=$(q coord -c "SELECT count(*) FILTER (WHERE c.relrowsecurity) || '/' || count(*) FROM pg_class c WHERE c.oid::regclass::text IN ($PUPIL)")
rls_shards=$(q coord -c "SELECT count(*) FILTER (WHERE result = 't') || '/' || count(*) FROM unnest(ARRAY[$PUPIL]) x(t) CROSS JOIN LATERAL run_command_on_placements(x.t::regclass, 'SELECT relrowsecurity FROM pg_class WHERE oid = ''%s''::regclass') r")
same "row-level security stays enabled on the 7 pupil tables and on every shard (no policy: nobody under it sees a pupil)" \
    "7/7 $(q coord -c "SELECT count(*) || '/' || count(*) FROM pg_dist_shard s JOIN pg_dist_placement p USING (shardid) WHERE s.logicalrelid::text IN ($PUPIL)")" "$rls $rls_shards"
als_analist() { psql -X -q -A -t -d "host=$CIT/coord/sock user=citus_analist dbname=postgres" -c "$1" 2>&1; }
ontzegd=0
for v in "SELECT count(*) FROM verzuim.leerling" "SELECT count(*) FROM verzuim.afwezigheid" "SELECT count(*) FROM verzuim.leerplichttelling" \
         "SELECT count(*) FROM verzuim.thuiszitters"; do
    antwoord=$(als_analist "$v")
    printf '%s\n' "$antwoord" | grep -q "permission denied" || { ontzegd=1; out "#   not refused for citus_analist: $v: $(printf '%s\n' "$antwoord" | head -2)"; }
done
result "an analyst (verzuim_analist, landelijk grant) gets permission denied on the pupil tables and the reporting views, not an answer" $ontzegd
shard=$(q coord -c "SELECT s.logicalrelid::text || '_' || s.shardid || '|' || n.nodename FROM pg_dist_shard s JOIN pg_dist_placement p USING (shardid) JOIN pg_dist_node n USING (groupid) WHERE s.logicalrelid = 'verzuim.leerling'::regclass AND n.groupid <> 0 ORDER BY s.shardid LIMIT 1")
direct=$(psql -X -q -A -t -d "host=${shard#*|} user=citus_analist dbname=postgres" -c "SET citus.override_table_visibility = off" -c "SELECT count(*) FROM ${shard%%|*}" 2>&1)
printf '%s\n' "$direct" | grep -q "permission denied"
result "... and reading a shard directly on a worker as that analyst is refused too" $? "$direct"
q coord -c "DELETE FROM verzuim.toegang WHERE rol = 'citus_analist'" -c "DROP ROLE citus_analist" >/dev/null
# the public views (small cells suppressed) still answer for verzuim_publiek, as on one node
q coord -c "SET client_min_messages = warning" -c "DROP ROLE IF EXISTS citus_publiek" -c "CREATE ROLE citus_publiek LOGIN IN ROLE verzuim_publiek" >/dev/null
PUB="SELECT md5(coalesce(string_agg(r::text, E'\\n' ORDER BY r::text), '')) || ' ' || count(*) FROM verzuim.publiek_leerplichttelling r"
same "the public view publiek_leerplichttelling answers for a verzuim_publiek role on Citus as for the owner on one node" \
    "$(qe -c "$PUB")" "$(psql -X -q -A -t -d "host=$CIT/coord/sock user=citus_publiek dbname=postgres" -c "$PUB" 2>&1)"
q coord -c "DROP ROLE citus_publiek" >/dev/null

[ "${CITUS_TOT:-}" = geladen ] && { out "# CITUS_TOT=geladen: stopping after the load"; exit 0; }

# --- answers: the same query in both databases ----------------------------------------
vergelijk() {   # vergelijk DESCRIPTION QUERY  (md5 of the sorted rows)
    local a b
    a=$(qe -c "SELECT md5(coalesce(string_agg(r::text, E'\\n' ORDER BY r::text), '')) || ' ' || count(*) FROM ($2) r" 2>&1)
    b=$(q coord -c "SELECT md5(coalesce(string_agg(r::text, E'\\n' ORDER BY r::text), '')) || ' ' || count(*) FROM ($2) r" 2>&1)
    if [ "$a" = "$b" ] && [ "${a##* }" != "0" ]; then
        result "$1 ($(printf '%s' "$a" | cut -c1-8), ${a##* } rows)" 0
    else
        result "$1" 1 "one database: $a"$'\n'"Citus:        $b"
    fi
}
INST='{"vakantieregio": "midden"}'
EPI="SELECT a.leerling_id, verzuim.episodes(a.datum, s.vakantieregio::text) AS e
       FROM verzuim.afwezigheid a JOIN verzuim.school s USING (brin) GROUP BY a.leerling_id"
vergelijk "per pupil: episodes(datum, regio) over afwezigheid JOIN school" "$EPI"
plan=$(q coord -c "EXPLAIN (VERBOSE, COSTS OFF) $EPI")
printf '%s\n' "$plan" | grep -q "Query: SELECT a.leerling_id, verzuim.episodes(" \
    && ! printf '%s\n' "$plan" | awk '/Custom Scan/ {exit} {print}' | grep -q "Aggregate"
result "per pupil: the whole aggregate runs on the workers (EXPLAIN: in the task query, nothing above the Citus scan)" $? "$plan"
vergelijk "per pupil: episodes_brin(datum, brin) (the school cache read on the workers)" \
    "SELECT leerling_id, verzuim.episodes_brin(datum, brin) AS e FROM verzuim.afwezigheid GROUP BY leerling_id"
vergelijk "per pupil: episodes(datum, regio, reden, instellingen) with ziekte_in_episode = pauzeert" \
    "SELECT a.leerling_id, verzuim.episodes(a.datum, s.vakantieregio::text, a.reden, '{\"ziekte_in_episode\": \"pauzeert\"}'::jsonb) AS e
       FROM verzuim.afwezigheid a JOIN verzuim.school s USING (brin) GROUP BY a.leerling_id"
vergelijk "per pupil: meldplicht(datum, uren, regio)" \
    "SELECT a.leerling_id, verzuim.meldplicht(a.datum, a.uren, s.vakantieregio::text) AS m
       FROM verzuim.afwezigheid a JOIN verzuim.school s USING (brin) WHERE a.reden = 'ongeoorloofd' GROUP BY a.leerling_id"

# per gemeente: the episodes of each pupil, then duur_agg
EP="SELECT x.leerling_id, s.gemeentecode, s.vakantieregio::text AS regio, e.episode
      FROM (SELECT leerling_id, brin, verzuim.episodes(datum, NULL::text, brin, '$INST'::jsonb) m
              FROM verzuim.afwezigheid GROUP BY leerling_id, brin) x
      JOIN verzuim.school s USING (brin), unnest(x.m) AS e(episode)"
D_ONE="SELECT gemeentecode, verzuim.duur_agg(episode, '2025-06-30')::text AS d FROM ($EP) p GROUP BY gemeentecode"
vergelijk "per gemeente: duur_agg(episode, peildatum) (internal state: the episodes go to the coordinator)" "$D_ONE"
D_TWO="SELECT gemeentecode, verzuim.samenvoegen(d)::text AS d FROM (
         SELECT leerling_id, gemeentecode, verzuim.duur_agg(episode, '2025-06-30') AS d FROM ($EP) p GROUP BY leerling_id, gemeentecode) y
       GROUP BY gemeentecode"
vergelijk "per gemeente, two-phase: duur_agg per pupil on the workers, samenvoegen per gemeente" "$D_TWO"
same "... equals duur_agg per gemeente in one step" "$(qe -c "SELECT md5(string_agg(r::text, ',' ORDER BY r::text)) FROM ($D_ONE) r")" \
    "$(q coord -c "SELECT md5(string_agg(r::text, ',' ORDER BY r::text)) FROM ($D_TWO) r")"
plan=$(q coord -c "EXPLAIN (VERBOSE, COSTS OFF) $D_TWO")
printf '%s\n' "$plan" | grep -q "coord_combine_agg(" \
    && printf '%s\n' "$plan" | grep -q "worker_partial_agg('verzuim.samenvoegen(verzuim.duurverdeling)'::regprocedure"
result "per gemeente, two-phase: EXPLAIN shows worker_partial_agg(samenvoegen) on the workers and coord_combine_agg on the coordinator (duurverdeling is a real type)" $? "$plan"
out "$(printf '%s\n' "$plan" | grep -E "coord_combine_agg|Task Count|worker_partial_agg\('|HashAggregate|Custom Scan" | head -6 | sed 's/^/#   /' | cut -c1-220)"
vergelijk "per gemeente: doorloopsnelheid(episode, peildatum, regio, instellingen)" \
    "SELECT gemeentecode, verzuim.doorloopsnelheid(episode, '2025-06-30', regio, '$INST'::jsonb) AS d FROM ($EP) p GROUP BY gemeentecode"

# settings: a plain SET does not reach the workers; the instellingen argument does
pz_set=$(q coord -c "SET verzuim.ziekte_in_episode = 'pauzeert'" -c "SELECT md5(string_agg(e::text, ',' ORDER BY l)) FROM (SELECT a.leerling_id l, verzuim.episodes(a.datum, s.vakantieregio::text, a.reden) e FROM verzuim.afwezigheid a JOIN verzuim.school s USING (brin) GROUP BY 1) x")
pz_ref=$(qe -c "SET verzuim.ziekte_in_episode = 'pauzeert'" -c "SELECT md5(string_agg(e::text, ',' ORDER BY l)) FROM (SELECT a.leerling_id l, verzuim.episodes(a.datum, s.vakantieregio::text, a.reden) e FROM verzuim.afwezigheid a JOIN verzuim.school s USING (brin) GROUP BY 1) x")
pz_arg=$(q coord -c "SELECT md5(string_agg(e::text, ',' ORDER BY l)) FROM (SELECT a.leerling_id l, verzuim.episodes(a.datum, s.vakantieregio::text, a.reden, '{\"ziekte_in_episode\": \"pauzeert\"}'::jsonb) e FROM verzuim.afwezigheid a JOIN verzuim.school s USING (brin) GROUP BY 1) x")
same "settings: ziekte_in_episode = pauzeert as an instellingen argument gives one database's answer under SET" "$pz_ref" "$pz_arg"
if [ "$pz_set" = "$pz_ref" ]; then
    out "# settings: a plain SET verzuim.ziekte_in_episode on the coordinator reached the workers"
else
    out "# settings (known, documented): a plain SET verzuim.ziekte_in_episode on the coordinator does not reach the workers; pass instellingen"
fi

# calendar cache on the workers: a studiedag added on the coordinator is seen at once
STUDIE="INSERT INTO verzuim.schoolvrije_dag (brin, datum, omschrijving)
        SELECT brin, datum, 'studiedag' FROM (SELECT brin, datum FROM verzuim.afwezigheid ORDER BY leerling_id, datum LIMIT 1) x"
BRIN="SELECT md5(string_agg(e::text, ',' ORDER BY l)) FROM (SELECT leerling_id l, verzuim.episodes_brin(datum, brin) e FROM verzuim.afwezigheid GROUP BY 1) x"
voor=$(q coord -c "$BRIN")
qe -c "$STUDIE" >/dev/null; q coord -c "$STUDIE" >/dev/null
na_ref=$(qe -c "$BRIN"); na=$(q coord -c "$BRIN")
[ "$na" = "$na_ref" ] && [ "$na" != "$voor" ]
result "calendar cache: a studiedag inserted through the coordinator changes episodes_brin on the workers at once, as in one database" $? \
    "before $voor, after $na, one database $na_ref"

# every public view, and the set-returning functions of the reporting
for v in $(qe -c "SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'verzuim'::regnamespace AND c.relkind IN ('v', 'm')
                  AND c.relname <> 'registratie_omvang' ORDER BY 1"); do
    [ "$(qe -c "SELECT relkind FROM pg_class WHERE oid = 'verzuim.$v'::regclass")" = m ] \
        && { qe -c "REFRESH MATERIALIZED VIEW verzuim.$v" >/dev/null 2>&1; q coord -c "REFRESH MATERIALIZED VIEW verzuim.$v" >/dev/null 2>&1; }
    vergelijk "view verzuim.$v" "SELECT * FROM verzuim.$v"
done
vergelijk "verzuim.leerplichttelling('2024-2025')" "SELECT * FROM verzuim.leerplichttelling('2024-2025')"
vergelijk "verzuim.absoluut_verzuim('2025-07-31')" "SELECT * FROM verzuim.absoluut_verzuim('2025-07-31')"
vergelijk "verzuim.thuiszitters('2025-03-01')" "SELECT * FROM verzuim.thuiszitters('2025-03-01')"

out "1..$n"
out "# $((n - failed)) passed, $failed failed, $((SECONDS - T0)) s"
if [ -n "$RAPPORT" ]; then
    {
        echo "# verzuim on Citus: the output of \`bash scripts/citus.sh\`"
        echo
        echo "Run on $(date -u '+%Y-%m-%d') with Citus $(q coord -c "SELECT extversion FROM pg_extension WHERE extname = 'citus'"), $(q coord -c "SHOW server_version"), a coordinator and two workers (Unix sockets), generated data at scale 0.002 (seed 1). Every check compares the Citus coordinator with one plain database holding the same rows (md5 of the sorted output). See docs/meer-servers.md for the procedure."
        echo
        echo '```'
        cat "$LOG"
        echo '```'
    } >"$RAPPORT"
fi
rm -f "$LOG"
exit $((failed > 0))
