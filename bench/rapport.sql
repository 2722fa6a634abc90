-- bench/rapport.sql — the one table of bench/all.sh, from bench_plain.meting and
-- bench_plain.controle (filled by bench/meten.sql, the loader, the memory run and
-- the DuckDB peer).  -v markdown=1 prints it as a Markdown table.
\set QUIET on
\pset footer off
\if :{?markdown}
\pset format unaligned
\pset fieldsep ' | '
\pset tuples_only on
\endif

CREATE OR REPLACE FUNCTION pg_temp.m(f text, r text, n text DEFAULT '%') RETURNS numeric
LANGUAGE sql STABLE AS $$
  SELECT ms FROM bench_plain.meting WHERE figuur = f AND rol = r AND naam LIKE n ORDER BY volgorde LIMIT 1
$$;
CREATE OR REPLACE FUNCTION pg_temp.ms(x numeric) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN x IS NULL THEN '–' WHEN x < 10 THEN round(x, 1)::text ELSE to_char(round(x), 'FM999G999G999') END
$$;
CREATE OR REPLACE FUNCTION pg_temp.x(a numeric, b numeric) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN a IS NULL OR b IS NULL OR b = 0 THEN '–' ELSE round(a / b, 2) || '×' END
$$;
CREATE OR REPLACE FUNCTION pg_temp.ja(b boolean) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN b IS NULL THEN '–' WHEN b THEN 'yes' ELSE 'NO' END $$;

