#!/usr/bin/env bash
# Release packaging (issue 13, item 3): LICENSE, the PGXN META.json and the
# Debian changelog in step with verzuim.control (the one source of the
# version), `make dist` (git archive) giving a tarball that builds and installs
# with plain `make && make install` against the PostgreSQL in use (into a
# DESTDIR, so the real installation is not touched), and the Debian package:
# built with dpkg-buildpackage from that tarball (a copy, so the checkout stays
# clean), then installed with apt-get into a clean Debian chroot, which pulls
# PostgreSQL from the Debian archive, where CREATE EXTENSION verzuim CASCADE and
# smoke queries with hand-computed answers run.
#
# The tarball and the package need the git checkout and the machine's own
# Debian release (bookworm: postgresql-15); in the throwaway chroots of
# scripts/test.sh (PG_VERSIONS="17 18", a copy without .git) those checks are
# said as comments and not counted, the version checks still run.  Prints TAP lines.
set -uo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh

n=0
failed=0
result() {
    n=$((n + 1))
    if [ "$2" -eq 0 ]; then echo "ok $n - $1"; else echo "not ok $n - $1"; failed=$((failed + 1)); [ -n "${3:-}" ] && printf '%s\n' "$3" | tail -30 | sed 's/^/#   /'; fi
}
same() { if [ "$2" = "$3" ]; then result "$1" 0; else result "$1" 1 "expected: $2"$'\n'"got:      $3"; fi; }
# a check that cannot run in this copy is not counted (neither passed nor skipped): it is said
# as a comment; every check runs on the machine's own PostgreSQL 15
not_here() { echo "# not run here: $1 ($2)"; }

TMP=$(mktemp -d /tmp/verzuim-pakket.XXXXXX)
CHROOT=""
cleanup() {
    if [ -n "$CHROOT" ]; then
        chroot "$CHROOT" pg_ctlcluster 15 smoke stop >/dev/null 2>&1
        chroot_remove "$CHROOT"
    fi
    [ -n "${KEEP:-}" ] || rm -rf "$TMP"
}
trap cleanup EXIT

# --- the version: verzuim.control is its one source -----------------------------------
version=$(sed -n "s/^default_version *= *'\([^']*\)'.*/\1/p" verzuim.control)
# PGXN wants semantic versions (three numbers): 0.2 is 0.2.0 there
semver=$version
while [ "$(printf '%s' "$semver" | tr -cd . | wc -c)" -lt 2 ]; do semver=$semver.0; done
meta() {   # meta PATH...: one value of META.json (JSON::PP is part of perl)
    perl -MJSON::PP -e 'local $/; my $m = decode_json(<STDIN>); my $v = $m;
                        $v = $v->{$_} for @ARGV; print ref $v ? encode_json($v) : $v' "$@" <META.json
}
perl -MJSON::PP -e 'local $/; decode_json(<STDIN>)' <META.json 2>"$TMP/err"
result "META.json is valid JSON" $? "$(cat "$TMP/err")"
same "META.json: meta-spec 1.0.0" "1.0.0" "$(meta meta-spec version)"
same "META.json: the distribution's version is verzuim.control's ($version as semver)" "$semver" "$(meta version)"
same "META.json: provides verzuim $semver from verzuim.control" "$semver|verzuim.control" \
     "$(meta provides verzuim version)|$(meta provides verzuim file)"
same "META.json: license postgresql, PostgreSQL >= 15 at runtime" "postgresql|15.0.0" \
     "$(meta license)|$(meta prereqs runtime requires PostgreSQL)"
same "debian/changelog: the package's upstream version is verzuim.control's" "$version-1" \
     "$(sed -n '1s/^verzuim (\([^)]*\)).*/\1/p' debian/changelog)"
grep -q '^PostgreSQL License' LICENSE && grep -q 'Copyright (c) 2026, The verzuim authors' LICENSE
result "LICENSE: the PostgreSQL License, copyright the verzuim authors" $?

# --- make dist --------------------------------------------------------------------------
if ! git rev-parse --git-dir >/dev/null 2>&1 || ! command -v git >/dev/null; then
    reason="a copy of the checkout without git (the PostgreSQL $PG_MAJOR chroot); make dist and the Debian package are tested on the machine's own PostgreSQL"
    for t in "make dist makes the tarball" "the tarball builds and installs" "the Debian package builds" "the Debian package installs in a clean chroot"; do
        not_here "$t" "$reason"
    done
    echo "1..$n"
    exit $((failed > 0))
fi

