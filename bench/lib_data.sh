# Sourced by bench/all.sh (after scripts/lib.sh): the cached benchmark clusters.
#
# A generated dataset is kept as a whole PostgreSQL data directory, one per
# scale, seed and version of what made it, in $BENCH_CACHE (default
# /var/cache/verzuim-bench):
#     $BENCH_CACHE/s<scale>-seed<seed>-<key>/{data,sock,server.log,READY}
# <key> is a hash of the installed extension scripts, bench/generate.sh and
# bench/generator/gen.c: when any of them changes the dataset is made afresh
# (and older directories of the same scale and seed are removed).  READY is
# written only after a complete load, so an interrupted generation is redone.
# Starting a cached cluster takes seconds; generating scale 1.0 takes minutes.

BENCH_CACHE=${BENCH_CACHE:-/var/cache/verzuim-bench}

bench_key() {
    local share
    share=$("$PG_BIN/pg_config" --sharedir)/extension
    cat "$share"/verzuim--*.sql "$REPO_ROOT/bench/generate.sh" "$REPO_ROOT/bench/generator/gen.c" \
        | sha256sum | cut -c1-12
}

# bench_start_existing DIR: starts the cached cluster in DIR (unless it runs already).
bench_start_existing() {
    local dir=$1
    if ! as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        rm -f "$dir/data/postmaster.pid"
        as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 120 start >/dev/null \
        || { tail -20 "$dir/server.log"; die "the cached cluster in $dir did not start"; }
    fi
    export PGHOST=$dir/sock PGPORT=5432 PGUSER=postgres
}

# bench_cluster SCALE SEED: starts (making it first when needed) the cluster
# holding the dataset; prints its directory on stdout.
bench_cluster() {
    local scale=$1 seed=$2 key dir old t0
    key=$(bench_key)
    dir=$BENCH_CACHE/s$scale-seed$seed-$key
    mkdir -p "$BENCH_CACHE"
    for old in "$BENCH_CACHE"/s$scale-seed$seed-*; do
        [ -e "$old" ] && [ "$old" != "$dir" ] || continue
        say "removing the outdated dataset $old"
        stop_cluster "$old"; rm -rf "$old"
    done
    if [ -f "$dir/READY" ]; then
        say "reusing the dataset of scale $scale seed $seed ($dir)"
        bench_start_existing "$dir"
    else
        if [ -d "$dir" ]; then stop_cluster "$dir"; rm -rf "$dir"; fi
        say "generating the dataset of scale $scale seed $seed into $dir"
        t0=$EPOCHREALTIME
        start_cluster "$dir" "log_temp_files = 0" "max_wal_size = '4GB'" "checkpoint_timeout = '30min'"
        psql -X -q -d postgres -c 'CREATE DATABASE bench'
        psql -X -q -d bench -c 'SET client_min_messages = warning' -c 'CREATE EXTENSION verzuim CASCADE'
        bash "$REPO_ROOT/bench/generate.sh" --scale "$scale" --seed "$seed" --db bench --split 2 >&2 \
            || die "generating scale $scale failed"
        psql -X -q -d bench -c 'CHECKPOINT'
        awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f\n", b - a }' >"$dir/READY"
        say "dataset of scale $scale ready in $(cat "$dir/READY") s"
    fi
    BENCH_DIR=$dir
}
