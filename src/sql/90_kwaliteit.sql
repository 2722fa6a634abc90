-- Registratiekwaliteit: the anomalies of polluted registration files ---------
--
-- DOMAIN.md §4.1 (art. 18: in- and uitschrijvingen reported within 7 days),
-- §5.2 and §13.1: in 2012-2013 the national absoluut verzuim rose by 40%,
-- mostly because municipal files (GBA/BRP against BRON) were not in order;
-- Rotterdam's 824 presumed absoluut verzuimers were 145 after an administrative
-- clean-up.  These objects show a gemeente what to clean before it counts:
--
--  * view kwaliteitscontrole: every check, what it finds, what a
--    leerplichtambtenaar should do about it;
--  * registratiekwaliteit_rijen(controle, gemeentecode): the rows behind the
--    counts, one row per finding;
--  * view registratiekwaliteit: per gemeente and check the number of findings
--    and of distinct pupils (zeros included).
--
-- A finding belongs to the gemeente the pupil lives in now
-- (leerling.woongemeente): its leerplichtambtenaar acts on it (art. 19, 22).
-- Everything runs with the caller's rights (security_invoker views, SECURITY
-- INVOKER functions), so row-level security on the registration tables
-- applies: a role sees only the findings about pupils it may see.  Findings
-- name pupils and rows in their output, never in messages.

CREATE VIEW verzuim.kwaliteitscontrole (volgorde, controle, tabel, omschrijving, actie) AS
VALUES
  (1, 'geen_verblijf', 'leerling',
   'pupil without any verblijf (residence) history',
   'Request the BRP history (verblijf) of the pupil; without it absoluut verzuim and moves cannot be judged and the pupil counts as living here at any time.'),
  (2, 'verblijf_gat', 'verblijf',
   'gap between two verblijf periods of a pupil (periode = the gap)',
   'Check the BRP: a stay abroad (then the gap is right) or a missing registration (add the verblijf row).'),
  (3, 'inschrijving_overlap', 'inschrijving',
   'enrolments of one pupil at two schools that overlap by more than the transfer day (sleutel = the enrolment that began first, verwant = the other; periode = the overlap)',
   'Usually a late uitschrijving: ask the old school to report the uitschrijving (art. 18, within 7 days) with its real date.'),
  (4, 'inschrijving_buiten_nederland', 'inschrijving',
   'enrolment (partly) in a period in which the pupil did not live in the Netherlands by its verblijf history (periode = from the first to the last day not covered)',
   'Either the school did not report the uitschrijving after emigration, or the BRP lacks the arrival: check both and correct the wrong one.'),
  (5, 'afwezigheid_zonder_inschrijving', 'afwezigheid',
   'absence row on a day the pupil was not enrolled at that school (sleutel = reden; periode = the day)',
   'Ask the school: an absence after the uitschrijving or before the inschrijving means one of the two is wrong.'),
  (6, 'melding_zonder_inschrijving', 'melding',
   'verzuimmelding by a school at which the pupil was not enrolled at any day of the verzuim period',
   'Ask the school and DUO which enrolment the melding belongs to; a melding under the wrong school is handled by the wrong party.'),
  (7, 'melding_zonder_afwezigheid', 'melding',
   'verzuimmelding without any absence row of the pupil at that school in the verzuim period that could justify it (ongeoorloofd, luxe or te laat; for soort overig any reason)',
   'Ask the school for the absence registration behind the melding; without it the melding cannot be assessed (and a proces-verbaal cannot be built on it).'),
  (8, 'vrijstelling_met_inschrijving', 'vrijstelling',
   'vrijstelling under art. 5 onder a, b or c or art. 15 overlapping an enrolment at a regular school (po, vo, mbo; sleutel = the vrijstelling, verwant = the enrolment, periode = the overlap)',
   'A pupil exempted from enrolment is enrolled: end the vrijstelling (art. 5, 15) or have the school correct the enrolment.'),
  (9, 'inschrijving_voor_4', 'inschrijving',
   'enrolment that begins before the 4th birthday (periode = from its first day to the 4th birthday)',
   'A child may be enrolled from its 4th birthday (WPO art. 39): ask the school for the real date of inschrijving.'),
  (10, 'dubbele_leerling', 'leerling',
   'two pupil ids with the same geboortedatum and woongemeente, identical verblijf histories and enrolments that never overlap (a heuristic; leerling_id = the id whose first enrolment is later, verwant = the other)',
   'Probably one child registered twice (a new id after a move or re-registration): compare the BRP records and merge them; until then the older id may show as absoluut verzuim.'),
  (11, 'administratief_gat', 'inschrijving',
   'gap of at most verzuim.meldtermijn days (art. 18: 7) between two enrolments of a pupil: not absoluut verzuim but a registration gap (sleutel = the enrolment after the gap, verwant = the one before, periode = the gap)',
   'Usually a late inschrijving or an uitschrijving dated too early: ask the schools for the real dates; absoluut_verzuim leaves the gap out unless verzuim.administratief_meetellen is on.')
