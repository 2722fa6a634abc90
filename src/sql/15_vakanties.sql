-- School-holiday open data of the Rijksoverheid in one call (issue 8) --------
--
-- verzuim.vakanties_laden(jsonb) loads the documents of
-- opendata.rijksoverheid.nl (infotype schoolholidays) into verzuim.vakantie:
-- one document, or the list of documents the endpoint returns.  A document
-- has content (an object, or a list of them) with schoolyear and vacations[];
-- a vacation has type, compulsorydates and regions[]; a region has region,
-- startdate and enddate.  Quirks handled (docs/vakanties.md):
--   * startdate/enddate are the first and the last day (inclusive) written as
--     the UTC instant of Dutch local midnight ('2026-10-09T22:00:00.000Z' is
--     10 October; in winter 23:00Z is the next day): converted in
--     Europe/Amsterdam; a plain date 'YYYY-MM-DD' is taken as it is;
--   * region 'heel Nederland' means noord, midden and zuid;
--   * type labels with stray whitespace and capitals (' Herfstvakantie ');
--   * schoolyear with trailing spaces;
--   * the same schooljaar in several documents (equal dates load once;
--     different dates for one holiday are an error).
-- Rows the user edited are never overwritten (actie 'behouden'); shipped rows
-- and rows loaded before by this function are updated.  All or nothing: any
-- bad element raises one error naming every bad element (first ten).

CREATE FUNCTION verzuim.vakanties_laden(gegevens jsonb)
RETURNS TABLE (regio text, schooljaar text, soort text, periode daterange, actie text)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
#variable_conflict use_column
DECLARE
  docs jsonb;
  doc record;
  inh record;
  vak record;
  reg record;
  waar text;
  sj text;
  sj_jaar int;
  srt text;
  regios text[];
  van date;
  tot date;
  bron text;
  fouten text[] := '{}';
  codes text[] := '{}';
  rijen jsonb := '[]';
  r record;
  cur record;
  nieuwe_bron text;
  n int;
