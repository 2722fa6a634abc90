-- pgTAP: the registratiekwaliteit checks in C (src/kwaliteit.c) against an
-- independent plain SQL formulation of every check, written from the check's
-- definition (verzuim.kwaliteitscontrole) row by row: NOT EXISTS, self-joins,
-- window functions, no shortcut of the C code.  On generated polluted data
-- (bench/generator, --vervuiling 3), in the ways the C code reads it:
--   A  27,000 pupils in pupil order, fresh statistics (the large arrays in
--      one mapping, pupil ids looked up in the array);
--   B  the same with statistics four times too low (no mapping, most ids
--      go through the hash) and half the truth (the arrays outgrow the
--      mapping);
--   C  the enrolments and verblijf rows in scrambled physical order (the
--      counting sort that regroups them per pupil);
--   D  afwezigheid with an extra column (its rows no longer read in place);
-- and every filter (check, gemeente) and reporting delay.  Run from the
-- repository root (as scripts/test.sh does).  Everything is rolled back.
BEGIN;
CREATE EXTENSION IF NOT EXISTS verzuim CASCADE;
SELECT plan(26);

\! make -s -C bench/generator gen >/dev/null

\copy verzuim.gemeente (gemeentecode, naam, vakantieregio) FROM PROGRAM 'bench/generator/gen --scale 0.01 --seed 3 --quiet --vervuiling 3 --table gemeente'
\copy verzuim.samenwerkingsverband (swv_code, naam) FROM PROGRAM 'bench/generator/gen --scale 0.01 --seed 3 --quiet --vervuiling 3 --table samenwerkingsverband'
\copy verzuim.school (brin, naam, gemeentecode, vakantieregio, swv_code) FROM PROGRAM 'bench/generator/gen --scale 0.01 --seed 3 --quiet --vervuiling 3 --table school'
\copy verzuim.leerling (leerling_id, geboortedatum, woongemeente, startkwalificatie_op, eerste_inschrijving) FROM PROGRAM 'bench/generator/gen --scale 0.01 --seed 3 --quiet --vervuiling 3 --table leerling'
\copy verzuim.verblijf (leerling_id, gemeentecode, periode) FROM PROGRAM 'bench/generator/gen --scale 0.01 --seed 3 --quiet --vervuiling 3 --table verblijf'
\copy verzuim.inschrijving (inschrijving_id, leerling_id, brin, periode, onderwijssoort) FROM PROGRAM 'bench/generator/gen --scale 0.01 --seed 3 --quiet --vervuiling 3 --table inschrijving'
\copy verzuim.afwezigheid (leerling_id, brin, datum, reden, uren) FROM PROGRAM 'bench/generator/gen --scale 0.01 --seed 3 --quiet --vervuiling 3 --table afwezigheid'
\copy verzuim.vrijstelling (vrijstelling_id, leerling_id, artikel, periode) FROM PROGRAM 'bench/generator/gen --scale 0.01 --seed 3 --quiet --vervuiling 3 --table vrijstelling'
\copy verzuim.melding (meldingsnummer, leerling_id, brin, soort, verzuim_periode, gemeld_op, spoed, status, afgesloten_op, mas_route) FROM PROGRAM 'bench/generator/gen --scale 0.01 --seed 3 --quiet --vervuiling 3 --table melding'
ANALYZE verzuim.gemeente, verzuim.school, verzuim.leerling, verzuim.verblijf, verzuim.inschrijving,
        verzuim.afwezigheid, verzuim.vrijstelling, verzuim.melding;

-- The reference: every check straight from its definition.
CREATE FUNCTION pg_temp.referentie()
RETURNS TABLE (controle text, gemeentecode text, leerling_id bigint, tabel text, sleutel text, brin text,
               periode daterange, verwant text)
