-- Episodes as gaps-and-islands over a numbered school-day calendar
-- (bench_plain.lesdag): consecutive school days have consecutive nr, so
-- nr - dense_rank() is constant within an episode (dense_rank: several rows on
-- one day).  One row per episode: [first absent day, last absent day + 1).
SELECT leerling_id, daterange(min(datum), max(datum) + 1) AS episode
FROM (SELECT a.leerling_id, a.datum,
             l.nr - dense_rank() OVER (PARTITION BY a.leerling_id ORDER BY a.datum) AS eiland
      FROM verzuim.afwezigheid a JOIN verzuim.school s ON s.brin = a.brin
      JOIN bench_plain.lesdag l ON l.regio = s.vakantieregio AND l.datum = a.datum) x
GROUP BY leerling_id, eiland