BEGIN
  IF gegevens IS NULL THEN
    RAISE EXCEPTION 'no holiday data given' USING ERRCODE = '22004',
      HINT = 'Pass the JSON of opendata.rijksoverheid.nl (infotype schoolholidays): one document or a list of them.';
  END IF;
  CASE pg_catalog.jsonb_typeof(gegevens)
    WHEN 'array' THEN docs := gegevens;
    WHEN 'object' THEN docs := pg_catalog.jsonb_build_array(gegevens);
    ELSE
      RAISE EXCEPTION 'the holiday data must be a JSON document or a list of documents' USING ERRCODE = '22023',
        HINT = 'Pass the JSON of opendata.rijksoverheid.nl (infotype schoolholidays) as it is.';
  END CASE;

  FOR doc IN SELECT e.value AS d, e.ordinality AS i FROM pg_catalog.jsonb_array_elements(docs) WITH ORDINALITY e LOOP
    IF pg_catalog.jsonb_typeof(doc.d) IS DISTINCT FROM 'object' THEN
      fouten := fouten || pg_catalog.format('document %s: not a JSON object', doc.i); codes := codes || '22023'::text;
      CONTINUE;
    END IF;
    bron := 'Rijksoverheid open data' ||
            coalesce(' ' || pg_catalog.btrim(coalesce(doc.d ->> 'canonical', doc.d ->> 'dataurl')), '');
    FOR inh IN
      SELECT c.value AS c, c.ordinality AS j, pg_catalog.jsonb_typeof(doc.d -> 'content') = 'array' AS lijst
      FROM pg_catalog.jsonb_array_elements(
             CASE pg_catalog.jsonb_typeof(doc.d -> 'content')
               WHEN 'array' THEN doc.d -> 'content'
               WHEN 'object' THEN pg_catalog.jsonb_build_array(doc.d -> 'content')
               -- no content: the document itself may be the content
               ELSE CASE WHEN doc.d ? 'vacations' THEN pg_catalog.jsonb_build_array(doc.d)
                         ELSE '[]'::jsonb END END) WITH ORDINALITY c
    LOOP
      waar := pg_catalog.format('document %s', doc.i) ||
              CASE WHEN inh.lijst THEN pg_catalog.format(', content %s', inh.j) ELSE '' END;
      IF pg_catalog.jsonb_typeof(inh.c) IS DISTINCT FROM 'object' THEN
        fouten := fouten || (waar || ': content is not a JSON object'); codes := codes || '22023'::text;
        CONTINUE;
      END IF;
      sj := pg_catalog.btrim(inh.c ->> 'schoolyear');
      IF sj IS NULL OR sj !~ '^[0-9]{4}-[0-9]{4}$'
         OR pg_catalog.substr(sj, 6, 4)::int <> pg_catalog.substr(sj, 1, 4)::int + 1 THEN
        fouten := fouten || (waar || ': schoolyear is missing or not two consecutive years like 2026-2027');
        codes := codes || '22023'::text;
        CONTINUE;
      END IF;
      sj_jaar := pg_catalog.substr(sj, 1, 4)::int;
      IF pg_catalog.jsonb_typeof(inh.c -> 'vacations') IS DISTINCT FROM 'array' THEN
        fouten := fouten || (waar || ': vacations is missing or not a list'); codes := codes || '22023'::text;
        CONTINUE;
      END IF;
      FOR vak IN SELECT v.value AS v, v.ordinality AS k FROM pg_catalog.jsonb_array_elements(inh.c -> 'vacations') WITH ORDINALITY v LOOP
        IF pg_catalog.jsonb_typeof(vak.v) IS DISTINCT FROM 'object' THEN
          fouten := fouten || pg_catalog.format('%s, vacation %s: not a JSON object', waar, vak.k);
          codes := codes || '22023'::text;
          CONTINUE;
        END IF;
        -- ' Herfstvakantie ', 'voorjaarsvakantie', 'Mei vakantie': letters only, lower case
        srt := CASE pg_catalog.regexp_replace(pg_catalog.lower(coalesce(vak.v ->> 'type', '')), '[^a-z]', '', 'g')
                 WHEN 'herfstvakantie' THEN 'herfst'
                 WHEN 'kerstvakantie' THEN 'kerst'
                 WHEN 'voorjaarsvakantie' THEN 'voorjaar'
                 WHEN 'meivakantie' THEN 'mei'
                 WHEN 'zomervakantie' THEN 'zomer' END;
        IF srt IS NULL THEN
          fouten := fouten || pg_catalog.format('%s, vacation %s: type is missing or not one of Herfstvakantie, Kerstvakantie, Voorjaarsvakantie, Meivakantie, Zomervakantie',
                                                waar, vak.k);
          codes := codes || '22023'::text;
          CONTINUE;
        END IF;
        IF pg_catalog.jsonb_typeof(vak.v -> 'regions') IS DISTINCT FROM 'array'
           OR pg_catalog.jsonb_array_length(vak.v -> 'regions') = 0 THEN
          fouten := fouten || pg_catalog.format('%s, vacation %s (%s): regions is missing, empty or not a list', waar, vak.k, srt);
          codes := codes || '22023'::text;
          CONTINUE;
        END IF;
        FOR reg IN SELECT g.value AS g, g.ordinality AS m FROM pg_catalog.jsonb_array_elements(vak.v -> 'regions') WITH ORDINALITY g LOOP
          regios := CASE pg_catalog.regexp_replace(pg_catalog.lower(coalesce(reg.g ->> 'region', '')), '[^a-z]', '', 'g')
                      WHEN 'noord' THEN '{noord}'::text[]
                      WHEN 'midden' THEN '{midden}'::text[]
                      WHEN 'zuid' THEN '{zuid}'::text[]
                      WHEN 'heelnederland' THEN '{noord,midden,zuid}'::text[] END;
          IF regios IS NULL THEN
            fouten := fouten || pg_catalog.format('%s, vacation %s (%s), region %s: region is missing or not noord, midden, zuid or heel Nederland',
                                                  waar, vak.k, srt, reg.m);
            codes := codes || '22023'::text;
            CONTINUE;
          END IF;
          van := verzuim.vakantie_datum(reg.g ->> 'startdate');
          tot := verzuim.vakantie_datum(reg.g ->> 'enddate');
          IF van IS NULL OR tot IS NULL THEN
            fouten := fouten || pg_catalog.format('%s, vacation %s (%s), region %s: %s is missing or not a date (YYYY-MM-DD) or a time with a zone (2026-10-09T22:00:00.000Z)',
                                                  waar, vak.k, srt, reg.m,
                                                  CASE WHEN van IS NULL THEN 'startdate' ELSE 'enddate' END);
            codes := codes || '22007'::text;
            CONTINUE;
          END IF;
          IF tot < van THEN
            fouten := fouten || pg_catalog.format('%s, vacation %s (%s), region %s: enddate is before startdate', waar, vak.k, srt, reg.m);
            codes := codes || '22000'::text;
            CONTINUE;
          END IF;
          IF van < pg_catalog.make_date(sj_jaar, 8, 1) OR van >= pg_catalog.make_date(sj_jaar + 1, 8, 1) THEN
            fouten := fouten || pg_catalog.format('%s, vacation %s (%s), region %s: startdate is not in schooljaar %s', waar, vak.k, srt, reg.m, sj);
            codes := codes || '22008'::text;
            CONTINUE;
          END IF;
          IF tot - van >= 92 THEN
            fouten := fouten || pg_catalog.format('%s, vacation %s (%s), region %s: longer than 92 days', waar, vak.k, srt, reg.m);
            codes := codes || '22008'::text;
            CONTINUE;
          END IF;
          rijen := rijen || (SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                                'regio', x, 'schooljaar', sj, 'soort', srt, 'van', van, 'tot', tot,
                                'bron', bron, 'waar', pg_catalog.format('%s, vacation %s', waar, vak.k)))
                             FROM pg_catalog.unnest(regios) x);
        END LOOP;
      END LOOP;
    END LOOP;
  END LOOP;

  -- one holiday with different dates (in two documents, or heel Nederland and a region)
  FOR r IN
    SELECT x.regio, x.schooljaar, x.soort, pg_catalog.array_agg(DISTINCT x.waar) AS waar
    FROM pg_catalog.jsonb_to_recordset(rijen) AS x(regio text, schooljaar text, soort text, van date, tot date, waar text)
    GROUP BY x.regio, x.schooljaar, x.soort
    HAVING pg_catalog.count(DISTINCT (x.van, x.tot)) > 1
    ORDER BY x.schooljaar, x.soort, x.regio
  LOOP
    fouten := fouten || pg_catalog.format('%s %s %s: different dates in %s', r.soort, r.schooljaar, r.regio,
                                          pg_catalog.array_to_string(r.waar, ' and '));
    codes := codes || '22023'::text;
  END LOOP;

  n := coalesce(pg_catalog.array_length(fouten, 1), 0);
  IF n > 0 THEN
    RAISE EXCEPTION 'the holiday data has % bad element(s); nothing was loaded', n
      USING ERRCODE = codes[1],
            DETAIL = pg_catalog.array_to_string(fouten[1:10], E'\n') ||
                     CASE WHEN n > 10 THEN pg_catalog.format(E'\n... and %s more', n - 10) ELSE '' END,
            HINT = 'See docs/vakanties.md for the format of opendata.rijksoverheid.nl (infotype schoolholidays).';
  END IF;

  -- the same rule for everyone who loads at the same time
  LOCK TABLE verzuim.vakantie IN SHARE ROW EXCLUSIVE MODE;
  FOR r IN
    SELECT u.* FROM (
      SELECT DISTINCT ON (x.regio, x.schooljaar, x.soort) x.regio, x.schooljaar, x.soort,
             pg_catalog.daterange(x.van, x.tot, '[]') AS periode, x.bron
      FROM pg_catalog.jsonb_to_recordset(rijen) AS x(regio text, schooljaar text, soort text, van date, tot date, bron text)
      ORDER BY x.regio, x.schooljaar, x.soort, x.bron) u
    ORDER BY u.schooljaar, pg_catalog.array_position('{herfst,kerst,voorjaar,mei,zomer}'::text[], u.soort),
             pg_catalog.array_position('{noord,midden,zuid}'::text[], u.regio)
  LOOP
    nieuwe_bron := pg_catalog.format('%s; geladen %s t/m %s', r.bron, pg_catalog.lower(r.periode),
                                     pg_catalog.upper(r.periode) - 1);
    SELECT v.periode, v.bron, v.geleverd INTO cur
    FROM verzuim.vakantie v
    WHERE v.regio = r.regio::verzuim.regio AND v.schooljaar = r.schooljaar AND v.soort = r.soort;
    IF NOT FOUND THEN
      INSERT INTO verzuim.vakantie (regio, schooljaar, soort, periode, bron, geleverd)
      VALUES (r.regio::verzuim.regio, r.schooljaar, r.soort, r.periode, nieuwe_bron, false);
      actie := 'nieuw';
    ELSIF cur.periode IS NOT DISTINCT FROM r.periode THEN
      actie := 'ongewijzigd';
    ELSIF cur.geleverd
          -- loaded by this function before and not edited since: its bron still
          -- names the dates it has
          OR (cur.periode IS NOT NULL AND cur.bron LIKE 'Rijksoverheid open data%'
              AND cur.bron LIKE pg_catalog.format('%%; geladen %s t/m %s', pg_catalog.lower(cur.periode),
                                                  pg_catalog.upper(cur.periode) - 1)) THEN
      UPDATE verzuim.vakantie v SET periode = r.periode, bron = nieuwe_bron
      WHERE v.regio = r.regio::verzuim.regio AND v.schooljaar = r.schooljaar AND v.soort = r.soort;
      actie := 'bijgewerkt';
    ELSE
      actie := 'behouden';
    END IF;
    regio := r.regio;
    schooljaar := r.schooljaar;
    soort := r.soort;
    periode := r.periode;
    RETURN NEXT;
  END LOOP;
