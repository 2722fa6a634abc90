#!/usr/bin/env bash
# The settings of issue 14 (verzuim.meldtermijn, verzuim.administratief_meetellen)
# are defined when the library loads; SQL functions that read them must also
# work as the first statement of a fresh session (library not loaded yet), and
# read a value SET before the library loaded.  Each psql call below is a new
# session.  Uses scripts/test.sh's cluster (PGHOST etc.); run by hand it starts
# a cluster of its own.  Prints TAP.
set -uo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${PGHOST:-}" ]; then
    source scripts/lib.sh
    WORK=$(mktemp -d /tmp/verzuim-adm.XXXXXX)
    start_cluster "$WORK"
    eigen_cluster=1
fi
DB=verzuim_administratief
n=0
failed=0
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 -d $DB "$@" 2>&1; }
opruimen() {
    psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1
    [ -z "${eigen_cluster:-}" ] || { stop_cluster "$WORK"; rm -rf "$WORK"; }
}
trap opruimen EXIT
result() {   # DESCRIPTION GOT WANT
    n=$((n + 1))
    if [ "$2" = "$3" ]; then echo "ok $n - $1"; else
        echo "not ok $n - $1"; failed=$((failed + 1))
        printf '#   got:  %s\n#   want: %s\n' "$2" "$3"
    fi
}

psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
q -c "SET client_min_messages = warning" -c "CREATE EXTENSION verzuim CASCADE" >/dev/null
q <<'SQL' >/dev/null
INSERT INTO verzuim.gemeente (gemeentecode, naam) VALUES ('GM9001', 'Aadorp');
INSERT INTO verzuim.school (brin, naam, gemeentecode, vakantieregio) VALUES
  ('91AA00', 'De Akker', 'GM9001', 'noord'), ('92BB00', 'De Beek', 'GM9001', 'noord');
INSERT INTO verzuim.leerling (leerling_id, geboortedatum, woongemeente) VALUES (1, '2015-01-10', 'GM9001');
INSERT INTO verzuim.verblijf VALUES (1, 'GM9001', '[2015-01-10,)');
INSERT INTO verzuim.inschrijving (leerling_id, brin, periode, onderwijssoort) VALUES
  (1, '91AA00', '[2019-01-10,2024-03-01)', 'po'), (1, '92BB00', '[2024-03-06,)', 'po');
SQL

result "absoluut_verzuim as the first statement of a session: the 5-day gap is administratief" \
    "$(q -c "SELECT count(*) || '/' || count(*) FILTER (WHERE administratief) FROM verzuim.absoluut_verzuim('2024-06-30', true)")" "1/1"
result "... and left out by default" \
    "$(q -c "SELECT count(*) FROM verzuim.absoluut_verzuim('2024-06-30')")" "0"
result "verzuim.meldtermijn SET before the library loaded is read" \
    "$(q -c "SET verzuim.meldtermijn = 4" -c "SELECT count(*) FROM verzuim.absoluut_verzuim('2024-06-30')")" "1"
result "verzuim.administratief_meetellen SET before the library loaded is read" \
    "$(q -c "SET verzuim.administratief_meetellen = on" -c "SELECT count(*) FROM verzuim.absoluut_verzuim('2024-06-30')")" "1"
result "registratiekwaliteit_rijen as the first statement of a session" \
    "$(q -c "SELECT string_agg(controle, ',') FROM verzuim.registratiekwaliteit_rijen()")" "administratief_gat"
result "afwezigheid_soort as the first statement of a session" \
    "$(q -c "SELECT count(*) FROM verzuim.afwezigheid_soort WHERE soort = 'administratief'")" "5"

echo "1..$n"
[ "$failed" -eq 0 ]
