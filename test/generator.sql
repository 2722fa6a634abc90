-- The benchmark data generator (bench/generator/gen.c): a tiny generated
-- dataset loads into the registration tables with every constraint checked
-- row by row, is deterministic, and is plausible (absences only on school days
-- of the school's region, inside an enrolment and a residence; meldingen and
-- processen-verbaal inside the schooljaar).  Run from the repository root (as
-- scripts/test.sh does): it builds the generator and loads its output with
-- \copy ... FROM PROGRAM.  Everything is rolled back.
BEGIN;
CREATE EXTENSION IF NOT EXISTS verzuim CASCADE;
SELECT plan(26);

\! make -s -C bench/generator gen >/dev/null

-- scale 0.001, seed 2: three small gemeenten, about 3,000 pupils
\copy verzuim.gemeente (gemeentecode, naam, vakantieregio) FROM PROGRAM 'bench/generator/gen --scale 0.001 --seed 2 --quiet --table gemeente'
\copy verzuim.samenwerkingsverband (swv_code, naam) FROM PROGRAM 'bench/generator/gen --scale 0.001 --seed 2 --quiet --table samenwerkingsverband'
\copy verzuim.school (brin, naam, gemeentecode, vakantieregio, swv_code) FROM PROGRAM 'bench/generator/gen --scale 0.001 --seed 2 --quiet --table school'
\copy verzuim.leerling (leerling_id, geboortedatum, woongemeente, startkwalificatie_op, eerste_inschrijving) FROM PROGRAM 'bench/generator/gen --scale 0.001 --seed 2 --quiet --table leerling'
\copy verzuim.verblijf (leerling_id, gemeentecode, periode) FROM PROGRAM 'bench/generator/gen --scale 0.001 --seed 2 --quiet --table verblijf'
\copy verzuim.inschrijving (inschrijving_id, leerling_id, brin, periode, onderwijssoort) FROM PROGRAM 'bench/generator/gen --scale 0.001 --seed 2 --quiet --table inschrijving'
\copy verzuim.afwezigheid (leerling_id, brin, datum, reden, uren) FROM PROGRAM 'bench/generator/gen --scale 0.001 --seed 2 --quiet --table afwezigheid'
\copy verzuim.vrijstelling (vrijstelling_id, leerling_id, artikel, periode) FROM PROGRAM 'bench/generator/gen --scale 0.001 --seed 2 --quiet --table vrijstelling'
\copy verzuim.melding (meldingsnummer, leerling_id, brin, soort, verzuim_periode, gemeld_op, spoed, status, afgesloten_op, mas_route) FROM PROGRAM 'bench/generator/gen --scale 0.001 --seed 2 --quiet --table melding'
\copy verzuim.proces_verbaal (pv_id, leerling_id, datum, soort) FROM PROGRAM 'bench/generator/gen --scale 0.001 --seed 2 --quiet --table proces_verbaal'

-- 1-3: every table was filled (the loads above checked every constraint)
SELECT is((SELECT count(*) FROM verzuim.gemeente), 342::bigint, 'all 342 gemeenten');
SELECT is((SELECT count(*) FROM verzuim.gemeente WHERE vakantieregio IS NULL), 0::bigint, 'every gemeente has its vakantieregio');
SELECT is((SELECT count(*) FROM verzuim.school s JOIN verzuim.gemeente g USING (gemeentecode)
           WHERE s.vakantieregio <> g.vakantieregio), 0::bigint, 'every school is in the vakantieregio of its gemeente');
SELECT is((SELECT count(*) FROM verzuim.samenwerkingsverband), 150::bigint, '150 samenwerkingsverbanden');
SELECT ok((SELECT count(*) FROM verzuim.leerling) BETWEEN 2500 AND 3500
          AND (SELECT count(*) FROM verzuim.afwezigheid) > 5 * (SELECT count(*) FROM verzuim.leerling)
          AND (SELECT count(*) FROM verzuim.school) > 0 AND (SELECT count(*) FROM verzuim.verblijf) > 0
          AND (SELECT count(*) FROM verzuim.inschrijving) > 0 AND (SELECT count(*) FROM verzuim.vrijstelling) > 0
          AND (SELECT count(*) FROM verzuim.melding) > 0 AND (SELECT count(*) FROM verzuim.proces_verbaal) > 0,
          'scale 0.001 gives about 3,000 pupils and rows in every table');

