-- pgTAP: registratiekwaliteit, every check on hand-built rows with a hit and
-- the near misses next to it (answers worked out by hand in the comments).
BEGIN;
CREATE EXTENSION IF NOT EXISTS verzuim CASCADE;
SELECT plan(37);

INSERT INTO verzuim.gemeente VALUES ('GM9001', 'Aadorp'), ('GM9002', 'Beekdorp');
INSERT INTO verzuim.school (brin, naam, gemeentecode, vakantieregio) VALUES
  ('91AA00', 'De Akker', 'GM9001', 'noord'), ('92BB00', 'De Beek', 'GM9001', 'noord'),
  ('93CC00', 'Het Centrum', 'GM9002', 'noord');
INSERT INTO verzuim.leerling (leerling_id, geboortedatum, woongemeente) VALUES
  (1, '2015-01-01', 'GM9001'),  -- transfer with one shared day: fine
  (2, '2015-03-10', 'GM9001'),  -- overlap of 4 days; enrolled on the 4th birthday itself
  (3, '2015-05-01', 'GM9002'),  -- no verblijf at all; vrijstelling 5a while enrolled in po
  (4, '2014-02-01', 'GM9001'),  -- verblijf gap of a month; so enrolment with a 5b vrijstelling
  (5, '2013-01-01', 'GM9001'),  -- emigrated a month before the uitschrijving; enrolled before 4
  (6, '2012-05-05', 'GM9002'),  -- enrolled 12 days before arriving in the Netherlands
  (10, '2016-07-07', 'GM9002'), -- 10 and 11: one child registered twice
  (11, '2016-07-07', 'GM9002'),
  (12, '2016-07-07', 'GM9002'), -- 12 and 13: twins (enrolled at the same time)
  (13, '2016-07-07', 'GM9002'),
  (14, '2016-07-07', 'GM9002'), -- like 11, but another verblijf history
  (15, '2016-07-07', 'GM9002'), -- never enrolled
  (16, '2015-01-01', 'GM9001'), -- 5 days between two enrolments: administratief
  (17, '2015-01-01', 'GM9001'); -- 8 days: absoluut verzuim, not this check
INSERT INTO verzuim.verblijf (leerling_id, gemeentecode, periode) VALUES
  (1, 'GM9001', '[2015-01-01,)'), (2, 'GM9001', '[2015-03-10,)'),
  (4, 'GM9002', '[2014-02-01,2018-01-01)'), (4, 'GM9001', '[2018-02-01,)'),
  (5, 'GM9001', '[2013-01-01,2023-06-01)'),
  (6, 'GM9002', '[2020-01-01,)'),
  (10, 'GM9002', '[2016-07-07,)'), (11, 'GM9002', '[2016-07-07,)'), (12, 'GM9002', '[2016-07-07,)'),
  (13, 'GM9002', '[2016-07-07,)'), (14, 'GM9001', '[2016-07-07,2019-01-01)'), (14, 'GM9002', '[2019-01-01,)'),
  (15, 'GM9002', '[2016-07-07,)'), (16, 'GM9001', '[2015-01-01,)'), (17, 'GM9001', '[2015-01-01,)');
INSERT INTO verzuim.inschrijving (inschrijving_id, leerling_id, brin, periode, onderwijssoort) VALUES
  (101, 1, '91AA00', '[2019-01-01,2024-03-01)', 'po'), (102, 1, '92BB00', '[2024-02-29,)', 'po'),
  (201, 2, '91AA00', '[2019-03-10,2024-03-05)', 'po'), (202, 2, '92BB00', '[2024-03-01,)', 'po'),
  (301, 3, '93CC00', '[2019-06-01,)', 'po'),
  (401, 4, '91AA00', '[2018-03-01,)', 'so'),
  (501, 5, '92BB00', '[2016-12-01,2017-01-01)', 'po'), (502, 5, '91AA00', '[2017-01-01,2023-07-01)', 'po'),
  (601, 6, '93CC00', '[2019-12-20,)', 'po'),
  (1001, 10, '93CC00', '[2020-07-07,2022-08-01)', 'po'), (1101, 11, '93CC00', '[2022-08-01,)', 'po'),
  (1201, 12, '93CC00', '[2020-08-01,)', 'po'), (1301, 13, '93CC00', '[2020-08-01,)', 'po'),
  (1401, 14, '93CC00', '[2022-08-01,)', 'po'),
  (1601, 16, '91AA00', '[2019-01-01,2024-03-01)', 'po'), (1602, 16, '92BB00', '[2024-03-06,)', 'po'),
  (1701, 17, '91AA00', '[2019-01-01,2024-03-01)', 'po'), (1702, 17, '92BB00', '[2024-03-09,)', 'po');
