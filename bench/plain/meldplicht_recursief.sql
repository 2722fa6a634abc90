-- The 16-hour rule, correctly, in plain SQL: re-arming after each moment makes
-- it a sequential walk over each pupil's school days in date order (WITH
-- RECURSIVE), the window sum since the last moment a correlated subquery.
-- Quadratic per pupil, so the benchmark runs it on 1% of the pupils
-- (leerling_id % 100 = 0) beside meldplicht on the same sample.
WITH RECURSIVE dag AS MATERIALIZED (
  SELECT a.leerling_id, a.datum, sum(a.uren) AS uren, min(w.lw) AS lw,
         row_number() OVER (PARTITION BY a.leerling_id ORDER BY a.datum) AS rn
  FROM verzuim.afwezigheid a JOIN verzuim.school s ON s.brin = a.brin
  JOIN bench_plain.lesweek w ON w.regio = s.vakantieregio AND w.maandag = date_trunc('week', a.datum)::date
  JOIN bench_plain.lesdag l ON l.regio = s.vakantieregio AND l.datum = a.datum
  WHERE a.reden IN ('ongeoorloofd', 'luxe', 'te_laat') AND a.leerling_id % 100 = 0
  GROUP BY a.leerling_id, a.datum),
walk AS (
  SELECT DISTINCT leerling_id, 0::bigint AS rn, 0::bigint AS rearm, NULL::numeric AS som FROM dag
  UNION ALL
  SELECT d.leerling_id, d.rn, CASE WHEN t.som >= 16 THEN d.rn ELSE w.rearm END, t.som
  FROM walk w
  JOIN dag d ON d.leerling_id = w.leerling_id AND d.rn = w.rn + 1
  CROSS JOIN LATERAL (SELECT sum(x.uren) AS som FROM dag x
                      WHERE x.leerling_id = d.leerling_id AND x.rn > w.rearm AND x.rn <= d.rn
                        AND x.lw >= d.lw - 3) t)
SELECT w.leerling_id, d.datum AS bereikt_op, w.som AS uren
FROM walk w JOIN dag d ON d.leerling_id = w.leerling_id AND d.rn = w.rn
WHERE w.rn > 0 AND w.rearm = w.rn
