#!/usr/bin/env bash
# Long parses can be cancelled (issue 7, item 4): a huge duurverdeling text
# and a huge quoted CSV field obey statement_timeout (57014) instead of running
# to the end, and a bad value is echoed at most 64 characters long.  Without
# interrupt checks in the parsers the timeout would only be seen after the
# parse, and the answer would be the parse's own (22P02, or a row).  Prints TAP.
set -uo pipefail
n=0 failed=0
result() {
    n=$((n + 1))
    if [ "$2" -eq 0 ]; then echo "ok $n - $1"; else
        echo "not ok $n - $1"; failed=$((failed + 1)); [ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/#   /'; fi
}
DB=verzuim_onderbreken
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1
psql -X -q -d postgres -c "CREATE DATABASE $DB" >/dev/null || { echo "not ok 1 - create $DB"; exit 1; }
trap 'psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1' EXIT
psql -X -q -d $DB -c 'SET client_min_messages = warning' -c 'CREATE EXTENSION verzuim CASCADE' >/dev/null

# 4 million entries (24 MB of text) with a duplicate duration: the parse takes
# far longer than the timeout, and only the end of the value is invalid
# (the values are built before the timeout is set, so only the parse can be cancelled)
out=$(psql -X -q -A -t -v VERBOSITY=verbose -d $DB \
    -c "CREATE TEMP TABLE t AS SELECT '{v1;eenheid=kalenderdagen;peildatum=2025-06-30;gesloten=0;lopend=0;som=0;som_lopend=0;' || repeat('1:1/0,', 4000000) || '1:1/0}' AS v" \
    -c "SET statement_timeout = '40ms'" -c "SELECT length(v::verzuim.duurverdeling::text) FROM t" 2>&1)
result "a 24 MB duurverdeling text obeys statement_timeout (57014)" "$(grep -q 'ERROR:  57014' <<<"$out"; echo $?)" "$(head -c 400 <<<"$out")"
out=$(psql -X -q -A -t -v VERBOSITY=verbose -d $DB \
    -c "SELECT ('{v1;eenheid=kalenderdagen;peildatum=2025-06-30;gesloten=0;lopend=0;som=0;som_lopend=0;' || repeat('1:1/0,', 200000) || 'x}')::verzuim.duurverdeling" 2>&1)
result "without a timeout, a 1.2 MB bad duurverdeling text raises 22P02" "$(grep -q 'ERROR:  22P02' <<<"$out"; echo $?)" "$(head -c 400 <<<"$out")"
result "... and its message holds at most 64 characters of the value" \
    "$([ "$(grep -oE '"\{v1[^"]*"' <<<"$out" | head -1 | wc -c)" -le 70 ] && [ "$(wc -c <<<"$out")" -lt 2000 ]; echo $?)" "$(head -c 400 <<<"$out")"
out=$(psql -X -q -A -t -v VERBOSITY=verbose -d $DB -c "CREATE TEMP TABLE t AS SELECT 'a,\"' || repeat('x', 60000000) AS v" \
    -c "SET statement_timeout = '40ms'" -c "SELECT count(*) FROM t, verzuim.csv_regels(t.v)" 2>&1)
result "a 60 MB quoted CSV field obeys statement_timeout (57014)" "$(grep -q 'ERROR:  57014' <<<"$out"; echo $?)" "$(head -c 400 <<<"$out")"
echo "1..$n"
[ "$failed" -eq 0 ]