-- 4-5: determinism: the same seed gives the same rows, another seed others
CREATE TEMP TABLE afw_again (LIKE verzuim.afwezigheid);
CREATE TEMP TABLE ins_again (LIKE verzuim.inschrijving);
CREATE TEMP TABLE mld_again (LIKE verzuim.melding);
CREATE TEMP TABLE afw_other (LIKE verzuim.afwezigheid);
\copy afw_again (leerling_id, brin, datum, reden, uren) FROM PROGRAM 'bench/generator/gen --scale 0.001 --seed 2 --quiet --table afwezigheid'
\copy ins_again (inschrijving_id, leerling_id, brin, periode, onderwijssoort) FROM PROGRAM 'bench/generator/gen --scale 0.001 --seed 2 --quiet --table inschrijving'
\copy mld_again (meldingsnummer, leerling_id, brin, soort, verzuim_periode, gemeld_op, spoed, status, afgesloten_op, mas_route) FROM PROGRAM 'bench/generator/gen --scale 0.001 --seed 2 --quiet --table melding'
\copy afw_other (leerling_id, brin, datum, reden, uren) FROM PROGRAM 'bench/generator/gen --scale 0.001 --seed 3 --quiet --table afwezigheid'
SELECT ok((SELECT md5(string_agg(t::text, E'\n' ORDER BY t::text)) FROM verzuim.afwezigheid t)
          = (SELECT md5(string_agg(t::text, E'\n' ORDER BY t::text)) FROM afw_again t)
          AND (SELECT md5(string_agg(t::text, E'\n' ORDER BY t::text)) FROM verzuim.inschrijving t)
          = (SELECT md5(string_agg(t::text, E'\n' ORDER BY t::text)) FROM ins_again t)
          AND (SELECT md5(string_agg(t::text, E'\n' ORDER BY t::text)) FROM verzuim.melding t)
          = (SELECT md5(string_agg(t::text, E'\n' ORDER BY t::text)) FROM mld_again t),
          'the same seed and scale give identical afwezigheid, inschrijving and melding rows');
SELECT isnt((SELECT md5(string_agg(t::text, E'\n' ORDER BY t::text)) FROM verzuim.afwezigheid t),
            (SELECT md5(string_agg(t::text, E'\n' ORDER BY t::text)) FROM afw_other t),
            'another seed gives other absences');

-- 6-8: absences only on school days of the school's vakantieregio, by an
-- independent calendar of 2024-2025 (DOMAIN.md section 11) and by the extension's
CREATE TEMP TABLE vrij_2425 (regio text, lo date, hi date);
INSERT INTO vrij_2425 VALUES
  ('noord', '2024-07-20', '2024-09-01'), ('midden', '2024-07-13', '2024-08-25'), ('zuid', '2024-07-06', '2024-08-18'),
  ('noord', '2024-10-26', '2024-11-03'), ('midden', '2024-10-26', '2024-11-03'), ('zuid', '2024-10-19', '2024-10-27'),
  ('noord', '2024-12-21', '2025-01-05'), ('midden', '2024-12-21', '2025-01-05'), ('zuid', '2024-12-21', '2025-01-05'),
  ('noord', '2025-02-15', '2025-02-23'), ('midden', '2025-02-22', '2025-03-02'), ('zuid', '2025-02-22', '2025-03-02'),
  ('noord', '2025-04-26', '2025-05-04'), ('midden', '2025-04-26', '2025-05-04'), ('zuid', '2025-04-26', '2025-05-04'),
  ('noord', '2025-07-12', '2025-08-24'), ('midden', '2025-07-19', '2025-08-31'), ('zuid', '2025-07-05', '2025-08-17');
SELECT is((SELECT count(*) FROM verzuim.afwezigheid a JOIN verzuim.school s USING (brin)
            WHERE extract(isodow FROM a.datum) > 5
               OR a.datum IN ('2025-01-01', '2025-04-21', '2025-04-26', '2025-05-05', '2025-05-29', '2025-06-09')
               OR EXISTS (SELECT 1 FROM vrij_2425 v WHERE v.regio = s.vakantieregio AND a.datum BETWEEN v.lo AND v.hi)),
          0::bigint, 'no absence on a weekend, public holiday or school holiday of the school''s region');
SELECT is((SELECT count(*) FROM verzuim.afwezigheid a JOIN verzuim.school s USING (brin)
            WHERE NOT verzuim.is_lesdag(a.datum, s.vakantieregio)),
          0::bigint, 'every absence is on a lesdag by verzuim.is_lesdag');
SELECT is((SELECT count(*) FROM verzuim.afwezigheid WHERE datum NOT BETWEEN '2024-08-01' AND '2025-07-31'),
          0::bigint, 'absences lie in schooljaar 2024-2025');

-- 9-13: absences inside an enrolment at that school and a residence; plausible hours
SELECT is((SELECT count(*) FROM verzuim.afwezigheid a
            WHERE NOT EXISTS (SELECT 1 FROM verzuim.inschrijving i
                               WHERE i.leerling_id = a.leerling_id AND i.brin = a.brin AND i.periode @> a.datum)),
          0::bigint, 'every absence lies in an enrolment of the pupil at that school');
SELECT is((SELECT count(*) FROM verzuim.afwezigheid a
            WHERE NOT EXISTS (SELECT 1 FROM verzuim.verblijf v
                               WHERE v.leerling_id = a.leerling_id AND v.periode @> a.datum)),
          0::bigint, 'every absence lies in a residence period of the pupil');
