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
        say "installing ${missing[*]} (apt-get; progress below)"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >/dev/null
        # one line per package downloaded and set up, instead of a silent minute
        local log; log=$(mktemp)
        if ! apt-get install -y --no-install-recommends "${missing[@]}" >"$log" 2>&1 < /dev/null; then
            tail -20 "$log" >&2; rm -f "$log"; die "apt-get install ${missing[*]} failed"
        fi &
        local pid=$! n=0
        while kill -0 "$pid" 2>/dev/null; do
            local now; now=$(grep -c '^Setting up ' "$log" 2>/dev/null || true)
            if [ "${now:-0}" -gt "$n" ]; then
                grep '^Setting up ' "$log" | sed -n "$((n + 1)),${now}p" | sed 's/^Setting up \([^ ]*\).*/  set up \1/' >&2
                n=$now
            fi
            sleep 1
        done
        wait "$pid" || exit 1
        rm -f "$log"
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

# --- Other PostgreSQL versions: a throwaway Debian chroot --------------------------
# Debian ships one PostgreSQL major per release: 15 in bookworm (12), 17 in
# trixie (13), 18 in sid.  scripts/test.sh runs the whole suite for another
# major inside a chroot of the Debian release that has it, made with
# debootstrap from the same Debian archive the host uses.  The prepared root
# (base system and the toolchain) is cached as a tarball in CHROOT_CACHE, so a
# second run on one machine skips debootstrap and apt; without the cache
# (CI on a fresh machine) it is made from scratch.
CHROOT_CACHE=${VERZUIM_CHROOT_CACHE:-/var/cache/verzuim-chroot}
DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

debian_suite_for() {   # PG_MAJOR -> the Debian suite that ships it
    case $1 in
        15) echo bookworm ;;
        17) echo trixie ;;
        18) echo sid ;;
        *) return 1 ;;
    esac
}
host_pg_major() {      # the PostgreSQL major of this machine's Debian release
    local codename
    codename=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")
    case $codename in
        bookworm) echo 15 ;;
        trixie) echo 17 ;;
        *) echo "$PG_MAJOR" ;;
    esac
}

# chroot_mount DIR / chroot_umount DIR: /proc, /dev and a private /dev/shm
# (PostgreSQL's dynamic shared memory) for a chroot.  chroot_umount is safe to
# call more than once.
chroot_mount() {
    local dir=$1
    mountpoint -q "$dir/proc" || mount -t proc proc "$dir/proc"
    mountpoint -q "$dir/dev" || mount --bind /dev "$dir/dev"
    mountpoint -q "$dir/dev/shm" || mount -t tmpfs -o size=512m,mode=1777 shm "$dir/dev/shm"
}
chroot_umount() {
    local dir=$1 m
    for m in dev/shm dev/pts dev proc; do
        if mountpoint -q "$dir/$m"; then umount "$dir/$m" 2>/dev/null || umount -l "$dir/$m"; fi
    done
}
# chroot_remove DIR: unmount, and delete the root only when nothing is mounted
# below it any more (so /dev of the host can never be deleted through it)
chroot_remove() {
    local dir=$1
    [ -d "$dir" ] || return 0
    chroot_umount "$dir"
    if awk -v d="$dir/" '$2 ~ "^" d' /proc/mounts | grep -q .; then
        echo "warning: something is still mounted below $dir; not deleting it" >&2
        return 1
    fi
    rm -rf --one-file-system "$dir"
}

