#!/usr/bin/env bash
# No pupil data in the server log (issue 7, item 3).  Runs failing CSV loads
# with planted pupil ids and dates (bad values, unknown references, duplicates,
# overlaps, bad headers, unknown tables, NULL arguments, a timeout, a load
# called from a DO block, a server-side file, and loads that lose a race with a
# concurrent plain INSERT) and greps what the server logged during each case
# for the planted values.  Also checks that the client gets the loader's own
# message with the right SQLSTATE.  Uses the server log of scripts/test.sh's
# cluster ($WORK/server.log; default logging: log_min_error_statement = error);
# run by hand it starts a cluster of its own.  Prints TAP.
set -uo pipefail
cd "$(dirname "$0")/../.."
REPO=$(pwd)

if [ -z "${WORK:-}" ] || [ ! -f "${WORK:-}/server.log" ]; then
    source scripts/lib.sh
    WORK=$(mktemp -d /tmp/verzuim-log.XXXXXX)
    start_cluster "$WORK"
    eigen_cluster=1
fi
LOG=$WORK/server.log
DB=verzuim_log
n=0
failed=0
export PGOPTIONS="-c DateStyle=ISO,YMD -c lc_messages=C"
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
T=$(mktemp -d /tmp/verzuim-logtest.XXXXXX)
chmod 755 "$T"
opruimen() {
    q -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1
    rm -rf "$T"
    [ -z "${eigen_cluster:-}" ] || { stop_cluster "$WORK"; rm -rf "$WORK"; }
}
trap opruimen EXIT

result() {   # DESCRIPTION STATUS [DIAGNOSTICS]
    n=$((n + 1))
    if [ "$2" -eq 0 ]; then echo "ok $n - $1"; else
        echo "not ok $n - $1"; failed=$((failed + 1))
        [ -n "${3:-}" ] && printf '%s\n' "$3" | head -20 | sed 's/^/#   /'
    fi
}
logpositie() { stat -c %s "$LOG"; }
# what the server logged since position $1 (waits until the log has caught up)
gelogd_sinds() { sleep 0.3; tail -c +"$(($1 + 1))" "$LOG"; }

# geval DESCRIPTION SQLSTATE PLANTED-REGEX SQL [psql args...]: runs the SQL
# (a psql script: :'csv' is the CSV text given with -v csv=...), expects
# SQLSTATE at the client with a message of the loader (not the planted values
# in ERROR/DETAIL/HINT), and none of the planted values in the log.
geval() {
    local desc=$1 state=$2 geplant=$3 sql=$4; shift 4
    local begin uit log
    begin=$(logpositie)
    uit=$(psql -X -q -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -d $DB "$@" <<<"$sql" 2>&1)
    log=$(gelogd_sinds "$begin")
    local fout=""
    grep -q "ERROR:  $state:" <<<"$uit" || fout+="client: no ERROR with SQLSTATE $state"$'\n'"$uit"$'\n'
    if grep -E '^(ERROR|DETAIL|HINT):' <<<"$uit" | grep -qE "$geplant"; then
        fout+="client: the message shows planted data"$'\n'"$uit"$'\n'
    fi
    grep -q "ERROR:" <<<"$log" || fout+="the log has no ERROR for this case (is logging on?)"$'\n'
    if grep -qE "$geplant" <<<"$log"; then
        fout+="the server log holds planted data:"$'\n'"$(grep -E "$geplant" <<<"$log")"$'\n'
    fi
    if [ -z "$fout" ]; then result "$desc" 0; else result "$desc" 1 "$fout"; fi
}

q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null 2>&1
q -d $DB -c "SET client_min_messages = warning" -c "CREATE EXTENSION verzuim CASCADE" >/dev/null \
    || { echo "not ok 1 - CREATE EXTENSION verzuim"; exit 1; }
q -d $DB >/dev/null <<'SQL'
SELECT verzuim.laad_csv_tekst('gemeente', E'gemeentecode,naam\nGM0363,Amsterdam\n');
SELECT verzuim.laad_csv_tekst('school', E'brin,naam,gemeentecode,vakantieregio,swv_code\n12AB00,Een,GM0363,noord,\n');
SELECT verzuim.laad_csv_tekst('leerling', E'leerling_id,geboortedatum,woongemeente,startkwalificatie_op,eerste_inschrijving\n73914200,2012-03-14,GM0363,,\n');
SELECT verzuim.laad_csv_tekst('afwezigheid', E'leerling_id,brin,datum,reden,uren\n73914200,12AB00,2023-09-04,ziek,6\n');
SELECT verzuim.laad_csv_tekst('verblijf', E'leerling_id,gemeentecode,van,tot\n73914200,GM0363,2012-03-14,2020-01-31\n');
SQL

