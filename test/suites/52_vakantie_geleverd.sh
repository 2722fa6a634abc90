#!/usr/bin/env bash
# Holiday rows are never lost (issue 7, item 2): only the extension marks rows
# of verzuim.vakantie shipped; INSERT, UPDATE, DELETE and TRUNCATE each work
# with only that privilege; DELETE, TRUNCATE and re-insert of shipped rows
# survive pg_dump/pg_restore and the upgrade from 0.1; the CSV loader and
# INSERT agree.  Run by scripts/test.sh with PGHOST/PGPORT/PGUSER of its
# cluster; prints TAP.
set -uo pipefail
cd "$(dirname "$0")/../.."

n=0
failed=0
export PGOPTIONS="-c DateStyle=ISO,YMD -c client_min_messages=warning"
BIN=${PG_BIN:+$PG_BIN/}
DBS="vak_a vak_a2 vak_ins vak_csv vak_trunc vak_trunc2 vak_010 vak_0102 vak_vers"
q() { psql -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
T=$(mktemp -d /tmp/verzuim-vakantie.XXXXXX)
chmod 755 "$T"
opruimen() {
    for db in $DBS; do q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1; done
    for r in vak_invoer vak_wisser vak_wijziger vak_kapper; do
        q -d postgres -c "DROP ROLE IF EXISTS $r" >/dev/null 2>&1
    done
}
trap '[ -n "${KEEP:-}" ] || { opruimen; rm -rf "$T"; }' EXIT

result() {   # DESCRIPTION STATUS [DIAGNOSTICS]
    n=$((n + 1))
    if [ "$2" -eq 0 ]; then echo "ok $n - $1"; else
        echo "not ok $n - $1"; failed=$((failed + 1))
        [ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/#   /'
    fi
}
same() {     # DESCRIPTION EXPECTED ACTUAL
    if [ "$2" = "$3" ]; then result "$1" 0; else result "$1" 1 "expected: $2"$'\n'"got:      $3"; fi
}
# the SQLSTATE of a statement (or "ok")
sqlstate() {  # DB ROLE SQL
    q -d "$1" -c "DO \$x\$ BEGIN SET LOCAL ROLE $2; EXECUTE \$s\$$3\$s\$; RAISE WARNING 'state ok'; EXCEPTION WHEN OTHERS THEN RAISE WARNING 'state %', SQLSTATE; END \$x\$" 2>&1 \
        | sed -n 's/.*WARNING: *state //p'
}
# the holidays of a database, one line per row, in key order
vakanties() {  # DB [WHERE]
    q -d "$1" -c "SELECT string_agg(concat_ws(' ', regio, schooljaar, soort, coalesce(periode::text, '-'), geleverd, bron), E'\n' ORDER BY regio, schooljaar, soort) FROM verzuim.vakantie ${2:-}"
}
nieuw_db() {   # DB [VERSION]
    q -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null &&
    q -d "$1" -c "CREATE EXTENSION verzuim ${2:+VERSION '$2'} CASCADE" >/dev/null
}
dump_restore() {   # FROM TO: pg_dump -Fc and pg_restore into a fresh database
    "${BIN}pg_dump" -Fc -d "$1" -f "$T/$1.dump" 2>"$T/dump.err" &&
    q -d postgres -c "DROP DATABASE IF EXISTS $2" -c "CREATE DATABASE $2" >/dev/null &&
    "${BIN}pg_restore" -d "$2" "$T/$1.dump" 2>"$T/restore.err"
}

opruimen
q -d postgres >/dev/null <<'SQL'
CREATE ROLE vak_invoer;   -- INSERT only
CREATE ROLE vak_wisser;   -- SELECT and DELETE (a DELETE ... WHERE reads the columns)
CREATE ROLE vak_wijziger; -- SELECT and UPDATE
CREATE ROLE vak_kapper;   -- TRUNCATE only
SQL

# --- only the extension marks rows shipped -------------------------------------------
nieuw_db vak_a || { echo "not ok 1 - CREATE EXTENSION verzuim"; exit 1; }
q -d vak_a >/dev/null <<'SQL'
GRANT USAGE ON SCHEMA verzuim TO vak_invoer, vak_wisser, vak_wijziger, vak_kapper;
GRANT INSERT ON verzuim.vakantie TO vak_invoer;
GRANT SELECT, DELETE ON verzuim.vakantie TO vak_wisser;
GRANT SELECT, UPDATE ON verzuim.vakantie TO vak_wijziger;
GRANT TRUNCATE ON verzuim.vakantie TO vak_kapper;
SQL
same "the extension ships 189 holidays and remembers their keys in vakantie_levering" "189 189 189" \
     "$(q -d vak_a -F ' ' -c "SELECT (SELECT count(*) FROM verzuim.vakantie WHERE geleverd), (SELECT count(*) FROM verzuim.vakantie_levering), (SELECT count(*) FROM verzuim.vakantie v JOIN verzuim.vakantie_levering USING (regio, schooljaar, soort))")"
same "INSERT of a row with geleverd = true: 428C9, also for a superuser" "428C9" \
     "$(sqlstate vak_a postgres "INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode, geleverd) VALUES ('noord', '2030-2031', 'herfst', '[2030-10-12,2030-10-20]', true)")"
same "INSERT of a shipped key with geleverd = true: 428C9" "428C9" \
     "$(sqlstate vak_a postgres "INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode, geleverd) VALUES ('noord', '2024-2025', 'herfst', '[2024-10-26,2024-11-03]', true)")"