# chroot_create PG_MAJOR DIR: a Debian root in DIR with the toolchain and
# PostgreSQL PG_MAJOR installed (no cluster created or started), from the cache
# when present.  Mounts /proc and /dev; call chroot_remove DIR afterwards.
chroot_create() {
    local major=$1 dir=$2 suite
    suite=$(debian_suite_for "$major") || die "no Debian release ships PostgreSQL $major (15, 17, 18 are known)"
    local want=(make gcc postgresql-$major postgresql-server-dev-$major postgresql-$major-pgtap
                libtap-parser-sourcehandler-pgtap-perl util-linux ca-certificates)
    local key tarball
    key=$(printf '%s\n' "$suite" "$DEBIAN_MIRROR" "${want[@]}" | md5sum | cut -c1-8)
    tarball=$CHROOT_CACHE/$suite-pg$major-$key.tar
    mkdir -p "$CHROOT_CACHE" "$dir"
    (
        flock 8
        [ -s "$tarball" ] && exit 0
        local base=$dir.base start=$SECONDS
        rm -rf "$base"; mkdir -p "$base"
        ensure_host_tool debootstrap
        say "debootstrap $suite (once; cached in $tarball)"
        debootstrap --variant=minbase "$suite" "$base" "$DEBIAN_MIRROR" >"$base.log" 2>&1 \
            || { tail -20 "$base.log" >&2; chroot_remove "$base"; exit 1; }
        # sid's archive snapshot may have an expired Release file
        [ "$suite" != sid ] || echo 'Acquire::Check-Valid-Until "false";' >"$base/etc/apt/apt.conf.d/99verzuim-valid-until"
        echo 'APT::Install-Recommends "false";' >"$base/etc/apt/apt.conf.d/99verzuim-no-recommends"
        # never start services or create the main cluster inside the chroot
        printf '#!/bin/sh\nexit 101\n' >"$base/usr/sbin/policy-rc.d"; chmod +x "$base/usr/sbin/policy-rc.d"
        mkdir -p "$base/etc/postgresql-common"
        echo 'create_main_cluster = false' >"$base/etc/postgresql-common/createcluster.conf"
        echo '127.0.0.1 localhost' >"$base/etc/hosts"
        cp /etc/resolv.conf "$base/etc/resolv.conf" 2>/dev/null || true
        chroot_mount "$base"
        say "installing PostgreSQL $major and the toolchain in the $suite chroot"
        if ! chroot "$base" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
                sh -c "apt-get update -qq && apt-get install -y -qq ${want[*]} && apt-get clean" >"$base.log" 2>&1; then
            tail -20 "$base.log" >&2; chroot_remove "$base"; exit 1
        fi
        chroot_umount "$base"
        tar -C "$base" -cf "$tarball.tmp" . && mv "$tarball.tmp" "$tarball"
        chroot_remove "$base"; rm -f "$base.log"
        say "the $suite chroot for PostgreSQL $major took $((SECONDS - start)) s to prepare"
    ) 8>"$CHROOT_CACHE/$suite.lock" || die "could not prepare a $suite chroot for PostgreSQL $major"
    tar -C "$dir" -xf "$tarball" || die "unpacking $tarball failed"
    cp /etc/resolv.conf "$dir/etc/resolv.conf" 2>/dev/null || true
    chroot_mount "$dir"
}

# ensure_host_tool PKG: install one host package (debootstrap, ...) when missing
ensure_host_tool() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed' && return 0
    [ "$(id -u)" = 0 ] || die "$1 is missing; run as root so it can be installed"
    say "installing $1"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$1" >/dev/null 2>&1 || {
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$1" >/dev/null; } \
        || die "apt-get install $1 failed"
}

# copy_tree DIR: the checkout's files (tracked and new, not ignored: no build
# products) into DIR
copy_tree() {
    mkdir -p "$1"
    if git -C "$REPO_ROOT" rev-parse --git-dir >/dev/null 2>&1; then
        (cd "$REPO_ROOT" && git ls-files -z -co --exclude-standard \
             | tar --null --ignore-failed-read -T - -cf - 2>/dev/null) | tar -C "$1" -xf -
    else
        tar -C "$REPO_ROOT" --exclude='*.o' --exclude='*.so' --exclude='*.bc' --exclude=results -cf - . | tar -C "$1" -xf -
    fi
}
