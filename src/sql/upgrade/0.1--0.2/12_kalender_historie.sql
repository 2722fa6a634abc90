-- Issue 8: holiday history 2012-2013 .. 2018-2019 (docs/vakanties.md).
-- The same rows as the fresh install (10_kalender.sql).  A key the user
-- already has a row for (own dates, or loaded with vakanties_laden) keeps
-- the user's row; the key is still recorded as shipped (vakantie_levering,
-- by the trigger), as in a fresh install, so a later DELETE leaves a
-- periode NULL mark instead of bringing the shipped dates back.
INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode, bron, geleverd) VALUES
  ('noord', '2012-2013', 'kerst', '[2012-12-22,2013-01-06]', 'dezaak.nl/personeel/trainingen-opleidingen/schoolvakanties-in-2012; wilikweten.nl/onderwijs/115-zomervakantie-2013', true),
  ('midden', '2012-2013', 'kerst', '[2012-12-22,2013-01-06]', 'dezaak.nl/personeel/trainingen-opleidingen/schoolvakanties-in-2012; wilikweten.nl/onderwijs/115-zomervakantie-2013', true),
  ('zuid', '2012-2013', 'kerst', '[2012-12-22,2013-01-06]', 'dezaak.nl/personeel/trainingen-opleidingen/schoolvakanties-in-2012; wilikweten.nl/onderwijs/115-zomervakantie-2013', true),
  ('noord', '2013-2014', 'herfst', '[2013-10-19,2013-10-27]', 'agenda-info.nl/diversen/schoolvakanties (2013/2014); schoolvakanties20132014.nl', true),
  ('midden', '2013-2014', 'herfst', '[2013-10-19,2013-10-27]', 'agenda-info.nl/diversen/schoolvakanties (2013/2014); schoolvakanties20132014.nl', true),
  ('zuid', '2013-2014', 'herfst', '[2013-10-12,2013-10-20]', 'agenda-info.nl/diversen/schoolvakanties (2013/2014); schoolvakanties20132014.nl', true),
  ('noord', '2013-2014', 'kerst', '[2013-12-21,2014-01-05]', 'agenda-info.nl/diversen/schoolvakanties (2013/2014); schoolvakanties20132014.nl', true),
  ('midden', '2013-2014', 'kerst', '[2013-12-21,2014-01-05]', 'agenda-info.nl/diversen/schoolvakanties (2013/2014); schoolvakanties20132014.nl', true),
  ('zuid', '2013-2014', 'kerst', '[2013-12-21,2014-01-05]', 'agenda-info.nl/diversen/schoolvakanties (2013/2014); schoolvakanties20132014.nl', true),
  ('noord', '2013-2014', 'voorjaar', '[2014-02-22,2014-03-02]', 'agenda-info.nl/diversen/schoolvakanties (2013/2014); schoolvakanties20132014.nl', true),
  ('midden', '2013-2014', 'voorjaar', '[2014-02-15,2014-02-23]', 'agenda-info.nl/diversen/schoolvakanties (2013/2014); schoolvakanties20132014.nl', true),
  ('zuid', '2013-2014', 'voorjaar', '[2014-02-15,2014-02-23]', 'agenda-info.nl/diversen/schoolvakanties (2013/2014); schoolvakanties20132014.nl', true),
  ('noord', '2013-2014', 'mei', '[2014-04-26,2014-05-05]', 'agenda-info.nl/diversen/schoolvakanties (2013/2014); schoolvakanties20132014.nl', true),
  ('midden', '2013-2014', 'mei', '[2014-04-26,2014-05-05]', 'agenda-info.nl/diversen/schoolvakanties (2013/2014); schoolvakanties20132014.nl', true),
  ('zuid', '2013-2014', 'mei', '[2014-04-26,2014-05-05]', 'agenda-info.nl/diversen/schoolvakanties (2013/2014); schoolvakanties20132014.nl', true),
  ('noord', '2013-2014', 'zomer', '[2014-07-05,2014-08-17]', 'Regeling vaststelling schoolvakanties 2013-2016 (Stcrt. 2012, 27185) as quoted by avs.nl/actueel/nieuws/vaststelling-schoolvakantiedata-2013-2016-2; agenda-info.nl/diversen/schoolvakanties (2013/2014)', true),
  ('midden', '2013-2014', 'zomer', '[2014-07-19,2014-08-31]', 'Regeling vaststelling schoolvakanties 2013-2016 (Stcrt. 2012, 27185) as quoted by avs.nl/actueel/nieuws/vaststelling-schoolvakantiedata-2013-2016-2; agenda-info.nl/diversen/schoolvakanties (2013/2014)', true),
  ('zuid', '2013-2014', 'zomer', '[2014-07-12,2014-08-24]', 'Regeling vaststelling schoolvakanties 2013-2016 (Stcrt. 2012, 27185) as quoted by avs.nl/actueel/nieuws/vaststelling-schoolvakantiedata-2013-2016-2; agenda-info.nl/diversen/schoolvakanties (2013/2014)', true),
  ('midden', '2014-2015', 'herfst', '[2014-10-18,2014-10-26]', 'agenda-info.nl/diversen/schoolvakanties (2014/2015); dedroomboom.webnode.nl (a regio midden school, 2014-2015)', true),
  ('noord', '2014-2015', 'kerst', '[2014-12-20,2015-01-04]', 'agenda-info.nl/diversen/schoolvakanties (2014/2015); dedroomboom.webnode.nl (a regio midden school, 2014-2015)', true),
  ('midden', '2014-2015', 'kerst', '[2014-12-20,2015-01-04]', 'agenda-info.nl/diversen/schoolvakanties (2014/2015); dedroomboom.webnode.nl (a regio midden school, 2014-2015)', true),
  ('zuid', '2014-2015', 'kerst', '[2014-12-20,2015-01-04]', 'agenda-info.nl/diversen/schoolvakanties (2014/2015); dedroomboom.webnode.nl (a regio midden school, 2014-2015)', true),
  ('midden', '2014-2015', 'zomer', '[2015-07-11,2015-08-23]', 'Regeling vaststelling schoolvakanties 2013-2016 (Stcrt. 2012, 27185) as quoted by avs.nl/actueel/nieuws/vaststelling-schoolvakantiedata-2013-2016-2; dedroomboom.webnode.nl (a regio midden school, 2014-2015)', true),
  ('noord', '2015-2016', 'kerst', '[2015-12-19,2016-01-03]', 'kalendervip.nl/schoolvakanties-2016.html; durperhonk.nl/algemene-info/vakanties (Texel, regio noord)', true),
  ('midden', '2015-2016', 'kerst', '[2015-12-19,2016-01-03]', 'kalendervip.nl/schoolvakanties-2016.html; durperhonk.nl/algemene-info/vakanties (Texel, regio noord)', true),
  ('zuid', '2015-2016', 'kerst', '[2015-12-19,2016-01-03]', 'kalendervip.nl/schoolvakanties-2016.html; durperhonk.nl/algemene-info/vakanties (Texel, regio noord)', true),
  ('noord', '2015-2016', 'voorjaar', '[2016-02-27,2016-03-06]', 'kalendervip.nl/schoolvakanties-2016.html; durperhonk.nl/algemene-info/vakanties (Texel, regio noord)', true),
  ('noord', '2015-2016', 'mei', '[2016-04-30,2016-05-08]', 'kalendervip.nl/schoolvakanties-2016.html; tubantia.nl/theo-hakkert/waarom-je-beter-in-mei-meivakantie-kunt-hebben (the week for everyone from Monday 2 May; Koningsdag on a Wednesday: 2016)', true),
  ('midden', '2015-2016', 'mei', '[2016-04-30,2016-05-08]', 'kalendervip.nl/schoolvakanties-2016.html; tubantia.nl/theo-hakkert/waarom-je-beter-in-mei-meivakantie-kunt-hebben (the week for everyone from Monday 2 May; Koningsdag on a Wednesday: 2016)', true),
  ('zuid', '2015-2016', 'mei', '[2016-04-30,2016-05-08]', 'kalendervip.nl/schoolvakanties-2016.html; tubantia.nl/theo-hakkert/waarom-je-beter-in-mei-meivakantie-kunt-hebben (the week for everyone from Monday 2 May; Koningsdag on a Wednesday: 2016)', true),
  ('noord', '2015-2016', 'zomer', '[2016-07-16,2016-08-28]', 'kalendervip.nl/schoolvakanties-2016.html; durperhonk.nl/algemene-info/vakanties (Texel, regio noord)', true),
  ('noord', '2016-2017', 'herfst', '[2016-10-15,2016-10-23]', 'claessensd.nl/schoolvakanties (2016/2017); durperhonk.nl/algemene-info/vakanties (Texel, regio noord)', true),
  ('zuid', '2016-2017', 'herfst', '[2016-10-22,2016-10-30]', 'claessensd.nl/schoolvakanties (2016/2017); nationaleonderwijsgids.nl/kinderopvang/nieuws/34818 (ANP: zuid from 22 October)', true),
  ('noord', '2016-2017', 'kerst', '[2016-12-24,2017-01-08]', 'claessensd.nl/schoolvakanties (2016/2017); durperhonk.nl/algemene-info/vakanties (Texel, regio noord)', true),
  ('midden', '2016-2017', 'kerst', '[2016-12-24,2017-01-08]', 'claessensd.nl/schoolvakanties (2016/2017); durperhonk.nl/algemene-info/vakanties (Texel, regio noord)', true),
  ('zuid', '2016-2017', 'kerst', '[2016-12-24,2017-01-08]', 'claessensd.nl/schoolvakanties (2016/2017); durperhonk.nl/algemene-info/vakanties (Texel, regio noord)', true),
  ('noord', '2016-2017', 'zomer', '[2017-07-22,2017-09-03]', 'Regeling vaststelling schoolvakanties 2016-2019, art. 6 (Stcrt. 2015, 35695: zoek.officielebekendmakingen.nl/stcrt-2015-35695.html)', true),
  ('midden', '2016-2017', 'zomer', '[2017-07-08,2017-08-20]', 'Regeling vaststelling schoolvakanties 2016-2019, art. 6 (Stcrt. 2015, 35695: zoek.officielebekendmakingen.nl/stcrt-2015-35695.html)', true),
  ('zuid', '2016-2017', 'zomer', '[2017-07-15,2017-08-27]', 'Regeling vaststelling schoolvakanties 2016-2019, art. 6 (Stcrt. 2015, 35695: zoek.officielebekendmakingen.nl/stcrt-2015-35695.html)', true),
  ('noord', '2017-2018', 'herfst', '[2017-10-21,2017-10-29]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2017-2018); vakantiespreiding.eu/schoolvakanties-2017-2018', true),
  ('midden', '2017-2018', 'herfst', '[2017-10-14,2017-10-22]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2017-2018); vakantiespreiding.eu/schoolvakanties-2017-2018', true),
  ('zuid', '2017-2018', 'herfst', '[2017-10-14,2017-10-22]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2017-2018); vakantiespreiding.eu/schoolvakanties-2017-2018', true),
  ('noord', '2017-2018', 'kerst', '[2017-12-23,2018-01-07]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2017-2018); vakantiespreiding.eu/schoolvakanties-2017-2018', true),
  ('midden', '2017-2018', 'kerst', '[2017-12-23,2018-01-07]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2017-2018); vakantiespreiding.eu/schoolvakanties-2017-2018', true),
  ('zuid', '2017-2018', 'kerst', '[2017-12-23,2018-01-07]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2017-2018); vakantiespreiding.eu/schoolvakanties-2017-2018', true),
  ('noord', '2017-2018', 'voorjaar', '[2018-02-24,2018-03-04]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2017-2018); vakantiespreiding.eu/schoolvakanties-2017-2018', true),
  ('midden', '2017-2018', 'voorjaar', '[2018-02-24,2018-03-04]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2017-2018); vakantiespreiding.eu/schoolvakanties-2017-2018', true),
  ('zuid', '2017-2018', 'voorjaar', '[2018-02-17,2018-02-25]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2017-2018); vakantiespreiding.eu/schoolvakanties-2017-2018', true),
  ('noord', '2017-2018', 'mei', '[2018-04-28,2018-05-06]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2017-2018); vakantiespreiding.eu/schoolvakanties-2017-2018', true),
  ('midden', '2017-2018', 'mei', '[2018-04-28,2018-05-06]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2017-2018); vakantiespreiding.eu/schoolvakanties-2017-2018', true),
  ('zuid', '2017-2018', 'mei', '[2018-04-28,2018-05-06]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2017-2018); vakantiespreiding.eu/schoolvakanties-2017-2018', true),
  ('noord', '2017-2018', 'zomer', '[2018-07-21,2018-09-02]', 'Regeling vaststelling schoolvakanties 2016-2019, art. 6 (Stcrt. 2015, 35695: zoek.officielebekendmakingen.nl/stcrt-2015-35695.html)', true),
  ('midden', '2017-2018', 'zomer', '[2018-07-14,2018-08-26]', 'Regeling vaststelling schoolvakanties 2016-2019, art. 6 (Stcrt. 2015, 35695: zoek.officielebekendmakingen.nl/stcrt-2015-35695.html)', true),
  ('zuid', '2017-2018', 'zomer', '[2018-07-07,2018-08-19]', 'Regeling vaststelling schoolvakanties 2016-2019, art. 6 (Stcrt. 2015, 35695: zoek.officielebekendmakingen.nl/stcrt-2015-35695.html)', true),
  ('noord', '2018-2019', 'herfst', '[2018-10-20,2018-10-28]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2018-2019); singelpd.nl/nieuws/onderwijs/schoolvakanties-nederland; amondoreizen.webnode.nl/news/vrij-van-school', true),
  ('midden', '2018-2019', 'herfst', '[2018-10-20,2018-10-28]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2018-2019); singelpd.nl/nieuws/onderwijs/schoolvakanties-nederland; amondoreizen.webnode.nl/news/vrij-van-school', true),
  ('zuid', '2018-2019', 'herfst', '[2018-10-13,2018-10-21]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2018-2019); singelpd.nl/nieuws/onderwijs/schoolvakanties-nederland; amondoreizen.webnode.nl/news/vrij-van-school', true),
  ('noord', '2018-2019', 'kerst', '[2018-12-22,2019-01-06]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2018-2019); singelpd.nl/nieuws/onderwijs/schoolvakanties-nederland; amondoreizen.webnode.nl/news/vrij-van-school', true),
  ('midden', '2018-2019', 'kerst', '[2018-12-22,2019-01-06]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2018-2019); singelpd.nl/nieuws/onderwijs/schoolvakanties-nederland; amondoreizen.webnode.nl/news/vrij-van-school', true),
  ('zuid', '2018-2019', 'kerst', '[2018-12-22,2019-01-06]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2018-2019); singelpd.nl/nieuws/onderwijs/schoolvakanties-nederland; amondoreizen.webnode.nl/news/vrij-van-school', true),
  ('noord', '2018-2019', 'voorjaar', '[2019-02-16,2019-02-24]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2018-2019); singelpd.nl/nieuws/onderwijs/schoolvakanties-nederland; amondoreizen.webnode.nl/news/vrij-van-school', true),
  ('midden', '2018-2019', 'voorjaar', '[2019-02-23,2019-03-03]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2018-2019); singelpd.nl/nieuws/onderwijs/schoolvakanties-nederland; amondoreizen.webnode.nl/news/vrij-van-school', true),
  ('zuid', '2018-2019', 'voorjaar', '[2019-02-23,2019-03-03]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2018-2019); singelpd.nl/nieuws/onderwijs/schoolvakanties-nederland; amondoreizen.webnode.nl/news/vrij-van-school', true),
  ('noord', '2018-2019', 'mei', '[2019-04-27,2019-05-05]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2018-2019); singelpd.nl/nieuws/onderwijs/schoolvakanties-nederland; amondoreizen.webnode.nl/news/vrij-van-school', true),
  ('midden', '2018-2019', 'mei', '[2019-04-27,2019-05-05]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2018-2019); singelpd.nl/nieuws/onderwijs/schoolvakanties-nederland; amondoreizen.webnode.nl/news/vrij-van-school', true),
  ('zuid', '2018-2019', 'mei', '[2019-04-27,2019-05-05]', 'topkidhotels.nl (Bron: Ministerie van OCW, 2018-2019); singelpd.nl/nieuws/onderwijs/schoolvakanties-nederland; amondoreizen.webnode.nl/news/vrij-van-school', true),
  ('noord', '2018-2019', 'zomer', '[2019-07-13,2019-08-25]', 'Regeling vaststelling schoolvakanties 2016-2019, art. 6 (Stcrt. 2015, 35695: zoek.officielebekendmakingen.nl/stcrt-2015-35695.html)', true),
  ('midden', '2018-2019', 'zomer', '[2019-07-20,2019-09-01]', 'Regeling vaststelling schoolvakanties 2016-2019, art. 6 (Stcrt. 2015, 35695: zoek.officielebekendmakingen.nl/stcrt-2015-35695.html)', true),
  ('zuid', '2018-2019', 'zomer', '[2019-07-06,2019-08-18]', 'Regeling vaststelling schoolvakanties 2016-2019, art. 6 (Stcrt. 2015, 35695: zoek.officielebekendmakingen.nl/stcrt-2015-35695.html)', true)