same "COPY of a row with geleverd = true: 428C9" "428C9" \
     "$(printf 'zuid\t2031-2032\therfst\t[2031-10-11,2031-10-19]\t\\N\tt\n' | q -d vak_a -v VERBOSITY=verbose -c "COPY verzuim.vakantie FROM STDIN" 2>&1 | grep -o '428C9')"
same "INSERT ... geleverd = true is not half done: no row of 2030-2031" "0" \
     "$(q -d vak_a -c "SELECT count(*) FROM verzuim.vakantie WHERE schooljaar = '2030-2031'")"
same "UPDATE ... SET geleverd = true leaves the row the user's (geleverd false)" "ok f" \
     "$(sqlstate vak_a vak_wijziger "UPDATE verzuim.vakantie SET geleverd = true WHERE regio = 'midden' AND schooljaar = '2019-2020' AND soort = 'herfst'") $(q -d vak_a -c "SELECT geleverd FROM verzuim.vakantie WHERE regio = 'midden' AND schooljaar = '2019-2020' AND soort = 'herfst'")"
same "verzuim.in_extensiescript() is false outside the extension's script" "f" \
     "$(q -d vak_a -c "SELECT verzuim.in_extensiescript()")"

# --- each privilege alone suffices ------------------------------------------------------------
same "a role with only INSERT adds a holiday of a new key" "ok" \
     "$(sqlstate vak_a vak_invoer "INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode, bron) VALUES ('midden', '2028-2029', 'herfst', '[2028-10-14,2028-10-22]', 'eigen')")"
same "a role with only INSERT replaces a shipped holiday (its key then holds the user's row)" \
     "ok|noord 2024-2025 herfst [2024-10-19,2024-10-28) f school" \
     "$(sqlstate vak_a vak_invoer "INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode, bron) VALUES ('noord', '2024-2025', 'herfst', '[2024-10-19,2024-10-27]', 'school')")|$(vakanties vak_a "WHERE regio = 'noord' AND schooljaar = '2024-2025' AND soort = 'herfst'")"
same "a role with SELECT and DELETE deletes a shipped holiday: it stays as periode NULL" \
     "ok|zuid 2022-2023 kerst - f kidsproofplus.nl 2022; kidsproof.nl/amersfoort 2023; deleted by user" \
     "$(sqlstate vak_a vak_wisser "DELETE FROM verzuim.vakantie WHERE regio = 'zuid' AND schooljaar = '2022-2023' AND soort = 'kerst'")|$(vakanties vak_a "WHERE regio = 'zuid' AND schooljaar = '2022-2023' AND soort = 'kerst'")"
