-- The generator plants polluted registrations (bench/generator/gen.c,
-- --vervuiling) and writes every finding the registratiekwaliteit checks must
-- report to its stream "vervuiling"; the checks find exactly those, row by
-- row, in clean data (only the overig meldingen without absence it makes by
-- design) and in polluted data.  Run from the repository root (as
-- scripts/test.sh does).  Everything is rolled back.
BEGIN;
CREATE EXTENSION IF NOT EXISTS verzuim CASCADE;
SELECT plan(9);

\! make -s -C bench/generator gen >/dev/null

CREATE TEMP TABLE geplant (controle text, leerling_id bigint, sleutel text, brin text, periode daterange, verwant text);
-- the same finding on both sides: every column (NULLs compared as equal)
CREATE FUNCTION pg_temp.verschil(a_extra OUT bigint, b_extra OUT bigint) LANGUAGE sql AS $$
  WITH a AS (SELECT controle, leerling_id, sleutel, brin, periode, verwant FROM verzuim.registratiekwaliteit_rijen()),
       b AS (SELECT controle, leerling_id, sleutel, brin, periode, verwant FROM geplant)
  SELECT (SELECT count(*) FROM (SELECT * FROM a EXCEPT ALL SELECT * FROM b) x),
         (SELECT count(*) FROM (SELECT * FROM b EXCEPT ALL SELECT * FROM a) y)
$$;

-- 1-2: clean data (scale 0.001, seed 2): only the overig meldingen on a day without absence
\copy verzuim.gemeente (gemeentecode, naam, vakantieregio) FROM PROGRAM 'bench/generator/gen --scale 0.001 --seed 2 --quiet --table gemeente'
\copy verzuim.samenwerkingsverband (swv_code, naam) FROM PROGRAM 'bench/generator/gen --scale 0.001 --seed 2 --quiet --table samenwerkingsverband'
\copy verzuim.school (brin, naam, gemeentecode, vakantieregio, swv_code) FROM PROGRAM 'bench/generator/gen --scale 0.001 --seed 2 --quiet --table school'
\copy verzuim.leerling (leerling_id, geboortedatum, woongemeente, startkwalificatie_op, eerste_inschrijving) FROM PROGRAM 'bench/generator/gen --scale 0.001 --seed 2 --quiet --table leerling'
\copy verzuim.verblijf (leerling_id, gemeentecode, periode) FROM PROGRAM 'bench/generator/gen --scale 0.001 --seed 2 --quiet --table verblijf'
\copy verzuim.inschrijving (inschrijving_id, leerling_id, brin, periode, onderwijssoort) FROM PROGRAM 'bench/generator/gen --scale 0.001 --seed 2 --quiet --table inschrijving'
\copy verzuim.afwezigheid (leerling_id, brin, datum, reden, uren) FROM PROGRAM 'bench/generator/gen --scale 0.001 --seed 2 --quiet --table afwezigheid'
\copy verzuim.vrijstelling (vrijstelling_id, leerling_id, artikel, periode) FROM PROGRAM 'bench/generator/gen --scale 0.001 --seed 2 --quiet --table vrijstelling'
\copy verzuim.melding (meldingsnummer, leerling_id, brin, soort, verzuim_periode, gemeld_op, spoed, status, afgesloten_op, mas_route) FROM PROGRAM 'bench/generator/gen --scale 0.001 --seed 2 --quiet --table melding'
\copy geplant FROM PROGRAM 'bench/generator/gen --scale 0.001 --seed 2 --quiet --table vervuiling'
-- fresh statistics for the loaded rows: in a database where these tables were vacuumed while
-- empty (an updated one), the planner would otherwise take them for empty and pick nested loops
ANALYZE verzuim.gemeente, verzuim.school, verzuim.leerling, verzuim.verblijf, verzuim.inschrijving,
        verzuim.afwezigheid, verzuim.vrijstelling, verzuim.melding;

SELECT ok((SELECT count(*) > 0 AND bool_and(controle = 'melding_zonder_afwezigheid') FROM geplant)
          AND (SELECT bool_and(m.soort = 'overig') FROM geplant g JOIN verzuim.melding m ON m.meldingsnummer = g.sleutel::bigint),
          'clean data: the only findings by design are overig meldingen without an absence row');
SELECT is((SELECT row(a_extra, b_extra)::text FROM pg_temp.verschil()), '(0,0)',
          'clean data: the checks find exactly those, nothing more');

CREATE TEMP TABLE schoon_ins AS SELECT * FROM verzuim.inschrijving;
CREATE TEMP TABLE schoon_vbl AS SELECT * FROM verzuim.verblijf;
CREATE TEMP TABLE schoon_afw AS SELECT * FROM verzuim.afwezigheid;

-- 3-9: polluted data (the same seed, three times the documented rates)
TRUNCATE verzuim.leerling, verzuim.verblijf, verzuim.inschrijving, verzuim.afwezigheid, verzuim.vrijstelling,
         verzuim.melding, verzuim.proces_verbaal, geplant;