ON CONFLICT (regio, schooljaar, soort) DO NOTHING;

COMMENT ON TABLE verzuim.vakantie IS
  'School holidays per vakantieregio and schooljaar. Shipped with every date found for 2012-2013 .. 2027-2028 (geleverd = true; sources in bron; docs/vakanties.md lists what is missing); add or correct rows with INSERT/UPDATE/DELETE or \copy. The five soorten herfst, kerst, voorjaar, mei and zomer make a schooljaar complete (see verzuim.kalender_dekking); other soorten (e.g. carnaval) are extra days off. periode NULL means: this holiday is known not to exist.';

-- kalender_dekking now starts at 2005-2006, so the schooljaren whose
-- holidays could not be sourced are listed as missing
CREATE OR REPLACE VIEW verzuim.kalender_dekking AS
WITH jaren AS (
  SELECT j AS jaar, format('%s-%s', j, j + 1) AS schooljaar
  -- from 2005-2006 (the history the extension means to ship) or the first
  -- schooljaar with data to the last one or the current one, within the
  -- calendar's range 1969-1970 .. 2099-2100
  FROM generate_series(
         greatest(1969, least(2005, (SELECT min(substr(schooljaar, 1, 4)::int) FROM verzuim.vakantie))),
         least(2099, greatest(2027, (SELECT max(substr(schooljaar, 1, 4)::int) FROM verzuim.vakantie),
                              extract(year FROM current_date)::int))) AS j
), regios AS (
  SELECT unnest(ARRAY['noord', 'midden', 'zuid']) AS regio
), nodig AS (
  SELECT r.regio, j.jaar, j.schooljaar, s.soort, s.nr,
         CASE WHEN s.soort = 'zomer (vorig schooljaar)' THEN format('%s-%s', j.jaar - 1, j.jaar)
              ELSE j.schooljaar END AS van_schooljaar,
         CASE WHEN s.soort = 'zomer (vorig schooljaar)' THEN 'zomer' ELSE s.soort END AS vakantiesoort
  FROM regios r CROSS JOIN jaren j
  CROSS JOIN (VALUES (1, 'zomer (vorig schooljaar)'), (2, 'herfst'), (3, 'kerst'), (4, 'voorjaar'),
                     (5, 'mei'), (6, 'zomer')) AS s(nr, soort)
)
SELECT d.regio, d.schooljaar, d.compleet, d.ontbreekt,
       CASE WHEN d.compleet
            THEN verzuim.lesdagen(verzuim.schooljaar_periode(d.schooljaar), d.regio) END AS lesdagen
FROM (
  SELECT n.regio, n.schooljaar,
         count(v.soort) = 6 AS compleet,
         coalesce(array_agg(n.soort ORDER BY n.nr) FILTER (WHERE v.soort IS NULL), '{}') AS ontbreekt
  FROM nodig n
  LEFT JOIN verzuim.vakantie v
    ON v.regio = n.regio AND v.schooljaar = n.van_schooljaar AND v.soort = n.vakantiesoort
  GROUP BY n.regio, n.schooljaar
) d
ORDER BY d.schooljaar, array_position(ARRAY['noord', 'midden', 'zuid'], d.regio);
COMMENT ON VIEW verzuim.kalender_dekking IS
  'Which schooljaren have complete holiday data per vakantieregio, from 2005-2006 (or the first schooljaar with data) to the last one with data or the current one: a schooljaar needs its herfst, kerst, voorjaar, mei and zomer vakantie and the zomervakantie of the schooljaar before (which decides the first school days in August). ontbreekt lists what is missing; lesdagen is the number of school days when complete.';

