#!/usr/bin/env bash
# Runs the benchmarks of verzuim (DESIGN.md §4) in one go and prints every
# time and ratio: bench/episodes.sql and bench/duur_agg.sql (and any other
# bench/*.sql that follows their conventions, see bench/README.md).
#
#   bash bench/run.sh [--scale 0.13] [--seed 1] [--herhaal 3] [--keep] [BENCH.sql ...]
#
# As root on Debian 12, like scripts/test.sh: installs what is missing, builds
# and installs the extension, starts a private PostgreSQL 15 cluster (Unix
# socket only, as user postgres), creates the database bench, fills it with
# bash bench/generate.sh --scale S --seed N (scale 0.13: about 3.4 million
# afwezigheid rows, 370,000 pupils; about a minute), runs the benchmark files
# with psql and stops the cluster.  The install lock (/tmp/verzuim-install.lock)
# is held throughout, so that no other build replaces verzuim.so mid-run; set
# BENCH_NO_LOCK=1 to hold it only while building and installing.
# --keep leaves the cluster directory (/tmp/verzuim-bench.*) for inspection.
# The output is also written to /tmp/verzuim-bench-<date>.txt (or $BENCH_OUT/).
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
cd "$REPO_ROOT"

scale=0.13 seed=1 herhaal=3 keep=0 files=()
while [ $# -gt 0 ]; do
    case $1 in
        --scale) scale=${2:?}; shift 2 ;;
        --seed) seed=${2:?}; shift 2 ;;
        --herhaal) herhaal=${2:?}; shift 2 ;;
        --keep) keep=1; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        -*) die "unknown option $1 (see --help)" ;;
        *) files+=("$1"); shift ;;
    esac
done
[ ${#files[@]} -gt 0 ] || files=(bench/episodes.sql bench/duur_agg.sql bench/meldplicht.sql)
for f in "${files[@]}"; do [ -f "$f" ] || die "no such benchmark: $f"; done

ensure_packages
exec 9>"$VERZUIM_LOCK"
flock 9
build_install
[ -n "${BENCH_NO_LOCK:-}" ] && flock -u 9

WORK=$(mktemp -d /tmp/verzuim-bench.XXXXXX)
cleanup() { stop_cluster "$WORK"; [ "$keep" = 1 ] || rm -rf "$WORK"; }
trap cleanup EXIT
say "starting a private PostgreSQL $PG_MAJOR cluster in $WORK"
start_cluster "$WORK"
psql -X -q -d postgres -c 'CREATE DATABASE bench'
psql -X -q -d bench -c 'SET client_min_messages = warning' -c 'CREATE EXTENSION verzuim CASCADE'

if [ -f bench/generate.sh ]; then
    say "generating data: scale $scale, seed $seed"
    bash bench/generate.sh --scale "$scale" --seed "$seed" --db bench >&2
else
    say "bench/generate.sh not found: the benchmarks build their own data"
fi

out=${BENCH_OUT:-/tmp}/verzuim-bench-$(date +%Y%m%d-%H%M%S).txt
{
    echo "verzuim benchmarks — $(date -Is)"
    echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' (+ uncommitted changes)')"
    echo "PostgreSQL $(psql -X -tAc 'SHOW server_version' -d bench), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "data: scale $scale, seed $seed; best of $herhaal runs per query"
    for f in "${files[@]}"; do
        echo
        echo "==================== $f"
        psql -X -v ON_ERROR_STOP=1 -v herhaal="$herhaal" -d bench -f "$f"
    done
    echo
    echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
} 2>&1 | tee "$out"
say "written to $out"