\copy verzuim.leerling (leerling_id, geboortedatum, woongemeente, startkwalificatie_op, eerste_inschrijving) FROM PROGRAM 'bench/generator/gen --scale 0.001 --seed 2 --quiet --vervuiling 3 --table leerling'
\copy verzuim.verblijf (leerling_id, gemeentecode, periode) FROM PROGRAM 'bench/generator/gen --scale 0.001 --seed 2 --quiet --vervuiling 3 --table verblijf'
\copy verzuim.inschrijving (inschrijving_id, leerling_id, brin, periode, onderwijssoort) FROM PROGRAM 'bench/generator/gen --scale 0.001 --seed 2 --quiet --vervuiling 3 --table inschrijving'
\copy verzuim.afwezigheid (leerling_id, brin, datum, reden, uren) FROM PROGRAM 'bench/generator/gen --scale 0.001 --seed 2 --quiet --vervuiling 3 --table afwezigheid'
\copy verzuim.vrijstelling (vrijstelling_id, leerling_id, artikel, periode) FROM PROGRAM 'bench/generator/gen --scale 0.001 --seed 2 --quiet --vervuiling 3 --table vrijstelling'
\copy verzuim.melding (meldingsnummer, leerling_id, brin, soort, verzuim_periode, gemeld_op, spoed, status, afgesloten_op, mas_route) FROM PROGRAM 'bench/generator/gen --scale 0.001 --seed 2 --quiet --vervuiling 3 --table melding'
\copy geplant FROM PROGRAM 'bench/generator/gen --scale 0.001 --seed 2 --quiet --vervuiling 3 --table vervuiling'
-- fresh statistics for the loaded rows: in a database where these tables were vacuumed while
-- empty (an updated one), the planner would otherwise take them for empty and pick nested loops
ANALYZE verzuim.gemeente, verzuim.school, verzuim.leerling, verzuim.verblijf, verzuim.inschrijving,
        verzuim.afwezigheid, verzuim.vrijstelling, verzuim.melding;

SELECT is((SELECT array_agg(controle ORDER BY controle) FROM (SELECT DISTINCT controle FROM geplant) x),
          (SELECT array_agg(controle ORDER BY controle) FROM verzuim.kwaliteitscontrole),
          'polluted data: every kind of pollution was planted');
SELECT is((SELECT count(*) FROM geplant WHERE controle <> 'melding_zonder_afwezigheid'
            AND controle <> 'melding_zonder_inschrijving') > 300, true,
          'polluted data: hundreds of planted rows');
SELECT results_eq(
  $$SELECT k.controle, (SELECT count(*) FROM verzuim.registratiekwaliteit_rijen() r WHERE r.controle = k.controle)
      FROM verzuim.kwaliteitscontrole k ORDER BY k.volgorde$$,
  $$SELECT k.controle, (SELECT count(*) FROM geplant g WHERE g.controle = k.controle)
      FROM verzuim.kwaliteitscontrole k ORDER BY k.volgorde$$,
  'polluted data: every check counts exactly what was planted');
SELECT is((SELECT row(a_extra, b_extra)::text FROM pg_temp.verschil()), '(0,0)',
          'polluted data: and finds exactly the planted rows (pupil, key, school, period, related row)');
SELECT set_eq(
  $$SELECT gemeentecode, controle, bevindingen FROM verzuim.registratiekwaliteit WHERE bevindingen > 0$$,
  $$SELECT l.woongemeente, g.controle, count(*) FROM geplant g JOIN verzuim.leerling l USING (leerling_id)
     GROUP BY 1, 2$$,
  'polluted data: the view per gemeente adds up the planted rows per woongemeente');
SELECT is((SELECT count(*) FROM verzuim.leerling WHERE leerling_id >= 1000000000),
          (SELECT count(*) FROM geplant WHERE controle = 'dubbele_leerling'),
          'one second id per planted duplicate pupil');
-- the pollution leaves the rows of the other pupils alone
SELECT is((SELECT count(*) FROM (
             (SELECT leerling_id, brin, periode, onderwijssoort::text FROM schoon_ins
              EXCEPT ALL SELECT leerling_id, brin, periode, onderwijssoort::text FROM verzuim.inschrijving)
             UNION ALL
             (SELECT leerling_id, gemeentecode, periode, NULL::text FROM schoon_vbl
              EXCEPT ALL SELECT leerling_id, gemeentecode, periode, NULL::text FROM verzuim.verblijf)
             UNION ALL
             (SELECT leerling_id, brin, daterange(datum, datum, '[]'), reden::text FROM schoon_afw
              EXCEPT ALL SELECT leerling_id, brin, daterange(datum, datum, '[]'), reden::text FROM verzuim.afwezigheid)) x
            WHERE x.leerling_id NOT IN (SELECT leerling_id FROM geplant)),
          0::bigint, 'pupils without planted pollution keep their enrolments, residences and absences');
SELECT * FROM finish();
ROLLBACK;
