#!/usr/bin/env bash
# Runs every test of verzuim: pg_regress (sql/ + expected/) and pgTAP (test/*.sql,
# with pg_prove), against a freshly started private PostgreSQL 15 cluster that
# is stopped afterwards.  Installs what is missing first.  Exits non-zero on
# any failure.
#
#   bash scripts/test.sh                  # everything
#   REGRESS="setup kalender" bash scripts/test.sh   # a subset of pg_regress tests
#   PGTAP="test/kalender.sql" bash scripts/test.sh  # a subset of pgTAP files
#   (test/dump_roundtrip.sh, the pg_dump/pg_restore round trip, runs after
#   pg_prove in the same cluster when PGTAP is not set, or with DUMP=1)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

ensure_packages
exec 9>"$VERZUIM_LOCK"
flock 9
build_install

WORK=$(mktemp -d /tmp/verzuim-test.XXXXXX)
cleanup() { stop_cluster "$WORK"; [ -n "${KEEP:-}" ] || rm -rf "$WORK"; }
trap cleanup EXIT
say "starting a private PostgreSQL $PG_MAJOR cluster in $WORK"
start_cluster "$WORK"

regress_ok=0 regress_n=0 regress_failed=0
say "pg_regress"
set +e
make -s installcheck PG_CONFIG=$PG_BIN/pg_config ${REGRESS:+REGRESS="$REGRESS"} 2>&1 | tee "$WORK/regress.log"
regress_rc=${PIPESTATUS[0]}
set -e
regress_n=$(grep -cE '^(ok|not ok|test) ' "$WORK/regress.log" || true)
[ "$regress_n" -gt 0 ] || regress_n=$(grep -cE ' \.\.\. (ok|FAILED|failed)' "$WORK/regress.log" || true)
regress_failed=$(grep -cE '(FAILED|failed \(ignored\)|\.\.\. failed)' "$WORK/regress.log" || true)
if [ "$regress_rc" -ne 0 ]; then
    [ -f regression.diffs ] && head -200 regression.diffs
    [ "$regress_failed" -gt 0 ] || regress_failed=1
fi

say "pgTAP (pg_prove)"
psql -X -q -d postgres -c 'CREATE DATABASE verzuim_tap' >/dev/null
psql -X -q -d verzuim_tap -c 'CREATE EXTENSION pgtap' >/dev/null
set +e
# shellcheck disable=SC2086
pg_prove --ext .sql -d verzuim_tap ${PGTAP:-test/} 2>&1 | tee "$WORK/tap.log"
tap_rc=${PIPESTATUS[0]}
set -e
tap_n=$(sed -nE 's/^Files=[0-9]+, Tests=([0-9]+),.*/\1/p' "$WORK/tap.log" | tail -1)
tap_n=${tap_n:-0}
tap_failed=0
if [ "$tap_rc" -ne 0 ]; then
    tap_failed=$(sed -nE 's/.*Failed ([0-9]+)\/[0-9]+ subtests.*/\1/p' "$WORK/tap.log" | awk '{s+=$1} END {print s+0}')
    [ "$tap_failed" -gt 0 ] || tap_failed=1
fi

dump_n=0 dump_failed=0 dump_rc=0
if [ -z "${PGTAP:-}" ] || [ -n "${DUMP:-}" ]; then
    say "pg_dump/pg_restore round trip"
    set +e
    bash test/dump_roundtrip.sh 2>&1 | tee "$WORK/dump.log"
    dump_rc=${PIPESTATUS[0]}
    set -e
    dump_n=$(grep -cE '^(ok|not ok) ' "$WORK/dump.log" || true)
    dump_failed=$(grep -cE '^not ok ' "$WORK/dump.log" || true)
    [ "$dump_rc" -eq 0 ] || [ "$dump_failed" -gt 0 ] || { dump_failed=1; dump_n=$((dump_n + 1)); }
fi

if grep -qE 'terminated by signal|server process .* was terminated|PANIC' "$WORK/server.log"; then
    echo "the server log shows a crashed backend:" >&2
    grep -E 'terminated by signal|PANIC' "$WORK/server.log" >&2
    tap_failed=$((tap_failed + 1))
fi

passed=$(( regress_n - regress_failed + tap_n - tap_failed + dump_n - dump_failed ))
failed=$(( regress_failed + tap_failed + dump_failed ))
echo
echo "pg_regress: $regress_n tests ($regress_failed failed); pgTAP: $tap_n tests ($tap_failed failed); dump round trip: $dump_n checks ($dump_failed failed)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$regress_rc" -eq 0 ] && [ "$tap_rc" -eq 0 ] && [ "$dump_rc" -eq 0 ]
