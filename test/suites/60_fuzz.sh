#!/usr/bin/env bash
# Fuzzing and plan equivalence on generated data (issue 7, item 6).
#
#  1. A database with the extension and a tiny generated Netherlands
#     (bench/generate.sh --scale 0.001: about 2,600 pupils, 25,000 absences).
#  2. Plan equivalence of EVERY aggregate of the extension (test/fuzz/plannen.sql):
#     serial, forced parallel (2 workers, parallel_leader_participation = off),
#     partitionwise with an empty partition, partitionwise parallel.
#  3. sqlsmith (Debian package) as a low-privilege role that may only read the
#     extension's schema, with a fixed seed, bounded by a number of queries and
#     by time; the suite fails when the server restarted or a backend crashed
#     (pg_postmaster_start_time, and the server log when scripts/test.sh gives
#     it in $WORK/server.log).
# Prints TAP.  FUZZ_QUERIES (default 3000) and FUZZ_SECONDS (default 60) bound
# the sqlsmith run.
set -uo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
ensure_packages sqlsmith >/dev/null

DB=verzuim_fuzz
ROL=verzuim_fuzzer
n=0 failed=0
result() {
    n=$((n + 1))
    if [ "$2" -eq 0 ]; then echo "ok $n - $1"; else
        echo "not ok $n - $1"; failed=$((failed + 1)); [ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/#   /'; fi
}
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
TMP=$(mktemp -d /tmp/verzuim-fuzz.XXXXXX)
opruimen() {
    psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1
    psql -X -q -d postgres -c "DROP ROLE IF EXISTS $ROL" >/dev/null 2>&1
    [ -n "${KEEP:-}" ] || rm -rf "$TMP"
}
trap opruimen EXIT
opruimen; TMP=$(mktemp -d /tmp/verzuim-fuzz.XXXXXX)

q -d postgres -c "CREATE DATABASE $DB" >/dev/null || { echo "not ok 1 - create $DB"; exit 1; }
q -d $DB -c 'SET client_min_messages = warning' -c 'CREATE EXTENSION verzuim CASCADE' >/dev/null \
    || { echo "not ok 1 - CREATE EXTENSION verzuim"; exit 1; }
bash bench/generate.sh --scale 0.001 --seed 7 --db $DB >"$TMP/generate.log" 2>&1
result "bench/generate.sh --scale 0.001 --seed 7 fills the tables" $? "$(tail -5 "$TMP/generate.log")"
start=$(q -d postgres -c 'SELECT pg_postmaster_start_time()')

# --- plan equivalence ---------------------------------------------------------------
psql -X -q -d $DB -f test/fuzz/plannen.sql >"$TMP/plannen.out" 2>&1
rc=$?
result "test/fuzz/plannen.sql runs" $rc "$(grep -E 'ERROR|FATAL' "$TMP/plannen.out" | head -5)"
while IFS='|' read -r status tekst waarom; do
    case $status in
        ok) result "plans: $tekst" 0 ;;
        "not ok") result "plans: $tekst" 1 "$waarom" ;;
    esac
done < <(grep -E '^(ok|not ok)\|' "$TMP/plannen.out")

# --- sqlsmith as a low-privilege role -------------------------------------------------------
q -d $DB >/dev/null <<SQL
CREATE ROLE $ROL LOGIN;
GRANT USAGE ON SCHEMA verzuim TO $ROL;
GRANT SELECT ON ALL TABLES IN SCHEMA verzuim TO $ROL;
-- 1 s: enough for sqlsmith's own catalog queries at start on a loaded machine (at 300 ms they
-- timed out under a load average of 12, before any query ran)
ALTER ROLE $ROL IN DATABASE $DB SET statement_timeout = '1s';
ALTER ROLE $ROL IN DATABASE $DB SET track_functions = 'all';
ALTER ROLE $ROL IN DATABASE $DB SET search_path = verzuim;
-- the statements sqlsmith generates are its only input; the role cannot write
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
result "a login role with USAGE on schema verzuim and SELECT on its tables only" $?
smith_rc=0
timeout -s INT "${FUZZ_SECONDS:-60}" sqlsmith --target="host=$PGHOST port=$PGPORT dbname=$DB user=$ROL" \
    --exclude-catalog --seed=20261201 --max-queries="${FUZZ_QUERIES:-3000}" --verbose \
    >"$TMP/sqlsmith.out" 2>"$TMP/sqlsmith.err" || smith_rc=$?
# 0: all queries ran; 124: stopped by the time bound
result "sqlsmith (seed 20261201, at most ${FUZZ_QUERIES:-3000} queries or ${FUZZ_SECONDS:-60} s) ends normally (exit $smith_rc)" \
    "$([ $smith_rc -eq 0 ] || [ $smith_rc -eq 124 ]; echo $?)" "$(tail -c 2000 "$TMP/sqlsmith.err")"
# progress: one character per query ('.' ok, 'e' error)
queries=$(grep -E '^[.eCt]+$' "$TMP/sqlsmith.err" | tr -d '\n' | wc -c)
result "sqlsmith ran queries ($queries; at least 200)" "$([ "$queries" -ge 200 ]; echo $?)"
sleep 1
called=$(q -d $DB -c "SELECT count(*) FROM pg_stat_user_functions WHERE schemaname = 'verzuim'" 2>&1)
result "the queries called functions of verzuim ($called distinct ones)" "$([ "$called" -gt 3 ] 2>/dev/null; echo $?)"
na=$(q -d postgres -c 'SELECT pg_postmaster_start_time()' 2>&1)
result "the server did not restart during the run" "$([ "$start" = "$na" ]; echo $?)" "before: $start"$'\n'"after:  $na"
if [ -n "${WORK:-}" ] && [ -f "$WORK/server.log" ]; then
    crash=$(grep -E 'terminated by signal|server process .* was terminated|PANIC|TRAP:' "$WORK/server.log" | head -5)
    result "no backend crashed (server log)" "$([ -z "$crash" ]; echo $?)" "$crash"
fi
result "the database still answers after fuzzing" "$([ "$(q -d $DB -c "SELECT verzuim.is_lesdag('2024-03-14', 'noord')" 2>&1)" = t ]; echo $?)"

echo "1..$n"
[ "$failed" -eq 0 ]
