#!/usr/bin/env bash
# The C cores of verzuim under valgrind (issue 7, item 6): episode merge,
# summary merge, (de)serialization of every aggregate state, duurverdeling
# input and the CSV parser, run by test/fuzz/geheugen.sql in a single-user
# backend (postgres --single) of a dedicated throwaway cluster under valgrind
# memcheck.  The test-only module test/fuzz/verzuim_toets.c (built here into
# a scratch directory, never installed) feeds serialized states, real and
# corrupted, to the deserialize and combine functions.
#
# Fails on any valgrind error or definite leak whose stack passes through
# verzuim.so or the test module, and on any failed check of the SQL file.
# Errors of PostgreSQL or the dynamic loader themselves are counted and shown,
# not failed.  Note: Debian's PostgreSQL is not built with USE_VALGRIND, so an
# overrun inside a palloc'd block that stays within its memory context block
# is not seen; reads and writes beyond malloc'd blocks, uses of undefined
# values, bad frees and leaks are.  Prints TAP.
set -uo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
ensure_packages valgrind >/dev/null

n=0 failed=0
result() {
    n=$((n + 1))
    if [ "$2" -eq 0 ]; then echo "ok $n - $1"; else
        echo "not ok $n - $1"; failed=$((failed + 1)); [ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/#   /'; fi
}
TMP=$(mktemp -d /tmp/verzuim-geheugen.XXXXXX)
trap '[ -n "${KEEP:-}" ] || rm -rf "$TMP"' EXIT

# the test module
mkdir -p "$TMP/toets"
cp test/fuzz/verzuim_toets.c "$TMP/toets/"
printf 'MODULES = verzuim_toets\nPG_CONFIG ?= pg_config\nPGXS := $(shell $(PG_CONFIG) --pgxs)\ninclude $(PGXS)\n' >"$TMP/toets/Makefile"
make -s -C "$TMP/toets" PG_CONFIG="$PG_BIN/pg_config" with_llvm=no >"$TMP/make.log" 2>&1
result "the test module verzuim_toets builds" $? "$(tail -5 "$TMP/make.log")"

# a dedicated cluster, used only in single-user mode
chown -R postgres:postgres "$TMP"
chmod 755 "$TMP"
as_postgres "$PG_BIN/initdb" -D "$TMP/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$TMP/initdb.log" 2>&1
result "initdb of a throwaway cluster" $? "$(tail -5 "$TMP/initdb.log")"
echo "shared_buffers = '16MB'" >>"$TMP/data/postgresql.conf"
sed "s|@TOETS@|$TMP/toets/verzuim_toets.so|" test/fuzz/geheugen.sql >"$TMP/in.sql"
chmod 644 "$TMP/in.sql"

start=$(date +%s)
as_postgres valgrind --quiet --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite \
    --num-callers=30 --log-file="$TMP/vg.%p.log" \
    "$PG_BIN/postgres" --single -j -D "$TMP/data" postgres <"$TMP/in.sql" >"$TMP/out.txt" 2>&1
rc=$?
echo "# valgrind run: $(( $(date +%s) - start )) s"
result "the single-user backend under valgrind exits 0" $rc "$(grep -E 'ERROR|FATAL' "$TMP/out.txt" | head -5)"
fouten=$(grep -E '^ERROR|^FATAL|^PANIC' "$TMP/out.txt" | head -5)
result "every statement of test/fuzz/geheugen.sql ran" "$([ -z "$fouten" ]; echo $?)" "$fouten"

# the checks of the SQL file: lines "... = "RESULT|ok|text"" in the single-user output
k=0
while IFS='|' read -r status tekst; do
    k=$((k + 1))
    if [ "$status" = ok ]; then result "$tekst" 0; else result "$tekst" 1; fi
done < <(sed -n 's/.*"RESULT|\(.*\)".*/\1/p' "$TMP/out.txt")
result "test/fuzz/geheugen.sql reported its checks ($k)" "$([ $k -ge 15 ]; echo $?)"

# valgrind: split the log into error blocks (separated by lines "==pid== ")
cat "$TMP"/vg.*.log >"$TMP/vg.all" 2>/dev/null
awk -v uit="$TMP/blok" '
    /^==[0-9]+== $/ { if (blok != "") { nb++; print blok > (uit "." nb) }; blok = ""; next }
    /^==[0-9]+== / { blok = blok $0 "\n" }
    END { if (blok != "") { nb++; print blok > (uit "." nb) } }' "$TMP/vg.all"
ons=0 ander=0
eigen=""
for b in "$TMP"/blok.*; do
    [ -f "$b" ] || continue
    grep -qE 'Invalid|uninitialised|Conditional jump|definitely lost|overlap|free' "$b" || continue
    if grep -qE 'verzuim(_toets)?\.so|verzuim_' "$b"; then
        ons=$((ons + 1)); eigen+="$(head -20 "$b")"$'\n'
    else
        ander=$((ander + 1))
    fi
done
echo "# valgrind reports outside verzuim (PostgreSQL, the dynamic loader): $ander"
result "no valgrind error or definite leak in verzuim's code (invalid access, undefined value, bad free, leak)" \
    "$([ $ons -eq 0 ]; echo $?)" "$eigen"
result "valgrind really ran (its log exists)" "$([ -s "$TMP/vg.all" ] || ls "$TMP"/vg.*.log >/dev/null 2>&1; echo $?)"

echo "1..$n"
[ "$failed" -eq 0 ]