start=$SECONDS
# the tree under test: HEAD plus uncommitted changes to tracked files (new,
# untracked files are not in a tarball made by git archive)
ref=$(git stash create 2>/dev/null); ref=${ref:-HEAD}
make -s dist PG_CONFIG="$PG_BIN/pg_config" DIST_REF="$ref" DISTDIR="$TMP" >"$TMP/dist.log" 2>&1
result "make dist makes verzuim-$version.tar.gz" $? "$(cat "$TMP/dist.log")"
tarball=$TMP/verzuim-$version.tar.gz
tar -tzf "$tarball" >"$TMP/list" 2>&1
same "every file of the tarball is below verzuim-$version/" "0" "$(grep -vc "^verzuim-$version/" "$TMP/list")"
missing=""
for f in Makefile verzuim.control META.json LICENSE README.md CHANGELOG.md verzuim--0.1.sql \
         src/sql/00_basis.sql src/verzuim.c debian/control debian/rules expected/setup.out sql/setup.sql; do
    grep -qx "verzuim-$version/$f" "$TMP/list" || missing="$missing $f"
done
same "the tarball holds the sources, the frozen 0.1 script, META.json, LICENSE and debian/" "" "$missing"
same "... and not the install scripts that make builds" "" \
     "$(grep -E "^verzuim-$version/verzuim--($version|0\.1--$version)\.sql$" "$TMP/list")"

# pgxn-style: unpack, make, make install (DESTDIR: the real installation stays as it is)
mkdir -p "$TMP/pgxn" "$TMP/destdir"
tar -C "$TMP/pgxn" -xzf "$tarball"
src=$TMP/pgxn/verzuim-$version
( make -C "$src" -j2 PG_CONFIG="$PG_BIN/pg_config" && \
  make -C "$src" install PG_CONFIG="$PG_BIN/pg_config" DESTDIR="$TMP/destdir" ) >"$TMP/build.log" 2>&1
result "the unpacked tarball builds with make and installs with make install DESTDIR=..." $? "$(cat "$TMP/build.log")"
same "... without compiler warnings" "" "$(grep -E 'warning:' "$TMP/build.log")"
sharedir=$("$PG_BIN/pg_config" --sharedir) pkglibdir=$("$PG_BIN/pg_config" --pkglibdir)
missing=""
for f in "$sharedir/extension/verzuim.control" "$sharedir/extension/verzuim--$version.sql" \
         "$sharedir/extension/verzuim--0.1.sql" "$sharedir/extension/verzuim--0.1--$version.sql" \
         "$pkglibdir/verzuim.so"; do
    [ -s "$TMP/destdir$f" ] || missing="$missing $f"
done
same "installed below DESTDIR: control file, 0.1 and $version scripts, upgrade script, verzuim.so" "" "$missing"
cmp -s "$TMP/destdir$sharedir/extension/verzuim--$version.sql" "$sharedir/extension/verzuim--$version.sql" && \
cmp -s "$TMP/destdir$sharedir/extension/verzuim--0.1--$version.sql" "$sharedir/extension/verzuim--0.1--$version.sql"
result "the tarball's install and upgrade scripts equal the ones this test run installed from the checkout" $?
echo "# make dist, build and install of the tarball: $((SECONDS - start)) s"

# --- the Debian package ----------------------------------------------------------------
if [ "$PG_MAJOR" != "$(host_pg_major)" ] || [ "$(host_pg_major)" != 15 ] || ! command -v apt-get >/dev/null; then
    reason="the Debian package is built for the machine's own postgresql-15 on Debian 12"
    not_here "the Debian package builds" "$reason"
    not_here "the Debian package installs in a clean chroot" "$reason"
    echo "1..$n"
    exit $((failed > 0))
fi
start=$SECONDS
ensure_packages dpkg-dev debhelper fakeroot postgresql-server-dev-all debootstrap
mkdir -p "$TMP/deb"
tar -C "$TMP/deb" -xzf "$tarball"
cp "$tarball" "$TMP/deb/verzuim_$version.orig.tar.gz"
debsrc=$TMP/deb/verzuim-$version
(cd "$debsrc" && pg_buildext checkcontrol) >"$TMP/checkcontrol.log" 2>&1
result "debian/control is what pg_buildext generates from debian/control.in" $? "$(cat "$TMP/checkcontrol.log")"
(cd "$debsrc" && DEB_BUILD_OPTIONS=nocheck dpkg-buildpackage -us -uc -b -Pnocheck) >"$TMP/debbuild.log" 2>&1
result "dpkg-buildpackage -us -uc -b builds the package from the tarball" $? "$(cat "$TMP/debbuild.log")"
deb=$TMP/deb/postgresql-15-verzuim_${version}-1_$(dpkg --print-architecture).deb
dpkg-deb -c "$deb" 2>&1 | awk '{print $NF}' | sed 's|^\./|/|' >"$TMP/deblist"
missing=""
for f in /usr/share/postgresql/15/extension/verzuim.control /usr/share/postgresql/15/extension/verzuim--$version.sql \
         /usr/share/postgresql/15/extension/verzuim--0.1.sql /usr/share/postgresql/15/extension/verzuim--0.1--$version.sql \
         /usr/lib/postgresql/15/lib/verzuim.so /usr/share/doc/postgresql-15-verzuim/copyright; do
    grep -qx "$f" "$TMP/deblist" || missing="$missing $f"