CREATE TEMP TABLE tabel AS
WITH v AS (
  SELECT pg_temp.m('episodes', 'ext') AS ep, pg_temp.m('episodes', 'floor') AS ep_f,
         pg_temp.m('episodes', 'plain', 'gaps%') AS ep_sql, pg_temp.m('episodes', 'plain', 'multi%') AS ep_multi,
         pg_temp.m('episodes_brin', 'ext') AS br, pg_temp.m('episodes_brin', 'floor') AS br_f,
         pg_temp.m('duckdb', 'query', 'episodes%') AS d_ep,
         pg_temp.m('duckdb', 'export', 'episodes%') + pg_temp.m('duckdb', 'load', 'episodes%')
           + pg_temp.m('duckdb', 'query', 'episodes%') AS d_ep_rt,
         pg_temp.m('duckdb', 'query', 'count%') AS d_floor,
         pg_temp.m('meldplicht', 'ext') AS mp, pg_temp.m('meldplicht', 'floor') AS mp_f,
         pg_temp.m('meldplicht', 'plain') AS mp_w,
         pg_temp.m('meldplicht_1pct', 'ext') AS mp1, pg_temp.m('meldplicht_1pct', 'plain') AS mp1_rec,
         pg_temp.m('duur_agg', 'ext') AS du, pg_temp.m('duur_agg', 'floor') AS du_f, pg_temp.m('duur_agg', 'plain') AS du_sql,
         pg_temp.m('duckdb', 'query', 'duur%') AS d_du,
         pg_temp.m('duckdb', 'export', 'duur%') + pg_temp.m('duckdb', 'load', 'duur%')
           + pg_temp.m('duckdb', 'query', 'duur%') AS d_du_rt,
         pg_temp.m('leerplichttelling', 'ext') AS lt, pg_temp.m('leerplichttelling', 'floor') AS lt_f,
         pg_temp.m('registratiekwaliteit', 'ext') AS rk, pg_temp.m('registratiekwaliteit', 'floor') AS rk_f,
         pg_temp.m('laden', 'ext') AS la, pg_temp.m('laden', 'floor') AS la_f, pg_temp.m('laden', 'check') AS la_c,
         pg_temp.m('parallel_few', 'serial') AS pf_s, pg_temp.m('parallel_few', 'par2') AS pf_p,
         pg_temp.m('parallel_few_floor', 'serial') AS pff_s, pg_temp.m('parallel_few_floor', 'par2') AS pff_p,
         pg_temp.m('parallel_pupil', 'serial') AS pp_s, pg_temp.m('parallel_pupil', 'par2') AS pp_p,
         -- the planner kept the serial plan with 2 workers allowed (docs/laden-en-parallel.md)
         pg_temp.m('parallel_pupil', 'par2', '%, 0 workers planned') IS NOT NULL AS pp_serieel,
         pg_temp.m('parallel_pupil_floor', 'serial') AS ppf_s, pg_temp.m('parallel_pupil_floor', 'par2') AS ppf_p,
         pg_temp.m('geheugen', 'rss') AS mem, pg_temp.m('geheugen', 'hwm') AS hwm,
         (SELECT split_part(naam, 'into a table of ', 2) FROM bench_plain.meting WHERE figuur = 'laden' AND rol = 'floor') AS la_tabel,
         (SELECT split_part(split_part(naam, 'copy of ', 2), ' rows', 1) FROM bench_plain.meting WHERE figuur = 'laden' AND rol = 'floor') AS la_rijen
)
SELECT t.* FROM v CROSS JOIN LATERAL (VALUES
  (1, 'episodes per pupil (regio by joining school)', pg_temp.ms(ep),
      'gaps-and-islands ' || pg_temp.ms(ep_sql) || ' (' || pg_temp.x(ep_sql, ep) || ' ext); multiranges ' || pg_temp.ms(ep_multi) || ' (' || pg_temp.x(ep_multi, ep) || ')',
      pg_temp.ms(d_ep) || ' / ' || pg_temp.ms(d_ep_rt), pg_temp.ms(ep_f), pg_temp.x(ep, ep_f),
      '≤ 1.3× floor; plain ≥ 1.5×, multiranges ≥ 5× ext',
      pg_temp.ja(ep <= 1.3 * ep_f AND ep_sql >= 1.5 * ep AND ep_multi >= 5 * ep)
        || CASE WHEN ep > 1.3 * ep_f THEN ' (floor missed)' ELSE '' END),
  (2, 'episodes_brin per pupil, straight from afwezigheid', pg_temp.ms(br),
      'gaps-and-islands (needs the join) ' || pg_temp.x(ep_sql, br) || ' ext',
      pg_temp.ms(d_ep) || ' / ' || pg_temp.ms(d_ep_rt), pg_temp.ms(br_f), pg_temp.x(br, br_f),
      '≤ 1.5× bare floor; moonshot: < DuckDB query',
      pg_temp.ja(br <= 1.5 * br_f) || '; moonshot ' || CASE WHEN d_ep IS NULL THEN '–' WHEN br < d_ep THEN 'yes' ELSE 'no (' || pg_temp.x(br, d_ep) || ' DuckDB)' END),
  (3, 'meldplicht per pupil (unauthorised rows)', pg_temp.ms(mp),
      'rolling window, no re-arming (wrong answer) ' || pg_temp.ms(mp_w) || ' (' || pg_temp.x(mp_w, mp) || ')',
      '–', pg_temp.ms(mp_f), pg_temp.x(mp, mp_f), '≤ 2× floor; faster than the window',
      pg_temp.ja(mp <= 2 * mp_f AND mp < mp_w)),
  (4, 'meldplicht, correct plain SQL (' || (SELECT split_part(naam, ' on ', 2) FROM bench_plain.meting WHERE figuur = 'meldplicht_1pct' AND rol = 'ext') || ')', pg_temp.ms(mp1),
      'recursive walk ' || pg_temp.ms(mp1_rec) || ' (' || pg_temp.x(mp1_rec, mp1) || ')',
      '–', '–', '–', '(no target: the correct rule is sequential)', '–'),
  (5, 'duur_agg per gemeente (' || (SELECT count(*) FROM bench_plain.episode) || ' episodes)', pg_temp.ms(du),
      'distribution GROUP BY gemeente, duur ' || pg_temp.ms(du_sql) || ' (' || pg_temp.x(du_sql, du) || ')',
      pg_temp.ms(d_du) || ' / ' || pg_temp.ms(d_du_rt), pg_temp.ms(du_f) || ' (avg)', pg_temp.x(du, du_f), '≤ 1.3× avg()',
      pg_temp.ja(du <= 1.3 * du_f)),
  (6, 'leerplichttelling, one schooljaar, every gemeente', pg_temp.ms(lt), '–', '–',
      pg_temp.ms(lt_f) || ' (scan)', pg_temp.x(lt, lt_f), '≤ 4× bare scan of afwezigheid', pg_temp.ja(lt <= 4 * lt_f)),
  (7, 'registratiekwaliteit, every check', pg_temp.ms(rk), '–', '–',
      pg_temp.ms(rk_f) || ' (scans)', pg_temp.x(rk, rk_f), '≤ 2× a scan of the tables read', pg_temp.ja(rk <= 2 * rk_f)),
  (8, 'loader: laad_csv of ' || la_rijen || ' rows into ' || la_tabel, pg_temp.ms(la),
      'controleer_csv ' || pg_temp.ms(la_c), '–', pg_temp.ms(la_f) || ' (\copy)', pg_temp.x(la, la_f),
      '≤ 1.5× plain \copy', pg_temp.ja(la <= 1.5 * la_f)),
  (9, 'parallel, few groups: duur_agg per gemeente', pg_temp.ms(pf_p) || ' (2 workers)',
      'avg(): ' || pg_temp.ms(pff_s) || ' → ' || pg_temp.ms(pff_p) || ' (' || pg_temp.x(pff_s, pff_p) || ' faster)', '–',
      pg_temp.ms(pf_s) || ' (serial)', pg_temp.x(pf_s, pf_p) || ' faster', '≥ 1.6× faster with 2 workers',
      pg_temp.ja(pf_s >= 1.6 * pf_p)),
  (10, 'parallel, per pupil: episodes_brin', pg_temp.ms(pp_p)
        || CASE WHEN pp_serieel THEN ' (2 workers allowed, serial plan chosen)' ELSE ' (2 workers)' END,
      'count(*): ' || pg_temp.ms(ppf_s) || ' → ' || pg_temp.ms(ppf_p) || ' (' || pg_temp.x(ppf_s, ppf_p) || ' faster)', '–',
      pg_temp.ms(pp_s) || ' (serial)', pg_temp.x(pp_s, pp_p) || ' faster', 'never slower than serial (≥ 1×)',
      CASE WHEN pp_serieel THEN 'yes (the same serial plan: the ratio is noise)' ELSE pg_temp.ja(pp_p <= pp_s) END),
  (11, 'memory: leerplichttelling, default work_mem', round(mem / 1024.0) || ' MB peak',
      '–', '–', '–', '–', 'within work_mem behaviour (spills, no OOM)',
      pg_temp.ja(mem IS NOT NULL) || ' (VmHWM ' || round(hwm / 1024.0) || ' MB)')
) t(nr, figure, ext, plain, duckdb, floor, ratio, target, met)
ORDER BY nr;

