-- pgTAP: search_path safety (issue 7, item 1).
--
-- A hostile schema "vijand" gets functions, aggregates, operators and domains
-- with the names of what the extension's SQL, plpgsql and C (SPI) code uses,
-- for every type it touches (date, daterange, datemultirange, int, bigint,
-- numeric, text, boolean, interval, the enums and the domain of the
-- extension, ...), each taking exactly those types, so that it wins over
-- pg_catalog's polymorphic or same-typed original wherever a name is not
-- qualified.  Each hostile object records its call in vijand.aanroep and then
-- does what the original does.  As superuser, every function, aggregate,
-- trigger and view of the extension is then called twice: with search_path
-- 'vijand, public, pg_catalog' (the hostile schema ahead of pg_catalog) and
-- 'vijand' (pg_catalog implicitly first: the situation of hostile objects in
-- public under the default search_path).  The test asserts that no hostile
-- object ran.  The functions are enumerated from pg_proc: a function of the
-- extension without a call here fails the test, and pg_stat_xact_user_functions
-- (track_functions = all) proves that each listed function really ran.
BEGIN;
CREATE EXTENSION IF NOT EXISTS verzuim CASCADE;
SELECT plan(11);

SET LOCAL track_functions = 'all';
SET LOCAL max_parallel_workers_per_gather = 0;   -- calls counted in this backend
SET LOCAL verzuim.vakantieregio = 'noord';
SET LOCAL verzuim.onvolledige_kalender = 'fout';
SET LOCAL client_min_messages = warning;