done
same "postgresql-15-verzuim holds the control file, the scripts, verzuim.so and the copyright" "" "$missing"
same "... and depends on postgresql-15" "postgresql-15" \
     "$(dpkg-deb -f "$deb" Depends 2>&1 | tr ',' '\n' | sed 's/^ *//' | grep -E '^postgresql-15( |$)' | cut -d' ' -f1)"
echo "# the package build: $((SECONDS - start)) s"

# a clean Debian 12: the base system only (debootstrap, cached), then apt-get
# installs the package and pulls postgresql-15 from the Debian archive
start=$SECONDS
CHROOT=$TMP/root
if chroot_root bookworm "$CHROOT" base 2>"$TMP/chroot.log"; then
    cp "$deb" "$CHROOT/tmp/"
    chroot "$CHROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
        sh -c "apt-get update -qq && apt-get install -y -qq /tmp/$(basename "$deb")" >"$TMP/aptinstall.log" 2>&1
    result "apt-get install ./$(basename "$deb") in a clean Debian 12 chroot" $? "$(cat "$TMP/aptinstall.log")"
    same "... pulled postgresql-15 from the Debian archive" "install ok installed" \
         "$(chroot "$CHROOT" dpkg-query -W -f='${Status}' postgresql-15 2>&1)"
    echo "# the chroot and apt-get install: $((SECONDS - start)) s"
    inchroot() { chroot "$CHROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "$@"; }
    { inchroot pg_createcluster 15 smoke -- --auth=trust &&
      inchroot sh -c "echo \"listen_addresses = ''\" >>/etc/postgresql/15/smoke/postgresql.conf" &&
      inchroot pg_ctlcluster 15 smoke start; } >"$TMP/cluster.log" 2>&1
    result "a cluster of the chroot's postgresql-15 starts (pg_createcluster, pg_ctlcluster)" $? "$(cat "$TMP/cluster.log")"
    psql_c() { inchroot runuser -u postgres -- psql -X -q -A -t -v ON_ERROR_STOP=1 -p 5432 -d postgres "$@" 2>&1; }
    same "CREATE EXTENSION verzuim CASCADE installs verzuim $version with btree_gist" "btree_gist|verzuim $version" \
         "$(psql_c -c 'SET client_min_messages = warning' -c 'CREATE EXTENSION verzuim CASCADE' \
                   -c "SELECT string_agg(extname || CASE WHEN extname = 'verzuim' THEN ' ' || extversion ELSE '' END, '|' ORDER BY extname) FROM pg_extension WHERE extname <> 'plpgsql'")"
    # Wednesday 1 October 2025 is a school day in noord (herfstvakantie noord: 18-26 October);
    # Monday 20 October 2025 is in it
    same "is_lesdag: 1 October 2025 a school day in noord, 20 October 2025 not (herfstvakantie)" "true|false" \
         "$(psql_c -c "SELECT verzuim.is_lesdag('2025-10-01', 'noord') || '|' || verzuim.is_lesdag('2025-10-20', 'noord')")"
    # absent Thursday 2, Friday 3 and Monday 6 October 2025: the weekend is bridged, one episode
    same "episodes: Thu 2, Fri 3, Mon 6 October 2025 are one episode over the weekend" "{[2025-10-02,2025-10-07)}" \
         "$(psql_c -c "SELECT verzuim.episodes(d, 'noord') FROM (VALUES (date '2025-10-06'), ('2025-10-02'), ('2025-10-03')) v(d)")"
    # one episode closed after 10 days, one still running at the peildatum 30 June 2025 since
    # 2 May: 30 June + 1 - 2 May = 60 days; the ministry's mean (10 + 60) / 2 = 35
    same "duur_agg: 2 episodes, 1 running, doorloopsnelheid 35" "2|1|35" \
         "$(psql_c -c "SELECT verzuim.aantal(s) || '|' || verzuim.aantal_lopend(s) || '|' || round(verzuim.doorloopsnelheid(s), 1)::float8
                       FROM (SELECT verzuim.duur_agg(e::daterange, '2025-06-30') AS s
                             FROM (VALUES ('[2025-01-06,2025-01-16)'), ('[2025-05-02,)')) v(e)) x")"
    inchroot pg_ctlcluster 15 smoke stop >/dev/null 2>&1
    echo "# the chroot, apt-get install and the smoke queries: $((SECONDS - start)) s"
else
    result "a clean Debian 12 chroot (debootstrap bookworm)" 1 "$(cat "$TMP/chroot.log")"
fi
echo "1..$n"
exit $((failed > 0))
