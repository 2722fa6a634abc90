#!/usr/bin/env bash
# Upgrade test: a database made with the released verzuim 0.1 and then
# `ALTER EXTENSION verzuim UPDATE` must equal a fresh install of the current
# version, and nothing of the user's may be lost.
#
# scripts/test.sh runs it with the cluster's PGHOST, PGPORT, PGUSER exported
# (to run it by hand, export those for a cluster where the extension is
# installed).  Two databases get the same user data (the CSV fixtures of
# test/data in every table, rows with NULLs and open periods, edited, deleted
# and added holidays, a free day of a school):
#   verzuim_upg_oud   CREATE EXTENSION verzuim VERSION '0.1', the data, then
#                     ALTER EXTENSION verzuim UPDATE
#   verzuim_upg_nieuw CREATE EXTENSION verzuim (current version), the same data
# and are then compared, generically from the catalogs, so that objects added
# by later work are compared without changing this file:
#   - every object of the database (every catalog row with an OID of a user
#     object: functions, types, operators, operator classes and families with
#     their members, casts, tables, indexes, sequences, views, constraints,
#     triggers, policies, rules, ...), by identity;
#   - per kind the attributes that matter: function definitions
#     (pg_get_functiondef: body, volatility, parallel safety, strictness,
#     security, cost, rows, SET config) and ACLs; pg_aggregate rows; types
#     (pg_type row, enum labels in order, ranges, domain constraints); tables
#     (persistence, row level security, options, ACL), columns in order (type,
#     NOT NULL, default, identity, generated, collation, ACL); constraints,
#     indexes, view definitions, triggers with their enabled state, policies,
#     sequences; extension membership (pg_depend 'e'); the extension's
#     configuration tables and conditions (what pg_dump dumps); initial
#     privileges (pg_init_privs); every comment (pg_description);
#   - every row of every table of the schema and of every view;
#   - the result (or SQLSTATE) of every function of the schema whose argument
#     types have sample values, called with several combinations of samples
#     (each call in a subtransaction that is rolled back), and of every
#     aggregate over sample rows;
# and finally the whole pgTAP suite (test/*.sql) runs in a database that was
# upgraded from 0.1.
# A difference is reported per object, with the side it is on ("only after
# UPDATE from 0.1" / "only in a fresh install").  Prints TAP.
set -uo pipefail
cd "$(dirname "$0")/../.."

OUD=verzuim_upg_oud NIEUW=verzuim_upg_nieuw TAP=verzuim_upg_tap
VORIGE=0.1
HUIDIGE=$(sed -n "s/^default_version *= *'\([^']*\)'.*/\1/p" verzuim.control)
n=0
failed=0
export PGOPTIONS="-c TimeZone=UTC -c DateStyle=ISO,YMD -c client_min_messages=error"

q() { psql -X -q -A -t -F $'\t' -v ON_ERROR_STOP=1 "$@"; }
drop_databases() {
    for db in $OUD $NIEUW $TAP; do q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1; done
}
WORK=$(mktemp -d /tmp/verzuim-upgrade.XXXXXX)
trap '[ -n "${KEEP:-}" ] || { drop_databases; rm -rf "$WORK"; }' EXIT