CREATE SCHEMA vijand;
CREATE TABLE vijand.aanroep (wat text NOT NULL);
-- logs a call; text only, no operator: safe under any search_path
CREATE FUNCTION vijand.gezien(wat text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO vijand.aanroep (wat) VALUES (wat);
  RETURN true;
END $$;

-- The hostile objects --------------------------------------------------------
CREATE TEMP TABLE typen (t text);
INSERT INTO typen VALUES
  ('pg_catalog.date'), ('pg_catalog.daterange'), ('pg_catalog.datemultirange'), ('pg_catalog.int4'),
  ('pg_catalog.int8'), ('pg_catalog.int2'), ('pg_catalog.numeric'), ('pg_catalog.float8'),
  ('pg_catalog.text'), ('pg_catalog.bool'), ('pg_catalog.interval'), ('pg_catalog.timestamp'),
  ('pg_catalog.timestamptz'), ('pg_catalog.regclass'), ('pg_catalog.oid'), ('pg_catalog.name'),
  ('pg_catalog.bytea'), ('pg_catalog.date[]'), ('pg_catalog.text[]'), ('pg_catalog.daterange[]'),
  ('verzuim.regio'), ('verzuim.leerplicht'), ('verzuim.onderwijssoort'), ('verzuim.reden'),
  ('verzuim.vrijstelling_artikel'), ('verzuim.meldingsoort'), ('verzuim.meldingstatus'),
  ('verzuim.pv_soort'), ('verzuim.duurverdeling'), ('verzuim.thuiszit_status');

-- function and aggregate names the extension's code uses, with one argument
-- of every type, plus the multi-argument forms it uses
CREATE TEMP TABLE kandidaat (naam text, args text[]);
INSERT INTO kandidaat
SELECT n, ARRAY[t.t]
FROM unnest(ARRAY['lower', 'upper', 'isempty', 'lower_inf', 'upper_inf', 'lower_inc', 'upper_inc',
                  'range_merge', 'range_agg', 'range_intersect_agg', 'unnest', 'isfinite', 'length',
                  'btrim', 'cardinality', 'date', 'text', 'int4', 'int8', 'numeric', 'abs', 'floor',
                  'round', 'to_regclass', 'md5', 'quote_ident', 'quote_literal', 'quote_nullable',
                  'count', 'min', 'max', 'sum', 'avg', 'array_agg', 'bool_and', 'bool_or', 'every',
                  'datemultirange', 'multirange', 'current_setting', 'enum_range', 'enum_first',
                  'enum_last', 'to_char', 'format', 'concat', 'pg_typeof', 'upper_inf', 'array_length',
                  'array_lower', 'array_upper', 'string_to_array', 'regclass', 'row_to_json', 'to_json',
                  'jsonb_build_object', 'exp', 'ln', 'sqrt', 'ceil', 'trunc']) n
CROSS JOIN typen t;
INSERT INTO kandidaat VALUES
  ('daterange', '{pg_catalog.date,pg_catalog.date}'), ('daterange', '{pg_catalog.date,pg_catalog.date,pg_catalog.text}'),
  ('make_date', '{pg_catalog.int4,pg_catalog.int4,pg_catalog.int4}'),
  ('substr', '{pg_catalog.text,pg_catalog.int4}'), ('substr', '{pg_catalog.text,pg_catalog.int4,pg_catalog.int4}'),
  ('substring', '{pg_catalog.text,pg_catalog.int4,pg_catalog.int4}'),
  ('date_trunc', '{pg_catalog.text,pg_catalog.timestamp}'), ('date_trunc', '{pg_catalog.text,pg_catalog.timestamptz}'),
  ('date_part', '{pg_catalog.text,pg_catalog.date}'), ('extract', '{pg_catalog.text,pg_catalog.date}'),
  ('date_part', '{pg_catalog.text,pg_catalog.timestamp}'), ('age', '{pg_catalog.timestamp,pg_catalog.timestamp}'),
  ('age', '{pg_catalog.timestamptz,pg_catalog.timestamptz}'),
  ('current_setting', '{pg_catalog.text,pg_catalog.bool}'), ('set_config', '{pg_catalog.text,pg_catalog.text,pg_catalog.bool}'),
  ('array_position', '{pg_catalog.text[],pg_catalog.text}'), ('array_position', '{pg_catalog.date[],pg_catalog.date}'),
  ('array_append', '{pg_catalog.text[],pg_catalog.text}'), ('array_cat', '{pg_catalog.text[],pg_catalog.text[]}'),
  ('array_to_string', '{pg_catalog.text[],pg_catalog.text}'), ('array_to_string', '{pg_catalog.date[],pg_catalog.text}'),
  ('string_to_array', '{pg_catalog.text,pg_catalog.text}'), ('split_part', '{pg_catalog.text,pg_catalog.text,pg_catalog.int4}'),
  ('regexp_match', '{pg_catalog.text,pg_catalog.text}'), ('regexp_replace', '{pg_catalog.text,pg_catalog.text,pg_catalog.text}'),
  ('strpos', '{pg_catalog.text,pg_catalog.text}'), ('position', '{pg_catalog.text,pg_catalog.text}'),
  ('left', '{pg_catalog.text,pg_catalog.int4}'), ('right', '{pg_catalog.text,pg_catalog.int4}'),
  ('replace', '{pg_catalog.text,pg_catalog.text,pg_catalog.text}'), ('concat_ws', '{pg_catalog.text,pg_catalog.text,pg_catalog.text}'),
  ('format', '{pg_catalog.text,pg_catalog.text}'), ('format', '{pg_catalog.text,pg_catalog.text,pg_catalog.text}'),
  ('format', '{pg_catalog.text,pg_catalog.regclass}'), ('format', '{pg_catalog.text,pg_catalog.int4}'),
  ('generate_series', '{pg_catalog.int4,pg_catalog.int4}'), ('generate_series', '{pg_catalog.date,pg_catalog.date,pg_catalog.interval}'),
  ('generate_series', '{pg_catalog.timestamp,pg_catalog.timestamp,pg_catalog.interval}'),
  ('string_agg', '{pg_catalog.text,pg_catalog.text}'), ('array_agg', '{pg_catalog.text[]}'),
  ('range_agg', '{pg_catalog.datemultirange}'), ('range_intersect_agg', '{pg_catalog.datemultirange}'),
  ('unnest', '{pg_catalog.datemultirange}'), ('unnest', '{pg_catalog.text[],pg_catalog.date[]}'),
  ('unnest', '{pg_catalog.oid[],pg_catalog.text[]}'),
  ('datemultirange', '{pg_catalog.daterange,pg_catalog.daterange}'), ('datemultirange', '{}'),
  ('make_interval', '{pg_catalog.int4,pg_catalog.int4,pg_catalog.int4}'), ('to_date', '{pg_catalog.text,pg_catalog.text}'),
  ('isfinite', '{pg_catalog.timestamp}'), ('now', '{}'), ('statement_timestamp', '{}'),
  ('numeric', '{pg_catalog.numeric,pg_catalog.int4}'), ('round', '{pg_catalog.numeric,pg_catalog.int4}'),
  ('trunc', '{pg_catalog.numeric,pg_catalog.int4}'), ('count', '{}'), ('greatest', '{pg_catalog.date,pg_catalog.date}'),
  ('nullif', '{pg_catalog.text,pg_catalog.text}'), ('coalesce', '{pg_catalog.date,pg_catalog.date}'),
  ('coalesce', '{pg_catalog.text,pg_catalog.text}'), ('coalesce', '{pg_catalog.datemultirange,pg_catalog.datemultirange}');

-- operators: every type with itself, and the mixed forms the code uses
CREATE TEMP TABLE operator_kandidaat (op text, l text, r text);
INSERT INTO operator_kandidaat
SELECT o, t.t, t.t
FROM unnest(ARRAY['=', '<>', '<', '<=', '>', '>=', '-', '+', '*', '/', '%', '&&', '@>', '<@', '||', '~', '!~',
                  '~~', '!~~', '~*', '-|-', '<<', '>>', '&<', '&>', '^']) o
CROSS JOIN typen t;
INSERT INTO operator_kandidaat VALUES
  ('-', 'pg_catalog.date', 'pg_catalog.int4'), ('+', 'pg_catalog.date', 'pg_catalog.int4'),
  ('+', 'pg_catalog.int4', 'pg_catalog.date'), ('-', 'pg_catalog.date', 'pg_catalog.interval'),
  ('+', 'pg_catalog.date', 'pg_catalog.interval'), ('+', 'pg_catalog.timestamp', 'pg_catalog.interval'),
  ('@>', 'pg_catalog.daterange', 'pg_catalog.date'), ('<@', 'pg_catalog.date', 'pg_catalog.daterange'),
  ('@>', 'pg_catalog.datemultirange', 'pg_catalog.date'), ('<@', 'pg_catalog.date', 'pg_catalog.datemultirange'),
  ('@>', 'pg_catalog.datemultirange', 'pg_catalog.daterange'), ('&&', 'pg_catalog.datemultirange', 'pg_catalog.daterange'),
  ('&&', 'pg_catalog.daterange', 'pg_catalog.datemultirange'), ('*', 'pg_catalog.datemultirange', 'pg_catalog.daterange'),
  ('-', 'pg_catalog.datemultirange', 'pg_catalog.daterange'),
  ('=', 'pg_catalog.int8', 'pg_catalog.int4'), ('=', 'pg_catalog.int4', 'pg_catalog.int8'),
  ('<', 'pg_catalog.int8', 'pg_catalog.int4'), ('>', 'pg_catalog.int8', 'pg_catalog.int4'),
  ('<=', 'pg_catalog.int8', 'pg_catalog.int4'), ('>=', 'pg_catalog.int8', 'pg_catalog.int4'),
  ('=', 'pg_catalog.date', 'pg_catalog.timestamp'), ('<', 'pg_catalog.date', 'pg_catalog.timestamp'),
  ('=', 'pg_catalog.numeric', 'pg_catalog.int4'), ('<=', 'pg_catalog.numeric', 'pg_catalog.int4'),
  ('>', 'pg_catalog.numeric', 'pg_catalog.int4'), ('*', 'pg_catalog.numeric', 'pg_catalog.int4'),
  ('||', 'pg_catalog.text[]', 'pg_catalog.text'), ('||', 'pg_catalog.text', 'pg_catalog.text[]'),
  ('||', 'pg_catalog.text', 'pg_catalog.int4'), ('||', 'pg_catalog.text', 'pg_catalog.int8'),
  ('||', 'pg_catalog.text', 'pg_catalog.date'), ('||', 'pg_catalog.int8', 'pg_catalog.text'),
  ('=', 'pg_catalog.text', 'pg_catalog.name'), ('=', 'pg_catalog.name', 'pg_catalog.text'),
  ('=', 'pg_catalog.oid', 'pg_catalog.regclass'), ('=', 'pg_catalog.regclass', 'pg_catalog.oid'),
  ('=', 'verzuim.regio', 'pg_catalog.text'), ('=', 'pg_catalog.text', 'verzuim.regio'),
  ('=', 'pg_catalog.text', 'pg_catalog.text[]'), ('<>', 'pg_catalog.text', 'pg_catalog.text[]');

-- Creates in schema s, for each candidate that resolves in pg_catalog, the same
-- name taking exactly those types; returns how many it created.
CREATE FUNCTION pg_temp.maak_vijandig(s text) RETURNS int LANGUAGE plpgsql AS $maak$
DECLARE
  k record;
  n int := 0;
  i int := 0;
  v_args text;
  v_decl text;
  v_params text;
  v_res regtype;
  v_set boolean;
  v_kind "char";
BEGIN
  FOR k IN SELECT DISTINCT c.naam, c.args FROM kandidaat c
            WHERE EXISTS (SELECT 1 FROM pg_proc p WHERE p.pronamespace = 'pg_catalog'::regnamespace
                             AND p.proname = c.naam AND p.pronargs = cardinality(c.args)) LOOP
    SELECT string_agg(format('NULL::%s', a), ', ' ORDER BY o), string_agg(format('a%s %s', o, a), ', ' ORDER BY o),
           string_agg(format('a%s', o), ', ' ORDER BY o)
      INTO v_args, v_decl, v_params FROM unnest(k.args) WITH ORDINALITY AS x(a, o);
    -- (looked up by name: whether it is an aggregate or returns a set)
    SELECT bool_or(p.proretset), max(p.prokind::text) INTO v_set, v_kind
      FROM pg_proc p
     WHERE p.pronamespace = 'pg_catalog'::regnamespace AND p.proname = k.naam
       AND p.pronargs = cardinality(k.args);
    v_args := coalesce(v_args, CASE WHEN k.naam = 'count' THEN '*' ELSE '' END);
    BEGIN
      IF v_set THEN   -- a set-returning function: its result type from a view (slower)
        EXECUTE format('CREATE TEMP VIEW vijand_proef AS SELECT pg_catalog.%I(%s) AS x', k.naam, v_args);
        SELECT a.atttypid::regtype INTO v_res FROM pg_attribute a
         WHERE a.attrelid = 'vijand_proef'::regclass AND a.attname = 'x';
        DROP VIEW vijand_proef;
      ELSE
        -- (the CASE has the function's result type and does not call it)
        EXECUTE format('SELECT pg_catalog.pg_typeof(CASE WHEN false THEN pg_catalog.%I(%s) END)', k.naam, v_args)
          INTO v_res;
      END IF;
    EXCEPTION WHEN OTHERS THEN
      CONTINUE;   -- pg_catalog has no such function for these types
    END;
    IF v_kind IS NULL THEN CONTINUE; END IF;   -- syntax, not a function (coalesce, greatest, nullif, ...)
    -- PostgreSQL 18's min(record)/max(record) report the result type record for a composite
    -- argument: the hostile aggregate takes and returns that composite type itself
    IF v_kind = 'a' AND v_res = 'record'::regtype AND cardinality(k.args) = 1 THEN
      v_res := k.args[1]::regtype;
    END IF;
    i := i + 1;
    IF v_kind = 'a' THEN
      EXECUTE format($f$CREATE FUNCTION %I.vijand_sfunc_%s(s %s%s) RETURNS %s LANGUAGE plpgsql AS $b$
                        BEGIN PERFORM vijand.gezien(%L); RETURN s; END $b$$f$,
                     s, i, v_res, coalesce(', ' || v_decl, ''), v_res,
                     format('%s.%s(%s)', s, k.naam, array_to_string(k.args, ',')));
      EXECUTE format('CREATE AGGREGATE %I.%I(%s) (SFUNC = %I.vijand_sfunc_%s, STYPE = %s)',
                     s, k.naam, CASE WHEN k.args = '{}' THEN '*' ELSE array_to_string(k.args, ', ') END,
                     s, i, v_res);
    ELSE
      EXECUTE format($f$CREATE FUNCTION %I.%I(%s) RETURNS %s%s LANGUAGE plpgsql AS $b$
                        BEGIN PERFORM vijand.gezien(%L); %s pg_catalog.%I(%s); END $b$$f$,
                     s, k.naam, coalesce(v_decl, ''), CASE WHEN v_set THEN 'SETOF ' ELSE '' END, v_res,
                     format('%s.%s(%s)', s, k.naam, array_to_string(k.args, ',')),
                     CASE WHEN v_set THEN 'RETURN QUERY SELECT' ELSE 'RETURN' END,
                     k.naam, coalesce(v_params, ''));
    END IF;
    n := n + 1;
  END LOOP;
  FOR k IN SELECT DISTINCT c.op, c.l, c.r FROM operator_kandidaat c
            WHERE EXISTS (SELECT 1 FROM pg_operator o WHERE o.oprnamespace = 'pg_catalog'::regnamespace
                             AND o.oprname = c.op AND o.oprleft <> 0) LOOP
    BEGIN
      EXECUTE format('SELECT pg_catalog.pg_typeof(NULL::%s OPERATOR(pg_catalog.%s) NULL::%s)', k.l, k.op, k.r)
        INTO v_res;
    EXCEPTION WHEN OTHERS THEN
      CONTINUE;
    END;
    i := i + 1;
    EXECUTE format($f$CREATE FUNCTION %I.vijand_op_%s(a %s, b %s) RETURNS %s LANGUAGE plpgsql AS $b$
                      BEGIN PERFORM vijand.gezien(%L); RETURN a OPERATOR(pg_catalog.%s) b; END $b$$f$,
                   s, i, k.l, k.r, v_res, format('%s.%s(%s,%s)', s, k.op, k.l, k.r), k.op);
    EXECUTE format('CREATE OPERATOR %I.%s (LEFTARG = %s, RIGHTARG = %s, FUNCTION = %I.vijand_op_%s)',
                   s, k.op, k.l, k.r, s, i);
    n := n + 1;
  END LOOP;
  -- domains named like the built-in types (a cast ::text would pick them)
  FOR k IN SELECT unnest(ARRAY['text', 'date', 'daterange', 'datemultirange', 'int4', 'int8', 'regclass',
                               'name', 'oid', 'bool', 'float8', 'timestamptz', 'regtype']) AS t LOOP
    EXECUTE format('CREATE DOMAIN %I.%I AS pg_catalog.%I CHECK (vijand.gezien(%L))',
                   s, k.t, k.t, format('%s.%s (domain)', s, k.t));
    n := n + 1;
  END LOOP;
  RETURN n;
END $maak$;

SELECT cmp_ok(pg_temp.maak_vijandig('vijand'), '>', 500, 'more than 500 hostile functions, aggregates, operators and domains created');

-- Runs one statement with a hostile search_path and restores a safe one.
CREATE FUNCTION pg_temp.vijandig(stmt text, pad text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_catalog.set_config('search_path', pad, true);
  EXECUTE stmt;
  PERFORM pg_catalog.set_config('search_path', '"$user", public', true);
EXCEPTION WHEN OTHERS THEN
  PERFORM pg_catalog.set_config('search_path', '"$user", public', true);
  RAISE;
END $$;

-- The hostile objects work: unqualified calls of the kind 0.1 made pick them,
-- with the hostile schema ahead of pg_catalog and behind it.
SELECT pg_temp.vijandig($$SELECT lower(daterange('2024-01-01', '2024-02-01')), '{[2024-01-01,2024-03-01)}'::datemultirange - '{[2024-01-05,2024-01-06)}'::datemultirange$$, p)
FROM unnest(ARRAY['vijand, public, pg_catalog', 'vijand']) p;
SELECT is((SELECT array_agg(DISTINCT wat ORDER BY wat) FROM vijand.aanroep),
          '{"vijand.-(pg_catalog.datemultirange,pg_catalog.datemultirange)","vijand.datemultirange (domain)","vijand.daterange(pg_catalog.date,pg_catalog.date)","vijand.lower(pg_catalog.daterange)"}',
          'canary: unqualified lower(daterange) and datemultirange - datemultirange run the hostile objects, also with pg_catalog first');
-- ... and 0.1's absoluut_verzuim (the same body without the pinned search_path; since 0.2 the
-- body is in absoluut_verzuim_in, which absoluut_verzuim calls) was caught
CREATE TEMP TABLE onveilig AS
SELECT replace(pg_get_functiondef('verzuim.absoluut_verzuim_in(daterange,date,boolean)'::regprocedure),
               ' SET search_path TO ''pg_catalog'', ''pg_temp''', '') AS def;
SELECT ok((SELECT def FROM onveilig) NOT LIKE '%search_path%', 'the copy of absoluut_verzuim has no SET search_path');
DO $$ BEGIN EXECUTE replace((SELECT def FROM onveilig), 'FUNCTION verzuim.absoluut_verzuim_in', 'FUNCTION pg_temp.absoluut_verzuim_in'); END $$;
SAVEPOINT kanarie;
INSERT INTO verzuim.gemeente VALUES ('GM0363', 'Amsterdam');
INSERT INTO verzuim.leerling VALUES (1, '2012-03-14', 'GM0363', NULL, NULL);
TRUNCATE vijand.aanroep;
SELECT pg_temp.vijandig('SELECT pg_catalog.count(*) FROM pg_temp.absoluut_verzuim_in(NULL, ''2024-06-01'')', 'vijand');
SELECT cmp_ok((SELECT count(*) FROM vijand.aanroep), '>', 0::bigint,
              'canary: absoluut_verzuim without its pinned search_path runs hostile objects (0.1''s hijack)');
ROLLBACK TO SAVEPOINT kanarie;
DROP FUNCTION pg_temp.absoluut_verzuim_in(daterange, date, boolean);
TRUNCATE vijand.aanroep;

-- The calls -------------------------------------------------------------------
-- doel: the function (regprocedure), aggregate or view each call exercises.
CREATE TEMP TABLE aanroepen (nr serial, doel text, stmt text);
-- The statements themselves qualify every built-in name and operator (they run
-- with the hostile search_path too): a hostile call can only come from the
-- extension's code.
INSERT INTO aanroepen (doel, stmt) VALUES
 -- registration data through the loader (triggers registratie_bewaken, kalender_gewijzigd)
 ('verzuim.laad_csv_tekst(text,text,text)', $$SELECT verzuim.laad_csv_tekst('gemeente', E'gemeentecode,naam\nGM0363,Amsterdam\nGM0344,Utrecht\n')$$),
 ('verzuim.laad_csv_tekst(text,text,text)', $$SELECT verzuim.laad_csv_tekst('samenwerkingsverband', E'swv_code,naam\nPO2701,SWV\n')$$),
 ('verzuim.laad_csv_tekst(text,text,text)', $$SELECT verzuim.laad_csv_tekst('school', E'brin,naam,gemeentecode,vakantieregio,swv_code\n12AB00,Een,GM0363,noord,PO2701\n12AB01,Twee,GM0344,midden,\n')$$),
 ('verzuim.laad_csv_tekst(text,text,text)', $$SELECT verzuim.laad_csv_tekst('leerling', E'leerling_id,geboortedatum,woongemeente,startkwalificatie_op,eerste_inschrijving\n1001,2012-03-14,GM0363,,2016-04-01\n1002,2016-02-29,GM0344,,\n1003,2005-05-05,GM0363,2023-06-30,2009-08-17\n')$$),
 ('verzuim.controleer_csv_tekst(text,text,text,integer)', $$SELECT * FROM verzuim.controleer_csv_tekst('inschrijving', E'leerling_id,brin,van,tot,onderwijssoort\n1001,12AB00,2016-04-01,,po\n1002,12AB01,2021-08-01,x,po\n')$$),
 ('verzuim.laad_csv_tekst(text,text,text)', $$SELECT verzuim.laad_csv_tekst('inschrijving', E'leerling_id,brin,van,tot,onderwijssoort\n1001,12AB00,2016-04-01,2023-09-01,po\n1002,12AB01,2021-09-01,2023-10-01,po\n1003,12AB00,2009-08-17,2019-08-01,vo\n')$$),
 ('verzuim.laad_csv_tekst(text,text,text)', $$SELECT verzuim.laad_csv_tekst('verblijf', E'leerling_id,gemeentecode,van,tot\n1001,GM0363,2012-03-14,\n')$$),
 ('verzuim.laad_csv_tekst(text,text,text)', $$SELECT verzuim.laad_csv_tekst('afwezigheid', E'leerling_id,brin,datum,reden,uren\n1001,12AB00,2023-01-09,ziek,6\n1001,12AB00,2023-01-10,ongeoorloofd,6\n1001,12AB00,2023-01-11,luxe,3.5\n')$$),
 ('verzuim.laad_csv_tekst(text,text,text)', $$SELECT verzuim.laad_csv_tekst('vrijstelling', E'leerling_id,artikel,van,tot\n1002,5a,2023-11-01,\n')$$),
 ('verzuim.laad_csv_tekst(text,text,text)', $$SELECT verzuim.laad_csv_tekst('melding', E'meldingsnummer,leerling_id,brin,soort,verzuim_van,verzuim_tot,gemeld_op,spoed,status,afgesloten_op,mas_route\n500001,1001,12AB00,16uur,2023-01-09,2023-01-20,2023-01-23 09:15:00+01:00,false,afgesloten,2023-02-15,1\n')$$),
 ('verzuim.laad_csv_tekst(text,text,text)', $$SELECT verzuim.laad_csv_tekst('proces_verbaal', E'leerling_id,datum,soort\n1001,2023-03-01,relatief\n')$$),
 ('verzuim.laad_csv_tekst(text,text,text)', $$SELECT verzuim.laad_csv_tekst('schoolvrije_dag', E'brin,datum,omschrijving\n12AB00,2023-01-12,studiedag\n')$$),
 ('verzuim.laad_csv_tekst(text,text,text)', $$SELECT verzuim.laad_csv_tekst('vakantie', E'regio,schooljaar,soort,van,tot,bron\nzuid,2024-2025,carnaval,2025-03-01,2025-03-09,school\n')$$),
 -- a server-side file (written by COPY as the server user, read as superuser)
 ('verzuim.laad_csv(text,text)', $q$DO $d$ BEGIN
     EXECUTE pg_catalog.format('COPY (VALUES (''gemeentecode'', ''naam''), (''GM0014'', ''Groningen'')) TO %L WITH (FORMAT csv)',
                               pg_catalog.current_setting('data_directory') OPERATOR(pg_catalog.||) '/verzuim_zoekpad_test.csv');
     PERFORM verzuim.laad_csv('gemeente', pg_catalog.current_setting('data_directory') OPERATOR(pg_catalog.||) '/verzuim_zoekpad_test.csv'); END $d$$q$),
 ('verzuim.controleer_csv(text,text,integer)', $$SELECT * FROM verzuim.controleer_csv('gemeente', pg_catalog.current_setting('data_directory') OPERATOR(pg_catalog.||) '/verzuim_zoekpad_test.csv')$$),
 ('verzuim.csv_regels_bestand(text)', $$SELECT * FROM verzuim.csv_regels_bestand(pg_catalog.current_setting('data_directory') OPERATOR(pg_catalog.||) '/verzuim_zoekpad_test.csv')$$),
 ('verzuim.csv_regels(text)', $$SELECT * FROM verzuim.csv_regels(E'a,b\n"x, y",2\n')$$),
 ('verzuim.csv_veldfout(text,regtype,integer)', $$SELECT verzuim.csv_veldfout('2024-02-30', 'pg_catalog.date'), verzuim.csv_veldfout('12.345', 'pg_catalog.numeric', 262150)$$),
 ('verzuim.csv_tabel(text)', $$SELECT verzuim.csv_tabel('leerling')$$),
 ('verzuim.csv_indeling(regclass)', $$SELECT * FROM verzuim.csv_indeling('verzuim.inschrijving')$$),
 ('verzuim.csv_kolommen(text)', $$SELECT * FROM verzuim.csv_kolommen('melding')$$),
 ('verzuim.csv_verwerk(text,text,text,boolean)', $$SELECT * FROM verzuim.csv_verwerk('gemeente', E'gemeentecode,naam\nGM0034,Almere\n', NULL, false)$$),
 ('verzuim.csv_rapport(text,text,text,text,integer)', $$SELECT * FROM verzuim.csv_rapport('gemeente', E'gemeentecode,naam\nGM0034,\n', NULL, 'x.csv', 10)$$),
 ('verzuim.csv_laden(text,text,text,text)', $$SELECT verzuim.csv_laden('gemeente', E'gemeentecode,naam\nGM0034,Almere\n', NULL, 'x.csv')$$),
 ('verzuim.csv_opruimen()', $$SELECT verzuim.csv_opruimen()$$),
 ('verzuim.citus_verdeeld(regclass)', $$SELECT verzuim.citus_verdeeld('verzuim.leerling')$$),
 ('verzuim.csv_bron(regclass,text[],text[],text)', $$SELECT verzuim.csv_bron('verzuim.leerling', '{leerling_id}', '{leerling_id}', 'u')$$),
 ('verzuim.csv_fout_melden(text,text,text,text)', $q$DO $d$ BEGIN PERFORM verzuim.csv_fout_melden('22023', 'x', 'y', 'z'); RAISE EXCEPTION 'not raised'; EXCEPTION WHEN invalid_parameter_value THEN NULL; END $d$$q$),
 ('verzuim.csv_fout_doorgeven(text,text,text,text,text)', $q$DO $d$ BEGIN PERFORM verzuim.csv_fout_doorgeven('22P02', 'invalid input syntax for type integer: "x"', NULL, NULL, 'leerling'); RAISE EXCEPTION 'not raised'; EXCEPTION WHEN invalid_text_representation THEN NULL; END $d$$q$),
 -- the quick path of laad_csv (the laad_csv_tekst calls above take it too)
 ('verzuim.csv_kop(text,text)', $$SELECT * FROM verzuim.csv_kop(E'a,b\n1,2\n', NULL)$$),
 ('verzuim.csv_geldig(text,oid,integer,boolean)', $$SELECT verzuim.csv_geldig('2024-02-29', 'pg_catalog.date'::pg_catalog.regtype::pg_catalog.oid, -1, true), verzuim.csv_geldig('12.5', 'pg_catalog.numeric'::pg_catalog.regtype::pg_catalog.oid, 262150, true)$$),
 ('verzuim.csv_regel_geldig(text,text[],integer)', $$SELECT verzuim.csv_regel_geldig(NULL, ARRAY['a', 'b'], 2)$$),
 ('verzuim.csv_laden_snel(regclass,text,text)', $$SELECT verzuim.csv_laden_snel('verzuim.afwezigheid', E'leerling_id,brin,datum,reden,uren\n1001,12AB00,2023-01-16,ziek,2\n', NULL)$$),
 -- holidays: INSERT, UPDATE, key change, DELETE of shipped and user rows; TRUNCATE of school-free days
 ('verzuim.vakantie_bewerkt()', $$INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode, bron) VALUES ('noord', '2026-2027', 'herfst', '[2026-10-17,2026-10-25]', 'test')$$),
 ('verzuim.vakantie_bewerkt()', $$UPDATE verzuim.vakantie SET bron = 'nagekeken' WHERE regio OPERATOR(pg_catalog.=) 'midden' AND schooljaar OPERATOR(pg_catalog.=) '2023-2024' AND soort OPERATOR(pg_catalog.=) 'kerst'$$),
 ('verzuim.vakantie_bewerkt()', $$UPDATE verzuim.vakantie SET soort = 'kerst2' WHERE regio OPERATOR(pg_catalog.=) 'zuid' AND schooljaar OPERATOR(pg_catalog.=) '2027-2028' AND soort OPERATOR(pg_catalog.=) 'kerst'$$),
 ('verzuim.vakantie_bewerkt()', $$DELETE FROM verzuim.vakantie WHERE regio OPERATOR(pg_catalog.=) 'zuid' AND schooljaar OPERATOR(pg_catalog.=) '2027-2028' AND soort OPERATOR(pg_catalog.=) ANY (ARRAY['voorjaar', 'kerst2'])$$),
 ('verzuim.vakantie_bewerkt()', $$INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode, bron) VALUES ('zuid', '2027-2028', 'voorjaar', '[2028-02-26,2028-03-05]', 'terug')$$),
 ('verzuim.vakantie_bewerkt()', $$TRUNCATE verzuim.vakantie$$),
 ('verzuim.vakantie_bewerkt()', $$INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode, bron) SELECT regio, schooljaar, soort, pg_catalog.daterange(pg_catalog.make_date(pg_catalog.substr(schooljaar, 1, 4)::pg_catalog.int4, 10, 1), pg_catalog.make_date(pg_catalog.substr(schooljaar, 1, 4)::pg_catalog.int4, 10, 8)), 'terug' FROM verzuim.vakantie WHERE periode IS NULL$$),
 ('verzuim.in_extensiescript()', $$SELECT verzuim.in_extensiescript()$$),
 ('verzuim.kalender_gewijzigd()', $$INSERT INTO verzuim.schoolvrije_dag VALUES ('12AB01', '2023-10-13', 'studiedag'); TRUNCATE verzuim.schoolvrije_dag; INSERT INTO verzuim.schoolvrije_dag VALUES ('12AB00', '2023-01-12', 'studiedag')$$),
 ('verzuim.registratie_bewaken()', $$UPDATE verzuim.gemeente SET naam = naam WHERE gemeentecode OPERATOR(pg_catalog.=) 'GM0363'$$),
 ('verzuim.registratie_omvang_maken(regclass)', $$SELECT verzuim.registratie_omvang_maken('verzuim.leerling')$$),
 -- the holiday open data (fictitious 2090-2091), as jsonb and from a server-side file
 ('verzuim.vakanties_laden(jsonb)', $$SELECT * FROM verzuim.vakanties_laden('{"content": {"schoolyear": "2090-2091 ", "vacations": [{"type": " Herfstvakantie", "regions": [{"region": "heel Nederland", "startdate": "2090-10-13T22:00:00.000Z", "enddate": "2090-10-21T22:00:00.000Z"}]}]}}')$$),
 ('verzuim.vakantie_datum(text)', $$SELECT verzuim.vakantie_datum('2026-12-31T23:00:00.000Z'), verzuim.vakantie_datum('2026-10-10')$$),
 ('verzuim.vakanties_bestand(text)', $q$DO $d$ BEGIN
     EXECUTE pg_catalog.format('COPY (VALUES (%L)) TO %L',
                               '{"content": {"schoolyear": "2090-2091", "vacations": [{"type": "Kerstvakantie", "regions": [{"region": "noord", "startdate": "2090-12-23", "enddate": "2091-01-07"}]}]}}',
                               pg_catalog.current_setting('data_directory') OPERATOR(pg_catalog.||) '/verzuim_zoekpad_test.json');
     PERFORM verzuim.vakanties_bestand(pg_catalog.current_setting('data_directory') OPERATOR(pg_catalog.||) '/verzuim_zoekpad_test.json'); END $d$$q$),
 ('verzuim.vakanties_laden_bestand(text)', $$SELECT * FROM verzuim.vakanties_laden_bestand(pg_catalog.current_setting('data_directory') OPERATOR(pg_catalog.||) '/verzuim_zoekpad_test.json')$$),
 -- calendar
 ('verzuim.schooljaar(date)', $$SELECT verzuim.schooljaar('2024-02-29')$$),
 ('verzuim.schooljaar_periode(text)', $$SELECT verzuim.schooljaar_periode('2023-2024')$$),
 ('verzuim.pasen(integer)', $$SELECT verzuim.pasen(2024)$$),
 ('verzuim.feestdagen(integer)', $$SELECT * FROM verzuim.feestdagen(2025)$$),
 ('verzuim.is_lesdag(date,text,text)', $$SELECT verzuim.is_lesdag('2023-01-12', NULL, '12AB00'), verzuim.is_lesdag('2023-12-27', 'zuid'), verzuim.is_lesdag('2024-03-04')$$),
 ('verzuim.lesdagen(daterange,text,text)', $$SELECT verzuim.lesdagen(verzuim.schooljaar_periode('2023-2024'), 'midden'), verzuim.lesdagen('[2023-01-01,2023-02-01)', NULL, '12AB00')$$),
 ('kalender_dekking', $$SELECT * FROM verzuim.kalender_dekking$$),
 ('registratie_omvang', $$SELECT * FROM verzuim.registratie_omvang$$),
 -- leerplicht
 ('verzuim.leerplicht_periode(date,date,text)', $$SELECT verzuim.leerplicht_periode(geboortedatum, eerste_inschrijving) FROM verzuim.leerling$$),
 ('verzuim.kwalificatieplicht_periode(date,date,date,text)', $$SELECT verzuim.kwalificatieplicht_periode(geboortedatum, startkwalificatie_op, eerste_inschrijving) FROM verzuim.leerling$$),
 ('verzuim.leerplicht_status(date,date,date,date,text)', $$SELECT verzuim.leerplicht_status(geboortedatum, '2024-03-01', startkwalificatie_op, eerste_inschrijving) FROM verzuim.leerling$$),
 ('verzuim.plicht_grenzen(date,date,date,text)', $$SELECT (verzuim.plicht_grenzen(geboortedatum, startkwalificatie_op, eerste_inschrijving, NULL)).* FROM verzuim.leerling$$),
 ('verzuim.leeftijd(date,date)', $$SELECT verzuim.leeftijd('2016-02-29', '2024-02-28')$$),
 -- episodes
 ('verzuim.episodes(date,text)', $$SELECT leerling_id, verzuim.episodes(datum, 'noord') FROM verzuim.afwezigheid GROUP BY leerling_id$$),
 ('verzuim.episodes(date,text,text)', $$SELECT leerling_id, verzuim.episodes(datum, NULL, brin) FROM verzuim.afwezigheid GROUP BY leerling_id$$),
 ('verzuim.episodes(date,text,verzuim.reden)', $$SELECT leerling_id, verzuim.episodes(datum, 'noord', reden) FROM verzuim.afwezigheid GROUP BY leerling_id$$),
 ('verzuim.episodes(date,text,text,verzuim.reden)', $$SELECT leerling_id, verzuim.episodes(datum, NULL, brin, reden) FROM verzuim.afwezigheid GROUP BY leerling_id$$),
