#!/usr/bin/env bash
# Runs every test of verzuim: pg_regress (sql/ + expected/) and pgTAP (test/*.sql,
# with pg_prove), against a freshly started private PostgreSQL 15 cluster that
# is stopped afterwards.  Installs what is missing first.  Exits non-zero on
# any failure.
#
#   bash scripts/test.sh                  # everything
#   REGRESS="setup kalender" bash scripts/test.sh   # a subset of pg_regress tests
#   PGTAP="test/kalender.sql" bash scripts/test.sh  # a subset of pgTAP files
#   SUITES="dump_roundtrip" bash scripts/test.sh     # a subset of test/suites/*.sh
#   PG_VERSIONS="15 17 18" bash scripts/test.sh      # every supported PostgreSQL (what CI runs)
#   (the script suites run after pg_prove in the same cluster when neither PGTAP
#   nor REGRESS is set)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

# PG_VERSIONS="15 17 18": the whole run once per PostgreSQL major version; the
# machine's own (15 on Debian 12) directly, the others in a throwaway Debian
# chroot of the release that ships them (17: trixie, 18: sid; see
# chroot_create in scripts/lib.sh).  REGRESS, PGTAP and SUITES apply to every
# version.  Ends with one "N passed, N failed" line over all versions.
if [ -n "${PG_VERSIONS:-}" ]; then
    host=$(host_pg_major)
    total_passed=0 total_failed=0 lines=()
    LOGS=$(mktemp -d /tmp/verzuim-versions.XXXXXX)
    for v in $PG_VERSIONS; do
        start=$SECONDS
        if [ "$v" = "$host" ]; then
            say "PostgreSQL $v (this machine)"
            set +e; PG_VERSIONS= PG_MAJOR=$v bash "$0" 2>&1 | tee "$LOGS/$v.log"; set -e
        else
            suite=$(debian_suite_for "$v") || die "PostgreSQL $v: no Debian release ships it (known: 15, 17, 18)"
            say "PostgreSQL $v in a throwaway Debian $suite chroot"
            root=$(mktemp -d /tmp/verzuim-chroot-$v.XXXXXX)
            set +e
            (
                trap 'chroot_remove "$root"' EXIT; trap 'exit 1' INT TERM
                chroot_create "$v" "$root"
                copy_tree "$root/src/verzuim"
                # the host's CA bundle for npm inside the chroot (bench_smoke installs
                # @duckdb/node-api): behind a TLS-intercepting proxy the chroot's own
                # bundle lacks the proxy's CA (npm: SELF_SIGNED_CERT_IN_CHAIN)
                ca_env=()
                if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
                    mkdir -p "$root/etc/ssl/certs"
                    cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/verzuim-host-ca.crt"
                    ca_env=(NODE_EXTRA_CA_CERTS=/etc/ssl/certs/verzuim-host-ca.crt
                            npm_config_cafile=/etc/ssl/certs/verzuim-host-ca.crt)
                fi
                chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "${ca_env[@]}" \
                    PG_MAJOR="$v" REGRESS="${REGRESS:-}" PGTAP="${PGTAP:-}" SUITES="${SUITES:-}" DUMP="${DUMP:-}" \
                    bash -c 'cd /src/verzuim && [ -n "$REGRESS" ] || unset REGRESS; [ -n "$PGTAP" ] || unset PGTAP;
                             [ -n "$SUITES" ] || unset SUITES; [ -n "$DUMP" ] || unset DUMP; exec ./scripts/test.sh'
            ) 2>&1 | tee "$LOGS/$v.log"
            set -e
        fi
        line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$LOGS/$v.log" | tail -1)
        if [ -n "$line" ]; then
            p=${line%% passed*}; f=${line#*passed, }; f=${f%% failed}
        else
            p=0 f=1; line="no result (see above)"
        fi
        total_passed=$((total_passed + p)); total_failed=$((total_failed + f))
        lines+=("PostgreSQL $v: $line ($((SECONDS - start)) s)")
    done
    rm -rf "$LOGS"
    echo
    printf '%s\n' "${lines[@]}"
    echo "$total_passed passed, $total_failed failed"
    [ "$total_failed" -eq 0 ]
    exit
fi

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

# Script suites: test/suites/NN_name.sh, in the order of their names, each run
# with the cluster's PGHOST/PGPORT/PGUSER exported (and WORK, REPO_ROOT, PG_BIN,
# PG_MAJOR), printing TAP lines ("ok N - ...", "not ok N - ...").  A suite may
# install its own packages (source scripts/lib.sh; ensure_packages PKG...) and
# start its own clusters.  SUITES="dump_roundtrip fdw" runs a subset (by name
# without number); SUITES=none runs none.  By default all run unless PGTAP or
# REGRESS selects a subset.
suite_n=0 suite_failed=0 suite_rc=0
if [ -z "${SUITES:-}" ] && { [ -n "${PGTAP:-}" ] || [ -n "${REGRESS:-}" ]; }; then SUITES=none; fi
[ -z "${DUMP:-}" ] || SUITES="${SUITES:+$SUITES }dump_roundtrip"
export WORK REPO_ROOT PG_BIN PG_MAJOR PG_ROOT
for suite in test/suites/*.sh; do
    name=$(basename "$suite" .sh); name=${name#[0-9][0-9]_}
    if [ -n "${SUITES:-}" ]; then
        case " $SUITES " in *" $name "*) ;; *) continue ;; esac
    fi
    say "suite $name"
    set +e
    bash "$suite" 2>&1 | tee "$WORK/suite-$name.log"
    rc=${PIPESTATUS[0]}
    set -e
    n=$(grep -cE '^(ok|not ok) ' "$WORK/suite-$name.log" || true)
    f=$(grep -cE '^not ok ' "$WORK/suite-$name.log" || true)
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; n=$((n + 1)); fi
    suite_n=$((suite_n + n)); suite_failed=$((suite_failed + f))
    [ "$rc" -eq 0 ] || suite_rc=$rc
    echo "suite $name: $n checks ($f failed)"
done

if grep -qE 'terminated by signal|server process .* was terminated|PANIC' "$WORK/server.log"; then
    echo "the server log shows a crashed backend:" >&2
    grep -E 'terminated by signal|PANIC' "$WORK/server.log" >&2
    tap_failed=$((tap_failed + 1))
fi

passed=$(( regress_n - regress_failed + tap_n - tap_failed + suite_n - suite_failed ))
failed=$(( regress_failed + tap_failed + suite_failed ))
echo
echo "pg_regress: $regress_n tests ($regress_failed failed); pgTAP: $tap_n tests ($tap_failed failed); script suites: $suite_n checks ($suite_failed failed)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$regress_rc" -eq 0 ] && [ "$tap_rc" -eq 0 ] && [ "$suite_rc" -eq 0 ]