same "deleting the user's version of a shipped holiday also leaves periode NULL" \
     "noord 2024-2025 herfst - f school; deleted by user" \
     "$(q -d vak_a -c "DELETE FROM verzuim.vakantie WHERE regio = 'noord' AND schooljaar = '2024-2025' AND soort = 'herfst'" >/dev/null; vakanties vak_a "WHERE regio = 'noord' AND schooljaar = '2024-2025' AND soort = 'herfst'")"
same "deleting that periode NULL mark again keeps it (a shipped holiday stays known deleted)" \
     "noord 2024-2025 herfst - f school; deleted by user" \
     "$(q -d vak_a -c "DELETE FROM verzuim.vakantie WHERE periode IS NULL" >/dev/null; vakanties vak_a "WHERE regio = 'noord' AND schooljaar = '2024-2025' AND soort = 'herfst'")"
same "a role with only INSERT re-inserts the deleted shipped holiday" \
     "ok|zuid 2022-2023 kerst [2022-12-24,2023-01-09) f opnieuw" \
     "$(sqlstate vak_a vak_invoer "INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode, bron) VALUES ('zuid', '2022-2023', 'kerst', '[2022-12-24,2023-01-08]', 'opnieuw')")|$(vakanties vak_a "WHERE regio = 'zuid' AND schooljaar = '2022-2023' AND soort = 'kerst'")"
same "a role with SELECT and UPDATE moves a shipped holiday to another key: the old key keeps periode NULL" \
     "ok|midden 2021-2022 mei - f trotsemoeders.nl (2021-2022), kidsproof 2021; moved by user|midden 2021-2022 mei2 [2022-04-30,2022-05-09) f trotsemoeders.nl (2021-2022), kidsproof 2021" \
     "$(sqlstate vak_a vak_wijziger "UPDATE verzuim.vakantie SET soort = 'mei2' WHERE regio = 'midden' AND schooljaar = '2021-2022' AND soort = 'mei'")|$(vakanties vak_a "WHERE regio = 'midden' AND schooljaar = '2021-2022' AND soort LIKE 'mei%'" | paste -sd'|')"
same "deleting a holiday of the user's own key removes it" "0" \
     "$(q -d vak_a -c "DELETE FROM verzuim.vakantie WHERE soort = 'mei2'" >/dev/null; q -d vak_a -c "SELECT count(*) FROM verzuim.vakantie WHERE soort = 'mei2'")"
q -d vak_a -c "INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode, bron) VALUES ('zuid', '2024-2025', 'carnaval', '[2025-03-01,2025-03-09]', 'eigen')" >/dev/null

# --- dump and restore keep every edit ----------------------------------------------------------
voor=$(vakanties vak_a)
dump_restore vak_a vak_a2
result "pg_dump/pg_restore of deleted, re-inserted, replaced and moved holidays: no messages" $? "$(cat "$T/dump.err" "$T/restore.err")"
same "... and the restored holidays are identical (all $(wc -l <<<"$voor") rows)" "$voor" "$(vakanties vak_a2)"
same "DROP EXTENSION verzuim refuses (2BP01) in the restored database" "2BP01" \
     "$(sqlstate vak_a2 postgres "DROP EXTENSION verzuim")"

# --- TRUNCATE ----------------------------------------------------------------------------------
nieuw_db vak_trunc
q -d vak_trunc -c "GRANT USAGE ON SCHEMA verzuim TO vak_kapper; GRANT TRUNCATE ON verzuim.vakantie TO vak_kapper" >/dev/null
q -d vak_trunc -c "INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode) VALUES ('noord', '2030-2031', 'herfst', '[2030-10-12,2030-10-20]')" >/dev/null
same "a role with only TRUNCATE empties vakantie: every shipped holiday stays as periode NULL, user rows go" \
     "ok 189 0 0" \
     "$(sqlstate vak_trunc vak_kapper "TRUNCATE verzuim.vakantie") $(q -d vak_trunc -F ' ' -c "SELECT count(*), count(periode), count(*) FILTER (WHERE geleverd) FROM verzuim.vakantie")"
