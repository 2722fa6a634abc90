#!/usr/bin/env bash
# verzuim.absoluut_kandidaten and the leerplichttelling on generated data
# (issue 10 item 7, "Leerplichttelling: snelheid"): bench/generate.sh at a small
# scale (0.005, about 13,500 pupils), once clean and once with planted
# pollution (--vervuiling 1: overlapping and adjacent enrolments, gaps, pupils
# without enrolment, ...).  For schooljaren, a mid-year peildatum, a binnen
# after the peildatum (unbounded above) and a one-day binnen, with and without
# the administrative gaps (unbounded below: test/rapportage.sql, on its fixture):
#   - absoluut_verzuim_in(binnen, peildatum) = the episodes of the full
#     absoluut_verzuim(peildatum) (no candidate filter) that overlap binnen;
#   - absoluut_kandidaten(binnen, peildatum) = the same pupils as a plain SQL
#     statement with range_agg (the window not covered by the union of the
#     pupil's inschrijvingen and vrijstellingen), and contains every pupil with
#     such an episode;
#   - the telling's absoluut fields = the pupils of absoluut_verzuim(last day)
#     in the schooljaar (longer than the norm: computed from the episodes);
#   - as a role that sees one gemeente (row-level security): the same three.
# Prints TAP.
set -uo pipefail
cd "$(dirname "$0")/../.."

n=0 failed=0
result() {
    n=$((n + 1))
    if [ "$2" -eq 0 ]; then echo "ok $n - $1"; else
        echo "not ok $n - $1"; failed=$((failed + 1)); [ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/#   /'; fi
}
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }

