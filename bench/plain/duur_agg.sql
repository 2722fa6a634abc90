-- duur_agg per gemeente in plain SQL: the same exact distribution at the
-- peildatum (per duration the closed and the open episodes, their counts and
-- sums), written out in the text form of verzuim.duurverdeling so that the two
-- answers compare as text.  Closed: upper <= peildatum, duration upper - lower;
-- open: peildatum + 1 - lower; not yet started (lower > peildatum): not counted.
SELECT gemeentecode,
       format('{v1;eenheid=kalenderdagen;peildatum=%s;gesloten=%s;lopend=%s;som=%s;som_lopend=%s;%s}',
              DATE '2025-03-31', coalesce(sum(g) FILTER (WHERE duur IS NOT NULL), 0),
              coalesce(sum(l) FILTER (WHERE duur IS NOT NULL), 0),
              coalesce(sum(g * duur), 0), coalesce(sum(l * duur), 0),
              coalesce(string_agg(duur || ':' || g || '/' || l, ',' ORDER BY duur) FILTER (WHERE duur IS NOT NULL), '')) AS duur
FROM (SELECT gemeentecode, duur, count(*) FILTER (WHERE gesloten) AS g, count(*) FILTER (WHERE NOT gesloten) AS l
      FROM (SELECT gemeentecode,
                   coalesce(upper(episode) <= DATE '2025-03-31', false) AS gesloten,
                   CASE WHEN lower(episode) > DATE '2025-03-31' THEN NULL
                        WHEN upper(episode) <= DATE '2025-03-31' THEN upper(episode) - lower(episode)
                        ELSE DATE '2025-03-31' + 1 - lower(episode) END AS duur
            FROM bench_plain.episode) e
      GROUP BY gemeentecode, duur) d
GROUP BY gemeentecode