LANGUAGE sql STABLE AS $$
  WITH vb AS (
    SELECT v.*, lag(v.periode) OVER w AS vorige, lag(v.gemeentecode) OVER w AS vorige_gemeente
      FROM verzuim.verblijf v WINDOW w AS (PARTITION BY v.leerling_id ORDER BY lower(v.periode))
  ), geschiedenis AS (
    SELECT l.leerling_id,
           (SELECT array_agg(v.gemeentecode || ' ' || v.periode::text ORDER BY lower(v.periode))
              FROM verzuim.verblijf v WHERE v.leerling_id = l.leerling_id) AS h,
           (SELECT min(lower(i.periode)) FROM verzuim.inschrijving i WHERE i.leerling_id = l.leerling_id) AS eerste
      FROM verzuim.leerling l
  ), bev AS (
    -- 1 no verblijf row at all
    SELECT 'geen_verblijf' AS controle, l.leerling_id, 'leerling' AS tabel, l.leerling_id::text AS sleutel,
           NULL::text AS brin, NULL::daterange AS periode, NULL::text AS verwant
      FROM verzuim.leerling l
     WHERE NOT EXISTS (SELECT FROM verzuim.verblijf v WHERE v.leerling_id = l.leerling_id)
    UNION ALL
    -- 2 a verblijf period that begins after the end of the one before it
    SELECT 'verblijf_gat', vb.leerling_id, 'verblijf', NULL, NULL, daterange(upper(vb.vorige), lower(vb.periode)),
           vb.vorige_gemeente || ' -> ' || vb.gemeentecode
      FROM vb WHERE upper(vb.vorige) < lower(vb.periode)
    UNION ALL
    -- 3 two enrolments at different schools sharing more than one day
    SELECT 'inschrijving_overlap', a.leerling_id, 'inschrijving', a.inschrijving_id::text, a.brin,
           a.periode * b.periode, 'inschrijving ' || b.inschrijving_id
      FROM verzuim.inschrijving a
      JOIN verzuim.inschrijving b ON b.leerling_id = a.leerling_id AND b.brin <> a.brin AND b.periode && a.periode
     WHERE (lower(a.periode) < lower(b.periode)
            OR (lower(a.periode) = lower(b.periode) AND a.inschrijving_id < b.inschrijving_id))
       AND (upper_inf(a.periode * b.periode) OR upper(a.periode * b.periode) - lower(a.periode * b.periode) > 1)
    UNION ALL
    -- 4 enrolment days not covered by any verblijf of a pupil who has one
    SELECT 'inschrijving_buiten_nederland', i.leerling_id, 'inschrijving', i.inschrijving_id::text, i.brin,
           range_merge(x.rest), NULL
      FROM verzuim.inschrijving i
     CROSS JOIN LATERAL (SELECT datemultirange(i.periode) - range_agg(v.periode) AS rest
                           FROM verzuim.verblijf v WHERE v.leerling_id = i.leerling_id
                         HAVING count(*) > 0) x
     WHERE NOT isempty(x.rest)
    UNION ALL
    -- 5 an absence row on a day without an enrolment at that school
    SELECT 'afwezigheid_zonder_inschrijving', a.leerling_id, 'afwezigheid', a.reden::text, a.brin,
           daterange(a.datum, a.datum + 1), NULL
      FROM verzuim.afwezigheid a
     WHERE NOT EXISTS (SELECT FROM verzuim.inschrijving i
                        WHERE i.leerling_id = a.leerling_id AND i.brin = a.brin
                          AND lower(i.periode) <= a.datum AND (upper_inf(i.periode) OR a.datum < upper(i.periode)))
    UNION ALL
    -- 6 a melding by a school without an enrolment sharing a day with the verzuim period
    SELECT 'melding_zonder_inschrijving', m.leerling_id, 'melding', m.meldingsnummer::text, m.brin, m.verzuim_periode, NULL
      FROM verzuim.melding m
     WHERE NOT EXISTS (SELECT FROM verzuim.inschrijving i
                        WHERE i.leerling_id = m.leerling_id AND i.brin = m.brin AND i.periode && m.verzuim_periode)
    UNION ALL
    -- 7 a melding without an absence row at that school in the period that could justify it
    SELECT 'melding_zonder_afwezigheid', m.leerling_id, 'melding', m.meldingsnummer::text, m.brin, m.verzuim_periode, NULL
      FROM verzuim.melding m
     WHERE NOT EXISTS (SELECT FROM verzuim.afwezigheid a
                        WHERE a.leerling_id = m.leerling_id AND a.brin = m.brin AND m.verzuim_periode @> a.datum
                          AND (m.soort::text = 'overig' OR a.reden::text IN ('ongeoorloofd', 'luxe', 'te_laat')))
    UNION ALL
    -- 8 a vrijstelling 5a/5b/5c/15 sharing days with an enrolment in po, vo or mbo
    SELECT 'vrijstelling_met_inschrijving', v.leerling_id, 'vrijstelling', v.vrijstelling_id::text, i.brin,
           v.periode * i.periode, 'inschrijving ' || i.inschrijving_id
      FROM verzuim.vrijstelling v
      JOIN verzuim.inschrijving i ON i.leerling_id = v.leerling_id AND i.periode && v.periode
     WHERE v.artikel::text IN ('5a', '5b', '5c', '15') AND i.onderwijssoort::text IN ('po', 'vo', 'mbo')
    UNION ALL
    -- 9 an enrolment beginning before the 4th birthday
    SELECT 'inschrijving_voor_4', i.leerling_id, 'inschrijving', i.inschrijving_id::text, i.brin,
           daterange(lower(i.periode), (l.geboortedatum + interval '4 years')::date), NULL
      FROM verzuim.inschrijving i JOIN verzuim.leerling l USING (leerling_id)
     WHERE lower(i.periode) < (l.geboortedatum + interval '4 years')::date
    UNION ALL
    -- 10 two enrolled pupils, same birth date, woongemeente and verblijf history, no enrolments overlapping
    SELECT 'dubbele_leerling', b.leerling_id, 'leerling', b.leerling_id::text, NULL, NULL, 'leerling ' || a.leerling_id
      FROM verzuim.leerling a JOIN geschiedenis ga ON ga.leerling_id = a.leerling_id
      JOIN verzuim.leerling b ON b.geboortedatum = a.geboortedatum AND b.woongemeente = a.woongemeente
                             AND b.leerling_id <> a.leerling_id
      JOIN geschiedenis gb ON gb.leerling_id = b.leerling_id
     WHERE ga.eerste IS NOT NULL AND gb.eerste IS NOT NULL AND ga.h IS NOT DISTINCT FROM gb.h
       AND (gb.eerste > ga.eerste OR (gb.eerste = ga.eerste AND b.leerling_id > a.leerling_id))
       AND NOT EXISTS (SELECT FROM verzuim.inschrijving x JOIN verzuim.inschrijving y ON x.periode && y.periode
                        WHERE x.leerling_id = a.leerling_id AND y.leerling_id = b.leerling_id)
    UNION ALL
    -- 11 a day on which an enrolment begins, not covered by (or adjacent to) an earlier enrolment of
    --    the pupil, after at least one: the gap from the latest end before it, within the delay
    SELECT 'administratief_gat', n.leerling_id, 'inschrijving',
           (SELECT min(x.inschrijving_id) FROM verzuim.inschrijving x
             WHERE x.leerling_id = n.leerling_id AND lower(x.periode) = n.dag)::text,
           (SELECT x.brin FROM verzuim.inschrijving x
             WHERE x.leerling_id = n.leerling_id AND lower(x.periode) = n.dag ORDER BY x.inschrijving_id LIMIT 1),
           daterange(n.van, n.dag),
           'inschrijving ' || (SELECT min(x.inschrijving_id) FROM verzuim.inschrijving x
                                WHERE x.leerling_id = n.leerling_id AND upper(x.periode) = n.van)
      FROM (SELECT DISTINCT i.leerling_id, lower(i.periode) AS dag,
                   (SELECT max(upper(x.periode)) FROM verzuim.inschrijving x
                     WHERE x.leerling_id = i.leerling_id AND lower(x.periode) < lower(i.periode)) AS van
              FROM verzuim.inschrijving i
             WHERE EXISTS (SELECT FROM verzuim.inschrijving x
                            WHERE x.leerling_id = i.leerling_id AND lower(x.periode) < lower(i.periode))
               AND NOT EXISTS (SELECT FROM verzuim.inschrijving x
                                WHERE x.leerling_id = i.leerling_id AND lower(x.periode) < lower(i.periode)
                                  AND (upper_inf(x.periode) OR upper(x.periode) >= lower(i.periode)))) n
     WHERE n.dag - n.van <= coalesce(nullif(current_setting('verzuim.meldtermijn', true), ''), '7')::int
  )
  SELECT b.controle, l.woongemeente, b.leerling_id, b.tabel, b.sleutel, b.brin, b.periode, b.verwant
    FROM bev b JOIN verzuim.leerling l ON l.leerling_id = b.leerling_id
