SELECT gemeentecode, avg(upper(episode) - lower(episode)) FROM bench_plain.episode GROUP BY gemeentecode