INSERT INTO verzuim.afwezigheid (leerling_id, brin, datum, reden, uren) VALUES
  (1, '91AA00', '2024-02-26', 'ongeoorloofd', 5),  -- justifies melding 9001
  (1, '91AA00', '2024-02-29', 'ziek', 5),          -- last day at 91AA00: fine
  (1, '91AA00', '2024-03-01', 'ziek', 5),          -- the day after the uitschrijving: orphan
  (1, '92BB00', '2024-02-28', 'ongeoorloofd', 2),  -- the day before the inschrijving: orphan
  (1, '92BB00', '2024-03-04', 'te_laat', 1),       -- fine
  (1, '92BB00', '2024-04-02', 'ziek', 5),          -- does not justify the lrv melding 9003
  (1, '92BB00', '2024-05-01', 'ziek', 5),          -- justifies the overig melding 9004
  (5, '91AA00', '2023-06-20', 'luxe', 5);          -- justifies melding 9005
INSERT INTO verzuim.melding (meldingsnummer, leerling_id, brin, soort, verzuim_periode, gemeld_op) VALUES
  (9001, 1, '91AA00', '16uur', '[2024-02-20,2024-03-01)', '2024-03-01 10:00+01'),  -- fine
  (9002, 1, '93CC00', '16uur', '[2024-02-20,2024-03-01)', '2024-03-01 10:00+01'),  -- not enrolled, no absence there
  (9003, 1, '92BB00', 'lrv', '[2024-04-01,)', '2024-05-01 10:00+02'),              -- only ziek rows
  (9004, 1, '92BB00', 'overig', '[2024-05-01,2024-05-02)', '2024-05-02 10:00+02'), -- fine
  (9005, 5, '91AA00', 'luxe', '[2023-06-20,2023-08-01)', '2023-06-21 10:00+02');   -- enrolled on part of it: fine
INSERT INTO verzuim.vrijstelling (vrijstelling_id, leerling_id, artikel, periode) VALUES
  (31, 3, '5a', '[2020-01-01,2021-01-01)'),  -- while enrolled in po
  (21, 2, '3a', '[2020-01-01,2021-01-01)'),  -- vervangende leerplicht: not this check
  (41, 4, '5b', '[2020-01-01,2021-01-01)'),  -- enrolled in so: not a regular school
  (51, 5, '5c', '[2023-07-01,2024-08-01)');  -- after the enrolment ended

CREATE TEMP TABLE r AS SELECT * FROM verzuim.registratiekwaliteit_rijen();

-- 1-10: every check, exactly the rows worked out above
SELECT set_eq($$SELECT gemeentecode, leerling_id, tabel, sleutel, brin, periode, verwant FROM r WHERE controle = 'geen_verblijf'$$,
  $$VALUES ('GM9002', 3::bigint, 'leerling', '3', NULL::text, NULL::daterange, NULL::text)$$,
  'geen_verblijf: pupil 3 has no verblijf row');
SELECT set_eq($$SELECT gemeentecode, leerling_id, tabel, sleutel, brin, periode, verwant FROM r WHERE controle = 'verblijf_gat'$$,
  $$VALUES ('GM9001', 4::bigint, 'verblijf', NULL::text, NULL::text, '[2018-01-01,2018-02-01)'::daterange, 'GM9002 -> GM9001')$$,
  'verblijf_gat: the month between the two verblijf periods of pupil 4 (adjacent periods of pupil 14 are no gap)');
SELECT set_eq($$SELECT gemeentecode, leerling_id, tabel, sleutel, brin, periode, verwant FROM r WHERE controle = 'inschrijving_overlap'$$,
  $$VALUES ('GM9001', 2::bigint, 'inschrijving', '201', '91AA00', '[2024-03-01,2024-03-05)'::daterange, 'inschrijving 202')$$,
  'inschrijving_overlap: 4 days for pupil 2, not the one transfer day of pupil 1');
