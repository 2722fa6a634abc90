#!/usr/bin/env bash
# pg_dump / pg_restore round trip of verzuim with user data in every table.
#
# scripts/test.sh runs it after pg_prove, in the same cluster (PGHOST, PGPORT,
# PGUSER exported); to run it by hand, export those for a cluster where the
# extension is installed.  It creates a database with the extension and data in
# every table (the fixtures of test/data, loaded with the CSV loader, plus rows
# with NULLs, open-ended periods, every code of every enum type, edited and
# deleted shipped holidays, awkward text), dumps it with pg_dump (custom,
# directory with parallel restore, and plain format), restores each into a fresh
# database and compares every table exactly.  Prints TAP ("ok N - ...",
# "not ok N - ...") and exits non-zero when a check fails.
set -uo pipefail
cd "$(dirname "$0")/../.."

SRC=verzuim_dump_bron
n=0
failed=0
# the same text output of dates and timestamps in every session
export PGOPTIONS="-c TimeZone=UTC -c DateStyle=ISO,YMD"

q() { psql -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
drop_databases() {
    for db in $SRC verzuim_dump_fc verzuim_dump_fd verzuim_dump_sql; do
        q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1
    done
}
WORK=$(mktemp -d /tmp/verzuim-dump.XXXXXX)
trap '[ -n "${KEEP:-}" ] || { drop_databases; rm -rf "$WORK"; }' EXIT

# result DESCRIPTION STATUS [DIAGNOSTICS]
result() {
    n=$((n + 1))
    if [ "$2" -eq 0 ]; then
        echo "ok $n - $1"
    else
        echo "not ok $n - $1"
        failed=$((failed + 1))
        [ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/#   /'
    fi
}
# same DESCRIPTION EXPECTED ACTUAL
same() {
    if [ "$2" = "$3" ]; then result "$1" 0; else result "$1" 1 "expected: $2"$'\n'"got:      $3"; fi
}

# --- the source database ----------------------------------------------------
drop_databases
q -d postgres -c "CREATE DATABASE $SRC" >/dev/null || { echo "not ok 1 - create $SRC"; exit 1; }
q -d $SRC -c 'SET client_min_messages = warning' -c 'CREATE EXTENSION verzuim CASCADE' >/dev/null \
    || { echo "not ok 1 - CREATE EXTENSION verzuim"; exit 1; }

laden_ok=0
for t in gemeente samenwerkingsverband school leerling verblijf inschrijving afwezigheid vrijstelling \
         melding proces_verbaal vakantie schoolvrije_dag; do
    echo "SELECT verzuim.laad_csv_tekst('$t', :'inhoud', '$t.csv');" \
        | q -d $SRC -v inhoud="$(cat "test/data/$t.csv")" >/dev/null 2>"$WORK/err" || { laden_ok=1; cat "$WORK/err"; }
done
result "the fixtures of every table load with the CSV loader" $laden_ok

q -d $SRC >"$WORK/extra.out" 2>&1 <<'SQL'
SET TimeZone = 'Europe/Amsterdam';
-- awkward text for COPY: backslash, tab, quotes, a line break, non-ASCII
INSERT INTO verzuim.school VALUES
  ('12AB09', E'Back\\slash\ttab "quote" ''single''\nline two, €', 'GM0363', 'zuid', NULL);
INSERT INTO verzuim.leerling VALUES (1006, '2016-02-29', 'GM0363', NULL, NULL);          -- NULLs, leap day
INSERT INTO verzuim.verblijf VALUES (1006, 'GM0363', '[2016-02-29,)');
INSERT INTO verzuim.inschrijving (leerling_id, brin, periode, onderwijssoort)
VALUES (1006, '12AB09', '[2020-08-17,2020-08-18)', 'po');                                -- one day
-- an explicit id and a deleted row: the sequences run ahead of the ids
INSERT INTO verzuim.inschrijving (inschrijving_id, leerling_id, brin, periode, onderwijssoort)
VALUES (900, 1006, '12AB09', '[2021-08-16,)', 'po');
DELETE FROM verzuim.proces_verbaal WHERE pv_id = (SELECT max(pv_id) FROM verzuim.proces_verbaal);
INSERT INTO verzuim.proces_verbaal (leerling_id, datum, soort) VALUES (1006, '2024-02-29', 'absoluut');
INSERT INTO verzuim.vrijstelling (leerling_id, artikel, periode) VALUES (1006, '15', '[2024-01-01,2024-01-02)');
DELETE FROM verzuim.vrijstelling WHERE leerling_id = 1006;
INSERT INTO verzuim.afwezigheid VALUES (1006, '12AB09', '2020-08-17', 'te_laat', 0.01);
-- row-level security grants (a role need not exist for its grant to be stored)
INSERT INTO verzuim.toegang (rol, gemeentecode, swv_code) VALUES
  ('regress_dump_gemeente', 'GM0363', NULL), ('regress_dump_landelijk', NULL, NULL);
INSERT INTO verzuim.melding VALUES
  (700001, 1006, '12AB09', 'overig', '[2020-08-17,)', '2020-08-17 08:30:15.123456+02', true, 'in_behandeling', NULL, NULL),
  (700002, 1006, '12AB09', 'luxe', '[2020-08-17,2020-08-18)', '2020-08-18 23:59:59+00', false, 'ingetrokken', '2020-08-19', 4);
-- holidays: a shipped row edited, a shipped row deleted (kept as periode NULL), a user row
UPDATE verzuim.vakantie SET bron = 'checked with the school'
 WHERE regio = 'zuid' AND schooljaar = '2023-2024' AND soort = 'kerst';
DELETE FROM verzuim.vakantie WHERE regio = 'midden' AND schooljaar = '2022-2023' AND soort = 'voorjaar';
INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode, bron)
VALUES ('midden', '2026-2027', 'herfst', '[2026-10-17,2026-10-25]', E'rooster "2026", \\ versie 2');
INSERT INTO verzuim.schoolvrije_dag VALUES ('12AB09', '2020-08-18', NULL);
SQL
result "extra rows with NULLs, open and one-day periods, edited holidays, awkward text" $? "$(cat "$WORK/extra.out")"

# every code of every enum type of the registration tables is present
missing=$(q -d $SRC <<'SQL'
SELECT string_agg(x, ', ') FROM (
  SELECT 'reden ' || e::text AS x FROM unnest(enum_range(NULL::verzuim.reden)) e
   WHERE e NOT IN (SELECT reden FROM verzuim.afwezigheid)
  UNION ALL SELECT 'onderwijssoort ' || e FROM unnest(enum_range(NULL::verzuim.onderwijssoort)) e
   WHERE e NOT IN (SELECT onderwijssoort FROM verzuim.inschrijving)
  UNION ALL SELECT 'artikel ' || e FROM unnest(enum_range(NULL::verzuim.vrijstelling_artikel)) e
   WHERE e NOT IN (SELECT artikel FROM verzuim.vrijstelling)
  UNION ALL SELECT 'meldingsoort ' || e FROM unnest(enum_range(NULL::verzuim.meldingsoort)) e
   WHERE e NOT IN (SELECT soort FROM verzuim.melding)
  UNION ALL SELECT 'meldingstatus ' || e FROM unnest(enum_range(NULL::verzuim.meldingstatus)) e
   WHERE e NOT IN (SELECT status FROM verzuim.melding)
  UNION ALL SELECT 'pv_soort ' || e FROM unnest(enum_range(NULL::verzuim.pv_soort)) e
   WHERE e NOT IN (SELECT soort FROM verzuim.proces_verbaal)
  UNION ALL SELECT 'regio ' || r FROM unnest(ARRAY['noord', 'midden', 'zuid']) r
   WHERE r NOT IN (SELECT vakantieregio FROM verzuim.school)
  UNION ALL SELECT 'spoed ' || b FROM unnest(ARRAY[true, false]) b WHERE b NOT IN (SELECT spoed FROM verzuim.melding)
) m;
SQL
)
same "every code of every enum type, every vakantieregio, spoed true and false" "" "$missing"

# one line per table (and sequence): name, then rows and md5 of the rows in a
# fixed order (tables) or last_value and is_called (sequences)
fingerprint() {
    q -d "$1" <<'SQL'
CREATE FUNCTION pg_temp.vingerafdruk() RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE
  r record;
  x text;
BEGIN
  FOR r IN SELECT c.tabel::regclass AS tabel, k.relkind
             FROM pg_extension e, unnest(e.extconfig) WITH ORDINALITY AS c(tabel, nr), pg_class k
            WHERE e.extname = 'verzuim' AND k.oid = c.tabel ORDER BY c.nr LOOP
    IF r.relkind = 'S' THEN
      EXECUTE format('SELECT last_value || '' '' || is_called FROM %s', r.tabel) INTO x;
    ELSE
      EXECUTE format($q$SELECT count(*) || ' ' || md5(coalesce(string_agg(t::text, E'\n' ORDER BY t::text), '')) FROM %s t$q$,
                     r.tabel) INTO x;
    END IF;
    RETURN NEXT r.tabel::text || ' ' || x;
  END LOOP;
END $$;
SELECT * FROM pg_temp.vingerafdruk();
SQL
}
fingerprint $SRC >"$WORK/bron.txt"
# rows in every table, every sequence used
bad=$(awk 'NF != 3 || $2 == "0" || $3 == "false"' "$WORK/bron.txt")
same "fingerprint of the source database: rows in every table, every sequence used" "" "$bad"

# --- dump -----------------------------------------------------------------------
pg_dump -Fc -d $SRC -f "$WORK/verzuim.dump" 2>"$WORK/dump.err"
rc=$?
[ -s "$WORK/dump.err" ] && rc=1
result "pg_dump -Fc exits 0 without messages" $rc "$(cat "$WORK/dump.err")"
pg_dump -Fd -j 2 -d $SRC -f "$WORK/verzuim.dir" 2>"$WORK/dumpd.err"
rc=$?
[ -s "$WORK/dumpd.err" ] && rc=1
result "pg_dump -Fd -j 2 exits 0 without messages" $rc "$(cat "$WORK/dumpd.err")"
pg_dump -Fp -d $SRC -f "$WORK/verzuim.sql" 2>"$WORK/dumpp.err"
rc=$?
[ -s "$WORK/dumpp.err" ] && rc=1
result "pg_dump -Fp exits 0 without messages" $rc "$(cat "$WORK/dumpp.err")"
list=$(pg_restore -l "$WORK/verzuim.dump" 2>&1)
if grep -q 'VIEW verzuim registratie_omvang' <<<"$list" \
   && [ "$(grep -c 'TABLE DATA verzuim' <<<"$list")" -eq "$(q -d $SRC -c "SELECT count(*) FROM pg_extension x, unnest(x.extconfig) c(t), pg_class k WHERE x.extname = 'verzuim' AND k.oid = c.t AND k.relkind = 'r'")" ]; then
    result "the dump holds the data of every table and the view registratie_omvang" 0
else
    result "the dump holds the data of every table and the view registratie_omvang" 1 "$list"
fi

# --- restore into fresh databases and compare ----------------------------------------
restore_and_compare() {   # DB HOW COMMAND...
    local db=$1 how=$2; shift 2
    q -d postgres -c "CREATE DATABASE $db" >/dev/null
    "$@" >"$WORK/$db.out" 2>"$WORK/$db.err"
    local rc=$?
    [ -s "$WORK/$db.err" ] && rc=1
    result "$how exits 0 without messages" $rc "$(cat "$WORK/$db.err")"
    fingerprint "$db" >"$WORK/$db.txt"
    if diff "$WORK/bron.txt" "$WORK/$db.txt" >"$WORK/$db.diff"; then
        result "$how: every table and sequence identical ($(wc -l <"$WORK/bron.txt") compared)" 0
    else
        result "$how: every table and sequence identical" 1 "$(cat "$WORK/$db.diff")"
    fi
}
restore_and_compare verzuim_dump_fc "pg_restore of pg_dump -Fc" pg_restore -d verzuim_dump_fc "$WORK/verzuim.dump"
# Parallel restore: pg_restore -j loads the data of extension tables in parallel,
# regardless of their foreign keys (pg_dump orders them, but records no
# dependency between them), so verzuim's data must be restored on its own,
# serially, before the rest.  The recipe of docs/csv.md:
parallel_restore() {   # DB ARCHIVE
    pg_restore -l "$2" >"$WORK/alles.list" &&
    grep -E ' TABLE DATA verzuim ' "$WORK/alles.list" >"$WORK/verzuim.list" &&
    grep -vE ' TABLE DATA verzuim ' "$WORK/alles.list" >"$WORK/rest.list" &&
    pg_restore -d "$1" --section=pre-data "$2" &&
    pg_restore -d "$1" -L "$WORK/verzuim.list" "$2" &&
    pg_restore -d "$1" -j 2 --section=data --section=post-data -L "$WORK/rest.list" "$2"
}
restore_and_compare verzuim_dump_fd "pg_restore -j 2 of pg_dump -Fd (verzuim's data first, serially)" \
    parallel_restore verzuim_dump_fd "$WORK/verzuim.dir"
restore_and_compare verzuim_dump_sql "psql of pg_dump -Fp" psql -X -q -v ON_ERROR_STOP=1 -d verzuim_dump_sql -f "$WORK/verzuim.sql"

# --- after the restore ------------------------------------------------------------
DST=verzuim_dump_fc
# the generated ids continue where the source left off
nieuw() {
    q -d "$1" <<'SQL'
INSERT INTO verzuim.inschrijving (leerling_id, brin, periode, onderwijssoort)
VALUES (1004, '78GH00', '[2021-08-23,)', 'po') RETURNING 'inschrijving ' || inschrijving_id;
INSERT INTO verzuim.vrijstelling (leerling_id, artikel, periode)
VALUES (1006, '5b', '[2022-01-01,)') RETURNING 'vrijstelling ' || vrijstelling_id;
INSERT INTO verzuim.proces_verbaal (leerling_id, datum, soort)
VALUES (1006, '2024-03-01', 'relatief') RETURNING 'proces_verbaal ' || pv_id;
SQL
}
bron_ids=$(nieuw $SRC 2>&1)
doel_ids=$(nieuw $DST 2>&1)
same "one more row gets the same generated id as in the source (inschrijving, vrijstelling, proces_verbaal)" \
     "$bron_ids" "$doel_ids"
same "the identity sequence is restored, not reset (next inschrijving_id 9; an explicit id 900 does not move it)" \
     "inschrijving 9" "$(head -1 <<<"$doel_ids")"

# the restored view is not part of the extension and still protects the data
same "registratie_omvang is restored, not as a member of the extension" "v f" \
     "$(q -d $DST -F ' ' -c "SELECT c.relkind, EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e') FROM pg_class c WHERE c.oid = 'verzuim.registratie_omvang'::regclass" 2>&1)"
same "DROP EXTENSION verzuim fails with 2BP01 in the restored database" "2BP01" \
     "$(q -d $DST -c "DO \$\$ BEGIN DROP EXTENSION verzuim; RAISE NOTICE 'dropped'; EXCEPTION WHEN dependent_objects_still_exist THEN RAISE NOTICE '%', SQLSTATE; END \$\$" 2>&1 | sed -n 's/.*NOTICE: *//p')"
same "the restored holidays: user rows kept, the deleted shipped row stays deleted" \
     "midden 2022-2023 voorjaar f|midden 2026-2027 herfst [2026-10-17,2026-10-26) f|zuid 2023-2024 kerst [2023-12-23,2024-01-08) f" \
     "$(q -d $DST -c "SELECT string_agg(concat_ws(' ', regio, schooljaar, soort, periode::text, geleverd), '|' ORDER BY regio, schooljaar, soort) FROM verzuim.vakantie WHERE NOT geleverd AND soort <> 'carnaval' AND schooljaar <> '2024-2025' AND NOT (regio = 'noord' AND schooljaar = '2026-2027')" 2>&1)"
same "a restored database accepts a CSV load (the loader and its checks work)" "1" \
     "$(q -d $DST -c "SELECT verzuim.laad_csv_tekst('gemeente', E'gemeentecode,naam\nGM0014,Groningen\n')" 2>&1)"

echo "1..$n"
[ "$failed" -eq 0 ]