same "after TRUNCATE, DROP EXTENSION verzuim refuses (2BP01)" "2BP01" "$(sqlstate vak_trunc postgres "DROP EXTENSION verzuim")"
voor=$(vakanties vak_trunc)
dump_restore vak_trunc vak_trunc2
result "pg_dump/pg_restore after TRUNCATE: no messages" $? "$(cat "$T/dump.err" "$T/restore.err")"
same "... no shipped holiday comes back (189 rows with periode NULL)" "$voor" "$(vakanties vak_trunc2)"
dekking="SELECT string_agg(concat_ws(' ', regio, schooljaar, compleet, lesdagen), ',' ORDER BY schooljaar, regio) FROM verzuim.kalender_dekking"
same "... and kalender_dekking is the same: every holiday known not to exist" \
     "$(q -d vak_trunc -c "$dekking")" "$(q -d vak_trunc2 -c "$dekking")"

# --- the CSV loader and INSERT agree ---------------------------------------------------------------
# the same edits, once with INSERT/DELETE and once with DELETE and the loader
nieuw_db vak_ins
nieuw_db vak_csv
bewerk='DELETE FROM verzuim.vakantie WHERE schooljaar = '"'"'2023-2024'"'"' AND soort IN ('"'"'kerst'"'"', '"'"'mei'"'"');'
q -d vak_ins -c "$bewerk" >/dev/null
q -d vak_csv -c "$bewerk" >/dev/null
q -d vak_ins >/dev/null <<'SQL'
INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode, bron) VALUES
  ('noord', '2023-2024', 'kerst', '[2023-12-23,2024-01-07]', 'terug'),
  ('zuid', '2023-2024', 'mei', '[2024-04-20,2024-05-05]', 'langer'),
  ('zuid', '2024-2025', 'herfst', '[2024-10-19,2024-10-27]', 'vervangen'),
  ('midden', '2030-2031', 'herfst', '[2030-10-12,2030-10-20]', 'nieuw');
SQL
csv=$'regio,schooljaar,soort,van,tot,bron\nnoord,2023-2024,kerst,2023-12-23,2024-01-07,terug\nzuid,2023-2024,mei,2024-04-20,2024-05-05,langer\nzuid,2024-2025,herfst,2024-10-19,2024-10-27,vervangen\nmidden,2030-2031,herfst,2030-10-12,2030-10-20,nieuw\n'
same "the loader re-adds deleted shipped holidays, replaces a shipped one and adds a new one (4 rows)" "4" \
     "$(echo "SELECT verzuim.laad_csv_tekst('vakantie', :'inhoud')" | q -d vak_csv -v inhoud="$csv" 2>&1)"
same "... the table is identical to the one edited with INSERT" "$(vakanties vak_ins)" "$(vakanties vak_csv)"
same "the loader still rejects a key that holds the user's row (23505), as INSERT does" "23505 23505" \
     "$(sqlstate vak_csv postgres "SELECT verzuim.laad_csv_tekst('vakantie', E'regio,schooljaar,soort,van,tot,bron\\nmidden,2030-2031,herfst,2030-10-12,2030-10-20,x\\n')") $(sqlstate vak_ins postgres "INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode) VALUES ('midden', '2030-2031', 'herfst', '[2030-10-12,2030-10-20]')")"

