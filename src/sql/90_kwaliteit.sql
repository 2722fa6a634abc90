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

CREATE FUNCTION verzuim.registratiekwaliteit_rijen(controle text DEFAULT NULL, gemeentecode text DEFAULT NULL)
RETURNS SETOF verzuim.kwaliteitsbevinding
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET jit = off
AS $fn$
DECLARE
  c text := registratiekwaliteit_rijen.controle;
  g text := registratiekwaliteit_rijen.gemeentecode;
  termijn int := coalesce(nullif(current_setting('verzuim.meldtermijn', true), ''), '7')::int;
BEGIN
  IF c IS NOT NULL AND NOT EXISTS (SELECT 1 FROM verzuim.kwaliteitscontrole k WHERE k.controle = c) THEN
    RAISE EXCEPTION 'unknown registratiekwaliteit check'
      USING ERRCODE = 'invalid_parameter_value',
            HINT = 'The checks are listed in verzuim.kwaliteitscontrole; NULL means all of them.';
  END IF;

  -- One pass over each registration table where it can be had: per pupil
  -- aggregates of verblijf and inschrijving (read in pupil order) say which
  -- pupils can have a finding; only their rows are then read again, by index.
  RETURN QUERY
  WITH vb AS MATERIALIZED (
      -- verblijf per pupil: gemeenten and periods in order, and their union
      SELECT v.leerling_id, array_agg(v.gemeentecode) AS gem, array_agg(v.periode) AS per,
             range_agg(v.periode) AS m
        FROM (SELECT v.leerling_id, v.gemeentecode, v.periode FROM verzuim.verblijf v
               ORDER BY v.leerling_id, lower(v.periode)) v
       GROUP BY v.leerling_id
  ), ins AS MATERIALIZED (
      -- inschrijving per pupil: the union of the periods, and whether one
      -- enrolment overlaps an earlier one by more than the transfer day
      SELECT i.leerling_id, range_agg(i.periode) AS m, bool_or(i.voor > lower(i.periode) + 1) AS overlap,
             count(*) FILTER (WHERE i.voor < lower(i.periode)) + 1 AS delen
        FROM (SELECT i.leerling_id, i.periode,
                     max(coalesce(upper(i.periode), 'infinity')) OVER (
                         PARTITION BY i.leerling_id ORDER BY lower(i.periode), i.inschrijving_id
                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS voor
                FROM verzuim.inschrijving i) i
       GROUP BY i.leerling_id
  ), pp AS MATERIALIZED (
      SELECT l.leerling_id, l.geboortedatum, l.woongemeente, vb.gem, vb.per, vb.m AS verblijf, ins.m AS ins,
             ins.overlap, ins.delen AS ins_delen
        FROM verzuim.leerling l
        LEFT JOIN vb ON vb.leerling_id = l.leerling_id
        LEFT JOIN ins ON ins.leerling_id = l.leerling_id
       WHERE g IS NULL OR l.woongemeente = g
  ), ir AS MATERIALIZED (
      -- the enrolments of the pupils that checks 3, 4, 9 and 11 look at row
      -- by row, read once (an uncorrelated IN) and joined per pupil below,
      -- not probed in the table per pupil: Citus cannot join a materialized
      -- result laterally to a distributed table (docs/meer-servers.md)
      SELECT i.leerling_id, i.inschrijving_id, i.brin, i.periode
        FROM verzuim.inschrijving i
       WHERE i.leerling_id IN (SELECT p.leerling_id FROM pp p
                                WHERE p.overlap OR p.ins_delen > 1
                                   OR (p.verblijf IS NOT NULL AND NOT p.verblijf @> p.ins)
                                   OR lower(p.ins) < (p.geboortedatum + interval '4 years')::date)
  ), bev AS (
      -- 1 pupils without any verblijf history
      SELECT 'geen_verblijf'::text AS controle, p.leerling_id, 'leerling'::text AS tabel,
             p.leerling_id::text AS sleutel, NULL::text AS brin, NULL::daterange AS periode, NULL::text AS verwant
        FROM pp p
       WHERE (c IS NULL OR c = 'geen_verblijf') AND p.gem IS NULL
      UNION ALL
      -- 2 gaps between consecutive verblijf periods
      SELECT 'verblijf_gat', p.leerling_id, 'verblijf', NULL, NULL,
             daterange(upper(p.per[k - 1]), lower(p.per[k])), p.gem[k - 1] || ' -> ' || p.gem[k]
        FROM pp p, generate_subscripts(p.per, 1) k
       WHERE (c IS NULL OR c = 'verblijf_gat') AND cardinality(p.per) > 1
         AND k > 1 AND upper(p.per[k - 1]) < lower(p.per[k])
      UNION ALL
      -- 3 enrolments at two schools overlapping by more than the transfer day
      SELECT 'inschrijving_overlap', p.leerling_id, 'inschrijving', a.inschrijving_id::text, a.brin,
             a.periode * b.periode, 'inschrijving ' || b.inschrijving_id
        FROM pp p
        JOIN ir a ON a.leerling_id = p.leerling_id
        JOIN ir b ON b.leerling_id = p.leerling_id
       WHERE (c IS NULL OR c = 'inschrijving_overlap') AND p.overlap
         AND b.periode && a.periode AND b.brin <> a.brin
         AND (lower(a.periode), a.inschrijving_id) < (lower(b.periode), b.inschrijving_id)
         AND (upper_inf(a.periode * b.periode) OR upper(a.periode * b.periode) - lower(a.periode * b.periode) > 1)
      UNION ALL
      -- 4 enrolments in periods the pupil did not live in the Netherlands
      SELECT 'inschrijving_buiten_nederland', p.leerling_id, 'inschrijving', i.inschrijving_id::text, i.brin,
             range_merge(datemultirange(i.periode) - p.verblijf), NULL
        FROM pp p
        JOIN ir i ON i.leerling_id = p.leerling_id
       WHERE (c IS NULL OR c = 'inschrijving_buiten_nederland')
         AND p.verblijf IS NOT NULL AND NOT p.verblijf @> p.ins AND NOT p.verblijf @> i.periode
      UNION ALL
      -- 5 absence rows on days without an enrolment at that school
      SELECT 'afwezigheid_zonder_inschrijving', a.leerling_id, 'afwezigheid', a.reden::text, a.brin,
             daterange(a.datum, a.datum, '[]'), NULL
        FROM verzuim.afwezigheid a
       WHERE (c IS NULL OR c = 'afwezigheid_zonder_inschrijving')
         AND NOT EXISTS (SELECT 1 FROM verzuim.inschrijving i
                          WHERE i.leerling_id = a.leerling_id AND i.brin = a.brin AND i.periode @> a.datum)
      UNION ALL
      -- 6 meldingen by a school the pupil was not enrolled at during the verzuim period
      SELECT 'melding_zonder_inschrijving', m.leerling_id, 'melding', m.meldingsnummer::text, m.brin,
             m.verzuim_periode, NULL
        FROM verzuim.melding m
       WHERE (c IS NULL OR c = 'melding_zonder_inschrijving')
         AND (SELECT true FROM verzuim.inschrijving i
               WHERE i.leerling_id = m.leerling_id AND i.brin = m.brin AND i.periode && m.verzuim_periode
               LIMIT 1) IS NULL
      UNION ALL
      -- 7 meldingen without an absence row that could justify them (the
      -- scalar subquery probes the primary key of afwezigheid per melding)
      SELECT 'melding_zonder_afwezigheid', m.leerling_id, 'melding', m.meldingsnummer::text, m.brin,
             m.verzuim_periode, NULL
        FROM verzuim.melding m
       WHERE (c IS NULL OR c = 'melding_zonder_afwezigheid')
         AND (SELECT true FROM verzuim.afwezigheid a
               WHERE a.leerling_id = m.leerling_id
                 AND a.datum >= lower(m.verzuim_periode)
                 AND (upper_inf(m.verzuim_periode) OR a.datum < upper(m.verzuim_periode))
                 AND a.brin = m.brin
                 AND (m.soort = 'overig' OR a.reden IN ('ongeoorloofd', 'luxe', 'te_laat'))
               LIMIT 1) IS NULL
      UNION ALL
      -- 8 vrijstellingen from enrolment overlapping an enrolment at a regular school
      SELECT 'vrijstelling_met_inschrijving', v.leerling_id, 'vrijstelling', v.vrijstelling_id::text, i.brin,
             v.periode * i.periode, 'inschrijving ' || i.inschrijving_id
        FROM verzuim.vrijstelling v
        JOIN verzuim.inschrijving i
          ON i.leerling_id = v.leerling_id AND i.periode && v.periode
         AND i.onderwijssoort IN ('po', 'vo', 'mbo')
       WHERE (c IS NULL OR c = 'vrijstelling_met_inschrijving')
         AND v.artikel IN ('5a', '5b', '5c', '15')
      UNION ALL
      -- 9 enrolments that begin before the 4th birthday
      SELECT 'inschrijving_voor_4', p.leerling_id, 'inschrijving', i.inschrijving_id::text, i.brin,
             daterange(lower(i.periode), (p.geboortedatum + interval '4 years')::date), NULL
        FROM pp p
        JOIN ir i ON i.leerling_id = p.leerling_id
       WHERE (c IS NULL OR c = 'inschrijving_voor_4')
         AND lower(p.ins) < (p.geboortedatum + interval '4 years')::date
         AND lower(i.periode) < (p.geboortedatum + interval '4 years')::date
      UNION ALL
      -- 11 gaps between enrolments within the reporting delay (art. 18)
      SELECT 'administratief_gat', p.leerling_id, 'inschrijving', n.inschrijving_id::text, n.brin, h.gat,
             'inschrijving ' || v.inschrijving_id
        FROM pp p
        CROSS JOIN LATERAL unnest(datemultirange(range_merge(p.ins)) - p.ins) AS h(gat)
        -- the first enrolment (lowest id) that begins at the end of the gap,
        -- and the first that ends at its start
        JOIN (SELECT DISTINCT ON (i.leerling_id, lower(i.periode)) i.leerling_id, lower(i.periode) AS begin,
                     i.inschrijving_id, i.brin
                FROM ir i ORDER BY i.leerling_id, lower(i.periode), i.inschrijving_id) n
          ON n.leerling_id = p.leerling_id AND n.begin = upper(h.gat)
        JOIN (SELECT DISTINCT ON (i.leerling_id, upper(i.periode)) i.leerling_id, upper(i.periode) AS eind,
                     i.inschrijving_id
                FROM ir i WHERE NOT upper_inf(i.periode)
               ORDER BY i.leerling_id, upper(i.periode), i.inschrijving_id) v
          ON v.leerling_id = p.leerling_id AND v.eind = lower(h.gat)
       WHERE (c IS NULL OR c = 'administratief_gat') AND p.ins_delen > 1
         AND upper(h.gat) - lower(h.gat) <= termijn
      UNION ALL
      -- 10 duplicate pupils (heuristic): same geboortedatum and woongemeente,
      -- identical verblijf history, both enrolled, enrolments never overlapping
      SELECT 'dubbele_leerling', b.leerling_id, 'leerling', b.leerling_id::text, NULL, NULL,
             'leerling ' || a.leerling_id
        FROM (SELECT array_agg(p.leerling_id) AS ids, array_agg(p.ins) AS ins
                FROM pp p
               WHERE (c IS NULL OR c = 'dubbele_leerling') AND p.ins IS NOT NULL
               GROUP BY p.geboortedatum, p.woongemeente, p.gem, p.per
              HAVING count(*) > 1) d
        CROSS JOIN LATERAL unnest(d.ids, d.ins) AS a(leerling_id, ins)
        CROSS JOIN LATERAL unnest(d.ids, d.ins) AS b(leerling_id, ins)
       WHERE (lower(b.ins), b.leerling_id) > (lower(a.ins), a.leerling_id)
         AND NOT a.ins && b.ins
  )
  SELECT b.controle, l.woongemeente, b.leerling_id, b.tabel, b.sleutel, b.brin, b.periode, b.verwant
    FROM bev b
    JOIN verzuim.leerling l ON l.leerling_id = b.leerling_id
   WHERE g IS NULL OR l.woongemeente = g;
END
$fn$;
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
