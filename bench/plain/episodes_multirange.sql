-- Episodes with multiranges (ANCHORS.md §5): the absent school days of a pupil
-- as one datemultirange, plus the non-school days of the regio
-- (bench_plain.nietschool); every island of that union which touches an absent
-- day, trimmed to its absent days, is an episode.
SELECT p.leerling_id,
       (SELECT range_agg(range_merge(e::datemultirange * p.afwezig))
        FROM unnest(p.afwezig + n.m) e WHERE e::datemultirange && p.afwezig) AS episodes
FROM (SELECT a.leerling_id, min(s.vakantieregio) AS regio, range_agg(daterange(a.datum, a.datum + 1)) AS afwezig
      FROM verzuim.afwezigheid a JOIN verzuim.school s ON s.brin = a.brin
      JOIN bench_plain.lesdag l ON l.regio = s.vakantieregio AND l.datum = a.datum
      GROUP BY a.leerling_id) p
JOIN bench_plain.nietschool n ON n.regio = p.regio
