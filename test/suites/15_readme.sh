#!/usr/bin/env bash
# The README's "Getting started" example is true: runs its SQL block in a fresh
# database and compares every result table with the table printed as comments
# under the query (lines starting with "--" that contain "|"), whitespace
# normalized.  Fails when the README and the extension disagree.  Prints TAP.
set -uo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${PGHOST:-}" ]; then
    source scripts/lib.sh
    WORK=$(mktemp -d /tmp/verzuim-readme.XXXXXX)
    start_cluster "$WORK"
    eigen_cluster=1
fi
DB=verzuim_readme
T=$(mktemp -d /tmp/verzuim-readmetest.XXXXXX)
opruimen() {
    psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1
    rm -rf "$T"
    [ -z "${eigen_cluster:-}" ] || { stop_cluster "$WORK"; rm -rf "$WORK"; }
}
trap opruimen EXIT
n=0 failed=0
result() {
    n=$((n + 1))
    if [ "$2" -eq 0 ]; then echo "ok $n - $1"; else
        echo "not ok $n - $1"; failed=$((failed + 1))
        [ -n "${3:-}" ] && printf '%s\n' "$3" | head -30 | sed 's/^/#   /'
    fi
}
norm() { sed -e 's/^--//' -e 's/[[:space:]]\+/ /g' -e 's/^ //' -e 's/ $//'; }

# the first ```sql block after "## Getting started"
awk '/^## Getting started/ {g = 1} g && /^```sql/ {b = 1; next} b && /^```/ {exit} b' README.md >"$T/voorbeeld.sql"
[ -s "$T/voorbeeld.sql" ]; result "README has a Getting started SQL block" $?
grep -E '^--.*\|' "$T/voorbeeld.sql" | norm >"$T/verwacht"
[ "$(wc -l <"$T/verwacht")" -ge 6 ]; result "the block prints its expected results ($(wc -l <"$T/verwacht") lines)" $?

psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -d $DB -f "$T/voorbeeld.sql" >"$T/uit" 2>"$T/fout"
result "the example runs without error" $? "$(cat "$T/fout")"
grep -vE '^[-+]+$|^\([0-9]+ rows?\)$|^$' "$T/uit" | norm >"$T/gekregen"
diff "$T/verwacht" "$T/gekregen" >"$T/diff"
result "every result equals the table printed in the README" $? "$(cat "$T/diff")"

echo "1..$n"
[ "$failed" -eq 0 ]