# the canary: an ordinary failing statement is logged with its text
begin=$(logpositie)
q -d $DB -c "SELECT 'verzuim_kanarie_5417'::int" >/dev/null 2>&1
if gelogd_sinds "$begin" | grep -q 'STATEMENT:.*verzuim_kanarie_5417'; then
    result "canary: the server logs the statement of a failing query (log_min_error_statement)" 0
else
    result "canary: the server logs the statement of a failing query (log_min_error_statement)" 1 "$(gelogd_sinds "$begin")"
fi

kop_l='leerling_id,geboortedatum,woongemeente,startkwalificatie_op,eerste_inschrijving'
kop_a='leerling_id,brin,datum,reden,uren'
# psql variables keep the CSV out of the shell's quoting; :'csv' puts it into
# the statement as a literal, as a user of psql would
geval "a date that does not exist (leerling)" 22008 '73914201|2012-02-30' \
    "SELECT verzuim.laad_csv_tekst('leerling', :'csv')" -v csv="$kop_l"$'\n73914201,2012-02-30,GM0363,,\n'
geval "a malformed date, with a file name" 22007 '73914202|14-03-2012' \
    "SELECT verzuim.laad_csv_tekst('leerling', :'csv', 'leerlingen.csv')" -v csv="$kop_l"$'\n73914202,14-03-2012,GM0363,,\n'
geval "an unknown reden code" 22P02 '73914200|2023-09-18|ziekk' \
    "SELECT verzuim.laad_csv_tekst('afwezigheid', :'csv')" -v csv="$kop_a"$'\n73914200,12AB00,2023-09-18,ziekk,6\n'
geval "an unknown pupil (foreign key)" 23503 '73914203|2023-09-19' \
    "SELECT verzuim.laad_csv_tekst('afwezigheid', :'csv')" -v csv="$kop_a"$'\n73914203,12AB00,2023-09-19,ziek,6\n'
geval "a duplicate key within the file" 23505 '73914204|2011-06-21' \
    "SELECT verzuim.laad_csv_tekst('leerling', :'csv')" -v csv="$kop_l"$'\n73914204,2011-06-21,GM0363,,\n73914204,2011-06-21,GM0363,,\n'
geval "a duplicate key against the table" 23505 '73914200|2023-09-04' \
    "SELECT verzuim.laad_csv_tekst('afwezigheid', :'csv')" -v csv="$kop_a"$'\n73914200,12AB00,2023-09-04,ziek,6\n'
geval "an overlapping verblijf period" 23P01 '73914200|2019-05-17' \
    "SELECT verzuim.laad_csv_tekst('verblijf', :'csv')" -v csv=$'leerling_id,gemeentecode,van,tot\n73914200,GM0363,2019-05-17,2021-01-01\n'
geval "a check constraint (11 hours)" 23514 '73914200|2023-09-20' \
    "SELECT verzuim.laad_csv_tekst('afwezigheid', :'csv')" -v csv="$kop_a"$'\n73914200,12AB00,2023-09-20,ziek,11\n'
geval "a line with too many fields" 22P04 '73914205|2010-10-10' \
    "SELECT verzuim.laad_csv_tekst('leerling', :'csv')" -v csv="$kop_l"$'\n73914205,2010-10-10,GM0363,,,x\n'
geval "an unknown column in the header" 22P04 '73914206|2010-10-11' \
    "SELECT verzuim.laad_csv_tekst('leerling', :'csv')" -v csv=$'leerling_id,geboortedatum,woongemeente,bsn_73914206\n73914206,2010-10-11,GM0363,1\n'
geval "an unknown table" 42P01 '73914207|2010-10-12' \
    "SELECT verzuim.laad_csv_tekst('leerlingen', :'csv')" -v csv="$kop_l"$'\n73914207,2010-10-12,GM0363,,\n'
geval "table NULL" 22004 '73914208|2010-10-13' \
    "SELECT verzuim.laad_csv_tekst(NULL, :'csv')" -v csv="$kop_l"$'\n73914208,2010-10-13,GM0363,,\n'
geval "controleer_csv_tekst with max_regels 0" 22023 '73914209|2010-10-14' \
    "SELECT * FROM verzuim.controleer_csv_tekst('leerling', :'csv', NULL, 0)" -v csv="$kop_l"$'\n73914209,2010-10-14,GM0363,,\n'