END
$fn$;
COMMENT ON FUNCTION verzuim.vakanties_laden(jsonb) IS
  'Loads the school-holiday open data of the Rijksoverheid (opendata.rijksoverheid.nl, infotype schoolholidays) into verzuim.vakantie, completely or not at all: one document or the list of documents the endpoint returns (content with schoolyear and vacations[] of type, compulsorydates, regions[] with region, startdate, enddate). startdate/enddate are the first and last day, as UTC instants of Dutch local midnight (2026-10-09T22:00:00.000Z is 10 October) or plain dates; heel Nederland means all three regions; whitespace and capitals in labels and trailing spaces in schoolyear are ignored; a schooljaar in several documents loads once. One row per holiday: actie nieuw (inserted), bijgewerkt (a shipped row, or a row loaded before, got other dates), ongewijzigd (same dates), behouden (a row the user edited or deleted: kept as it is). Any bad element: one error (SQLSTATE of the first) listing the bad elements by position. docs/vakanties.md.';

CREATE FUNCTION verzuim.vakantie_datum(waarde text) RETURNS date
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
BEGIN
  waarde := pg_catalog.btrim(waarde);
  IF waarde ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
    RETURN waarde::date;
  ELSIF waarde ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)$' THEN
    RETURN (waarde::timestamptz AT TIME ZONE 'Europe/Amsterdam')::date;
  END IF;
  RETURN NULL;
