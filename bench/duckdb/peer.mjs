// bench/duckdb/peer.mjs — the DuckDB peer of the verzuim benchmarks: the same
// answers from an in-memory DuckDB over the rows exported from PostgreSQL with
// \copy (bench/all.sh does the export and times it).
//
//   node bench/duckdb/peer.mjs DIR HERHAAL THREADS  > results.tsv
//
// DIR holds afwezigheid.csv (leerling_id, brin, datum, reden, uren),
// school.csv (brin, vakantieregio), lesdag.csv (regio, datum, nr: the numbered
// school days of bench_plain.lesdag) and episode.csv (gemeentecode, van, tot).
// Prints tab-separated lines: figuur, rol, naam, ms (median of HERHAAL runs
// after a warm-up; a query's result is materialized into a temporary table,
// like EXPLAIN ANALYZE computes every row without sending it) and "antwoord"
// lines with the episodes' count and total length for the check against the
// extension.
import { DuckDBInstance } from '@duckdb/node-api';

const [dir, herhaalArg, threadsArg] = process.argv.slice(2);
const herhaal = Number(herhaalArg || 3);
const instance = await DuckDBInstance.create(':memory:', { threads: String(threadsArg || 2) });
const con = await instance.connect();

const now = () => Number(process.hrtime.bigint()) / 1e6;
const out = (...f) => process.stdout.write(f.join('\t') + '\n');
async function timed(sql) { const t = now(); await con.run(sql); return now() - t; }
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
async function meet(sql) {
  await con.run(`CREATE OR REPLACE TEMP TABLE r AS ${sql}`);          // warm-up
  const ts = [];
  for (let i = 0; i < herhaal; i++) ts.push(await timed(`CREATE OR REPLACE TEMP TABLE r AS ${sql}`));
  return median(ts);
}

// load
const load = {
  afwezigheid: `CREATE TABLE afwezigheid AS SELECT * FROM read_csv('${dir}/afwezigheid.csv', header = true,
                  columns = {'leerling_id': 'BIGINT', 'brin': 'VARCHAR', 'datum': 'DATE', 'reden': 'VARCHAR', 'uren': 'DECIMAL(4,2)'})`,
  school: `CREATE TABLE school AS SELECT * FROM read_csv('${dir}/school.csv', header = true,
                  columns = {'brin': 'VARCHAR', 'vakantieregio': 'VARCHAR'})`,
  lesdag: `CREATE TABLE lesdag AS SELECT * FROM read_csv('${dir}/lesdag.csv', header = true,
                  columns = {'regio': 'VARCHAR', 'datum': 'DATE', 'nr': 'BIGINT'})`,
  episode: `CREATE TABLE episode AS SELECT * FROM read_csv('${dir}/episode.csv', header = true,
                  columns = {'gemeentecode': 'VARCHAR', 'van': 'DATE', 'tot': 'DATE'})`,
};
let loadEpisodes = 0;
for (const t of ['afwezigheid', 'school', 'lesdag']) loadEpisodes += await timed(load[t]);
const loadEpisode = await timed(load.episode);
out('duckdb', 'load', 'episodes: afwezigheid, school, lesdag', loadEpisodes.toFixed(1));
out('duckdb', 'load', 'duur_agg: episode', loadEpisode.toFixed(1));

// the same formulations as bench/plain/ (DuckDB has no range types: an episode is van, tot)
const floor = `SELECT a.leerling_id, count(*) FROM afwezigheid a JOIN school s ON s.brin = a.brin GROUP BY a.leerling_id`;
const eilanden = `SELECT leerling_id, min(datum) AS van, max(datum) + 1 AS tot
  FROM (SELECT a.leerling_id, a.datum, l.nr - dense_rank() OVER (PARTITION BY a.leerling_id ORDER BY a.datum) AS eiland
        FROM afwezigheid a JOIN school s ON s.brin = a.brin
        JOIN lesdag l ON l.regio = s.vakantieregio AND l.datum = a.datum) x
  GROUP BY leerling_id, eiland`;
const duur = `SELECT gemeentecode, duur, count(*) FILTER (WHERE gesloten) AS g, count(*) FILTER (WHERE NOT gesloten) AS l
  FROM (SELECT gemeentecode, tot <= DATE '2025-03-31' AS gesloten,
               CASE WHEN tot <= DATE '2025-03-31' THEN tot - van ELSE DATE '2025-03-31' + 1 - van END AS duur
        FROM episode WHERE van <= DATE '2025-03-31') e
  GROUP BY gemeentecode, duur`;
const avg = `SELECT gemeentecode, avg(tot - van) FROM episode GROUP BY gemeentecode`;

out('duckdb', 'query', 'count(*) per pupil, same FROM', (await meet(floor)).toFixed(1));
out('duckdb', 'query', 'episodes: gaps-and-islands', (await meet(eilanden)).toFixed(1));
out('duckdb', 'query', 'duur_agg: distribution per gemeente', (await meet(duur)).toFixed(1));
out('duckdb', 'query', 'avg() per gemeente', (await meet(avg)).toFixed(1));

// the answer, for the check against the extension: all pupils, and the pupils in one regio
const rows = (await con.runAndReadAll(`
  WITH e AS (${eilanden}),
       twee AS (SELECT a.leerling_id FROM afwezigheid a JOIN school s ON s.brin = a.brin
                GROUP BY a.leerling_id HAVING count(DISTINCT s.vakantieregio) > 1)
  SELECT count(*), sum(tot - van), count(*) FILTER (WHERE leerling_id NOT IN (SELECT leerling_id FROM twee)) FROM e`)).getRows();
out('antwoord', 'duckdb', 'episodes', rows[0].map(String).join(' '));