result() {   # DESCRIPTION STATUS [DIAGNOSTICS]
    n=$((n + 1))
    if [ "$2" -eq 0 ]; then
        echo "ok $n - $1"
    else
        echo "not ok $n - $1"
        failed=$((failed + 1))
        [ -n "${3:-}" ] && printf '%s\n' "$3" | head -c 20000 | sed 's/^/#   /'
    fi
}
same() {     # DESCRIPTION EXPECTED ACTUAL
    if [ "$2" = "$3" ]; then result "$1" 0; else result "$1" 1 "expected: $2"$'\n'"got:      $3"; fi
}
# compare NAME: lines "key<TAB>value" in $WORK/NAME.oud and $WORK/NAME.nieuw;
# prints, per differing key, on which side it is or both values
compare() {
    local what=$1 desc=$2
    local diffs
    diffs=$(awk -F'\t' '
        FNR == 1 { side++ }
        { k = $1; v = substr($0, length($1) + 2)
          if (side == 1) { oud[k] = v; order[++no] = k } else { nieuw[k] = v; if (!(k in oud)) order[++no] = k } }
        END {
          for (i = 1; i <= no; i++) {
            k = order[i]
            if (!(k in nieuw)) print "only after UPDATE from '"$VORIGE"': " k (oud[k] == "" ? "" : "\n    " oud[k])
            else if (!(k in oud)) print "only in a fresh '"$HUIDIGE"' install: " k (nieuw[k] == "" ? "" : "\n    " nieuw[k])
            else if (oud[k] != nieuw[k]) {
              a = oud[k]; b = nieuw[k]
              if (length(a) > 300 || length(b) > 300) {   # long (a function body): around the first difference
                for (i2 = 1; i2 <= length(a) && substr(a, i2, 1) == substr(b, i2, 1); i2++) ;
                from = i2 > 120 ? i2 - 120 : 1
                a = (from > 1 ? "..." : "") substr(a, from, 300) "..."; b = (from > 1 ? "..." : "") substr(b, from, 300) "..."
              }
              print "differs: " k "\n    after UPDATE: " a "\n    fresh:        " b
            }
          }
        }' "$WORK/$what.oud" "$WORK/$what.nieuw")
    if [ -z "$diffs" ] && [ ! -s "$WORK/$what.nieuw" ]; then
        result "$desc: none on either side" 0
    elif [ -z "$diffs" ]; then
        result "$desc: identical ($(wc -l <"$WORK/$what.nieuw") compared)" 0
    else
        result "$desc: an upgraded $VORIGE database differs from a fresh $HUIDIGE install" 1 "$diffs
(a change to an object that $VORIGE already had needs the same change as an upgrade fragment in
src/sql/upgrade/$VORIGE--$HUIDIGE/, named after the fragment it follows; see the README there)"
    fi
}

# --- the two databases -------------------------------------------------------------
drop_databases
q -d postgres -c "CREATE DATABASE $OUD" -c "CREATE DATABASE $NIEUW" >/dev/null \
    || { echo "not ok 1 - create the databases"; exit 1; }
out=$(q -d $OUD -c "CREATE EXTENSION verzuim VERSION '$VORIGE' CASCADE" \
               -c "SELECT extversion FROM pg_extension WHERE extname = 'verzuim'" 2>&1)
same "CREATE EXTENSION verzuim VERSION '$VORIGE' (the frozen released script) with the current library" "$VORIGE" "$out"
out=$(q -d $NIEUW -c "CREATE EXTENSION verzuim CASCADE" \
               -c "SELECT extversion FROM pg_extension WHERE extname = 'verzuim'" 2>&1)
same "CREATE EXTENSION verzuim installs $HUIDIGE (default_version of verzuim.control)" "$HUIDIGE" "$out"

# the user's data: the same in both databases (in the old one before the update)
gebruikersdata() {   # DB
    local db=$1 t rc=0
    for t in gemeente samenwerkingsverband school leerling verblijf inschrijving afwezigheid vrijstelling \
             melding proces_verbaal vakantie schoolvrije_dag; do
        echo "SELECT verzuim.laad_csv_tekst('$t', :'inhoud', '$t.csv');" \
            | q -d "$db" -v inhoud="$(cat "test/data/$t.csv")" >/dev/null || rc=1
    done
    q -d "$db" >/dev/null <<'SQL' || rc=1
SET TimeZone = 'Europe/Amsterdam';
INSERT INTO verzuim.school VALUES
  ('12AB09', E'Back\\slash\ttab "quote" ''single''\nline two, €', 'GM0363', 'zuid', NULL);
INSERT INTO verzuim.leerling VALUES (1006, '2016-02-29', 'GM0363', NULL, NULL);
INSERT INTO verzuim.verblijf VALUES (1006, 'GM0363', '[2016-02-29,)');
INSERT INTO verzuim.inschrijving (leerling_id, brin, periode, onderwijssoort)
VALUES (1006, '12AB09', '[2020-08-17,2020-08-18)', 'po');
INSERT INTO verzuim.inschrijving (inschrijving_id, leerling_id, brin, periode, onderwijssoort)
VALUES (900, 1006, '12AB09', '[2021-08-16,)', 'po');
DELETE FROM verzuim.proces_verbaal WHERE pv_id = (SELECT max(pv_id) FROM verzuim.proces_verbaal);
INSERT INTO verzuim.proces_verbaal (leerling_id, datum, soort) VALUES (1006, '2024-02-29', 'absoluut');
INSERT INTO verzuim.vrijstelling (leerling_id, artikel, periode) VALUES (1006, '15', '[2024-01-01,2024-01-02)');
INSERT INTO verzuim.afwezigheid VALUES (1006, '12AB09', '2020-08-17', 'te_laat', 0.01);
INSERT INTO verzuim.melding VALUES
  (700001, 1006, '12AB09', 'overig', '[2020-08-17,)', '2020-08-17 08:30:15.123456+02', true, 'in_behandeling', NULL, NULL);
-- holidays: a shipped row edited, one deleted, one changed in its dates, a user row added
UPDATE verzuim.vakantie SET bron = 'checked with the school'
 WHERE regio = 'zuid' AND schooljaar = '2023-2024' AND soort = 'kerst';
UPDATE verzuim.vakantie SET periode = '[2023-10-14,2023-10-22]'
 WHERE regio = 'noord' AND schooljaar = '2023-2024' AND soort = 'herfst';
DELETE FROM verzuim.vakantie WHERE regio = 'midden' AND schooljaar = '2022-2023' AND soort = 'voorjaar';
INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode, bron)
VALUES ('midden', '2026-2027', 'herfst', '[2026-10-17,2026-10-25]', 'rooster 2026');
INSERT INTO verzuim.schoolvrije_dag VALUES ('12AB09', '2020-08-18', 'studiedag');
SQL
    return $rc
}
gebruikersdata $OUD 2>"$WORK/data.err"
result "user data in every table of the $VORIGE database (CSV loader, NULLs, edited/deleted/added holidays)" $? "$(cat "$WORK/data.err")"
gebruikersdata $NIEUW 2>"$WORK/data.err"
result "the same user data in the fresh $HUIDIGE database" $? "$(cat "$WORK/data.err")"

# the user's own rows before the update, to prove none is lost
eigen_rijen() {
    q -d "$1" -c "SELECT concat_ws(' ', regio, schooljaar, soort, periode, bron) FROM verzuim.vakantie WHERE NOT geleverd ORDER BY 1" \
              -c "SELECT count(*) || ' ' || md5(string_agg(t::text, ',' ORDER BY t::text)) FROM verzuim.afwezigheid t"
}
eigen_rijen $OUD >"$WORK/eigen.voor" 2>&1