SELECT set_eq($$SELECT gemeentecode, leerling_id, tabel, sleutel, brin, periode, verwant FROM r WHERE controle = 'inschrijving_buiten_nederland'$$,
  $$VALUES ('GM9001', 5::bigint, 'inschrijving', '502', '91AA00', '[2023-06-01,2023-07-01)'::daterange, NULL::text),
           ('GM9002', 6::bigint, 'inschrijving', '601', '93CC00', '[2019-12-20,2020-01-01)'::daterange, NULL::text)$$,
  'inschrijving_buiten_nederland: after the emigration of pupil 5, before the arrival of pupil 6 (pupil 3 has no history: other check; the gap of pupil 4 has no enrolment)');
SELECT set_eq($$SELECT gemeentecode, leerling_id, tabel, sleutel, brin, periode, verwant FROM r WHERE controle = 'afwezigheid_zonder_inschrijving'$$,
  $$VALUES ('GM9001', 1::bigint, 'afwezigheid', 'ziek', '91AA00', '[2024-03-01,2024-03-02)'::daterange, NULL::text),
           ('GM9001', 1::bigint, 'afwezigheid', 'ongeoorloofd', '92BB00', '[2024-02-28,2024-02-29)'::daterange, NULL::text)$$,
  'afwezigheid_zonder_inschrijving: the day after the uitschrijving and the day before the inschrijving');
SELECT set_eq($$SELECT gemeentecode, leerling_id, tabel, sleutel, brin, periode, verwant FROM r WHERE controle = 'melding_zonder_inschrijving'$$,
  $$VALUES ('GM9001', 1::bigint, 'melding', '9002', '93CC00', '[2024-02-20,2024-03-01)'::daterange, NULL::text)$$,
  'melding_zonder_inschrijving: melding 9002 by a school pupil 1 never attended (9005 overlaps the enrolment)');
SELECT set_eq($$SELECT gemeentecode, leerling_id, tabel, sleutel, brin, periode, verwant FROM r WHERE controle = 'melding_zonder_afwezigheid'$$,
  $$VALUES ('GM9001', 1::bigint, 'melding', '9002', '93CC00', '[2024-02-20,2024-03-01)'::daterange, NULL::text),
           ('GM9001', 1::bigint, 'melding', '9003', '92BB00', '[2024-04-01,)'::daterange, NULL::text)$$,
  'melding_zonder_afwezigheid: 9002 (no rows there) and the lrv melding 9003 (only ziek); 9004 overig is justified by ziek');
SELECT set_eq($$SELECT gemeentecode, leerling_id, tabel, sleutel, brin, periode, verwant FROM r WHERE controle = 'vrijstelling_met_inschrijving'$$,
  $$VALUES ('GM9002', 3::bigint, 'vrijstelling', '31', '93CC00', '[2020-01-01,2021-01-01)'::daterange, 'inschrijving 301')$$,
  'vrijstelling_met_inschrijving: 5a while in po; not 3a, not in so, not after the enrolment');
SELECT set_eq($$SELECT gemeentecode, leerling_id, tabel, sleutel, brin, periode, verwant FROM r WHERE controle = 'inschrijving_voor_4'$$,
  $$VALUES ('GM9001', 5::bigint, 'inschrijving', '501', '92BB00', '[2016-12-01,2017-01-01)'::daterange, NULL::text)$$,
  'inschrijving_voor_4: a month before the 4th birthday; on the birthday itself (pupil 2) is fine');
SELECT set_eq($$SELECT gemeentecode, leerling_id, tabel, sleutel, brin, periode, verwant FROM r WHERE controle = 'dubbele_leerling'$$,
  $$VALUES ('GM9002', 11::bigint, 'leerling', '11', NULL::text, NULL::daterange, 'leerling 10')$$,
  'dubbele_leerling: 10 and 11 (not the twins 12/13, not 14 with another verblijf history, not the never enrolled 15)');
SELECT set_eq($$SELECT gemeentecode, leerling_id, tabel, sleutel, brin, periode, verwant FROM r WHERE controle = 'administratief_gat'$$,
  $$VALUES ('GM9001', 16::bigint, 'inschrijving', '1602', '92BB00', '[2024-03-01,2024-03-06)'::daterange, 'inschrijving 1601')$$,
  'administratief_gat: 5 days between the enrolments of pupil 16, not the 8 days of pupil 17 (nor adjacent enrolments)');