# mismatch counts, one line per check: "name|count"
checks() {
    q <<'SQL'
SET client_min_messages = error;   -- the generated calendar lacks some old holidays: WARNINGs
CREATE TEMP TABLE grid AS
SELECT * FROM (VALUES ('[2023-08-01,2024-08-01)'::daterange, date '2024-07-31'),
                      ('[2024-08-01,2025-08-01)', '2025-07-31'),
                      ('[2024-08-01,2025-08-01)', '2025-01-15'),
                      ('[2025-03-01,)', '2025-01-15'),
                      ('[2024-11-15,2024-11-16)', '2025-07-31')) g(b, p);
-- the full absoluut_verzuim (no candidate filter), once per peildatum and setting
CREATE TEMP TABLE av AS
SELECT p.p, a.adm, x.*
  FROM (SELECT DISTINCT p FROM grid) p, (VALUES (false), (true)) a(adm),
       LATERAL verzuim.absoluut_verzuim(p.p, a.adm) x;
CREATE TEMP TABLE kand AS
SELECT g.b, g.p, k.leerling_id FROM grid g, LATERAL verzuim.absoluut_kandidaten(g.b, g.p) k;
-- the exact answer, restricted to binnen
CREATE TEMP TABLE avi AS
SELECT g.b, g.p, a.adm, x.*
  FROM grid g, (VALUES (false), (true)) a(adm), LATERAL verzuim.absoluut_verzuim_in(g.b, g.p, a.adm) x;
CREATE TEMP TABLE av_in AS
SELECT g.b, g.p, av.adm, av.leerling_id, av.episode, av.onzeker_door, av.administratief
  FROM grid g JOIN av ON av.p = g.p AND av.episode && g.b;
SELECT 'absoluut_verzuim_in = absoluut_verzuim restricted to binnen|' || count(*)
  FROM ((SELECT * FROM avi EXCEPT ALL SELECT * FROM av_in) UNION ALL (SELECT * FROM av_in EXCEPT ALL SELECT * FROM avi)) d;
-- the candidates, independently in plain SQL
CREATE TEMP TABLE vlak AS
SELECT g.b, g.p, l.leerling_id
  FROM grid g
 CROSS JOIN LATERAL (SELECT daterange(LEAST(coalesce(lower(g.b), '-infinity'::date), g.p),
                                      LEAST(upper(g.b), g.p + 1)) AS per) w
 CROSS JOIN verzuim.leerling l
 CROSS JOIN LATERAL (SELECT GREATEST(lower(w.per), l.geboortedatum + 1826) AS lo,
                            LEAST(upper(w.per), l.geboortedatum + 6600,
                                  CASE WHEN l.startkwalificatie_op IS NOT NULL
                                       THEN GREATEST(l.startkwalificatie_op, l.geboortedatum + 6230) END) AS hi) x
 WHERE l.geboortedatum >= date '1964-07-01' AND x.lo < x.hi
   AND NOT coalesce((SELECT range_agg(u.r) FROM (SELECT i.periode AS r FROM verzuim.inschrijving i WHERE i.leerling_id = l.leerling_id
                                                 UNION ALL
                                                 SELECT v.periode FROM verzuim.vrijstelling v WHERE v.leerling_id = l.leerling_id) u),
                    '{}'::datemultirange) @> daterange(x.lo, x.hi);
SELECT 'absoluut_kandidaten = the plain SQL (union of the enrolments and vrijstellingen)|' || count(*)
  FROM ((SELECT * FROM kand EXCEPT ALL SELECT * FROM vlak) UNION ALL (SELECT * FROM vlak EXCEPT ALL SELECT * FROM kand)) d;
-- the columns and unions it returns with each candidate
SELECT 'absoluut_kandidaten returns each candidate''s leerling columns and the unions of its inschrijvingen and vrijstellingen begun by the peildatum|' || count(*)
  FROM grid g, LATERAL verzuim.absoluut_kandidaten(g.b, g.p) k
  JOIN verzuim.leerling l ON l.leerling_id = k.leerling_id
 WHERE (k.geboortedatum, k.startkwalificatie_op, k.eerste_inschrijving, k.woongemeente)
       IS DISTINCT FROM (l.geboortedatum, l.startkwalificatie_op, l.eerste_inschrijving, l.woongemeente)
    OR k.inschrijvingen IS DISTINCT FROM
       coalesce((SELECT range_agg(i.periode) FROM verzuim.inschrijving i
                  WHERE i.leerling_id = k.leerling_id AND lower(i.periode) <= g.p), '{}')
    OR k.vrijstellingen IS DISTINCT FROM
       coalesce((SELECT range_agg(v.periode) FROM verzuim.vrijstelling v
                  WHERE v.leerling_id = k.leerling_id AND lower(v.periode) <= g.p), '{}');
SELECT 'every pupil with an episode overlapping binnen is a candidate|' || count(*)
  FROM grid g JOIN av ON av.p = g.p AND av.episode && g.b
 WHERE NOT EXISTS (SELECT 1 FROM kand k WHERE k.b = g.b AND k.p = g.p AND k.leerling_id = av.leerling_id);
SELECT 'the candidates of 2024-2025 are fewer than the pupils, and more than those with an episode|' ||
       (NOT (n_kand < n_leerling AND n_kand > n_av))::int
  FROM (SELECT (SELECT count(*) FROM kand WHERE b = '[2024-08-01,2025-08-01)' AND p = '2025-07-31') AS n_kand,
               (SELECT count(*) FROM verzuim.leerling) AS n_leerling,
               (SELECT count(DISTINCT leerling_id) FROM av WHERE p = '2025-07-31' AND episode && '[2024-08-01,2025-08-01)') AS n_av) x;
-- the telling
CREATE TEMP TABLE verwacht AS
SELECT s.sj, a.adm, 'absoluut_verzuim' AS veld, av.leerling_id
  FROM (VALUES ('2023-2024'), ('2024-2025')) s(sj) CROSS JOIN (VALUES (false), (true)) a(adm)
 CROSS JOIN LATERAL (SELECT verzuim.schooljaar_periode(s.sj) AS per) w
  JOIN av ON av.p = upper(w.per) - 1 AND av.adm = a.adm AND av.episode && w.per
UNION
SELECT s.sj, a.adm, 'absoluut_langer_dan_3_maanden', av.leerling_id
  FROM (VALUES ('2023-2024'), ('2024-2025')) s(sj) CROSS JOIN (VALUES (false), (true)) a(adm)
 CROSS JOIN LATERAL (SELECT verzuim.schooljaar_periode(s.sj) AS per) w
  JOIN av ON av.p = upper(w.per) - 1 AND av.adm = a.adm AND av.episode && w.per
 WHERE lower(av.episode) + interval '3 months' < least(coalesce(upper(av.episode), upper(w.per)), upper(w.per));
CREATE TEMP TABLE geteld AS
SELECT s.sj, a.adm, t.veld, t.leerling_id
  FROM (VALUES ('2023-2024'), ('2024-2025')) s(sj), (VALUES (false), (true)) a(adm),
       LATERAL verzuim.leerplichttelling_tellers(s.sj, NULL, a.adm) t
 WHERE t.veld IN ('absoluut_verzuim', 'absoluut_langer_dan_3_maanden');
SELECT 'leerplichttelling_tellers: absoluut fields = absoluut_verzuim of the schooljaar|' || count(*)
  FROM ((SELECT * FROM verwacht EXCEPT SELECT * FROM geteld) UNION ALL (SELECT * FROM geteld EXCEPT SELECT * FROM verwacht)) d;
SELECT 'the data has absoluut verzuim in both schooljaren (the checks compare something)|' ||
       ((SELECT count(DISTINCT sj) FROM verwacht WHERE veld = 'absoluut_verzuim') <> 2)::int;
SQL
}

