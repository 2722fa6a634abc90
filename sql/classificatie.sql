-- Classification of absence (src/classificatie.c, src/sql/70_classificatie.sql).
-- Every expected value was worked out by hand from DOMAIN.md §1 and §3.
SET datestyle = 'ISO, YMD';
SET verzuim.vakantieregio = '';

-- 1. classificeer(): every result, each with the rule behind it --------------
SELECT geval, got, want, got IS NOT DISTINCT FROM want AS ok
FROM (VALUES
  ('ziek: art. 11 d',                 verzuim.classificeer('ziek', 'leerplichtig', true, false), 'geoorloofd'::verzuim.verzuimsoort),
  ('schorsing: art. 11 c',            verzuim.classificeer('schorsing', 'leerplichtig', true, false), 'geoorloofd'),
  ('vakantieverlof: art. 13a',        verzuim.classificeer('verlof_13a', 'leerplichtig', true, false), 'geoorloofd'),
  ('gewichtige omstandigheden: 14',   verzuim.classificeer('verlof_14', 'kwalificatieplichtig', true, false), 'geoorloofd'),
  ('religious duties: art. 11 e',     verzuim.classificeer('religieus', 'leerplichtig', true, false), 'geoorloofd'),
  ('other art. 11 ground',            verzuim.classificeer('overig_geoorloofd', 'leerplichtig', true, false), 'geoorloofd'),
  ('ongeoorloofd: art. 4 lid 2',      verzuim.classificeer('ongeoorloofd', 'leerplichtig', true, false), 'relatief'),
  ('te laat is relatief',             verzuim.classificeer('te_laat', 'kwalificatieplichtig', true, false), 'relatief'),
  ('luxe verzuim',                    verzuim.classificeer('luxe', 'leerplichtig', true, false), 'luxe'),
  ('not enrolled: absoluut',          verzuim.classificeer(NULL, 'leerplichtig', false, false), 'absoluut'),
  ('not enrolled, absence row too',   verzuim.classificeer('ongeoorloofd', 'kwalificatieplichtig', false, false), 'absoluut'),
  ('short gap (art. 18): administratief', verzuim.classificeer(NULL, 'leerplichtig', false, false, true), 'administratief'),
  ('administratief only matters when not enrolled', verzuim.classificeer('ziek', 'leerplichtig', true, false, true), 'geoorloofd'),
  ('administratief NULL counts as false', verzuim.classificeer(NULL, 'leerplichtig', false, false, NULL), 'absoluut'),
  ('vrijstelling wins over enrolment', verzuim.classificeer('ongeoorloofd', 'leerplichtig', true, true), 'vrijgesteld'),
  ('vrijstelling wins over no enrolment', verzuim.classificeer(NULL, 'leerplichtig', false, true), 'vrijgesteld'),
  ('not yet leerplichtig',            verzuim.classificeer('ongeoorloofd', 'nog_niet_leerplichtig', true, false), 'niet_plichtig'),
  ('no longer plichtig (18+)',        verzuim.classificeer('luxe', 'niet_meer_plichtig', false, true), 'niet_plichtig'),
  ('enrolled, no absence: no verzuim', verzuim.classificeer(NULL, 'leerplichtig', true, false), NULL),
  ('NULL plicht',                     verzuim.classificeer('ziek', NULL, true, false), NULL),
  ('NULL vrijgesteld decides',        verzuim.classificeer('ziek', 'leerplichtig', true, NULL), NULL),
  ('NULL ingeschreven decides',       verzuim.classificeer('ziek', 'leerplichtig', NULL, false), NULL),
  ('NULLs that do not decide',        verzuim.classificeer(NULL, 'niet_meer_plichtig', NULL, NULL), 'niet_plichtig')
) AS t(geval, got, want);

-- 2. the view afwezigheid_soort ----------------------------------------------
BEGIN;
SET LOCAL client_min_messages = warning;
INSERT INTO verzuim.gemeente VALUES ('GM0599', 'Rotterdam');
INSERT INTO verzuim.school (brin, naam, gemeentecode, vakantieregio) VALUES ('12AB00', 'De Toets', 'GM0599', 'midden');
INSERT INTO verzuim.leerling (leerling_id, geboortedatum, woongemeente) VALUES
  (1, '2010-03-15', 'GM0599'),   -- leerplichtig all of 2023-2024
  (2, '2010-05-01', 'GM0599'),   -- vrijstelling 5a in Jan-Feb 2024
  (3, '2005-01-10', 'GM0599'),   -- 18 on 2023-01-10, no startkwalificatie: niet_meer_plichtig
  (4, '2019-06-10', 'GM0599'),   -- 5 on 2024-06-10: leerplichtig from Mon 1 Jul 2024 (midden)
  (5, '2010-09-20', 'GM0599');   -- not enrolled 1-7 Feb 2024
INSERT INTO verzuim.inschrijving (leerling_id, brin, periode, onderwijssoort) VALUES
  (1, '12AB00', '[2014-08-01,)', 'vo'), (2, '12AB00', '[2014-08-01,)', 'vo'),
  (3, '12AB00', '[2009-08-01,)', 'mbo'), (4, '12AB00', '[2023-06-11,)', 'po'),
  (5, '12AB00', '[2014-08-01,2024-02-01)', 'vo'), (5, '12AB00', '[2024-02-08,)', 'vo');
INSERT INTO verzuim.vrijstelling (leerling_id, artikel, periode) VALUES (2, '5a', '[2024-01-01,2024-03-01)');
INSERT INTO verzuim.afwezigheid (leerling_id, brin, datum, reden, uren) VALUES
  (1, '12AB00', '2024-02-05', 'ziek', 6), (1, '12AB00', '2024-02-06', 'ongeoorloofd', 2.5),
  (1, '12AB00', '2024-02-07', 'luxe', 6), (1, '12AB00', '2024-02-08', 'verlof_13a', 6),
  (1, '12AB00', '2024-02-09', 'te_laat', 0.25),
  (2, '12AB00', '2024-02-05', 'ongeoorloofd', 6), (2, '12AB00', '2024-03-04', 'ongeoorloofd', 6),
  (3, '12AB00', '2024-02-05', 'ongeoorloofd', 6),
  (4, '12AB00', '2024-06-03', 'ongeoorloofd', 5), (4, '12AB00', '2024-07-01', 'ongeoorloofd', 5),
  (5, '12AB00', '2024-02-05', 'ongeoorloofd', 6);
SELECT leerling_id, brin, datum, reden, uren, plicht, ingeschreven, vrijgesteld, soort
FROM verzuim.afwezigheid_soort ORDER BY leerling_id, datum, brin NULLS LAST;
ROLLBACK;