geval "a load called from a DO block (its context holds the CSV text)" 22008 '73914210|2012-02-31' \
    "DO \$\$ BEGIN PERFORM verzuim.laad_csv_tekst('leerling', E'$kop_l\\n73914210,2012-02-31,GM0363,,\\n'); END \$\$"
geval "a load called from a function" 22008 '73914211|2012-04-31' \
    "CREATE FUNCTION pg_temp.laad(t text) RETURNS bigint LANGUAGE sql AS \$\$ SELECT verzuim.laad_csv_tekst('leerling', t) \$\$;
     SELECT pg_temp.laad(E'$kop_l\\n73914211,2012-04-31,GM0363,,\\n')"
# a server-side file: the statement holds only the path
printf '%s\n73914212,2012-06-31,GM0363,,\n' "$kop_l" >"$T/leerling_fout.csv"
chmod 644 "$T/leerling_fout.csv"
geval "a server-side file with a bad line (laad_csv)" 22008 '73914212|2012-06-31' \
    "SELECT verzuim.laad_csv('leerling', '$T/leerling_fout.csv')"
# a load that waits (another session holds the lock loads of a table take
# turns with) and is cancelled by statement_timeout or lock_timeout
wacht() {   # DESCRIPTION SQLSTATE PLANTED SETTING
    psql -X -q -d $DB -c "SELECT pg_advisory_lock(1986618234, 'verzuim.leerling'::regclass::oid::integer)" \
         -c "SELECT pg_sleep(3)" >/dev/null 2>&1 &
    local pid=$! i
    for i in $(seq 1 100); do
        [ "$(q -d $DB -c "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = 'verzuim.leerling'::regclass::oid")" = 1 ] && break
        sleep 0.1
    done
    geval "$1" "$2" "$3" "SET $4 = '1s';
SELECT verzuim.laad_csv_tekst('leerling', :'csv')" -v csv="$kop_l"$'\n'"${3%%|*},2012-05-05,GM0363,,"$'\n'
    wait $pid
}
wacht "a load cancelled by statement_timeout while it waits for another load (57014)" 57014 '73914213|2012-05-05' statement_timeout
wacht "a load that gives up waiting for another load, lock_timeout (55P03)" 55P03 '73914214|2012-05-05' lock_timeout
geval "a file without a header line (its first line is taken as the header)" 22P04 '73914215|2011-11-11|GM0364' \
    "SELECT verzuim.laad_csv_tekst('leerling', :'csv')" -v csv=$'73914215,2011-11-11,GM0364,,\n73914216,2011-11-11,GM0364,,\n'

# --- a race with a plain INSERT of another session ----------------------------------------
# The other session inserts the same key and keeps its transaction open until
# the load has checked the file and waits at its own INSERT; then it commits.
race() {   # DESCRIPTION SQLSTATE PLANTED INSERT-SQL CSV-TABLE CSV
    local desc=$1 state=$2 geplant=$3 ins=$4 tabel=$5 csv=$6
    psql -X -q -d $DB -c "BEGIN" -c "$ins" -c "SELECT pg_sleep(3)" -c "COMMIT" >/dev/null 2>&1 &
    local pid=$! i
    for i in $(seq 1 100); do   # until the other session holds its row
        [ "$(q -d $DB -c "SELECT count(*) FROM pg_stat_activity WHERE datname = '$DB' AND query = 'SELECT pg_sleep(3)'")" = 1 ] && break
        sleep 0.1
    done
    geval "$desc" "$state" "$geplant" "SELECT verzuim.laad_csv_tekst('$tabel', :'csv')" -v csv="$csv"
    wait $pid
}
race "a concurrent INSERT of the same key: the loader's message, not PostgreSQL's key (23505)" 23505 '73914200|2023-10-02|Key' \
    "INSERT INTO verzuim.afwezigheid VALUES (73914200, '12AB00', '2023-10-02', 'ziek', 6)" afwezigheid \
    "$kop_a"$'\n73914200,12AB00,2023-10-02,ziek,6\n'
race "a concurrent INSERT of an overlapping period: the loader's message (23P01)" 23P01 '73914200|2021-03-0|Key' \
    "INSERT INTO verzuim.verblijf VALUES (73914200, 'GM0363', '[2021-03-01,2021-06-01)')" verblijf \
    $'leerling_id,gemeentecode,van,tot\n73914200,GM0363,2021-03-02,2021-04-01\n'

echo "1..$n"
[ "$failed" -eq 0 ]
