SELECT gemeentecode, verzuim.duur_agg(episode, DATE '2025-03-31') AS duur FROM bench_plain.episode GROUP BY gemeentecode
