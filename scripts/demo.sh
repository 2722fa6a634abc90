#!/usr/bin/env bash
# The verzuim demo: installs what is missing, builds and installs the
# extension, starts a private PostgreSQL 15 cluster (as user postgres, Unix
# socket only) in /tmp/verzuim-demo, loads a generated gemeente-sized
# dataset and prints what the extension computes.  The cluster keeps running
# afterwards so you can explore; the last lines say how to connect and stop.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

DEMO=${VERZUIM_DEMO_DIR:-/tmp/verzuim-demo}
DB=verzuim_demo

ensure_packages
exec 9>"$VERZUIM_LOCK"
flock 9
build_install
flock -u 9

if [ -d "$DEMO" ]; then
    say "stopping and removing the previous demo cluster in $DEMO"
    stop_cluster "$DEMO"
    rm -rf "$DEMO"
fi
say "starting a private PostgreSQL $PG_MAJOR cluster in $DEMO"
start_cluster "$DEMO"
psql -X -q -d postgres -c "CREATE DATABASE $DB"
psql -X -q -d "$DB" -c "SET client_min_messages = warning; CREATE EXTENSION verzuim CASCADE"

if [ -x bench/generate.sh ] || [ -f bench/generate.sh ]; then
    say "generating a gemeente-sized dataset (bench/generate.sh --scale ${DEMO_SCALE:-0.004} --seed ${DEMO_SEED:-10} --vervuiling ${DEMO_VERVUILING:-1}: with polluted registrations, as real files have)"
    start=$(date +%s%N)
    bash bench/generate.sh --scale "${DEMO_SCALE:-0.004}" --seed "${DEMO_SEED:-10}" --vervuiling "${DEMO_VERVUILING:-1}" \
        --db "$DB" >"$DEMO/generate.log" 2>&1 \
        || { tail -20 "$DEMO/generate.log"; die "generating the demo data failed"; }
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    printf '    done in %d.%01d s\n' $((ms / 1000)) $(((ms % 1000) / 100)) >&2
fi

say "what verzuim computes"
psql -X -d "$DB" -v ON_ERROR_STOP=1 -f scripts/demo.sql

cat <<MSG

The demo cluster is still running. Explore it with:
    psql -h $DEMO/sock -U postgres $DB
Stop it with:
    runuser -u postgres -- $PG_BIN/pg_ctl -D $DEMO/data stop
MSG