# stored duurverdeling values (format version 1) made by 0.1, and by the new
# version from the same episodes: read the same after the update, byte for byte
duur_opslaan() {
    q -d "$1" <<'SQL'
CREATE TABLE public.opgeslagen_duur (naam text PRIMARY KEY, d verzuim.duurverdeling);
INSERT INTO public.opgeslagen_duur
SELECT 'kalenderdagen', verzuim.duur_agg(e, '2024-06-30')
  FROM (VALUES ('[2024-01-08,2024-01-10)'::daterange), ('[2024-03-01,)'), ('[2023-09-04,2023-10-05)'), ('[2024-06-01,2024-06-02)')) v(e)
UNION ALL
SELECT 'lesdagen noord', verzuim.duur_agg(e, '2024-06-30', 'noord')
  FROM (VALUES ('[2024-01-08,2024-01-10)'::daterange), ('[2024-03-01,)'), ('[2023-09-04,2023-10-05)')) v(e);
SQL
}
duur_lezen() {
    q -d "$1" -c "SELECT naam, d::text, encode(verzuim.duurverdeling_send(d), 'hex'), verzuim.aantal(d), verzuim.aantal_lopend(d),
                         verzuim.mediaan(d), verzuim.gemiddelde(d), verzuim.peildatum(d), verzuim.eenheid(d)
                    FROM public.opgeslagen_duur ORDER BY naam"
}
# the same two values computed now (no table), read as duur_lezen reads them
duur_nu() {
    q -d "$1" -c "WITH opgeslagen_duur (naam, d) AS (
      SELECT 'kalenderdagen', verzuim.duur_agg(e, '2024-06-30')
        FROM (VALUES ('[2024-01-08,2024-01-10)'::daterange), ('[2024-03-01,)'), ('[2023-09-04,2023-10-05)'), ('[2024-06-01,2024-06-02)')) v(e)
      UNION ALL
      SELECT 'lesdagen noord', verzuim.duur_agg(e, '2024-06-30', 'noord')
        FROM (VALUES ('[2024-01-08,2024-01-10)'::daterange), ('[2024-03-01,)'), ('[2023-09-04,2023-10-05)')) v(e))
    SELECT naam, d::text, encode(verzuim.duurverdeling_send(d), 'hex'), verzuim.aantal(d), verzuim.aantal_lopend(d),
           verzuim.mediaan(d), verzuim.gemiddelde(d), verzuim.peildatum(d), verzuim.eenheid(d)
      FROM opgeslagen_duur ORDER BY naam"
}
# a value in school days carries the fingerprint of the region's calendar
# (regio=noord:xxxxxxxx, and the same 4 bytes after 020101 in the binary form)
zonder_vingerafdruk() {
    sed -E -e 's/(regio=[a-z]+:)[0-9a-f]{8}/\1--------/' -e 's/(\t020101)[0-9a-f]{8}/\1--------/'
}
duur_opslaan $OUD >/dev/null 2>"$WORK/duur.err"
duur_opslaan $NIEUW >/dev/null 2>>"$WORK/duur.err"
duur_lezen $OUD >"$WORK/duur.voor" 2>>"$WORK/duur.err"
result "duurverdeling values made by $VORIGE stored in a user table" $? "$(cat "$WORK/duur.err")"

out=$(q -d $OUD -c "ALTER EXTENSION verzuim UPDATE" \
               -c "SELECT extversion FROM pg_extension WHERE extname = 'verzuim'" 2>&1)
same "ALTER EXTENSION verzuim UPDATE takes a $VORIGE database with data to $HUIDIGE" "$HUIDIGE" "$out"
eigen_rijen $OUD >"$WORK/eigen.na" 2>&1
same "the user's holiday edits and rows are kept by the update" "$(cat "$WORK/eigen.voor")" "$(cat "$WORK/eigen.na")"
same "stored duurverdeling values of $VORIGE read the same after the update (text, binary, accessors)" \
     "$(cat "$WORK/duur.voor")" "$(duur_lezen $OUD 2>&1)"
# 0.2 ships more holidays than 0.1 (history, issue 8), so the calendar of a
# 0.1 database before the update has another fingerprint than a fresh 0.2's;
# everything else is byte for byte the same, and after the update the 0.1
# database (now with the same holidays) makes exactly the fresh 0.2 value
same "a duurverdeling stored by $VORIGE is byte for byte what $HUIDIGE makes from the same episodes (format version 1; the calendar fingerprint aside)" \
     "$(zonder_vingerafdruk <"$WORK/duur.voor")" "$(duur_lezen $NIEUW 2>&1 | zonder_vingerafdruk)"
same "... and after the update the $VORIGE database makes byte for byte what a fresh $HUIDIGE makes (same holidays, same fingerprint)" \
     "$(duur_lezen $NIEUW 2>&1)" "$(duur_nu $OUD 2>&1)"
grep -q '{v1;' "$WORK/duur.voor"
result "the stored values are format version 1 ({v1;...})" $? "$(cat "$WORK/duur.voor")"