EXCEPTION WHEN datetime_field_overflow OR invalid_datetime_format THEN
  RETURN NULL;
END
$fn$;
COMMENT ON FUNCTION verzuim.vakantie_datum(text) IS
  'The Dutch calendar date of a startdate/enddate of the Rijksoverheid open data: a date YYYY-MM-DD as it is, an instant with a zone (2026-10-09T22:00:00.000Z) as the date in Europe/Amsterdam (10 October); NULL for anything else.';

CREATE FUNCTION verzuim.vakanties_bestand(pad text) RETURNS jsonb
  AS 'MODULE_PATHNAME', 'verzuim_vakanties_bestand' LANGUAGE C VOLATILE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION verzuim.vakanties_bestand(text) IS
  'Reads a UTF-8 JSON file on the database server (absolute path) as jsonb. Like COPY FROM a file (and verzuim.laad_csv) it needs superuser or the privileges of pg_read_server_files (42501 otherwise).';

CREATE FUNCTION verzuim.vakanties_laden_bestand(pad text)
RETURNS TABLE (regio text, schooljaar text, soort text, periode daterange, actie text)
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $fn$
  SELECT l.regio, l.schooljaar, l.soort, l.periode, l.actie
  FROM verzuim.vakanties_laden(verzuim.vakanties_bestand(pad)) l
$fn$;
COMMENT ON FUNCTION verzuim.vakanties_laden_bestand(text) IS
  'verzuim.vakanties_laden for a JSON file on the database server (absolute path; superuser or pg_read_server_files, as verzuim.laad_csv): e.g. the saved answer of https://opendata.rijksoverheid.nl/v1/infotypes/schoolholidays?output=json.';