\if :{?markdown}
\echo '| figure | extension ms | plain SQL ms | DuckDB query / round trip ms | floor ms | ratio | target | met |'
\echo '|---|--:|---|--:|--:|--:|---|---|'
SELECT '| ' || figure, ext, plain, duckdb, floor, ratio, target, met || ' |' FROM tabel ORDER BY nr;
\echo
\echo '| check | answers | detail |'
\echo '|---|---|---|'
SELECT '| ' || figuur, CASE WHEN ok THEN 'agree' ELSE 'DIFFER' END, detail || ' |'
FROM bench_plain.controle WHERE figuur NOT IN ('antwoord', 'geheugen') ORDER BY volgorde;
\else
SELECT figure, ext AS "extension ms", plain AS "plain SQL ms", duckdb AS "DuckDB query / round trip ms",
       floor AS "floor ms", ratio, target, met
FROM tabel ORDER BY nr;
SELECT figuur AS check, CASE WHEN ok THEN 'agree' ELSE 'DIFFER' END AS answers, detail
FROM bench_plain.controle WHERE figuur <> 'antwoord' ORDER BY volgorde;
SELECT format('targets met: %s of %s; answers: %s', count(*) FILTER (WHERE met LIKE 'yes%'),
              count(*) FILTER (WHERE met <> '–'),
              CASE WHEN (SELECT bool_and(ok) FROM bench_plain.controle) THEN 'all agree' ELSE 'SOME DIFFER' END) AS summary
FROM tabel;
\endif