echo "# $SECONDS s: databases ready" >&2
# --- the catalog ------------------------------------------------------------------------
# One line per object attribute: identity<TAB>value.  Only objects made in this
# database (OID >= 16384), outside pg_toast; names that contain OIDs (internal
# triggers of foreign keys, TOAST) are left out.
catalogus() {
    q -d "$1" <<'SQL'
CREATE FUNCTION pg_temp.ident(classid oid, objid oid, objsubid int DEFAULT 0) RETURNS text
  LANGUAGE sql STABLE AS $$
  SELECT i.type || ' ' || i.identity FROM pg_identify_object(classid, objid, objsubid) i $$;
CREATE FUNCTION pg_temp.catalogus() RETURNS TABLE (k text, v text) LANGUAGE plpgsql AS $f$
DECLARE
  cat record;
BEGIN
  -- every object of the database, from every catalog with an oid column
  FOR cat IN SELECT c.oid::regclass AS rel FROM pg_class c
              WHERE c.relnamespace = 'pg_catalog'::regnamespace AND c.relkind = 'r' AND NOT c.relisshared
                AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'oid')
                AND c.relname NOT IN ('pg_largeobject_metadata', 'pg_enum') LOOP
    RETURN QUERY EXECUTE format(
      'SELECT ''object '' || pg_temp.ident(%2$L::regclass, oid), %2$L FROM %1$s WHERE oid >= 16384', cat.rel, cat.rel::text);
  END LOOP;
  -- extension membership and the extensions themselves
  RETURN QUERY
    SELECT 'member ' || pg_temp.ident(d.classid, d.objid, d.objsubid), 'of extension ' || x.extname
      FROM pg_depend d JOIN pg_extension x ON x.oid = d.refobjid
     WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e';
  RETURN QUERY
    SELECT 'extension ' || x.extname,
           concat_ws(' | ', 'schema ' || x.extnamespace::regnamespace, 'relocatable ' || x.extrelocatable,
                     'config ' || (SELECT string_agg(c.t::regclass::text || ' where ' || coalesce(x.extcondition[c.nr], ''), ', ' ORDER BY c.t::regclass::text)
                                     FROM unnest(x.extconfig) WITH ORDINALITY c(t, nr)))
      FROM pg_extension x;
  -- comments and initial privileges of everything
  RETURN QUERY
    SELECT 'comment ' || pg_temp.ident(d.classoid, d.objoid, d.objsubid), d.description
      FROM pg_description d WHERE d.objoid >= 16384;
  RETURN QUERY
    SELECT 'init_privs ' || pg_temp.ident(p.classoid, p.objoid, p.objsubid), p.privtype::text || ' ' || p.initprivs::text
      FROM pg_init_privs p WHERE p.objoid >= 16384;
  -- schemas
  RETURN QUERY
    SELECT 'schema ' || n.nspname, 'owner ' || n.nspowner::regrole || ' acl ' || coalesce(n.nspacl::text, '-')
      FROM pg_namespace n WHERE n.oid >= 16384;
  -- functions, procedures, aggregates
  RETURN QUERY
    SELECT 'function ' || p.oid::regprocedure::text,
           concat_ws(' | ', 'kind ' || p.prokind::text, 'volatile ' || p.provolatile::text, 'parallel ' || p.proparallel::text,
                     'secdef ' || p.prosecdef, 'leakproof ' || p.proleakproof, 'strict ' || p.proisstrict,
                     'retset ' || p.proretset, 'returns ' || pg_get_function_result(p.oid),
                     'args ' || pg_get_function_arguments(p.oid),
                     'cost ' || p.procost, 'rows ' || p.prorows, 'support ' || p.prosupport::regproc,
                     'config ' || coalesce(p.proconfig::text, '-'), 'owner ' || p.proowner::regrole,
                     'acl ' || coalesce(p.proacl::text, '-'))
      FROM pg_proc p WHERE p.oid >= 16384;
  RETURN QUERY
    SELECT 'function definition ' || p.oid::regprocedure::text, replace(pg_get_functiondef(p.oid), E'\n', '\n')
      FROM pg_proc p WHERE p.oid >= 16384 AND p.prokind <> 'a';
  RETURN QUERY
    SELECT 'aggregate ' || a.aggfnoid::regprocedure::text,
           (to_jsonb(a) - 'aggfnoid' - 'aggsortop' - 'aggtranstype' - 'aggmtranstype')::text
           || ' sortop ' || a.aggsortop::regoperator || ' transtype ' || a.aggtranstype::regtype
           || ' mtranstype ' || a.aggmtranstype::regtype
      FROM pg_aggregate a WHERE a.aggfnoid >= 16384;
  -- types (not the array types and row types that follow from others)
  RETURN QUERY
    SELECT 'type ' || t.oid::regtype::text,
           (to_jsonb(t) - 'oid' - 'typnamespace' - 'typowner' - 'typrelid' - 'typelem' - 'typarray'
                        - 'typbasetype' - 'typcollation' - 'typacl')::text
           || ' elem ' || t.typelem::regtype || ' base ' || t.typbasetype::regtype
           || ' collation ' || coalesce((SELECT collname FROM pg_collation WHERE oid = t.typcollation), '-')
           || ' has_array ' || (t.typarray <> 0) || ' owner ' || t.typowner::regrole || ' acl ' || coalesce(t.typacl::text, '-')
      FROM pg_type t
     WHERE t.oid >= 16384 AND t.typnamespace <> 'pg_toast'::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_type e WHERE e.typarray = t.oid)
       AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c');
  RETURN QUERY
    SELECT 'enum ' || e.enumtypid::regtype::text, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder)
      FROM pg_enum e WHERE e.enumtypid >= 16384 GROUP BY e.enumtypid;
  RETURN QUERY
    SELECT 'range ' || r.rngtypid::regtype::text,
           concat_ws(' | ', 'subtype ' || r.rngsubtype::regtype, 'multirange ' || r.rngmultitypid::regtype,
                     'collation ' || r.rngcollation, 'opclass ' || pg_temp.ident('pg_opclass'::regclass, r.rngsubopc),
                     'canonical ' || r.rngcanonical::regproc, 'subdiff ' || r.rngsubdiff::regproc)
      FROM pg_range r WHERE r.rngtypid >= 16384;
  -- relations and their columns
  RETURN QUERY
    SELECT 'relation ' || c.oid::regclass::text,
           concat_ws(' | ', 'kind ' || c.relkind::text, 'persistence ' || c.relpersistence::text,
                     'rls ' || c.relrowsecurity || '/' || c.relforcerowsecurity, 'replident ' || c.relreplident::text,
                     'options ' || coalesce(c.reloptions::text, '-'), 'owner ' || c.relowner::regrole,
                     'acl ' || coalesce(c.relacl::text, '-'), 'am ' || coalesce(am.amname, '-'),
                     'partition ' || coalesce(pg_get_expr(c.relpartbound, c.oid), '-'),
                     'view ' || CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END,
                     'index ' || CASE WHEN c.relkind IN ('i', 'I') THEN pg_get_indexdef(c.oid) END,
                     'index flags ' || (SELECT i.indisprimary || '/' || i.indisunique || '/' || i.indisclustered || '/' || i.indisreplident || '/' || i.indisvalid
                                          FROM pg_index i WHERE i.indexrelid = c.oid),
                     'sequence ' || (SELECT s.seqtypid::regtype || ' ' || s.seqstart || ' ' || s.seqincrement || ' ' || s.seqmax || ' '
                                            || s.seqmin || ' ' || s.seqcache || ' ' || s.seqcycle FROM pg_sequence s WHERE s.seqrelid = c.oid),
                     'owned by ' || (SELECT string_agg(pg_temp.ident(d.refclassid, d.refobjid, d.refobjsubid) || ' ' || d.deptype::text, ', ')
                                       FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                        AND d.deptype IN ('a', 'i') AND d.refclassid = 'pg_class'::regclass))
      FROM pg_class c LEFT JOIN pg_am am ON am.oid = c.relam
     WHERE c.oid >= 16384 AND c.relnamespace <> 'pg_toast'::regnamespace;
  RETURN QUERY
    SELECT 'column ' || c.oid::regclass::text || '.' || a.attname,
           concat_ws(' | ', 'position ' || row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum),
                     'type ' || format_type(a.atttypid, a.atttypmod), 'not null ' || a.attnotnull,
                     'default ' || coalesce(pg_get_expr(ad.adbin, ad.adrelid), '-'),
                     'identity ' || a.attidentity::text, 'generated ' || a.attgenerated::text,
                     'collation ' || coalesce((SELECT collname FROM pg_collation WHERE oid = a.attcollation), '-'),
                     'storage ' || a.attstorage::text, 'compression ' || a.attcompression::text,
                     'statistics ' || coalesce(a.attstattarget::text, '-'),
                     -- (this server build records pg_attver=N, a per-database counter, in every column's options)
                     'options ' || coalesce((SELECT array_agg(o ORDER BY o) FROM unnest(a.attoptions) o WHERE o NOT LIKE 'pg\_attver=%')::text, '-'),
                     'acl ' || coalesce(a.attacl::text, '-'))
      FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      LEFT JOIN pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum
     WHERE c.oid >= 16384 AND c.relnamespace <> 'pg_toast'::regnamespace AND c.relkind NOT IN ('i', 'I');
  -- constraints (of tables and domains), triggers, policies, rules
  RETURN QUERY
    SELECT 'constraint ' || pg_temp.ident('pg_constraint'::regclass, o.oid),
           concat_ws(' | ', 'type ' || o.contype::text, pg_get_constraintdef(o.oid), 'deferrable ' || o.condeferrable,
                     'deferred ' || o.condeferred, 'validated ' || o.convalidated, 'noinherit ' || o.connoinherit)
      FROM pg_constraint o WHERE o.oid >= 16384;
  RETURN QUERY
    SELECT 'trigger ' || pg_temp.ident('pg_trigger'::regclass, t.oid),
           pg_get_triggerdef(t.oid) || ' | enabled ' || t.tgenabled::text
      FROM pg_trigger t WHERE t.oid >= 16384 AND NOT t.tgisinternal;
  RETURN QUERY
    SELECT 'policy ' || p.polname || ' on ' || p.polrelid::regclass,
           concat_ws(' | ', 'cmd ' || p.polcmd::text, 'permissive ' || p.polpermissive,
                     'roles ' || (SELECT string_agg(CASE r WHEN 0 THEN 'public' ELSE r::regrole::text END, ',' ORDER BY 1) FROM unnest(p.polroles) r),
                     'using ' || coalesce(pg_get_expr(p.polqual, p.polrelid), '-'),
                     'check ' || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '-'))
      FROM pg_policy p WHERE p.oid >= 16384;
  RETURN QUERY
    SELECT 'rule ' || r.rulename || ' on ' || r.ev_class::regclass, pg_get_ruledef(r.oid) || ' | enabled ' || r.ev_enabled::text
      FROM pg_rewrite r WHERE r.oid >= 16384 AND r.rulename <> '_RETURN';
  -- operators, operator classes and families, their members, casts
  RETURN QUERY
    SELECT 'operator ' || o.oid::regoperator::text,
           concat_ws(' | ', 'function ' || o.oprcode::regprocedure, 'result ' || o.oprresult::regtype,
                     'commutator ' || o.oprcom::regoperator, 'negator ' || o.oprnegate::regoperator,
                     'restrict ' || o.oprrest::regproc, 'join ' || o.oprjoin::regproc,
                     'merges ' || o.oprcanmerge, 'hashes ' || o.oprcanhash)
      FROM pg_operator o WHERE o.oid >= 16384;
  RETURN QUERY
    SELECT 'opclass ' || pg_temp.ident('pg_opclass'::regclass, o.oid),
           'family ' || pg_temp.ident('pg_opfamily'::regclass, o.opcfamily) || ' | type ' || o.opcintype::regtype
           || ' | default ' || o.opcdefault || ' | keytype ' || o.opckeytype::regtype
      FROM pg_opclass o WHERE o.oid >= 16384;
  RETURN QUERY
    SELECT 'opfamily member ' || pg_temp.ident('pg_amop'::regclass, o.oid),
           'purpose ' || o.amoppurpose::text || ' sortfamily ' || o.amopsortfamily
      FROM pg_amop o WHERE o.amopfamily >= 16384;
  RETURN QUERY
    SELECT 'opfamily member ' || pg_temp.ident('pg_amproc'::regclass, o.oid), o.amproc::regprocedure::text
      FROM pg_amproc o WHERE o.amprocfamily >= 16384;
  RETURN QUERY
    SELECT 'cast ' || pg_temp.ident('pg_cast'::regclass, o.oid),
           'function ' || o.castfunc::regprocedure || ' context ' || o.castcontext::text || ' method ' || o.castmethod::text
      FROM pg_cast o WHERE o.oid >= 16384;
