-- instellingen: every setting that changes an answer can be passed as the last
-- argument (jsonb); then the session's settings are not read, keys left out
-- take their built-in default.  Each answer is compared with the answer of the
-- plain variant under SET of the same settings (an independent path).
SET datestyle = 'ISO, YMD';
SET search_path = verzuim, public;
BEGIN;
CREATE FUNCTION pg_temp.fout(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE q;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;
CREATE FUNCTION pg_temp.explain_lines(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY EXECUTE 'EXPLAIN (COSTS OFF) ' || q;
END $$;

-- verzuim.instellingen(): every user setting with its value, and the calendars
-- (the settings of this area; the full set is checked against pg_settings below)
SELECT key, CASE WHEN key = 'kalender' THEN '(fingerprints)' ELSE value::text END AS value
FROM jsonb_each(instellingen())
WHERE key IN ('kalender', 'vakantieregio', 'onvolledige_kalender', 'goede_vrijdag_vrij', 'bevrijdingsdag_vrij',
              'ziekte_in_episode', 'lrv_drempel', 'lrv_eenheid', 'norm')
ORDER BY key;
SELECT (SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(instellingen()->'kalender') k) AS regios,
       (SELECT bool_and(v ~ '^[0-9a-f]{8}$') FROM jsonb_each_text(instellingen()->'kalender') x(k, v)) AS hex8,
       instellingen(false) ? 'kalender' AS kalender_without;
-- the keys are exactly the settings of pg_settings named verzuim.* that a user may SET
SELECT (SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(instellingen(false)) k)
     = (SELECT array_agg(substr(name, 9) ORDER BY substr(name, 9)) FROM pg_settings
        WHERE name LIKE 'verzuim.%' AND context = 'user') AS keys_are_the_user_settings;

-- the data: absence with reasons, two pupils
CREATE TEMP TABLE afw (leerling int, datum date, reden reden);
INSERT INTO afw VALUES
  (1, '2024-01-08', 'ongeoorloofd'), (1, '2024-01-09', 'ziek'), (1, '2024-01-10', 'ongeoorloofd'),
  (1, '2024-01-12', 'ongeoorloofd'), (1, '2024-01-15', 'ongeoorloofd'),
  (2, '2024-04-29', 'ongeoorloofd'), (2, '2024-05-06', 'ongeoorloofd'), (2, '2024-05-07', 'verlof_14');
-- 2024-01-09 is a sick day between two absent days; 12 Jan (Fri) and 15 Jan (Mon)
-- bridge the weekend. Hand-computed:
--   onderbreekt: {[01-08,01-09),[01-10,01-11),[01-12,01-16)}
--   pauzeert:    {[01-08,01-11),[01-12,01-16)}  (11 Jan is a school day without absence)
--   telt_mee:    {[01-08,01-11),[01-12,01-16)}
SELECT leerling, episodes(datum, 'noord', reden) AS sessie,
       episodes(datum, 'noord', reden, '{"ziekte_in_episode": "pauzeert"}') AS pauzeert,
       episodes(datum, 'noord', reden, '{"ziekte_in_episode": "telt_mee"}') AS telt_mee,
       episodes(datum, 'noord', reden, '{}') AS standaard
FROM afw GROUP BY leerling ORDER BY leerling;
-- the session's setting does not reach the variant with instellingen
SET LOCAL verzuim.ziekte_in_episode = 'telt_mee';
SELECT leerling, episodes(datum, 'noord', reden) AS sessie_telt_mee,
       episodes(datum, 'noord', reden, '{}') AS standaard_onderbreekt,
       episodes(datum, 'noord', reden, '{"ziekte_in_episode": "pauzeert"}') AS pauzeert
FROM afw GROUP BY leerling ORDER BY leerling;
SHOW verzuim.ziekte_in_episode;   -- unchanged after the calls
RESET verzuim.ziekte_in_episode;

-- a NULL regio takes vakantieregio from instellingen, not from the session;
-- 2024-04-29 .. 05-06 (meivakantie zuid 2024-04-20..05-05, noord 04-27..05-05):
-- noord/zuid bridge the holiday, one episode
SET LOCAL verzuim.vakantieregio = 'midden';
SELECT episodes(datum, NULL, '{"vakantieregio": "zuid"}'::jsonb) AS zuid,
       episodes(datum, 'zuid') AS zuid_plain,
       episodes(datum, NULL) AS sessie_midden,
       episodes(datum, 'midden') AS midden_plain
FROM afw WHERE leerling = 2 AND reden = 'ongeoorloofd';
SELECT pg_temp.fout($$SELECT episodes(datum, NULL, '{}'::jsonb) FROM afw$$) AS no_default_regio;
RESET verzuim.vakantieregio;

-- thuiszit: lrv_drempel, lrv_eenheid and norm from instellingen
SELECT thuiszit('[2024-01-08,)', '2024-02-20', 'noord', '{"lrv_drempel": "8 weeks", "norm": "1 month"}')
       = (SELECT thuiszit('[2024-01-08,)', '2024-02-20', 'noord')
          FROM (SELECT set_config('verzuim.lrv_drempel', '8 weeks', true), set_config('verzuim.norm', '1 month', true)) s)
       AS thuiszit_equals_set;
RESET verzuim.lrv_drempel; RESET verzuim.norm;
SELECT thuiszit('[2024-01-08,)', '2024-02-20', 'noord', '{"lrv_drempel": "8 weeks", "norm": "1 month"}') AS acht_weken_een_maand,
       thuiszit('[2024-01-08,)', '2024-02-20', 'noord', '{"lrv_eenheid": "lesweken"}') AS lesweken,
       thuiszit('[2024-01-08,)', '2024-02-20', 'noord') AS sessie;

-- calendar settings: 2025 is a lustrum, 5 May free; Goede Vrijdag 18 April 2025
SELECT lesdagen('[2025-05-01,2025-05-10)', 'noord') AS standaard,
       lesdagen('[2025-05-01,2025-05-10)', 'noord', NULL, '{"bevrijdingsdag_vrij": "nooit"}') AS nooit,
       lesdagen('[2025-04-14,2025-04-19)', 'noord', NULL, '{"goede_vrijdag_vrij": true}') AS goede_vrijdag_vrij,
       lesdagen('[2025-04-14,2025-04-19)', 'noord') AS goede_vrijdag_les,
       is_lesdag('2025-04-18', 'noord', NULL, '{"goede_vrijdag_vrij": "on"}') AS is_lesdag_gv;
SELECT datum, naam, schoolvrij FROM feestdagen(2026, '{"goede_vrijdag_vrij": true, "bevrijdingsdag_vrij": "altijd"}')
WHERE naam IN ('Goede Vrijdag', 'Bevrijdingsdag') ORDER BY datum;
-- incomplete calendar: fout by default, waarschuwing from instellingen (schooljaar 2060-2061 has no holidays;
-- 13-19 Oct 2060 lie in weeks 42-43, where its herfstvakantie may fall)
SELECT pg_temp.fout($$SELECT lesdagen('[2060-10-13,2060-10-20)', 'noord', NULL, '{}')$$) AS fout;
SET LOCAL client_min_messages = error;
SELECT lesdagen('[2060-10-13,2060-10-20)', 'noord', NULL, '{"onvolledige_kalender": "waarschuwing"}') AS waarschuwing;
RESET client_min_messages;

-- errors: 22023, and the session's settings are untouched afterwards
SELECT pg_temp.fout($$SELECT episodes(datum, 'noord', '{"ziekte_in_episod": "pauzeert"}'::jsonb) FROM afw$$) AS unknown_key;
SELECT pg_temp.fout($$SELECT episodes(datum, 'noord', '{"ziekte_in_episode": "soms"}'::jsonb) FROM afw$$) AS bad_value;
SELECT pg_temp.fout($$SELECT episodes(datum, 'noord', '["pauzeert"]'::jsonb) FROM afw$$) AS not_an_object;
SELECT pg_temp.fout($$SELECT episodes(datum, 'noord', '{"norm": {"x": 1}}'::jsonb) FROM afw$$) AS nested_value;
SELECT pg_temp.fout($$SELECT episodes(datum, 'noord', '{"kalender": {"noord": "xyz"}}'::jsonb) FROM afw$$) AS bad_fingerprint;
SELECT pg_temp.fout($$SELECT episodes(datum, 'noord', '{"kalender": {"west": "00000001"}}'::jsonb) FROM afw$$) AS bad_regio;
SELECT pg_temp.fout($$SELECT episodes(datum, 'noord', '{"kalender": {"noord": "00000001"}}'::jsonb) FROM afw$$) AS other_calendar;
SELECT pg_temp.fout($$SELECT thuiszit('[2024-01-08,)', '2024-02-20', 'noord', '{"lrv_drempel": "-1 days"}')$$) AS bad_interval;
SELECT current_setting('verzuim.ziekte_in_episode') AS ziekte, current_setting('verzuim.lrv_drempel') AS lrv;
-- the calendar fingerprints of this server pass
SELECT episodes(datum, 'noord', instellingen()) IS NOT NULL AS own_calendar_passes FROM afw;

-- duur_agg in lesdagen records the calendar; samenvoegen checks it ----------------
CREATE TEMP TABLE ep (g int, episode daterange, regio text);
INSERT INTO ep VALUES (1, '[2025-04-14,2025-04-22)', 'noord'), (1, '[2025-05-01,2025-05-08)', 'noord'),
                      (2, '[2025-04-14,2025-04-22)', 'zuid'), (2, '[2025-06-23,)', 'zuid');
-- Hand-computed (2025, noord and zuid): [04-14,04-22) is Mon 14 .. Mon 21 April;
-- 21 April is Paasmaandag, 18 April Goede Vrijdag (a lesdag by default): 5
-- lesdagen, 4 with goede_vrijdag_vrij.  [05-01,05-08): meivakantie 26 April ..
-- 4 May, 5 May Bevrijdingsdag (free in the lustrum 2025): 6, 7 May = 2
-- lesdagen, 3 with bevrijdingsdag_vrij nooit.  [06-23,) open at 30 June: 23-27,
-- 30 June = 6.
SELECT instellingen()->'kalender'->>'noord' AS fp_noord, instellingen()->'kalender'->>'zuid' AS fp_zuid \gset
SELECT g, duur_agg(episode, '2025-06-30', regio)::text
        = CASE g WHEN 1 THEN format('{v2;eenheid=lesdagen;regio=noord:%s;peildatum=2025-06-30;gesloten=2;lopend=0;som=7;som_lopend=0;2:1/0,5:1/0}', :'fp_noord')
                 ELSE format('{v2;eenheid=lesdagen;regio=zuid:%s;peildatum=2025-06-30;gesloten=1;lopend=1;som=5;som_lopend=6;5:1/0,6:0/1}', :'fp_zuid') END
          AS recorded_with_this_servers_calendar
FROM ep GROUP BY g ORDER BY g;
-- with instellingen: the same summary as the plain aggregate under SET, and
-- the fingerprint that instellingen() shows under that SET
SELECT duur_agg(episode, '2025-06-30', regio, '{"goede_vrijdag_vrij": true}') AS d_inst FROM ep WHERE g = 1 \gset
SET LOCAL verzuim.goede_vrijdag_vrij = on;
SELECT duur_agg(episode, '2025-06-30', regio) = :'d_inst'::duurverdeling AS equals_set,
       :'d_inst' = format('{v2;eenheid=lesdagen;regio=noord:%s;peildatum=2025-06-30;gesloten=2;lopend=0;som=6;som_lopend=0;2:1/0,4:1/0}',
                          instellingen()->'kalender'->>'noord') AS text_form,
       instellingen()->'kalender'->>'noord' <> :'fp_noord' AS other_fingerprint_than_default
FROM ep WHERE g = 1;
RESET verzuim.goede_vrijdag_vrij;
SELECT aantal(d), verzuim.gemiddelde(d) FROM (SELECT duur_agg(episode, '2025-06-30', regio, '{"goede_vrijdag_vrij": true}') d FROM ep WHERE g = 1) s;
SELECT aantal(d), verzuim.gemiddelde(d) FROM (SELECT duur_agg(episode, '2025-06-30', regio) d FROM ep WHERE g = 1) s;
-- merging summaries of one calendar works; of two calendars is refused
SELECT aantal(samenvoegen(d)) FROM (SELECT duur_agg(episode, '2025-06-30', regio) d FROM ep GROUP BY g) s;
SELECT pg_temp.fout($$SELECT samenvoegen(d) FROM (
    SELECT duur_agg(episode, '2025-06-30', regio) d FROM ep WHERE g = 1
    UNION ALL SELECT duur_agg(episode, '2025-06-30', regio, '{"goede_vrijdag_vrij": true}') FROM ep WHERE g = 1) s$$) AS two_calendars;
-- different regions with their own calendars merge
SELECT regexp_replace(samenvoegen(d)::text, ':[0-9a-f]{8}', ':#', 'g') FROM (SELECT duur_agg(episode, '2025-06-30', regio) d FROM ep GROUP BY g) s;
-- doorloopsnelheid: (5 + 3) / 2 with Bevrijdingsdag a lesdag, (5 + 2) / 2 as shipped
SELECT doorloopsnelheid(episode, '2025-06-30', regio, '{"bevrijdingsdag_vrij": "nooit"}') AS nooit,
       doorloopsnelheid(episode, '2025-06-30', regio) AS lustrum
FROM ep WHERE g = 1;

-- format version 1 (0.1) stays readable --------------------------------------------
-- text: lesdagen without fingerprints, kalenderdagen
SELECT '{v1;eenheid=lesdagen;regio=noord;peildatum=2025-06-30;gesloten=1;lopend=0;som=3;som_lopend=0;3:1/0}'::duurverdeling AS v1_lesdagen,
       '{v1;eenheid=kalenderdagen;peildatum=2025-06-30;gesloten=1;lopend=0;som=3;som_lopend=0;3:1/0}'::duurverdeling AS v1_kalenderdagen;
-- v1 merges with v1, not with v2 in lesdagen
SELECT samenvoegen(d) FROM (VALUES
  ('{v1;eenheid=lesdagen;regio=noord;peildatum=2025-06-30;gesloten=1;lopend=0;som=3;som_lopend=0;3:1/0}'::duurverdeling),
  ('{v1;eenheid=lesdagen;regio=zuid;peildatum=2025-06-30;gesloten=1;lopend=0;som=4;som_lopend=0;4:1/0}')) v(d);
SELECT pg_temp.fout($$SELECT samenvoegen(d) FROM (
    SELECT '{v1;eenheid=lesdagen;regio=noord;peildatum=2025-06-30;gesloten=1;lopend=0;som=3;som_lopend=0;3:1/0}'::verzuim.duurverdeling d
    UNION ALL SELECT verzuim.duur_agg(episode, '2025-06-30', regio) FROM ep WHERE g = 2) s$$) AS v1_with_v2;
-- an empty v1 lesdagen summary (no regio) merges with anything
SELECT regexp_replace(samenvoegen(d)::text, ':[0-9a-f]{8}', ':#', 'g') FROM (
  SELECT '{v1;eenheid=lesdagen;regio=;peildatum=2025-06-30;gesloten=0;lopend=0;som=0;som_lopend=0;}'::duurverdeling d
  UNION ALL SELECT duur_agg(episode, '2025-06-30', regio) FROM ep WHERE g = 2) s;
-- v2 text and binary round trip; a wrong or missing fingerprint is refused
SELECT (SELECT duur_agg(episode, '2025-06-30', regio) FROM ep WHERE g = 2)
       = ((SELECT duur_agg(episode, '2025-06-30', regio) FROM ep WHERE g = 2)::text)::duurverdeling AS text_round_trip;
SELECT pg_temp.fout($$SELECT '{v2;eenheid=lesdagen;regio=noord;peildatum=2025-06-30;gesloten=0;lopend=0;som=0;som_lopend=0;}'::verzuim.duurverdeling$$) AS v2_without_fingerprint;
SELECT pg_temp.fout($$SELECT '{v2;eenheid=lesdagen;regio=noord:00000000;peildatum=2025-06-30;gesloten=0;lopend=0;som=0;som_lopend=0;}'::verzuim.duurverdeling$$) AS v2_zero_fingerprint;
SELECT '{v2;eenheid=kalenderdagen;peildatum=2025-06-30;gesloten=1;lopend=0;som=3;som_lopend=0;3:1/0}'::duurverdeling AS v2_kalenderdagen_written_as_v1;
-- the in-memory layout of a value stored by 0.1: build its bytes, read them as a
-- stored duurverdeling (a bytea column retyped in the catalog, as pg_upgrade
-- would leave a 0.1 table): header versie 1, kalenderdagen, peildatum
-- 2024-06-30 (= 8947 days after 2000-01-01), n 2, gesloten 1, lopend 1, som 5,
-- som_lopend 7, entries 5:1/0 and 7:0/1 (little-endian)
CREATE TABLE pg_temp.oud (d bytea);
INSERT INTO pg_temp.oud VALUES (decode(
  '01000000' || 'f3220000' || '02000000' ||
  '0100000000000000' || '0100000000000000' || '0500000000000000' || '0700000000000000' ||
  '05000000' || '00000000' || '0100000000000000' || '0000000000000000' ||
  '07000000' || '00000000' || '0000000000000000' || '0100000000000000', 'hex'));
UPDATE pg_attribute SET atttypid = 'verzuim.duurverdeling'::regtype
WHERE attrelid = 'pg_temp.oud'::regclass AND attname = 'd';
SELECT d::text, aantal(d), aantal_lopend(d), doorloopsnelheid(d),
       d = '{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=1;lopend=1;som=5;som_lopend=7;5:1/0,7:0/1}'::duurverdeling AS equals_text
FROM pg_temp.oud;
SELECT samenvoegen(d) FROM (SELECT d FROM pg_temp.oud UNION ALL
  SELECT '{v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=1;lopend=0;som=5;som_lopend=0;5:1/0}') s;
DROP TABLE pg_temp.oud;

-- parallel plans: the instellingen travel with the serialized partial states
SELECT setseed(0.25);
CREATE TABLE inst_par (leerling int, regio text, datum date, reden reden);
INSERT INTO inst_par
SELECT p, (ARRAY['noord', 'midden', 'zuid'])[1 + p % 3], date '2022-09-01' + (random() * 600)::int + 0 * g,
       (ARRAY['ongeoorloofd', 'ziek', 'luxe', 'verlof_14'])[1 + (random() * 3)::int + 0 * g]::reden
FROM generate_series(1, 600) p, generate_series(1, 30) g;
ANALYZE inst_par;
CREATE TEMP TABLE par_res (plan text, k text, e datemultirange, d duurverdeling);
CREATE FUNCTION pg_temp.run_par(plan text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO par_res SELECT plan, 'regio ' || regio, episodes(datum, regio, reden, '{"ziekte_in_episode": "pauzeert", "goede_vrijdag_vrij": true}'), NULL
    FROM inst_par GROUP BY regio;
  INSERT INTO par_res SELECT plan, 'pupil ' || leerling, episodes(datum, NULL, reden, '{"ziekte_in_episode": "telt_mee", "vakantieregio": "midden"}'), NULL
    FROM inst_par GROUP BY leerling;
  INSERT INTO par_res SELECT plan, 'duur ' || regio, NULL, duur_agg(daterange(datum, datum + 9), '2023-12-31', regio, '{"bevrijdingsdag_vrij": "nooit"}')
    FROM inst_par GROUP BY regio;
END $$;
SET LOCAL max_parallel_workers_per_gather = 0;
SELECT pg_temp.run_par('serial');
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SET LOCAL parallel_leader_participation = off;
SELECT bool_or(l ~ 'Partial') AS partial_plan FROM (SELECT * FROM pg_temp.explain_lines(
  $$SELECT regio, verzuim.episodes(datum, regio, reden, '{"ziekte_in_episode": "pauzeert"}') FROM inst_par GROUP BY regio$$)) x(l);
SELECT pg_temp.run_par('parallel');
RESET max_parallel_workers_per_gather; RESET parallel_leader_participation;
-- the same as serial, and (independently) as the plain aggregate under SET
SELECT count(*) AS groups, count(*) FILTER (WHERE p.e IS DISTINCT FROM s.e OR p.d IS DISTINCT FROM s.d) AS different
FROM par_res s JOIN par_res p ON p.k = s.k AND p.plan = 'parallel' WHERE s.plan = 'serial';
SET LOCAL verzuim.ziekte_in_episode = 'telt_mee';
SET LOCAL verzuim.vakantieregio = 'midden';
SELECT count(*) AS pupils, count(*) FILTER (WHERE r.e IS DISTINCT FROM x.e) AS different_from_set
FROM par_res r JOIN (SELECT 'pupil ' || leerling AS k, episodes(datum, NULL, reden) AS e FROM inst_par GROUP BY leerling) x
  ON x.k = r.k WHERE r.plan = 'parallel';
RESET verzuim.ziekte_in_episode; RESET verzuim.vakantieregio;

-- episodes_brin(datum, brin [, reden], instellingen): the school's regio from
-- verzuim.school (noord), the settings from instellingen only
INSERT INTO gemeente (gemeentecode, naam) VALUES ('GM9911', 'Instellingstad');
INSERT INTO school (brin, naam, gemeentecode, vakantieregio) VALUES ('99IN01', 'Noordschool', 'GM9911', 'noord');
SET LOCAL verzuim.ziekte_in_episode = 'telt_mee';
-- hand-computed above: pauzeert {[01-08,01-11),[01-12,01-16)}; {} = onderbreekt
SELECT leerling, episodes_brin(datum, '99IN01', reden) AS sessie_telt_mee,
       episodes_brin(datum, '99IN01', reden, '{"ziekte_in_episode": "pauzeert"}'::jsonb) AS pauzeert,
       episodes_brin(datum, '99IN01', reden, '{}'::jsonb) AS standaard_onderbreekt,
       episodes_brin(datum, '99IN01', reden, '{"ziekte_in_episode": "pauzeert"}'::jsonb)
         = episodes(datum, 'noord', reden, '{"ziekte_in_episode": "pauzeert"}'::jsonb) AS as_episodes_noord
FROM afw GROUP BY leerling ORDER BY leerling;
SHOW verzuim.ziekte_in_episode;   -- unchanged after the calls
RESET verzuim.ziekte_in_episode;
-- Goede Vrijdag 2024-03-29, Paasmaandag 04-01: absent Thu 03-28 and Tue 04-02.
-- Friday a school day (default): two episodes; Friday free: one, 03-28 .. 04-02
SET LOCAL verzuim.goede_vrijdag_vrij = on;
SELECT episodes_brin(datum, '99IN01') AS sessie_vrij,
       episodes_brin(datum, '99IN01', '{}'::jsonb) AS standaard,
       episodes_brin(datum, '99IN01', '{"goede_vrijdag_vrij": true}'::jsonb) AS vrij
FROM (VALUES (date '2024-03-28'), (date '2024-04-02')) v(datum);
RESET verzuim.goede_vrijdag_vrij;
SELECT pg_temp.fout($$SELECT episodes_brin(datum, '99IN01', '{"kalender": {"noord": "00000000"}}'::jsonb) FROM afw$$) AS other_calendar;
SELECT pg_temp.fout($$SELECT episodes_brin(datum, '99IN01', reden, '{"ziekte_in_episod": "pauzeert"}'::jsonb) FROM afw$$) AS unknown_key;

-- volatility: aggregates that read settings are STABLE (not shipped by
-- postgres_fdw), the variants with instellingen IMMUTABLE (shipped)
SELECT p.oid::regprocedure AS aggregate, p.provolatile
FROM pg_proc p JOIN pg_aggregate a ON a.aggfnoid = p.oid
WHERE p.pronamespace = 'verzuim'::regnamespace AND p.proname IN ('episodes', 'episodes_brin', 'duur_agg', 'doorloopsnelheid', 'samenvoegen')
ORDER BY 1::text;
ROLLBACK;
