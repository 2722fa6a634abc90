-- Reporting compliance (meldplicht_naleving) and luxe verzuim (src/sql/72_naleving.sql).
-- Expected values worked out by hand; school 12AB00 in regio midden,
-- voorjaarsvakantie midden 17-25 Feb 2024.  Mondays: 5, 12, 26 Feb; 4, 11 Mar 2024.
SET datestyle = 'ISO, YMD';
SET verzuim.vakantieregio = '';
SET TimeZone = 'UTC';
BEGIN;
SET LOCAL client_min_messages = warning;
INSERT INTO verzuim.gemeente VALUES ('GM0599', 'Rotterdam');
INSERT INTO verzuim.school (brin, naam, gemeentecode, vakantieregio) VALUES ('12AB00', 'De Toets', 'GM0599', 'midden');
INSERT INTO verzuim.leerling (leerling_id, geboortedatum, woongemeente)
SELECT g, '2010-03-15', 'GM0599' FROM generate_series(1, 7) g;
INSERT INTO verzuim.inschrijving (leerling_id, brin, periode, onderwijssoort)
SELECT g, '12AB00', '[2014-08-01,)', 'vo' FROM generate_series(1, 7) g;
-- pupils 1-3: 4 h on Mon-Thu 5-8 Feb: a duty moment on Thu 8 Feb
INSERT INTO verzuim.afwezigheid (leerling_id, brin, datum, reden, uren)
SELECT p, '12AB00', d::date, 'ongeoorloofd', 4
FROM generate_series(1, 3) p, generate_series(date '2024-02-05', date '2024-02-08', '1 day') d;
-- pupil 4: 8 hours only, no moment; pupil 5: 8 h on 4-8 and 11 Mar: moments Tue 5, Thu 7, Mon 11 Mar
INSERT INTO verzuim.afwezigheid (leerling_id, brin, datum, reden, uren) VALUES
  (4, '12AB00', '2024-02-05', 'ongeoorloofd', 4), (4, '12AB00', '2024-02-06', 'te_laat', 4),
  (5, '12AB00', '2024-03-04', 'ongeoorloofd', 8), (5, '12AB00', '2024-03-05', 'ongeoorloofd', 8),
  (5, '12AB00', '2024-03-06', 'luxe', 8), (5, '12AB00', '2024-03-07', 'ongeoorloofd', 8),
  (5, '12AB00', '2024-03-08', 'ongeoorloofd', 8), (5, '12AB00', '2024-03-11', 'ongeoorloofd', 8),
  (5, '12AB00', '2024-03-12', 'ziek', 8);
INSERT INTO verzuim.melding (meldingsnummer, leerling_id, brin, soort, verzuim_periode, gemeld_op, status, afgesloten_op) VALUES
  (1001, 1, '12AB00', '16uur', '[2024-02-05,2024-02-09)', '2024-02-09 10:00+01', 'geregistreerd', NULL), -- next school day: tijdig (1)
  (1002, 2, '12AB00', '16uur', '[2024-02-05,2024-02-09)', '2024-02-14 10:00+01', 'in_behandeling', NULL), -- 8, 9, 12, 13 Feb: te_laat (4)
  (1004, 4, '12AB00', '16uur', '[2024-02-05,2024-02-07)', '2024-02-07 10:00+01', 'geregistreerd', NULL), -- before any moment
  (1005, 5, '12AB00', '16uur', '[2024-03-04,2024-03-06)', '2024-03-05 16:00+01', 'geregistreerd', NULL), -- same day: tijdig (0)
  (1008, 5, '12AB00', '16uur', '[2024-03-04,2024-03-06)', '2024-03-06 09:00+01', 'geregistreerd', NULL), -- a second one for 5 Mar
  (1007, 5, '12AB00', '16uur', '[2024-03-06,2024-03-08)', '2024-03-08 09:00+01', 'ingetrokken', '2024-03-09'), -- withdrawn: ignored
  (1009, 5, '12AB00', 'lrv', '[2024-03-06,2024-03-08)', '2024-03-08 09:00+01', 'geregistreerd', NULL), -- not 16uur: ignored
  (1006, 5, '12AB00', '16uur', '[2024-03-07,2024-03-12)', '2024-03-11 23:30+00', 'geregistreerd', NULL); -- 12 Mar in Amsterdam: answers 11 Mar (1)
-- 7 Mar: no melding (1007 is withdrawn): ontbreekt
SELECT brin, schooljaar, leerling_id, bereikt_op, venster, uren, meldingsnummer, vertraging_lesdagen, oordeel
FROM verzuim.meldplicht_naleving_detail ORDER BY leerling_id, bereikt_op NULLS LAST, meldingsnummer;
SELECT * FROM verzuim.meldplicht_naleving;
SET LOCAL verzuim.meldplicht_termijn = 0;
SELECT tijdig, te_laat FROM verzuim.meldplicht_naleving;
-- DUO's reading (> 16 hours): pupils 1-3 have exactly 16, so no moment; pupil 5 reaches 24 on 6 Mar
-- and 11 Mar (termijn still 0: 1006 on the next school day is te_laat; 1005 before any moment)
SET LOCAL verzuim.meldplicht_vergelijking = 'meer_dan';
SELECT leerling_id, bereikt_op, meldingsnummer, oordeel FROM verzuim.meldplicht_naleving_detail
ORDER BY leerling_id, bereikt_op NULLS LAST, meldingsnummer;
ROLLBACK;

-- luxe verzuim: registered, and the heuristic signal around holidays ---------------
BEGIN;
SET LOCAL client_min_messages = warning;
INSERT INTO verzuim.gemeente VALUES ('GM0599', 'Rotterdam');
INSERT INTO verzuim.school (brin, naam, gemeentecode, vakantieregio) VALUES ('12AB00', 'De Toets', 'GM0599', 'midden');
INSERT INTO verzuim.leerling (leerling_id, geboortedatum, woongemeente) VALUES (6, '2010-03-15', 'GM0599'), (7, '2010-03-15', 'GM0599');
INSERT INTO verzuim.afwezigheid (leerling_id, brin, datum, reden, uren) VALUES
  (6, '12AB00', '2024-02-13', 'luxe', 6),          -- registered luxe
  (6, '12AB00', '2024-02-14', 'ongeoorloofd', 6),  -- Wed: two school days before the holiday, no signal
  (6, '12AB00', '2024-02-16', 'ongeoorloofd', 6),  -- Fri: last school day before 17-25 Feb: signal
  (6, '12AB00', '2024-02-26', 'ongeoorloofd', 6),  -- Mon: first school day after: signal
  (6, '12AB00', '2024-02-27', 'ongeoorloofd', 6),  -- Tue: no signal
  (7, '12AB00', '2024-02-16', 'ongeoorloofd', 2),  -- Fri, but verlof_14 that day: no signal
  (7, '12AB00', '2024-02-16', 'verlof_14', 4),
  (7, '12AB00', '2024-02-26', 'ziek', 6);          -- geoorloofd: no signal
SELECT leerling_id, datum, reden, grond, geregistreerd FROM verzuim.luxe_verzuim ORDER BY leerling_id, datum;
-- with a studiedag on Mon 26 Feb the first school day after the holiday is Tue 27 Feb
INSERT INTO verzuim.schoolvrije_dag (brin, datum, omschrijving) VALUES ('12AB00', '2024-02-26', 'studiedag');
SELECT leerling_id, datum, reden, grond FROM verzuim.luxe_verzuim ORDER BY leerling_id, datum;
ROLLBACK;