# --- the upgrade from 0.1 ----------------------------------------------------------------------
nieuw_db vak_010 0.1
q -d vak_010 >/dev/null <<'SQL'
DELETE FROM verzuim.vakantie WHERE regio = 'midden' AND schooljaar = '2022-2023' AND soort = 'voorjaar';
UPDATE verzuim.vakantie SET bron = 'nagekeken' WHERE regio = 'zuid' AND schooljaar = '2023-2024' AND soort = 'kerst';
INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode, bron) VALUES ('noord', '2030-2031', 'herfst', '[2030-10-12,2030-10-20]', 'eigen');
-- 0.1 let a user mark a row shipped: it was then not dumped
INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode, bron, geleverd) VALUES ('zuid', '2030-2031', 'herfst', '[2030-10-05,2030-10-13]', 'gemarkeerd', true);
-- a key that 0.2 ships (history, issue 8) but the user already has: the user's row stays
INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode, bron) VALUES ('noord', '2017-2018', 'herfst', '[2017-10-14,2017-10-22]', 'eigen rooster');
SQL
voor=$(vakanties vak_010 | sed 's/ t gemarkeerd$/ f gemarkeerd/')
q -d vak_010 -c "ALTER EXTENSION verzuim UPDATE TO '0.2'" >/dev/null 2>"$T/upd.err"
result "ALTER EXTENSION verzuim UPDATE from 0.1 with edited holidays" $? "$(cat "$T/upd.err")"
same "... keeps every holiday; a row a user marked shipped in 0.1 becomes the user's" "$voor" \
     "$(vakanties vak_010 "WHERE NOT (geleverd AND schooljaar < '2019-2020')")"
nieuw_db vak_vers
same "... adds the shipped history 2012-2013 .. 2018-2019 (68 rows: the 69th key keeps the user's row)" \
     "$(vakanties vak_vers "WHERE geleverd AND schooljaar < '2019-2020' AND (regio, schooljaar, soort) <> ('noord', '2017-2018', 'herfst')")" \
     "$(vakanties vak_010 "WHERE geleverd AND schooljaar < '2019-2020'")"
same "... the user's row of a newly shipped key is kept" "noord 2017-2018 herfst [2017-10-14,2017-10-23) f eigen rooster" \
     "$(vakanties vak_010 "WHERE regio = 'noord' AND schooljaar = '2017-2018' AND soort = 'herfst'")"
same "... vakantie_levering holds the 189 keys 0.2 ships (120 of 0.1 and the history), as in a fresh install" \
     "$(q -d vak_vers -c "SELECT md5(string_agg(concat_ws(' ', regio, schooljaar, soort), ',' ORDER BY 1)) FROM verzuim.vakantie_levering")" \
     "$(q -d vak_010 -c "SELECT md5(string_agg(concat_ws(' ', regio, schooljaar, soort), ',' ORDER BY 1)) FROM verzuim.vakantie_levering")"
# every function of the extension (body, settings, privileges) and every trigger
# on its tables: the upgrade fragments must hold the same text as src/sql
defs="SELECT string_agg(x, E'\n' ORDER BY x) FROM (
  SELECT p.oid::regprocedure::text || E'\n' || CASE WHEN p.prokind IN ('f', 'p') THEN pg_get_functiondef(p.oid) ELSE '' END
         || coalesce(array_to_string(p.proacl, ','), '') || coalesce(array_to_string(p.proconfig, ','), '') AS x
    FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
    JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'verzuim'
  UNION ALL
  SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
   WHERE c.relnamespace = 'verzuim'::regnamespace AND NOT t.tgisinternal) d"
same "... every function of the extension and every trigger on its tables equal a fresh install's" \
     "$(q -d vak_vers -c "$defs")" "$(q -d vak_010 -c "$defs")"
q -d vak_010 >/dev/null <<'SQL'
DELETE FROM verzuim.vakantie WHERE regio = 'zuid' AND schooljaar = '2023-2024' AND soort = 'kerst';
INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode, bron) VALUES ('midden', '2022-2023', 'voorjaar', '[2023-02-25,2023-03-05]', 'terug');
SQL
same "after the upgrade, deleting a holiday edited in 0.1 leaves periode NULL" \
     "zuid 2023-2024 kerst - f nagekeken; deleted by user" \
     "$(vakanties vak_010 "WHERE regio = 'zuid' AND schooljaar = '2023-2024' AND soort = 'kerst'")"
voor=$(vakanties vak_010)
dump_restore vak_010 vak_0102
result "pg_dump/pg_restore of the upgraded database: no messages" $? "$(cat "$T/dump.err" "$T/restore.err")"
same "... the restored holidays are identical to the upgraded database's" "$voor" "$(vakanties vak_0102)"

echo "1..$n"
[ "$failed" -eq 0 ]