SET LOCAL verzuim.meldtermijn = 8;
SELECT is((SELECT count(*) FROM verzuim.registratiekwaliteit_rijen('administratief_gat')), 2::bigint,
          'with verzuim.meldtermijn = 8 the gap of pupil 17 is administratief too');
RESET verzuim.meldtermijn;
SELECT is((SELECT count(*) FROM r), 14::bigint, 'fourteen findings in all');

-- 12-16: the filters, the checks list, the per-gemeente view
SELECT set_eq($$SELECT * FROM verzuim.registratiekwaliteit_rijen('melding_zonder_afwezigheid')$$,
              $$SELECT * FROM r WHERE controle = 'melding_zonder_afwezigheid'$$, 'filter on one check');
SELECT set_eq($$SELECT * FROM verzuim.registratiekwaliteit_rijen(gemeentecode => 'GM9002')$$,
              $$SELECT * FROM r WHERE gemeentecode = 'GM9002'$$, 'filter on one gemeente');
SELECT is((SELECT count(*) FROM verzuim.registratiekwaliteit_rijen('dubbele_leerling', 'GM9001')), 0::bigint,
          'both filters: no duplicates in GM9001');
SELECT is((SELECT array_agg(controle ORDER BY volgorde) FROM verzuim.kwaliteitscontrole),
          ARRAY['geen_verblijf', 'verblijf_gat', 'inschrijving_overlap', 'inschrijving_buiten_nederland',
                'afwezigheid_zonder_inschrijving', 'melding_zonder_inschrijving', 'melding_zonder_afwezigheid',
                'vrijstelling_met_inschrijving', 'inschrijving_voor_4', 'dubbele_leerling', 'administratief_gat'],
          'eleven checks, in order');
SELECT is((SELECT count(*) FROM verzuim.kwaliteitscontrole WHERE omschrijving <> '' AND actie <> ''), 11::bigint,
          'every check says what it finds and what to do');
SELECT set_eq($$SELECT gemeentecode, controle, bevindingen, leerlingen FROM verzuim.registratiekwaliteit WHERE bevindingen > 0$$,
  $$VALUES ('GM9001', 'verblijf_gat', 1::bigint, 1::bigint), ('GM9001', 'inschrijving_overlap', 1, 1),
           ('GM9001', 'inschrijving_buiten_nederland', 1, 1), ('GM9001', 'afwezigheid_zonder_inschrijving', 2, 1),
           ('GM9001', 'melding_zonder_inschrijving', 1, 1), ('GM9001', 'melding_zonder_afwezigheid', 2, 1),
           ('GM9001', 'inschrijving_voor_4', 1, 1), ('GM9001', 'administratief_gat', 1, 1),
           ('GM9002', 'geen_verblijf', 1, 1), ('GM9002', 'inschrijving_buiten_nederland', 1, 1),
           ('GM9002', 'vrijstelling_met_inschrijving', 1, 1), ('GM9002', 'dubbele_leerling', 1, 1)$$,
  'registratiekwaliteit: findings and distinct pupils per gemeente and check');
SELECT is((SELECT count(*) FROM verzuim.registratiekwaliteit WHERE gemeentecode IN ('GM9001', 'GM9002')), 22::bigint,
          'every check for every gemeente, zeros included');
SELECT is((SELECT sum(bevindingen) FROM verzuim.registratiekwaliteit), (SELECT count(*) FROM r)::numeric,
          'the counts add up to the rows behind them');

-- 19-21: errors without the value passed
SELECT throws_ok($$SELECT * FROM verzuim.registratiekwaliteit_rijen('leerling 1234 dubbel')$$, '22023',
                 'unknown registratiekwaliteit check', 'unknown check: 22023, the message does not repeat the argument');
SELECT is((SELECT count(*) FROM verzuim.registratiekwaliteit_rijen(NULL, 'GM0000')), 0::bigint, 'an unknown gemeente has no findings');
SELECT is((SELECT count(*) FROM verzuim.registratiekwaliteit_rijen(NULL, NULL)), 14::bigint, 'NULL arguments: everything');