;
COMMENT ON VIEW verzuim.kwaliteitscontrole IS
  'The checks of verzuim.registratiekwaliteit: order, name, the table the findings are rows of, what is found, and what a leerplichtambtenaar should do about it.';

CREATE TYPE verzuim.kwaliteitsbevinding AS (
    controle     text,
    gemeentecode text,
    leerling_id  bigint,
    tabel        text,
    sleutel      text,
    brin         text,
    periode      daterange,
    verwant      text
);
COMMENT ON TYPE verzuim.kwaliteitsbevinding IS
  'One finding of a registratiekwaliteit check: the check (verzuim.kwaliteitscontrole), the woongemeente of the pupil, the pupil, the table and key of the row to look at (inschrijving_id, meldingsnummer, vrijstelling_id, leerling_id; for afwezigheid the reden, with brin and the day in periode), the school, the period concerned and the related row or pupil.';

-- The checks run in C (src/kwaliteit.c): one pass over each table the checks
-- read, every query through SPI with the caller's rights (row-level security
-- applies), the rows grouped per pupil in memory; the afwezigheid rows are
-- streamed, not kept.  1.3-1.9x a bare count(*) of the six tables
-- (bench/kwaliteit.sql, docs/registratiekwaliteit.md).  test/kwaliteit_snel.sql compares every check with a
-- plain SQL formulation on generated polluted data.
CREATE FUNCTION verzuim.registratiekwaliteit_rijen(controle text DEFAULT NULL, gemeentecode text DEFAULT NULL)
RETURNS SETOF verzuim.kwaliteitsbevinding
LANGUAGE c STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS 'MODULE_PATHNAME', 'verzuim_registratiekwaliteit_rijen';
COMMENT ON FUNCTION verzuim.registratiekwaliteit_rijen(text, text) IS
  'The rows behind verzuim.registratiekwaliteit: one row per finding of every check (or only the named check, see verzuim.kwaliteitscontrole), for every gemeente (or only the given gemeentecode = the pupil''s woongemeente). Runs with the caller''s rights: row-level security applies. Unknown check: 22023.';

CREATE VIEW verzuim.registratiekwaliteit AS
SELECT g.gemeentecode, g.naam AS gemeente, k.volgorde, k.controle,
       coalesce(b.bevindingen, 0) AS bevindingen, coalesce(b.leerlingen, 0) AS leerlingen,
       k.omschrijving, k.actie
  FROM verzuim.gemeente g
 CROSS JOIN verzuim.kwaliteitscontrole k
  LEFT JOIN (SELECT r.gemeentecode, r.controle, count(*) AS bevindingen,
                    count(DISTINCT r.leerling_id) AS leerlingen
               FROM verzuim.registratiekwaliteit_rijen() r
              GROUP BY r.gemeentecode, r.controle) b
    ON b.gemeentecode = g.gemeentecode AND b.controle = k.controle;
COMMENT ON VIEW verzuim.registratiekwaliteit IS
  'Registration quality per gemeente (the pupils'' woongemeente) and check (verzuim.kwaliteitscontrole): the number of findings and of distinct pupils, zeros included, with what the check finds and what to do. The rows behind a count: verzuim.registratiekwaliteit_rijen(controle, gemeentecode). Row-level security of the registration tables applies (security_invoker).';

-- PostgreSQL 15 and later: the views read the tables with the rights of the
-- caller, so row-level security applies to them as to the tables.
DO $$
BEGIN
  IF current_setting('server_version_num')::int >= 150000 THEN
    ALTER VIEW verzuim.kwaliteitscontrole SET (security_invoker = true);
    ALTER VIEW verzuim.registratiekwaliteit SET (security_invoker = true);
  END IF;
END $$;