('verzuim.episodes_brin(date,text)', $$SELECT leerling_id, verzuim.episodes_brin(datum, brin) FROM verzuim.afwezigheid GROUP BY leerling_id$$),
('verzuim.episodes_brin(date,text,verzuim.reden)', $$SELECT leerling_id, verzuim.episodes_brin(datum, brin, reden) FROM verzuim.afwezigheid GROUP BY leerling_id$$),
('verzuim.episodes_brin(date,text,jsonb)', $$SELECT leerling_id, verzuim.episodes_brin(datum, brin, '{"goede_vrijdag_vrij": true}'::jsonb) FROM verzuim.afwezigheid GROUP BY leerling_id$$),
('verzuim.episodes_brin(date,text,verzuim.reden,jsonb)', $$SELECT leerling_id, verzuim.episodes_brin(datum, brin, reden, '{"ziekte_in_episode": "pauzeert", "vakantieregio": "noord"}'::jsonb) FROM verzuim.afwezigheid GROUP BY leerling_id$$),
 ('verzuim.thuiszit(daterange,date,text)', $$SELECT verzuim.thuiszit('[2023-09-04,)', '2024-01-15'), verzuim.thuiszit('[2023-09-04,2023-11-01)', '2024-01-15', 'zuid')$$),
 ('verzuim.absoluut_verzuim(date,boolean)', $$SELECT * FROM verzuim.absoluut_verzuim('2024-06-01'); SELECT * FROM verzuim.absoluut_verzuim('2024-06-01', true)$$),
 ('verzuim.absoluut_kandidaten(daterange,date)', $$SELECT * FROM verzuim.absoluut_kandidaten('[2023-08-01,2024-08-01)', '2024-07-31'); SELECT * FROM verzuim.absoluut_kandidaten('(,2024-08-01)', '2024-03-01')$$),
 ('verzuim.absoluut_verzuim_in(daterange,date,boolean)', $$SELECT * FROM verzuim.absoluut_verzuim_in('[2023-08-01,2024-08-01)', '2024-07-31'); SELECT * FROM verzuim.absoluut_verzuim_in('[2023-08-01,2024-08-01)', '2024-07-31', true)$$),
 -- reporting and access (80_rapportage.sql, 78_toegang.sql)
 ('verzuim.woongemeente_op(bigint,date)', $$SELECT verzuim.woongemeente_op(1001, '2023-01-10'), verzuim.woongemeente_op(1002, '2023-01-10')$$),
 ('verzuim.woongemeenten_op(bigint[],date[])', $$SELECT * FROM verzuim.woongemeenten_op('{1002,1001,1002}', '{2023-01-10,2023-01-10,2020-01-01}')$$),
 ('verzuim.leerplichttelling_velden()', $$SELECT verzuim.leerplichttelling_velden()$$),
 ('verzuim.leerplichttelling_tellers(text,interval,boolean)', $$SELECT * FROM verzuim.leerplichttelling_tellers('2022-2023'); SELECT * FROM verzuim.leerplichttelling_tellers('2022-2023', NULL, true)$$),
 ('verzuim.leerplichttelling(text,interval,boolean)', $$SELECT * FROM verzuim.leerplichttelling('2022-2023', '3 months'); SELECT * FROM verzuim.leerplichttelling('2022-2023', NULL, true)$$),
 ('verzuim.leerplichttelling(text,interval,jsonb)', $$SELECT * FROM verzuim.leerplichttelling('2022-2023', NULL, '{"norm": "2 months", "vakantieregio": "zuid"}'::jsonb)$$),
 ('verzuim.leerplichttelling_schooljaren()', $$SELECT * FROM verzuim.leerplichttelling_schooljaren()$$),
 ('verzuim.leerplichttelling_leerlingen(text,text,text,interval,boolean)', $$SELECT * FROM verzuim.leerplichttelling_leerlingen('GM0363', '2022-2023', 'relatief_verzuim'); SELECT * FROM verzuim.leerplichttelling_leerlingen('GM0363', '2022-2023', 'absoluut_verzuim', NULL, true)$$),
 ('leerplichttelling', $$SELECT * FROM verzuim.leerplichttelling$$),
 ('verzuim.toegang_van(name)', $$SELECT * FROM verzuim.toegang_van(CURRENT_USER)$$),
 ('verzuim.toegang_alles(name)', $$SELECT verzuim.toegang_alles(CURRENT_USER)$$),
 ('verzuim.toegang_leerlingen(name)', $$SELECT * FROM verzuim.toegang_leerlingen(CURRENT_USER)$$),
 ('verzuim.toegang_gemeenten(name)', $$SELECT * FROM verzuim.toegang_gemeenten()$$),
 ('verzuim.rapport_peildatum(date)', $$SELECT verzuim.rapport_peildatum(), verzuim.rapport_peildatum('2023-03-01')$$),
 ('verzuim.thuiszitters(date,interval)', $$SELECT * FROM verzuim.thuiszitters('2023-01-20', '3 months')$$),
 ('thuiszitters', $$SELECT * FROM verzuim.thuiszitters$$),
 ('verzuim.doorloopsnelheid_rapport(text,date)', $$SELECT * FROM verzuim.doorloopsnelheid_rapport('2022-2023', '2023-07-01')$$),
 ('doorloopsnelheid', $$SELECT * FROM verzuim.doorloopsnelheid$$),
 ('verzuim.afhandeling(text,date)', $$SELECT * FROM verzuim.afhandeling('2022-2023', '2023-07-01')$$),
 ('afhandeling', $$SELECT * FROM verzuim.afhandeling$$),
 ('verzuim.leerplichtigen(text)', $$SELECT * FROM verzuim.leerplichtigen('2022-2023')$$),
 ('verzuim.benchmark_referentie()', $$SELECT * FROM verzuim.benchmark_referentie()$$),
 ('verzuim.benchmark(text,interval)', $$SELECT * FROM verzuim.benchmark('2022-2023')$$),
 ('benchmark', $$SELECT * FROM verzuim.benchmark$$),
 ('verzuim.minimale_celgrootte()', $$SELECT verzuim.minimale_celgrootte()$$),
 ('verzuim.ververs_rapportage()', $$SELECT verzuim.ververs_rapportage()$$),
 ('leerplichttelling_mv', $$SELECT * FROM verzuim.leerplichttelling_mv$$),
 ('benchmark_mv', $$SELECT * FROM verzuim.benchmark_mv$$),
 ('doorloopsnelheid_mv', $$SELECT * FROM verzuim.doorloopsnelheid_mv$$),
 ('leerplichttelling_opgeslagen', $$SELECT * FROM verzuim.leerplichttelling_opgeslagen$$),
 ('benchmark_opgeslagen', $$SELECT * FROM verzuim.benchmark_opgeslagen$$),
 ('doorloopsnelheid_opgeslagen', $$SELECT * FROM verzuim.doorloopsnelheid_opgeslagen$$),
 ('publiek_leerplichttelling_cellen', $$SELECT * FROM verzuim.publiek_leerplichttelling_cellen$$),
 ('publiek_leerplichttelling', $$SELECT * FROM verzuim.publiek_leerplichttelling$$),
 ('publiek_benchmark', $$SELECT * FROM verzuim.publiek_benchmark$$),
 -- (a stand-in for pg_cron's cron.schedule, which this cluster does not preload)
 ('verzuim.plan_verversing(text,text)', $q$CREATE SCHEMA IF NOT EXISTS cron; CREATE OR REPLACE FUNCTION cron.schedule(pg_catalog.text, pg_catalog.text, pg_catalog.text) RETURNS pg_catalog.int8 LANGUAGE sql AS 'SELECT 1::pg_catalog.int8'; SELECT verzuim.plan_verversing()$q$),
 -- settings as an argument
 ('verzuim.instellingen(boolean)', $$SELECT verzuim.instellingen(), verzuim.instellingen(false)$$),
 ('verzuim.episodes(date,text,jsonb)', $$SELECT leerling_id, verzuim.episodes(datum, NULL, '{"vakantieregio": "zuid"}'::jsonb) FROM verzuim.afwezigheid GROUP BY leerling_id$$),
 ('verzuim.episodes(date,text,text,jsonb)', $$SELECT leerling_id, verzuim.episodes(datum, NULL, brin, '{"goede_vrijdag_vrij": true, "vakantieregio": "noord"}'::jsonb) FROM verzuim.afwezigheid GROUP BY leerling_id$$),
 ('verzuim.episodes(date,text,verzuim.reden,jsonb)', $$SELECT leerling_id, verzuim.episodes(datum, 'noord', reden, verzuim.instellingen() OPERATOR(pg_catalog.||) '{"ziekte_in_episode": "pauzeert"}') FROM verzuim.afwezigheid GROUP BY leerling_id$$),
 ('verzuim.episodes(date,text,text,verzuim.reden,jsonb)', $$SELECT leerling_id, verzuim.episodes(datum, NULL, brin, reden, '{"ziekte_in_episode": "telt_mee", "vakantieregio": "noord"}'::jsonb) FROM verzuim.afwezigheid GROUP BY leerling_id$$),
 ('verzuim.thuiszit(daterange,date,text,jsonb)', $$SELECT verzuim.thuiszit('[2023-09-04,)', '2024-01-15', NULL, '{"vakantieregio": "noord", "lrv_eenheid": "lesweken", "norm": "2 months"}')$$),
 ('verzuim.is_lesdag(date,text,text,jsonb)', $$SELECT verzuim.is_lesdag('2023-01-12', NULL, '12AB00', '{}'), verzuim.is_lesdag('2024-04-18', 'zuid', NULL, '{"goede_vrijdag_vrij": true}')$$),
 ('verzuim.lesdagen(daterange,text,text,jsonb)', $$SELECT verzuim.lesdagen(verzuim.schooljaar_periode('2023-2024'), 'midden', NULL, '{"bevrijdingsdag_vrij": "altijd"}')$$),
 ('verzuim.feestdagen(integer,jsonb)', $$SELECT * FROM verzuim.feestdagen(2025, '{"goede_vrijdag_vrij": true}')$$),
 ('verzuim.duur_agg(daterange,date,text,jsonb)', $$SELECT verzuim.duur_agg(e, '2024-06-01', NULL, '{"vakantieregio": "midden"}') FROM (VALUES ('[2023-09-04,2023-11-01)'::pg_catalog.daterange), ('[2024-01-08,)')) v(e)$$),
 ('verzuim.doorloopsnelheid(daterange,date,text,jsonb)', $$SELECT verzuim.doorloopsnelheid(e, '2024-06-01', 'noord', '{}') FROM (VALUES ('[2023-09-04,2023-11-01)'::pg_catalog.daterange), ('[2024-01-08,)')) v(e)$$),
 -- classification
 ('verzuim.classificeer(verzuim.reden,verzuim.leerplicht,boolean,boolean,boolean)', $$SELECT verzuim.classificeer('luxe', 'leerplichtig', true, false), verzuim.classificeer(NULL, 'leerplichtig', false, false, true)$$),
 ('afwezigheid_soort', $$SELECT * FROM verzuim.afwezigheid_soort$$),
 ('verzuim.meldplicht(date,numeric,text)', $$SELECT leerling_id, verzuim.meldplicht(datum, uren, 'noord') FROM verzuim.afwezigheid GROUP BY leerling_id$$),
 ('verzuim.meldplicht(date,numeric,text,text)', $$SELECT leerling_id, verzuim.meldplicht(datum, uren, NULL, brin) FROM verzuim.afwezigheid GROUP BY leerling_id$$),
 ('verzuim.meldplicht(date,numeric,text,text,numeric,text,integer)', $$SELECT leerling_id, verzuim.meldplicht(datum, uren, NULL, brin, 4, 'meer_dan', 2) FROM verzuim.afwezigheid GROUP BY leerling_id$$),
 ('meldplicht_naleving_detail', $$SELECT * FROM verzuim.meldplicht_naleving_detail$$),
 ('meldplicht_naleving', $$SELECT * FROM verzuim.meldplicht_naleving$$),
 ('luxe_verzuim', $$SELECT * FROM verzuim.luxe_verzuim$$),
 ('verzuim.mazl_signaal(date,verzuim.reden,text)', $$SELECT leerling_id, verzuim.mazl_signaal(datum, reden, 'noord') FROM verzuim.afwezigheid GROUP BY leerling_id$$),
 ('verzuim.mazl_signaal(date,verzuim.reden,text,text,text)', $$SELECT leerling_id, verzuim.mazl_signaal(datum, reden, NULL, brin, 'schoolweken') FROM verzuim.afwezigheid GROUP BY leerling_id$$),
 -- registration quality
 ('verzuim.registratiekwaliteit_rijen(text,text)', $$SELECT * FROM verzuim.registratiekwaliteit_rijen(); SELECT * FROM verzuim.registratiekwaliteit_rijen('dubbele_leerling', 'GM0363')$$),
 ('registratiekwaliteit', $$SELECT * FROM verzuim.registratiekwaliteit$$),
 ('kwaliteitscontrole', $$SELECT * FROM verzuim.kwaliteitscontrole$$),
 -- durations
 ('verzuim.duur_agg(daterange,date)', $$SELECT verzuim.duur_agg(e, '2024-06-01') FROM (VALUES ('[2023-09-04,2023-11-01)'::pg_catalog.daterange), ('[2024-01-08,)')) v(e)$$),
 ('verzuim.duur_agg(daterange,date,text)', $$SELECT verzuim.duur_agg(e, '2024-06-01', 'midden') FROM (VALUES ('[2023-09-04,2023-11-01)'::pg_catalog.daterange), ('[2024-01-08,)')) v(e)$$),
 ('verzuim.doorloopsnelheid(daterange,date)', $$SELECT verzuim.doorloopsnelheid(e, '2024-06-01') FROM (VALUES ('[2023-09-04,2023-11-01)'::pg_catalog.daterange), ('[2024-01-08,)')) v(e)$$),
 ('verzuim.doorloopsnelheid(daterange,date,text)', $$SELECT verzuim.doorloopsnelheid(e, '2024-06-01', 'noord') FROM (VALUES ('[2023-09-04,2023-11-01)'::pg_catalog.daterange), ('[2024-01-08,)')) v(e)$$),
 ('verzuim.samenvoegen(verzuim.duurverdeling)', $$SELECT verzuim.samenvoegen(d) FROM (SELECT verzuim.duur_agg(e, '2024-06-01') d FROM (VALUES ('[2023-09-04,2023-11-01)'::pg_catalog.daterange), ('[2024-01-08,)')) v(e) GROUP BY e) x$$),
 ('duurverdeling', $$CREATE TEMP TABLE verdeling AS SELECT verzuim.duur_agg(e, '2024-06-01') AS d FROM (VALUES ('[2023-09-04,2023-11-01)'::pg_catalog.daterange), ('[2024-01-08,)'), ('[2024-02-01,2024-03-01)')) v(e)$$),
 ('verzuim.duurverdeling_out(verzuim.duurverdeling)', $$SELECT d::pg_catalog.text, d::pg_catalog.text::verzuim.duurverdeling FROM verdeling$$),
 ('verzuim.duurverdeling_send(verzuim.duurverdeling)', $$SELECT verzuim.duurverdeling_send(d) FROM verdeling$$),
 ('verzuim.duurverdeling_eq(verzuim.duurverdeling,verzuim.duurverdeling)', $$SELECT d OPERATOR(verzuim.=) d, d OPERATOR(verzuim.<>) d FROM verdeling$$),
 ('verzuim.duurverdeling_ne(verzuim.duurverdeling,verzuim.duurverdeling)', $$SELECT verzuim.duurverdeling_ne(d, d), verzuim.duurverdeling_eq(d, d), verzuim.duurverdeling_hash(d) FROM verdeling$$),
 ('verzuim.duurverdeling_hash(verzuim.duurverdeling)', $$SELECT DISTINCT d FROM verdeling$$),
 ('verzuim.aantal(verzuim.duurverdeling)', $$SELECT verzuim.aantal(d), verzuim.aantal_lopend(d), verzuim.gemiddelde(d), verzuim.doorloopsnelheid(d), verzuim.percentiel(d, 0.9), verzuim.mediaan(d), verzuim.beperkt_gemiddelde(d, 100), verzuim.aandeel_langer_dan(d, 30), verzuim.peildatum(d), verzuim.eenheid(d), verzuim.verdeling(d) FROM verdeling$$),
 ('verzuim.aantal_lopend(verzuim.duurverdeling)', NULL), ('verzuim.gemiddelde(verzuim.duurverdeling)', NULL),
 ('verzuim.doorloopsnelheid(verzuim.duurverdeling)', NULL), ('verzuim.percentiel(verzuim.duurverdeling,double precision)', NULL),
 ('verzuim.mediaan(verzuim.duurverdeling)', NULL), ('verzuim.beperkt_gemiddelde(verzuim.duurverdeling,integer)', NULL),
 ('verzuim.aandeel_langer_dan(verzuim.duurverdeling,integer)', NULL), ('verzuim.peildatum(verzuim.duurverdeling)', NULL),
 ('verzuim.eenheid(verzuim.duurverdeling)', NULL), ('verzuim.verdeling(verzuim.duurverdeling)', NULL),
 -- forced parallel plans: the calendar is read in the workers, and the
 -- combine, serialize and deserialize functions run
 ('parallel', $$SET LOCAL max_parallel_workers_per_gather = 2; SET LOCAL parallel_setup_cost = 0; SET LOCAL parallel_tuple_cost = 0; SET LOCAL min_parallel_table_scan_size = 0; SELECT pg_catalog.set_config(CASE WHEN pg_catalog.current_setting('server_version_num')::pg_catalog.int4 OPERATOR(pg_catalog.>=) 160000 THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END, 'on', true)$$),
 ('verzuim.episodes(date,text)', $$SELECT verzuim.episodes(datum, 'noord'), verzuim.episodes(datum, NULL, brin), verzuim.episodes(datum, 'noord', reden), verzuim.episodes(datum, NULL, brin, reden) FROM verzuim.afwezigheid$$),
 ('verzuim.duur_agg(daterange,date)', $$SELECT verzuim.duur_agg(periode, '2024-06-01'), verzuim.duur_agg(periode, '2024-06-01', 'noord'), verzuim.doorloopsnelheid(periode, '2024-06-01'), verzuim.doorloopsnelheid(periode, '2024-06-01', 'zuid') FROM verzuim.inschrijving WHERE pg_catalog.lower(periode) OPERATOR(pg_catalog.>=) '2021-08-01'$$),
 ('verzuim.lesdagen(daterange,text,text)', $$SELECT verzuim.lesdagen(periode, NULL, brin), verzuim.is_lesdag(pg_catalog.lower(periode), NULL, brin) FROM verzuim.inschrijving WHERE pg_catalog.lower(periode) OPERATOR(pg_catalog.>=) '2021-08-01'$$),
 ('verzuim.meldplicht(date,numeric,text)', $$SELECT verzuim.meldplicht(datum, uren, 'noord'), verzuim.meldplicht(datum, uren, NULL, brin, 4, '>', 2) FROM verzuim.afwezigheid WHERE leerling_id OPERATOR(pg_catalog.=) (SELECT pg_catalog.min(leerling_id) FROM verzuim.afwezigheid)$$),
 ('serieel', $$SET LOCAL max_parallel_workers_per_gather = 0; SELECT pg_catalog.set_config(CASE WHEN pg_catalog.current_setting('server_version_num')::pg_catalog.int4 OPERATOR(pg_catalog.>=) 160000 THEN 'debug_parallel_query' ELSE 'force_parallel_mode' END, 'off', true)$$);

-- functions that always raise an error: an error is not counted in
-- pg_stat_xact_user_functions; their calls above fail when they do not raise
CREATE TEMP TABLE aanroepen_met_fout (doel text);
INSERT INTO aanroepen_met_fout VALUES
  ('verzuim.csv_fout_melden(text,text,text,text)'), ('verzuim.csv_fout_doorgeven(text,text,text,text,text)');

-- support functions: called by their aggregate, type or operator class, not by name
CREATE TEMP VIEW ondersteuning AS
SELECT f::regprocedure AS f FROM pg_aggregate a, unnest(ARRAY[a.aggtransfn, a.aggfinalfn, a.aggcombinefn,
                                                          a.aggserialfn, a.aggdeserialfn]) f
 WHERE a.aggfnoid::regprocedure::text LIKE 'verzuim.%' AND f <> 0
UNION SELECT f::regprocedure FROM pg_type t, unnest(ARRAY[t.typinput, t.typoutput, t.typreceive, t.typsend]) f
 WHERE t.typnamespace = 'verzuim'::regnamespace AND f <> 0
UNION SELECT p.amproc::regprocedure FROM pg_amproc p JOIN pg_opfamily o ON o.oid = p.amprocfamily
 WHERE o.opfnamespace = 'verzuim'::regnamespace;

-- every function, aggregate and view of the extension has a call
SELECT is((SELECT array_agg(p.oid::regprocedure::text ORDER BY 1)
             FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                                           AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
             JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'verzuim'
            WHERE p.oid NOT IN (SELECT f FROM ondersteuning)
              AND p.oid::regprocedure::text NOT IN (SELECT doel FROM aanroepen)),
          NULL, 'every function and aggregate of the extension (from pg_proc) has a call in this test');
SELECT is((SELECT array_agg(c.relname::text ORDER BY 1) FROM pg_class c
            WHERE c.relnamespace = 'verzuim'::regnamespace AND c.relkind IN ('v', 'm')
              AND c.relname::text NOT IN (SELECT doel FROM aanroepen)),
          NULL, 'every view of schema verzuim has a call in this test');

-- Run every call: first with the hostile schema ahead of pg_catalog, then with
-- pg_catalog implicitly first (hostile objects found only where they match better).
SAVEPOINT voor_aanroepen;
SELECT pg_temp.vijandig(stmt, 'vijand, public, pg_catalog') FROM aanroepen WHERE stmt IS NOT NULL ORDER BY nr;
SELECT is((SELECT array_agg(DISTINCT wat ORDER BY wat) FROM vijand.aanroep), NULL,
          'search_path vijand, public, pg_catalog: no hostile object ran in any call of a function, aggregate, trigger or view');
SELECT is((SELECT array_agg(f.funcid::regprocedure::text ORDER BY 1)
             FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                                           AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
             JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'verzuim'
             CROSS JOIN LATERAL (SELECT p.oid AS funcid) f
            WHERE p.prokind = 'f' AND p.oid NOT IN (SELECT f FROM ondersteuning)
              AND p.oid::regprocedure::text NOT IN (SELECT doel FROM aanroepen_met_fout)
              AND NOT EXISTS (SELECT 1 FROM pg_stat_xact_user_functions s WHERE s.funcid = p.oid AND s.calls > 0)),
          NULL, 'every listed function and trigger function really ran (pg_stat_xact_user_functions)');
ROLLBACK TO SAVEPOINT voor_aanroepen;
TRUNCATE vijand.aanroep;
SELECT pg_temp.vijandig(stmt, 'vijand') FROM aanroepen WHERE stmt IS NOT NULL ORDER BY nr;
SELECT is((SELECT array_agg(DISTINCT wat ORDER BY wat) FROM vijand.aanroep), NULL,
          'search_path vijand (pg_catalog implicitly first, as for objects in public): no hostile object ran');

-- the pinned functions: every SQL and plpgsql function of the extension has
-- SET search_path = pg_catalog, pg_temp, or is a trigger of which every name is qualified
SELECT is((SELECT array_agg(p.oid::regprocedure::text ORDER BY 1)
             FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                                           AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
             JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'verzuim'
             JOIN pg_language l ON l.oid = p.prolang
            WHERE l.lanname NOT IN ('c', 'internal')
              AND NOT coalesce('search_path=pg_catalog, pg_temp' = ANY (p.proconfig), false)),
          '{verzuim.registratie_bewaken()}',
          'every SQL and plpgsql function pins search_path = pg_catalog, pg_temp (except the hot trigger registratie_bewaken, all names qualified)');
SELECT ok(position(' lower(' IN pg_get_functiondef('verzuim.registratie_bewaken()'::regprocedure)) = 0
          AND pg_get_functiondef('verzuim.registratie_bewaken()'::regprocedure) !~ '[^.(]to_regclass|[^(] <> ',
          'registratie_bewaken qualifies its names and operators');

SELECT * FROM finish();
ROLLBACK;