END $f$;
SELECT replace(k, E'\n', '\n'), replace(v, E'\n', '\n') FROM pg_temp.catalogus()
 WHERE k !~ '(pg_toast_[0-9]|RI_ConstraintTrigger_|pg_temp|pg_toast_temp)' ORDER BY k, v;
SQL
}
catalogus $OUD >"$WORK/catalog.oud" 2>"$WORK/catalog.err"
catalogus $NIEUW >"$WORK/catalog.nieuw" 2>>"$WORK/catalog.err"
catalog_ok=1
if [ -s "$WORK/catalog.err" ] || [ ! -s "$WORK/catalog.nieuw" ]; then
    result "reading the catalogs" 1 "$(cat "$WORK/catalog.err")"
    catalog_ok=0
fi
# keys are not unique for 'object' lines (several catalogs); make them unique
for side in oud nieuw; do
    awk -F'\t' '{ k = $1; c[k]++; if (c[k] > 1) k = k " #" c[k]; print k "\t" substr($0, length($1) + 2) }' \
        "$WORK/catalog.$side" >"$WORK/catalog.tmp" && mv "$WORK/catalog.tmp" "$WORK/catalog.$side"
done
for kind in "object:every object of the database, by identity" \
            "member:extension membership (pg_depend 'e')" \
            "extension:the extensions, their configuration tables and dump conditions" \
            "comment:comments on every object" \
            "init_privs:initial privileges (pg_init_privs)" \
            "schema:schemas, owners and grants" \
            "function:functions: volatility, parallel safety, strictness, security, cost, rows, SET, owner, grants" \
            "function definition:function definitions (pg_get_functiondef)" \
            "aggregate:aggregates (pg_aggregate rows)" \
            "type:types (pg_type rows)" \
            "enum:enum labels in order" \
            "range:range types" \
            "relation:tables, views (definitions), indexes (definitions), sequences: options, RLS, owner, grants" \
            "column:columns in order: type, NOT NULL, default, identity, generated, collation, storage, grants" \
            "constraint:constraints of tables and domains" \
            "trigger:triggers with their enabled state" \
            "policy:row level security policies" \
            "rule:rules" \
            "operator:operators" \
            "opclass:operator classes" \
            "opfamily member:operators and support functions of operator families" \
            "cast:casts"; do
    [ $catalog_ok = 1 ] || break
    key=${kind%%:*} desc=${kind#*:}
    for side in oud nieuw; do
        awk -F'\t' -v p="$key " 'substr($1, 1, length(p)) == p && !(p == "function " && substr($1, 1, 20) == "function definition ")' \
            "$WORK/catalog.$side" >"$WORK/cat-$side"
        mv "$WORK/cat-$side" "$WORK/k.$side"
    done
    cp "$WORK/k.oud" "$WORK/kind.oud"; cp "$WORK/k.nieuw" "$WORK/kind.nieuw"
    compare kind "catalog, $desc"
done

# --- the data and the results -------------------------------------------------------------
inhoud() {
    q -d "$1" <<'SQL'
CREATE FUNCTION pg_temp.inhoud() RETURNS TABLE (k text, v text) LANGUAGE plpgsql AS $f$
DECLARE
  r record;
  x text;
BEGIN
  FOR r IN SELECT c.oid::regclass AS rel, c.relkind FROM pg_class c
            WHERE c.relnamespace = 'verzuim'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
            ORDER BY 1::text LOOP
    BEGIN   -- a view may raise (e.g. missing holiday data): then its SQLSTATE is compared
      IF r.relkind = 'S' THEN
        EXECUTE format('SELECT last_value || '' '' || is_called FROM %s', r.rel) INTO x;
      ELSE
        EXECUTE format($q$SELECT count(*) || ' ' || md5(coalesce(string_agg(t::text, E'\n' ORDER BY t::text), '')) FROM %s t$q$, r.rel) INTO x;
      END IF;
    EXCEPTION WHEN OTHERS THEN
      x := 'error ' || SQLSTATE;
    END;
    k := 'rows of ' || r.rel::text; v := x;
    RETURN NEXT;
  END LOOP;
END $f$;
SELECT * FROM pg_temp.inhoud();
SQL
}
[ -s "$WORK/catalog.nieuw" ] || result "the catalog of the fresh database is empty" 1
echo "# $SECONDS s: catalogs compared" >&2
inhoud $OUD >"$WORK/inhoud.oud" 2>"$WORK/inhoud.err"
inhoud $NIEUW >"$WORK/inhoud.nieuw" 2>>"$WORK/inhoud.err"
[ ! -s "$WORK/inhoud.err" ] || result "reading every table and view" 1 "$(cat "$WORK/inhoud.err")"
compare inhoud "every row of every table, view and sequence of schema verzuim"

# Every function of the schema, called with sample values of its argument types.
resultaten() {
    q -d "$1" <<'SQL'
CREATE TEMP TABLE monster (typ regtype, nr int, waarde text);
INSERT INTO monster
SELECT t::regtype, nr, w FROM (VALUES
  ('date', ARRAY['2024-06-30', '2023-09-04', '2024-02-29', '2020-08-17', NULL, 'infinity', '2019-08-01']),
  ('daterange', ARRAY['[2023-09-04,2023-10-20)', '[2024-01-08,2024-03-01)', '[2024-05-01,)', NULL, 'empty', '[2023-08-01,2024-08-01)']),
  ('text', ARRAY['noord', 'zuid', 'midden', '2023-2024', NULL, 'gemeente', '01AB00', '']),
  ('integer', ARRAY['2024', '50', '1', '0', NULL, '-1']),
  ('smallint', ARRAY['5', '1', '12', NULL]),
  ('bigint', ARRAY['2024', '1', '0', NULL]),
  ('numeric', ARRAY['1.5', '10', '0.5', NULL, '0']),
  ('double precision', ARRAY['0.5', '0.9', '0.1', NULL, '0', '1']),
  ('real', ARRAY['0.5', '0.9', '0.1', NULL]),
  ('boolean', ARRAY['true', 'false', 'true', NULL]),
  ('interval', ARRAY['5 days', '1 mon', '1 day', NULL]),
  ('timestamp with time zone', ARRAY['2024-03-01 12:00+01', '2023-09-04 08:30+02', '2024-06-30 23:59+02', NULL]),
  ('regclass', ARRAY['verzuim.gemeente', 'verzuim.vakantie', 'verzuim.leerling', NULL]),
  ('regtype', ARRAY['date', 'integer', 'daterange', NULL]),
  ('jsonb', ARRAY['[]', '{}', '[{"regio": "noord"}]', NULL]),
  -- the text form of format version 1, as stored by every release (README, Upgrading)
  ('verzuim.duurverdeling', ARRAY['{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=3;lopend=2;som=33;som_lopend=38;1:2/0,7:0/1,31:1/1}',
                                  '{v1;eenheid=kalenderdagen;peildatum=2024-02-29;gesloten=2;lopend=2;som=92;som_lopend=106;46:2/0,53:0/2}',
                                  '{v1;eenheid=lesdagen;regio=midden;peildatum=2024-02-29;gesloten=2;lopend=2;som=60;som_lopend=68;30:2/0,34:0/2}',
                                  NULL])
) s(t, ws), unnest(ws) WITH ORDINALITY u(w, nr);
-- domains over text, enums of the extension: every label
INSERT INTO monster SELECT t.oid::regtype, nr, w
  FROM pg_type t, unnest(ARRAY['noord', 'midden', 'zuid', NULL]) WITH ORDINALITY u(w, nr)
 WHERE t.typnamespace = 'verzuim'::regnamespace AND t.typtype = 'd' AND t.typbasetype = 'text'::regtype;
INSERT INTO monster SELECT e.enumtypid::regtype, row_number() OVER (PARTITION BY e.enumtypid ORDER BY e.enumsortorder), e.enumlabel
  FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typnamespace = 'verzuim'::regnamespace;

CREATE FUNCTION pg_temp.roep(sql text) RETURNS text LANGUAGE plpgsql AS $f$
DECLARE
  uit text;
BEGIN
  BEGIN
    EXECUTE sql INTO uit;
    RAISE EXCEPTION USING ERRCODE = 'VZ999', MESSAGE = coalesce(uit, '<NULL>');
  EXCEPTION WHEN OTHERS THEN
    IF SQLSTATE = 'VZ999' THEN RETURN SQLERRM; END IF;
    RETURN 'error ' || SQLSTATE;
  END;
END $f$;

-- the argument lists: combinations 1..3 take sample c for every argument
-- (the first three samples of every type are valid), later ones for argument j
-- sample ((c + j) mod count) + 1, which reaches NULLs and invalid values
CREATE FUNCTION pg_temp.argumenten(args oidvector, c int) RETURNS text LANGUAGE sql AS $$
  SELECT string_agg(coalesce(quote_literal(m.waarde), 'NULL') || '::' || a.t::regtype::text, ', ' ORDER BY a.j)
    FROM unnest(args::oid[]) WITH ORDINALITY a(t, j)
    JOIN LATERAL (SELECT count(*) AS n FROM monster WHERE typ = a.t) cnt ON true
    LEFT JOIN monster m ON m.typ = a.t
     AND m.nr = CASE WHEN c <= 3 THEN ((c - 1) % cnt.n) + 1 ELSE ((c + a.j) % greatest(cnt.n, 1)) + 1 END $$;
-- the rows for an aggregate: argument 1 takes samples 1..3 in turn, the
-- others sample c (combinations 1..3), or every argument shifts (4, 5)
CREATE FUNCTION pg_temp.rijen(args oidvector, c int) RETURNS text LANGUAGE sql AS $$
  SELECT string_agg('(' || (
    SELECT string_agg(coalesce(quote_literal(m.waarde), 'NULL') || '::' || a.t::regtype::text, ', ' ORDER BY a.j)
      FROM unnest(args::oid[]) WITH ORDINALITY a(t, j)
      JOIN LATERAL (SELECT count(*) AS n FROM monster WHERE typ = a.t) cnt ON true
      LEFT JOIN monster m ON m.typ = a.t
       AND m.nr = CASE WHEN c > 3 THEN ((c + r + a.j) % cnt.n) + 1
                       WHEN a.j = 1 THEN (r % least(cnt.n, 3)) + 1
                       ELSE ((c - 1) % cnt.n) + 1 END) || ')', ', ')
    FROM generate_series(0, 5) r $$;

CREATE TEMP TABLE uitkomst (k text, v text);
DO $d$
DECLARE
  rec record;
  c int;
  w text;
BEGIN
  FOR rec IN SELECT a.aggfnoid::regprocedure AS f, p.proargtypes AS argtypes, p.prorettype AS rettype,
                    p.pronargs AS nargs, p.proname AS name
               FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
              WHERE p.pronamespace = 'verzuim'::regnamespace AND a.aggkind = 'n'
                AND NOT EXISTS (SELECT 1 FROM unnest(p.proargtypes::oid[]) t WHERE t NOT IN (SELECT typ FROM monster))
              ORDER BY 1::text LOOP
    FOR c IN 1..5 LOOP
      w := pg_temp.roep(format('SELECT verzuim.%I(%s)::text FROM (VALUES %s) v(%s)', rec.name,
             (SELECT string_agg('a' || j, ', ') FROM generate_series(1, rec.nargs) j),
             pg_temp.rijen(rec.argtypes, c),
             (SELECT string_agg('a' || j, ', ') FROM generate_series(1, rec.nargs) j)));
      INSERT INTO uitkomst VALUES ('aggregate ' || rec.f::text || ' combination ' || c, w);
    END LOOP;
  END LOOP;
  FOR rec IN SELECT p.oid::regprocedure AS f, p.proargtypes AS argtypes
               FROM pg_proc p
              WHERE p.pronamespace = 'verzuim'::regnamespace AND p.prokind = 'f'
                AND p.prorettype NOT IN ('trigger'::regtype, 'internal'::regtype, 'event_trigger'::regtype)
                AND NOT EXISTS (SELECT 1 FROM unnest(p.proargtypes::oid[]) t WHERE t NOT IN (SELECT typ FROM monster))
              ORDER BY 1::text LOOP
    FOR c IN 1..6 LOOP
      w := pg_temp.argumenten(rec.argtypes, c);
      INSERT INTO uitkomst VALUES ('call ' || rec.f::text || ' (' || coalesce(w, '') || ')',
        pg_temp.roep(format('SELECT count(*) || '' '' || md5(coalesce(string_agg(t::text, E''\n'' ORDER BY t::text), '''')) FROM %s(%s) t',
                            rec.f::oid::regproc, coalesce(w, ''))));
    END LOOP;
  END LOOP;
  -- what could not be called is listed, so that it shows up in the comparison
  -- (support functions with internal or cstring arguments are called through
  -- their aggregates and types)
  INSERT INTO uitkomst
  SELECT 'not called ' || p.oid::regprocedure::text, 'argument types without samples'
    FROM pg_proc p
   WHERE p.pronamespace = 'verzuim'::regnamespace
     AND NOT p.proargtypes::oid[] && ARRAY['internal'::regtype, 'cstring'::regtype]::oid[]
     AND p.prorettype NOT IN ('trigger'::regtype, 'internal'::regtype, 'event_trigger'::regtype)
     AND EXISTS (SELECT 1 FROM unnest(p.proargtypes::oid[]) t WHERE t NOT IN (SELECT typ FROM monster));
END $d$;
SELECT k, replace(v, E'\n', '\n') FROM uitkomst ORDER BY k;
SQL
}
resultaten $OUD >"$WORK/result.oud" 2>"$WORK/result.err"
resultaten $NIEUW >"$WORK/result.nieuw" 2>>"$WORK/result.err"
[ ! -s "$WORK/result.err" ] || result "calling the functions" 1 "$(cat "$WORK/result.err")"
compare result "results (or SQLSTATEs) of every function of schema verzuim on sample arguments and of every aggregate on sample rows"
calls=$(grep -c '^call ' "$WORK/result.nieuw")
errors=$(grep -c $'^call [^\t]*\terror ' "$WORK/result.nieuw")
notcalled=$(grep '^not called ' "$WORK/result.nieuw" | cut -f1 | sed 's/^not called //' | paste -sd ';' -)
echo "# $calls function calls ($errors of them end in an error, compared by SQLSTATE), $(grep -c '^aggregate ' "$WORK/result.nieuw") aggregate runs; not called (argument types without samples): ${notcalled:-none}"
[ "$calls" -gt 100 ] && [ $((calls - errors)) -gt 50 ]
result "the comparison of results calls most functions successfully (more than 100 calls, more than 50 without error)" $?

echo "# $SECONDS s: results compared" >&2
# --- the pgTAP suite in an upgraded database -----------------------------------------------
q -d postgres -c "CREATE DATABASE $TAP" >/dev/null
q -d $TAP -c "CREATE EXTENSION pgtap" -c "CREATE EXTENSION verzuim VERSION '$VORIGE' CASCADE" \
          -c "ALTER EXTENSION verzuim UPDATE" >/dev/null 2>"$WORK/tap.err"
result "a database for pgTAP, with verzuim created as $VORIGE and updated" $? "$(cat "$WORK/tap.err")"
pg_prove --ext .sql -d $TAP test/ >"$WORK/tap.log" 2>&1
rc=$?
result "the whole pgTAP suite passes in the upgraded database ($(sed -nE 's/^Files=([0-9]+), Tests=([0-9]+),.*/\1 files, \2 tests/p' "$WORK/tap.log"))" \
    $rc "$(grep -vE '^test/.*\.\. ok$' "$WORK/tap.log" | tail -60)"

echo "# $SECONDS s: pgTAP done" >&2
echo "1..$n"
[ "$failed" -eq 0 ]