SELECT is((SELECT count(*) FROM (SELECT leerling_id, datum FROM verzuim.afwezigheid
                                  GROUP BY leerling_id, datum HAVING sum(uren) > 6.5
                                      OR count(DISTINCT brin) > 1) x),
          0::bigint, 'at most one school day (6.5 hours) and one school per pupil and day');
SELECT is((SELECT count(*) FROM verzuim.afwezigheid WHERE reden = 'te_laat' AND uren > 1),
          0::bigint, 'te laat is at most one hour');
SELECT is((SELECT array_agg(DISTINCT reden ORDER BY reden) FROM verzuim.afwezigheid),
          enum_range(NULL::verzuim.reden),
          'every reason occurs');

-- 14-17: enrolment and residence histories
SELECT is((SELECT count(*) FROM verzuim.inschrijving a JOIN verzuim.inschrijving b
             ON a.leerling_id = b.leerling_id AND a.inschrijving_id < b.inschrijving_id AND a.periode && b.periode),
          0::bigint, 'a pupil is enrolled at one school at a time');
SELECT is((SELECT count(*) FROM (SELECT leerling_id FROM verzuim.verblijf
                                  GROUP BY leerling_id HAVING (SELECT count(*) FROM unnest(range_agg(periode))) <> 1) x),
          0::bigint, 'residence periods of a pupil are contiguous');
SELECT is((SELECT count(*) FROM verzuim.leerling l
            WHERE l.eerste_inschrijving IS DISTINCT FROM
                  (SELECT min(lower(i.periode)) FROM verzuim.inschrijving i WHERE i.leerling_id = l.leerling_id)),
          0::bigint, 'eerste_inschrijving is the start of the first enrolment');
SELECT is((SELECT count(*) FROM verzuim.leerling l
            WHERE l.woongemeente <> (SELECT v.gemeentecode FROM verzuim.verblijf v
                                      WHERE v.leerling_id = l.leerling_id ORDER BY lower(v.periode) DESC LIMIT 1)),
          0::bigint, 'woongemeente is the gemeente of the last residence period');

-- 18-19: vrijstellingen van inschrijving do not overlap an enrolment
SELECT is((SELECT count(*) FROM verzuim.vrijstelling x JOIN verzuim.inschrijving i
             ON i.leerling_id = x.leerling_id AND i.periode && x.periode
            WHERE x.artikel IN ('5a', '5b', '5c', '15')),
          0::bigint, 'no enrolment during a vrijstelling of art. 5 or 15');
SELECT is((SELECT count(*) FROM verzuim.vrijstelling x
            WHERE x.artikel IN ('3a', '3b') AND NOT EXISTS (
                  SELECT 1 FROM verzuim.inschrijving i WHERE i.leerling_id = x.leerling_id AND i.periode && x.periode)),
          0::bigint, 'vervangende leerplicht (3a, 3b) goes with an enrolment');

-- 20-23: meldingen and processen-verbaal
SELECT is((SELECT count(*) FROM verzuim.melding
            WHERE gemeld_op::date NOT BETWEEN '2024-08-01' AND '2025-07-31'
               OR afgesloten_op NOT BETWEEN '2024-08-01' AND '2025-07-31'
               OR lower(verzuim_periode) > gemeld_op::date
               OR afgesloten_op < gemeld_op::date),
          0::bigint, 'meldingen are reported and closed in the schooljaar, after the verzuim began');
SELECT is((SELECT count(*) FROM verzuim.melding m
            WHERE NOT EXISTS (SELECT 1 FROM verzuim.inschrijving i
                               WHERE i.leerling_id = m.leerling_id AND i.brin = m.brin
                                 AND i.periode @> lower(m.verzuim_periode))),
          0::bigint, 'a melding comes from the school the pupil was enrolled at');
SELECT is((SELECT count(*) FROM verzuim.melding m
            WHERE m.soort = 'lrv' AND NOT EXISTS (
                  SELECT 1 FROM verzuim.afwezigheid a
                   WHERE a.leerling_id = m.leerling_id AND a.datum = lower(m.verzuim_periode)
                     AND a.reden = 'ongeoorloofd')),
          0::bigint, 'an lrv melding starts on a day of ongeoorloofd absence');
SELECT is((SELECT count(*) FROM verzuim.proces_verbaal WHERE datum NOT BETWEEN '2024-08-01' AND '2025-07-31'),
          0::bigint, 'processen-verbaal are dated in the schooljaar');

-- 24: the identity columns were given explicitly and are unique
SELECT ok((SELECT count(DISTINCT inschrijving_id) = count(*) FROM verzuim.inschrijving)
          AND (SELECT min(inschrijving_id) = 1 FROM verzuim.inschrijving)
          AND (SELECT min(pv_id) = 1 FROM verzuim.proces_verbaal),
          'generated ids start at 1');

SELECT * FROM finish();
ROLLBACK;
