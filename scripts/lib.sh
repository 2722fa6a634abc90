# Shared shell functions for scripts/demo.sh, scripts/test.sh and bench/.
# Sourced, not executed.  Everything here works as root on a fresh Debian 12
# machine; the PostgreSQL server itself always runs as the unprivileged user
# "postgres" on a Unix socket in a private directory (no TCP).

PG_MAJOR=${PG_MAJOR:-15}
# PG_ROOT: a relocated copy of the PostgreSQL installation (a directory holding
# usr/lib/postgresql/N, usr/share/postgresql/N and usr/include/postgresql/N), so
# that several checkouts on one machine can install and test side by side.
PG_ROOT=${PG_ROOT:-}
PG_BIN=$PG_ROOT/usr/lib/postgresql/$PG_MAJOR/bin
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# One build+install+test at a time on a machine: several checkouts share the
# system extension directory.
VERZUIM_LOCK=${VERZUIM_LOCK:-/tmp/verzuim-install.lock}

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Install, with apt-get, whatever of the toolchain is missing.  Installing
# postgresql-server-dev-15 may upgrade the postgresql-15 server package; our
# clusters are started only after this step, so they always run the binaries
# that match the headers the extension was built against.
ensure_packages() {
    local want=(make gcc postgresql-$PG_MAJOR postgresql-server-dev-$PG_MAJOR
                postgresql-$PG_MAJOR-pgtap libtap-parser-sourcehandler-pgtap-perl
                util-linux "$@")
    local missing=() p
    for p in "${want[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        [ "$(id -u)" = 0 ] || die "missing packages (${missing[*]}); run as root so they can be installed"
        say "installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >/dev/null
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
            || die "apt-get install ${missing[*]} failed"
    fi
    # Debian's postgresql-15 package may start a system cluster; we never use it.
    [ -x "$PG_BIN/initdb" ] || die "$PG_BIN/initdb not found after installing postgresql-$PG_MAJOR"
}

# Build and install the extension into the system PostgreSQL directories.
build_install() {
    say "building and installing verzuim"
    make -C "$REPO_ROOT" -s -j2 PG_CONFIG=$PG_BIN/pg_config >/dev/null || die "build failed"
    make -C "$REPO_ROOT" -s install PG_CONFIG=$PG_BIN/pg_config >/dev/null || die "make install failed"
}

# Run a command as the unprivileged postgres user (the server refuses root),
# from / so that a private working directory does not matter.
as_postgres() { (cd / && runuser -u postgres -- "$@"); }

# start_cluster DIR: a throwaway cluster owned by postgres, Unix socket in DIR/sock.
# Exports PGHOST, PGPORT, PGUSER for the clients that follow.
start_cluster() {
    local dir=$1; shift
    mkdir -p "$dir/sock"
    chown -R postgres:postgres "$dir"
    chmod 700 "$dir"
    as_postgres "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust \
        -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log"; die "initdb failed"; }
    cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = ''
port = 5432
unix_socket_directories = '$dir/sock'
max_worker_processes = 8
max_parallel_workers = 4
max_parallel_workers_per_gather = 2
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = '256MB'
lc_messages = 'C'
CONF
    local extra
    for extra in "$@"; do echo "$extra" >>"$dir/data/postgresql.conf"; done
    as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null \
        || { tail -20 "$dir/server.log"; die "the PostgreSQL server did not start"; }
    export PGHOST=$dir/sock PGPORT=5432 PGUSER=postgres
}

stop_cluster() {
    local dir=$1
    [ -f "$dir/data/postmaster.pid" ] && \
        as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1
    return 0
}