-- 22-25: fixing the data makes the finding go away
UPDATE verzuim.inschrijving SET periode = '[2019-03-10,2024-03-02)' WHERE inschrijving_id = 201;
SELECT is((SELECT count(*) FROM verzuim.registratiekwaliteit_rijen('inschrijving_overlap')), 0::bigint,
          'an overlap of one transfer day left: no finding');
UPDATE verzuim.inschrijving SET periode = '[2019-03-10,2024-03-03)' WHERE inschrijving_id = 201;
SELECT is((SELECT count(*) FROM verzuim.registratiekwaliteit_rijen('inschrijving_overlap')), 1::bigint,
          'an overlap of two days: a finding');
INSERT INTO verzuim.verblijf VALUES (4, 'GM9002', '[2018-01-01,2018-02-01)');
SELECT is((SELECT count(*) FROM verzuim.registratiekwaliteit_rijen('verblijf_gat')), 0::bigint, 'the gap filled');
INSERT INTO verzuim.inschrijving (inschrijving_id, leerling_id, brin, periode, onderwijssoort)
  VALUES (1002, 10, '91AA00', '[2022-07-01,2022-08-02)', 'po');
SELECT is((SELECT count(*) FROM verzuim.registratiekwaliteit_rijen('dubbele_leerling')), 0::bigint,
          'once the enrolments of 10 and 11 overlap they are two children');

-- 26-30: row-level security applies through the views and the function
CREATE ROLE kwal_aadorp NOLOGIN;
GRANT USAGE ON SCHEMA verzuim TO kwal_aadorp;
GRANT SELECT ON ALL TABLES IN SCHEMA verzuim TO kwal_aadorp;
-- the row-level security of the extension (78_toegang.sql): kwal_aadorp sees the pupils of GM9001
INSERT INTO verzuim.toegang (rol, gemeentecode) VALUES ('kwal_aadorp', 'GM9001');
CREATE TEMP TABLE alles AS SELECT * FROM verzuim.registratiekwaliteit_rijen();
GRANT SELECT ON alles TO kwal_aadorp;
SET LOCAL ROLE kwal_aadorp;
SELECT set_eq($$SELECT * FROM verzuim.registratiekwaliteit_rijen()$$,
              $$SELECT * FROM alles WHERE gemeentecode = 'GM9001'$$,
              'under row-level security the function shows only the pupils the role may see');
SELECT is((SELECT sum(bevindingen) FROM verzuim.registratiekwaliteit WHERE gemeentecode = 'GM9002'), 0::numeric,
          'the view (security_invoker) counts nothing of the other gemeente');
SELECT is((SELECT sum(bevindingen) FROM verzuim.registratiekwaliteit WHERE gemeentecode = 'GM9001'),
          (SELECT count(*) FROM alles WHERE gemeentecode = 'GM9001')::numeric,
          'and everything of its own');
RESET ROLE;
SELECT is((SELECT sum(bevindingen) FROM verzuim.registratiekwaliteit WHERE gemeentecode = 'GM9002'), 4::numeric,
          'the owner still sees the other gemeente');
SELECT is((SELECT array_agg(c.relname::text ORDER BY c.relname)
             FROM pg_class c WHERE c.relnamespace = 'verzuim'::regnamespace
              AND c.relname IN ('registratiekwaliteit', 'kwaliteitscontrole')
              AND 'security_invoker=true' = ANY (c.reloptions)),
          ARRAY['kwaliteitscontrole', 'registratiekwaliteit'], 'both views are security_invoker');

-- 31-34: search path safety and documentation
SELECT is((SELECT proconfig FROM pg_proc WHERE oid = 'verzuim.registratiekwaliteit_rijen(text, text)'::regprocedure),
          ARRAY['search_path=pg_catalog, pg_temp', 'jit=off'], 'registratiekwaliteit_rijen pins its search_path (and skips JIT: compiling its one big query cost more than running it)');
SELECT is((SELECT prosecdef FROM pg_proc WHERE oid = 'verzuim.registratiekwaliteit_rijen(text, text)'::regprocedure),
          false, 'registratiekwaliteit_rijen runs with the rights of the caller');
SELECT isnt(obj_description('verzuim.registratiekwaliteit'::regclass, 'pg_class'), NULL, 'the view is documented');
SELECT isnt(obj_description('verzuim.kwaliteitsbevinding'::regtype, 'pg_type'), NULL, 'the row type is documented');

SELECT * FROM finish();
ROLLBACK;
