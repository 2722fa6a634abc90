-- The 16-hour rule as the rolling window an analyst writes first: hours per
-- pupil and lesweek (bench_plain.lesweek numbers the weeks with a school day),
-- sum over the last 4 lesweken >= 16.  No re-arming: it flags weeks, not the
-- moments the duty arose, and is wrong wherever re-arming matters (its answer
-- differs from meldplicht by design; it is the speed reference DESIGN §4 names).
SELECT leerling_id, count(*) FILTER (WHERE som >= 16) AS weken
FROM (SELECT leerling_id,
             sum(uren) OVER (PARTITION BY leerling_id ORDER BY lw RANGE BETWEEN 3 PRECEDING AND CURRENT ROW) AS som
      FROM (SELECT a.leerling_id, w.lw, sum(a.uren) AS uren
            FROM verzuim.afwezigheid a JOIN verzuim.school s ON s.brin = a.brin
            JOIN bench_plain.lesweek w ON w.regio = s.vakantieregio AND w.maandag = date_trunc('week', a.datum)::date
            WHERE a.reden IN ('ongeoorloofd', 'luxe', 'te_laat')
            GROUP BY a.leerling_id, w.lw) x) y
GROUP BY leerling_id
