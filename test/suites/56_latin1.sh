#!/usr/bin/env bash
# The CSV check in a database that is not UTF-8 (issue 7, item 4): a UTF-8
# file with a character LATIN1 cannot hold (the euro sign) makes that line bad
# (22P05, with its line number); the other lines are checked and reported as
# usual, and a file without such characters loads.  Prints TAP.
set -uo pipefail
DB=verzuim_latin1
n=0 failed=0
result() {
    n=$((n + 1))
    if [ "$2" -eq 0 ]; then echo "ok $n - $1"; else
        echo "not ok $n - $1"; failed=$((failed + 1)); [ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/#   /'; fi
}
same() { if [ "$2" = "$3" ]; then result "$1" 0; else result "$1" 1 "expected: $2"$'\n'"got:      $3"; fi; }
q() { psql -X -q -A -t -F '|' "$@" 2>&1; }

DIR=$(mktemp -d /tmp/verzuim-latin1.XXXXXX)
chmod 755 "$DIR"
trap 'rm -rf "$DIR"; psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1' EXIT
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1
psql -X -q -d postgres -c "CREATE DATABASE $DB TEMPLATE template0 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C'" >/dev/null \
    || { echo "not ok 1 - create a LATIN1 database"; exit 1; }
q -d $DB -c 'SET client_min_messages = warning' -c 'CREATE EXTENSION verzuim CASCADE' >/dev/null
same "the database is LATIN1" "LATIN1" "$(q -d $DB -c 'SHOW server_encoding')"

printf 'gemeentecode,naam\nGM0014,Groningen\nGM0034,Almere \xe2\x82\xac\nGM0363,Amsterdam\nGM0599,Caf\xc3\xa9 Rotterdam\n' >"$DIR/gemeente.csv"
chmod 644 "$DIR/gemeente.csv"
same "controleer_csv: the euro sign makes line 3 bad (22P05), the other lines are fine" \
     "3|field 2 has a character that the database encoding LATIN1 cannot hold|22P05" \
     "$(q -d $DB -c "SELECT regel, fout, sqlstate FROM verzuim.controleer_csv('gemeente', '$DIR/gemeente.csv')")"
out=$(q -d $DB -v VERBOSITY=verbose -c "SELECT verzuim.laad_csv('gemeente', '$DIR/gemeente.csv')")
result "laad_csv raises 22P05 naming line 3, and loads nothing" \
    "$(grep -q 'ERROR:  22P05' <<<"$out" && grep -q 'line 3' <<<"$out" && [ "$(q -d $DB -c 'SELECT count(*) FROM verzuim.gemeente')" = 0 ]; echo $?)" "$out"
printf 'gemeentecode,naam\nGM0014,Groningen\nGM0599,Caf\xc3\xa9 Rotterdam\n' >"$DIR/goed.csv"
chmod 644 "$DIR/goed.csv"
same "a UTF-8 file whose characters LATIN1 holds loads (é converted)" "2|Café Rotterdam" \
     "$(PGCLIENTENCODING=UTF8 q -d $DB -c "SELECT verzuim.laad_csv('gemeente', '$DIR/goed.csv')" -c "SELECT naam FROM verzuim.gemeente WHERE gemeentecode = 'GM0599'" | paste -sd'|')"
echo "1..$n"
[ "$failed" -eq 0 ]
