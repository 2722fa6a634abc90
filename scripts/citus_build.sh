#!/usr/bin/env bash
# Build Citus 13.2.2 from the vendored release source (../shared/vendor, or
# CITUS_VENDOR) and install it into the PostgreSQL that scripts/lib.sh uses
# (PG_ROOT's relocated copy when PG_ROOT is set, else the system one).
# The built tree is cached in CITUS_CACHE (default /var/cache/verzuim-citus):
# a second run only re-installs (a few seconds).  Citus is a test tool here,
# not part of verzuim (AGPL-3.0; nothing of it is linked into verzuim).
#   bash scripts/citus_build.sh            # build (about a minute on 2 cores) and install
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

CITUS_VERSION=13.2.2
CITUS_VENDOR=${CITUS_VENDOR:-$(cd "$REPO_ROOT/.." && pwd)/shared/vendor}
[ -f "$CITUS_VENDOR/citus-$CITUS_VERSION.tar.gz" ] || CITUS_VENDOR=/work/shared/vendor
CITUS_CACHE=${CITUS_CACHE:-/var/cache/verzuim-citus}
PG_CONFIG=$PG_BIN/pg_config

[ -f "$CITUS_VENDOR/citus-$CITUS_VERSION.tar.gz" ] || die "citus-$CITUS_VERSION.tar.gz not found in $CITUS_VENDOR (set CITUS_VENDOR)"
ensure_packages libcurl4-openssl-dev liblz4-dev libzstd-dev libkrb5-dev libssl-dev libselinux1-dev \
    libxslt1-dev libpam0g-dev libreadline-dev autoconf flex bison

pkglib=$($PG_CONFIG --pkglibdir)
share=$($PG_CONFIG --sharedir)
if [ -z "${CITUS_FORCE:-}" ] && [ -f "$pkglib/citus.so" ] && [ -f "$share/extension/citus--13.1-1--13.2-1.sql" ] \
   && grep -q "default_version = '13.2-1'" "$share/extension/citus.control" 2>/dev/null; then
    say "Citus $CITUS_VERSION is already installed in $pkglib"
    exit 0
fi

# one build per PostgreSQL installation (the headers differ per PG_ROOT only in path)
key=$(printf '%s' "$PG_CONFIG" | md5sum | cut -c1-12)
build=$CITUS_CACHE/$CITUS_VERSION-$key
src=$build/citus-$CITUS_VERSION
mkdir -p "$build"
exec 9>"$build.lock"
flock 9
if [ ! -f "$src/.built" ]; then
    say "building Citus $CITUS_VERSION in $src"
    if [ ! -f "$src/.configured" ]; then
        rm -rf "$src"
        tar -xzf "$CITUS_VENDOR/citus-$CITUS_VERSION.tar.gz" -C "$build"
        patch -s -d "$src" -p1 < "$CITUS_VENDOR/citus-$CITUS_VERSION-pg15.patch"
        (cd "$src" && ./configure PG_CONFIG="$PG_CONFIG" >"$build/configure.log" 2>&1) \
            || { tail -20 "$build/configure.log"; die "Citus configure failed"; }
        touch "$src/.configured"
    fi
    # with_llvm=no: no JIT bitcode (clang), half the build time
    (cd "$src" && make -j2 with_llvm=no >"$build/make.log" 2>&1) \
        || { grep -m5 -i error "$build/make.log"; die "Citus make failed (log: $build/make.log)"; }
    touch "$src/.built"
fi
say "installing Citus $CITUS_VERSION into $pkglib"
(cd "$src" && make install with_llvm=no >"$build/install.log" 2>&1) \
    || { tail -20 "$build/install.log"; die "Citus make install failed"; }