$$;

-- rows of the C function not in the reference (computed once into a table), and the other way
-- round (all columns, as multisets)
CREATE FUNCTION pg_temp.verschil(c text DEFAULT NULL, g text DEFAULT NULL, tabel text DEFAULT 'ref')
RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN
  EXECUTE format($q$
    WITH a AS (SELECT * FROM verzuim.registratiekwaliteit_rijen($1, $2)),
         b AS (SELECT * FROM %I r WHERE ($1 IS NULL OR r.controle = $1) AND ($2 IS NULL OR r.gemeentecode = $2))
    SELECT format('%%s rows; %%s only in C, %%s only in the reference', (SELECT count(*) FROM a),
                  (SELECT count(*) FROM (SELECT * FROM a EXCEPT ALL SELECT * FROM b) x),
                  (SELECT count(*) FROM (SELECT * FROM b EXCEPT ALL SELECT * FROM a) y))$q$, tabel)
    INTO r USING c, g;
  RETURN r;
END $$;
CREATE TEMP TABLE ref AS SELECT * FROM pg_temp.referentie();

-- 1-2: A, everything at once
SELECT is((SELECT count(DISTINCT controle) FROM ref), 11::bigint, 'A: the polluted data has findings of all 11 checks');
SELECT is(pg_temp.verschil(), format('%s rows; 0 only in C, 0 only in the reference', (SELECT count(*) FROM ref)),
          'A: every finding of every check equals the plain SQL (pupil order, statistics right)');
