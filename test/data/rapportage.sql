-- Fixture of the reporting tests (test/rapportage.sql, test/suites/8x_*.sh):
-- eight pupils born 2010-05-05 (leerplichtig through 2023-2024), each a case
-- of the leerplichttelling 2023-2024, hand-computed in test/rapportage.sql.
INSERT INTO verzuim.gemeente VALUES ('GM0363', 'Amsterdam'), ('GM0518', '''s-Gravenhage'), ('GM0599', 'Rotterdam');
INSERT INTO verzuim.samenwerkingsverband VALUES ('VO2701', 'SWV VO Amsterdam'), ('VO2801', 'SWV VO Den Haag');
INSERT INTO verzuim.school VALUES ('11AA00', 'College Amstel', 'GM0363', 'noord', 'VO2701'),
                                  ('22BB00', 'Lyceum Hofstad', 'GM0518', 'midden', 'VO2801'),
                                  ('33CC00', 'Maascollege', 'GM0599', 'midden', NULL);
INSERT INTO verzuim.leerling (leerling_id, geboortedatum, woongemeente, eerste_inschrijving)
SELECT id, '2010-05-05', g, '2014-08-18'
  FROM (VALUES (2001, 'GM0363'), (2002, 'GM0518'), (2003, 'GM0518'), (2004, 'GM0518'),
               (2005, 'GM0599'), (2006, 'GM0363'), (2007, 'GM0599'), (2008, 'GM0363')) v(id, g);
INSERT INTO verzuim.verblijf VALUES
  (2001, 'GM0363', '[2010-05-05,)'),
  (2002, 'GM0363', '[2010-05-05,2024-01-01)'), (2002, 'GM0518', '[2024-01-01,)'),   -- moves mid-year
  (2003, 'GM0518', '[2010-05-05,)'), (2004, 'GM0518', '[2010-05-05,)'), (2005, 'GM0599', '[2010-05-05,)'),
  (2006, 'GM0363', '[2010-05-05,)'), (2007, 'GM0599', '[2010-05-05,)'), (2008, 'GM0363', '[2010-05-05,)');
INSERT INTO verzuim.inschrijving (leerling_id, brin, periode, onderwijssoort) VALUES
  (2001, '11AA00', '[2014-08-18,2023-10-01)', 'vo'), (2001, '11AA00', '[2023-11-15,)', 'vo'),  -- gap 45 days, back
  (2002, '11AA00', '[2014-08-18,2023-12-01)', 'vo'),                                          -- out since 1 Dec
  (2003, '22BB00', '[2014-08-18,2023-05-01)', 'vo'), (2003, '22BB00', '[2023-09-04,)', 'vo'),  -- gap from last year
  (2004, '22BB00', '[2014-08-18,)', 'vo'),
  (2005, '33CC00', '[2014-08-18,)', 'vo'),
  (2006, '11AA00', '[2014-08-18,2023-09-01)', 'vo'),                                          -- then vrijstelling 5a
  (2007, '33CC00', '[2014-08-18,)', 'vo'),
  (2008, '11AA00', '[2014-08-18,)', 'vo');
INSERT INTO verzuim.vrijstelling (leerling_id, artikel, periode) VALUES (2006, '5a', '[2023-09-01,)');
INSERT INTO verzuim.melding VALUES
  -- 2004: lrv across 1 September, re-reported (merged), back on 10 October; two 16-hour meldingen
  (900001, 2004, '22BB00', 'lrv', '[2023-06-05,2023-09-20)', '2023-07-03 10:00+02', true, 'afgesloten', '2023-09-25', 1),
  (900002, 2004, '22BB00', 'lrv', '[2023-09-20,2023-10-10)', '2023-09-21 10:00+02', false, 'afgesloten', '2023-10-20', 1),
  (900003, 2004, '22BB00', '16uur', '[2023-11-06,2023-11-24)', '2023-11-27 09:00+01', false, 'afgesloten', '2023-12-15', NULL),
  (900004, 2004, '22BB00', '16uur', '[2024-02-05,2024-02-23)', '2024-02-26 09:00+01', false, 'in_behandeling', NULL, 2),
  -- 2005: a new lrv case still open, spoed; a luxe melding
  (900005, 2005, '33CC00', 'lrv', '[2024-03-04,)', '2024-04-02 11:00+02', true, 'in_behandeling', NULL, NULL),
  (900006, 2005, '33CC00', 'luxe', '[2023-10-13,2023-10-14)', '2023-10-16 08:30+02', false, 'ter_kennisgeving_aangenomen', '2023-10-20', NULL),
  -- 2007: withdrawn and overig meldingen count nowhere in the telling
  (900007, 2007, '33CC00', '16uur', '[2023-10-02,2023-10-20)', '2023-10-23 09:00+02', false, 'ingetrokken', '2023-10-24', NULL),
  (900008, 2007, '33CC00', 'overig', '[2024-01-15,2024-01-17)', '2024-01-18 09:00+01', false, 'geregistreerd', NULL, NULL);
INSERT INTO verzuim.proces_verbaal (leerling_id, datum, soort) VALUES
  (2004, '2024-03-01', 'relatief'), (2005, '2023-11-01', 'luxe'), (2008, '2024-02-01', 'absoluut'),
  (2008, '2024-02-01', 'absoluut');                                                            -- two PVs (two parents), one pupil
