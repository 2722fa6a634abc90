#!/usr/bin/env bash
# Scheduled refresh of the stored reporting views by pg_cron (issue 10, item 4).
#
# Starts its own cluster with shared_preload_libraries = 'pg_cron' (the
# cluster of scripts/test.sh has none), cron.database_name = postgres and
# cron.host = the socket directory (TOOLING.md §9: with listen_addresses = ''
# the default host localhost makes every job fail).  Loads the reporting
# fixture, refreshes once, adds a proces-verbaal, schedules
# verzuim.ververs_rapportage() every minute with verzuim.plan_verversing and
# waits (at most ~2 minutes: pg_cron 1.4 runs at minute boundaries) until a
# run succeeded; then the stored telling shows the new proces-verbaal.
# Prints TAP lines.
set -uo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
ensure_packages postgresql-$PG_MAJOR-cron
# a private PostgreSQL copy (PG_ROOT) gets the pg_cron files of the package
if [ -n "${PG_ROOT:-}" ] && [ ! -f "$PG_ROOT/usr/lib/postgresql/$PG_MAJOR/lib/pg_cron.so" ]; then
    cp -an /usr/lib/postgresql/$PG_MAJOR/. "$PG_ROOT/usr/lib/postgresql/$PG_MAJOR/"
    cp -an /usr/share/postgresql/$PG_MAJOR/. "$PG_ROOT/usr/share/postgresql/$PG_MAJOR/"
fi

n=0
failed=0
result() {
    n=$((n + 1))
    if [ "$2" -eq 0 ]; then echo "ok $n - $1"; else echo "not ok $n - $1"; failed=$((failed + 1)); [ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/#   /'; fi
}
same() { if [ "$2" = "$3" ]; then result "$1" 0; else result "$1" 1 "expected: $2"$'\n'"got:      $3"; fi; }

DIR=$(mktemp -d /tmp/verzuim-cron.XXXXXX)
trap 'stop_cluster "$DIR"; [ -n "${KEEP:-}" ] || rm -rf "$DIR"' EXIT
start_cluster "$DIR" "shared_preload_libraries = 'pg_cron'" "cron.database_name = 'postgres'" "cron.host = '$DIR/sock'"
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 -d postgres "$@"; }

q -c 'SET client_min_messages = warning' -c 'CREATE EXTENSION verzuim CASCADE' -c 'CREATE EXTENSION pg_cron' >/dev/null 2>"$DIR/err"
result "CREATE EXTENSION verzuim and pg_cron in a cluster with pg_cron preloaded" $? "$(cat "$DIR/err")"
q -f test/data/rapportage.sql >/dev/null 2>"$DIR/err"
result "the reporting fixture loads" $? "$(cat "$DIR/err")"
q -c 'SELECT verzuim.ververs_rapportage()' >/dev/null 2>"$DIR/err"
result "a first refresh by hand" $? "$(cat "$DIR/err")"
telling() { q -c "SELECT pv_absoluut FROM verzuim.leerplichttelling_mv WHERE schooljaar = '2023-2024' AND gemeentecode = 'GM0363'"; }
same "the stored telling: one pupil with a proces-verbaal absoluut in Amsterdam" "1" "$(telling)"

q -c "INSERT INTO verzuim.proces_verbaal (leerling_id, datum, soort) VALUES (2001, '2024-03-01', 'absoluut')" >/dev/null
same "a new proces-verbaal is in the live view" "2" \
     "$(q -c "SELECT pv_absoluut FROM verzuim.leerplichttelling WHERE schooljaar = '2023-2024' AND gemeentecode = 'GM0363'")"
same "... not yet in the stored telling" "1" "$(telling)"

job=$(q -c "SELECT verzuim.plan_verversing('* * * * *', 'verzuim_test')" 2>"$DIR/err")
result "plan_verversing schedules the refresh every minute (job $job)" $? "$(cat "$DIR/err")"
same "the job runs verzuim.ververs_rapportage() on the socket directory" "SELECT verzuim.ververs_rapportage()|$DIR/sock" \
     "$(q -c "SELECT command || '|' || nodename FROM cron.job WHERE jobname = 'verzuim_test'")"

status=""
for _ in $(seq 1 130); do
    status=$(q -c "SELECT status FROM cron.job_run_details WHERE jobid = ${job:-0} AND status IN ('succeeded', 'failed') ORDER BY runid LIMIT 1")
    [ -n "$status" ] && break
    sleep 1
done
same "pg_cron ran the job within two minutes and it succeeded" "succeeded" \
     "$status$( [ "$status" = failed ] && q -c "SELECT ' ' || return_message FROM cron.job_run_details WHERE jobid = $job LIMIT 1")"
same "after the scheduled run the stored telling shows the new proces-verbaal" "2" "$(telling)"
same "... and the public telling is read from it (national pv_absoluut below 5: suppressed)" "|primair" \
     "$(q -c "SELECT coalesce(aantal::text, '') || '|' || coalesce(onderdrukt, '') FROM verzuim.publiek_leerplichttelling_cellen WHERE schooljaar = '2023-2024' AND gemeentecode IS NULL AND veld = 'pv_absoluut'")"
q -c "SELECT cron.unschedule('verzuim_test')" >/dev/null 2>"$DIR/err"
result "the job is removed again" $? "$(cat "$DIR/err")"
exit $((failed > 0))