-- 3-13: A, check by check
SELECT is(pg_temp.verschil(k.controle),
          format('%s rows; 0 only in C, 0 only in the reference', (SELECT count(*) FROM ref WHERE ref.controle = k.controle)),
          'A: ' || k.controle || ' alone equals the plain SQL')
  FROM verzuim.kwaliteitscontrole k ORDER BY k.volgorde;
-- 14-15: A, one gemeente (the one with the most findings), and one check in it
SELECT gemeentecode AS gem FROM ref GROUP BY gemeentecode ORDER BY count(*) DESC, gemeentecode LIMIT 1 \gset
SELECT is(pg_temp.verschil(NULL, :'gem'),
          format('%s rows; 0 only in C, 0 only in the reference', (SELECT count(*) FROM ref WHERE gemeentecode = :'gem')),
          'A: the filter on a gemeente');
SELECT is(pg_temp.verschil('dubbele_leerling', :'gem'),
          format('%s rows; 0 only in C, 0 only in the reference',
                 (SELECT count(*) FROM ref WHERE gemeentecode = :'gem' AND controle = 'dubbele_leerling')),
          'A: both filters');
-- 16-17: the reporting delay
SET LOCAL verzuim.meldtermijn = 0;
CREATE TEMP TABLE ref0 AS SELECT * FROM pg_temp.referentie() r WHERE r.controle = 'administratief_gat';
SELECT is(pg_temp.verschil('administratief_gat', NULL, 'ref0'), '0 rows; 0 only in C, 0 only in the reference',
          'verzuim.meldtermijn = 0: no administrative gaps, as in the plain SQL');
SET LOCAL verzuim.meldtermijn = 60;
CREATE TEMP TABLE ref60 AS SELECT * FROM pg_temp.referentie() r WHERE r.controle = 'administratief_gat';
SELECT ok(pg_temp.verschil('administratief_gat', NULL, 'ref60') ~ '^[1-9][0-9]* rows; 0 only in C, 0 only in the reference$'
          AND (SELECT count(*) FROM ref60) > (SELECT count(*) FROM ref WHERE controle = 'administratief_gat'),
          'verzuim.meldtermijn = 60: more gaps, the same as the plain SQL');