for vervuiling in 0 1; do
    db=verzuim_kandidaten_$vervuiling
    dropdb --if-exists "$db" >/dev/null 2>&1
    createdb "$db" && q -c "SET client_min_messages = warning; CREATE EXTENSION verzuim CASCADE" \
        && bash bench/generate.sh --scale 0.005 --seed 7 --db "$db" --vervuiling "$vervuiling" >/tmp/verzuim-kandidaten-gen.$$ 2>&1
    result "generated data (scale 0.005, vervuiling $vervuiling)" $? "$(tail -5 /tmp/verzuim-kandidaten-gen.$$)"
    rm -f /tmp/verzuim-kandidaten-gen.$$
    while IFS='|' read -r naam fout; do
        result "vervuiling $vervuiling: $naam" "$([ "$fout" = 0 ]; echo $?)" "$fout mismatching"
    done < <(checks 2>&1 | sed '/|/!s/^/psql|/')

    # row-level security: a role that sees the pupils of one gemeente
    gm=$(q -c "SELECT woongemeente FROM verzuim.leerling GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")
    rol=verzuim_kandidaten_rol
    q -c "SET client_min_messages = warning" -c "DROP ROLE IF EXISTS $rol" -c "CREATE ROLE $rol" -c "GRANT verzuim_analist TO $rol" \
      -c "INSERT INTO verzuim.toegang (rol, gemeentecode) VALUES ('$rol', '$gm')" >/dev/null
    rls=$(q -c "SET client_min_messages = error" -c "SET ROLE $rol" -c "
      SELECT (SELECT count(*) FROM verzuim.leerling) < (SELECT reltuples FROM pg_class WHERE oid = 'verzuim.leerling'::regclass),
             (SELECT count(*) FROM verzuim.absoluut_kandidaten('[2024-08-01,2025-08-01)', '2025-07-31') k
               WHERE (k.leerling_id, k.geboortedatum, k.startkwalificatie_op, k.eerste_inschrijving, k.woongemeente)
                     NOT IN (SELECT l.leerling_id, l.geboortedatum, l.startkwalificatie_op, l.eerste_inschrijving, l.woongemeente
                               FROM verzuim.leerling l)),
             (SELECT count(*) FROM (
               (SELECT * FROM verzuim.absoluut_verzuim('2025-07-31') x WHERE x.episode && '[2024-08-01,2025-08-01)'
                EXCEPT ALL SELECT * FROM verzuim.absoluut_verzuim_in('[2024-08-01,2025-08-01)', '2025-07-31'))
               UNION ALL
               (SELECT * FROM verzuim.absoluut_verzuim_in('[2024-08-01,2025-08-01)', '2025-07-31')
                EXCEPT ALL SELECT * FROM verzuim.absoluut_verzuim('2025-07-31') x WHERE x.episode && '[2024-08-01,2025-08-01)')) d)" 2>&1)
    result "vervuiling $vervuiling: as a role of one gemeente (RLS), the candidates are pupils it sees and absoluut_verzuim_in = absoluut_verzuim restricted" \
        "$([ "$rls" = "t|0|0" ]; echo $?)" "$rls"
    q -c "DELETE FROM verzuim.toegang WHERE rol = '$rol'" -c "DROP OWNED BY $rol" -c "DROP ROLE $rol" >/dev/null 2>&1
    dropdb "$db" >/dev/null 2>&1
done

[ $failed = 0 ]