RESET verzuim.meldtermijn;
-- 18: the view adds up the rows
SELECT set_eq($$SELECT gemeentecode, controle, bevindingen, leerlingen FROM verzuim.registratiekwaliteit WHERE bevindingen > 0$$,
              $$SELECT gemeentecode, controle, count(*) AS bevindingen, count(DISTINCT leerling_id) AS leerlingen FROM ref GROUP BY 1, 2$$,
              'A: the view counts findings and pupils per gemeente and check as the plain SQL does');

-- 19-21: B, statistics four times too low
UPDATE pg_class SET reltuples = reltuples / 4
 WHERE oid IN ('verzuim.leerling'::regclass, 'verzuim.verblijf'::regclass, 'verzuim.inschrijving'::regclass,
               'verzuim.melding'::regclass);
SELECT is(pg_temp.verschil(), format('%s rows; 0 only in C, 0 only in the reference', (SELECT count(*) FROM ref)),
          'B: the same with statistics four times too low');
SELECT is((SELECT count(*) FROM verzuim.registratiekwaliteit_rijen() WHERE controle = 'dubbele_leerling'),
          (SELECT count(*) FROM ref WHERE controle = 'dubbele_leerling'), 'B: the duplicate pupils too');
-- statistics half the truth: the arrays are mapped, and outgrow the mapping
UPDATE pg_class SET reltuples = reltuples * 2
 WHERE oid IN ('verzuim.leerling'::regclass, 'verzuim.verblijf'::regclass, 'verzuim.inschrijving'::regclass,
               'verzuim.melding'::regclass);
SELECT is(pg_temp.verschil(), format('%s rows; 0 only in C, 0 only in the reference', (SELECT count(*) FROM ref)),
          'B: the same with statistics half the truth');

-- 22-23: C, the rows of every pupil scattered over the table
CREATE TEMP TABLE ins AS SELECT * FROM verzuim.inschrijving;
CREATE TEMP TABLE vbl AS SELECT * FROM verzuim.verblijf;
DELETE FROM verzuim.inschrijving;
DELETE FROM verzuim.verblijf;
INSERT INTO verzuim.verblijf SELECT * FROM vbl ORDER BY hashtext(leerling_id || ' ' || periode::text);
INSERT INTO verzuim.inschrijving SELECT * FROM ins ORDER BY hashint8(inschrijving_id);
ANALYZE verzuim.verblijf, verzuim.inschrijving;
SELECT ok((SELECT count(*) FROM (SELECT leerling_id <> lag(leerling_id) OVER () AS wissel FROM verzuim.inschrijving) x
            WHERE wissel) > (SELECT count(DISTINCT leerling_id) FROM verzuim.inschrijving),
          'C: the enrolments of a pupil no longer lie together');
SELECT is(pg_temp.verschil(), format('%s rows; 0 only in C, 0 only in the reference', (SELECT count(*) FROM ref)),
          'C: every finding equals the plain SQL with the rows in scrambled order');

-- 24: D, an extra column in afwezigheid: its rows come projected, read the generic way
ALTER TABLE verzuim.afwezigheid ADD COLUMN proef int;
SELECT is(pg_temp.verschil(), format('%s rows; 0 only in C, 0 only in the reference', (SELECT count(*) FROM ref)),
          'D: the same with afwezigheid read through a projection (an extra column)');

-- 25-26: no rows at all, and pupils only
TRUNCATE verzuim.leerling, verzuim.verblijf, verzuim.inschrijving, verzuim.afwezigheid, verzuim.vrijstelling,
         verzuim.melding, verzuim.proces_verbaal;
SELECT is((SELECT count(*) FROM verzuim.registratiekwaliteit_rijen()), 0::bigint, 'empty tables: no findings');
INSERT INTO verzuim.leerling (leerling_id, geboortedatum, woongemeente)
  SELECT g, date '2016-01-01', :'gem' FROM generate_series(-2, 2) g UNION ALL SELECT 9000000000000000000, date '2016-01-01', :'gem';
CREATE TEMP TABLE ref_leeg AS SELECT * FROM pg_temp.referentie();
SELECT is(pg_temp.verschil(NULL, NULL, 'ref_leeg'), '6 rows; 0 only in C, 0 only in the reference',
          'pupils without any row (ids 0, negative and huge): geen_verblijf for each, nothing else');

SELECT * FROM finish();
ROLLBACK;
