-- Registration tables (DESIGN.md §2) -----------------------------------------
--
-- The data the Dutch chain already produces, one table each.  Pupils are keyed
-- by a pseudonymous leerling_id (never a BSN).
--
-- Users own this data:
--  * every table is registered with pg_extension_config_dump(), so pg_dump
--    dumps its rows and pg_restore brings them back with the extension;
--  * when user data first arrives in any of them, the statement trigger
--    registratie_bewaakt creates the view verzuim.registratie_omvang (rows per
--    table).  It is created after CREATE EXTENSION, so it is not a member of
--    the extension but depends on its tables: from then on DROP EXTENSION
--    verzuim fails (2BP01, "other objects depend on it") and only
--    DROP EXTENSION verzuim CASCADE drops the data, explicitly.  pg_dump dumps
--    the view as a normal object after CREATE EXTENSION.
--
-- Constraints carry names and comments: the CSV loader (40_loader.sql) checks
-- a file against the constraints of its table and reports the comment of a
-- violated CHECK constraint as the reason.
--
-- Ranges are daterange [first day, day after the last day); an open upper
-- bound means "still going".  Every range column is checked to be non-empty,
-- to have a finite lower bound and no infinite upper bound, so that
-- upper_inf() is the one way to say "open".

CREATE TABLE verzuim.gemeente (
    gemeentecode text CONSTRAINT gemeente_code_check CHECK (gemeentecode ~ '^GM[0-9]{4}$'),
    naam         text NOT NULL CONSTRAINT gemeente_naam_check CHECK (naam <> ''),
    CONSTRAINT gemeente_pkey PRIMARY KEY (gemeentecode),
    -- 0.2 (upgrade: src/sql/upgrade/0.1--0.2/31_gemeente_vakantieregio.sql)
    vakantieregio verzuim.regio
);
COMMENT ON TABLE verzuim.gemeente IS 'Gemeenten, keyed by CBS code (GM0363 = Amsterdam).';
COMMENT ON COLUMN verzuim.gemeente.gemeentecode IS 'CBS gemeentecode, GM followed by four digits.';
COMMENT ON COLUMN verzuim.gemeente.naam IS 'Name of the gemeente.';
COMMENT ON COLUMN verzuim.gemeente.vakantieregio IS 'Vakantieregio of the gemeente (optional): for pupils without a school (absoluut verzuim, the start of leerplicht) the school days of this region count; NULL: the setting verzuim.vakantieregio, else the earliest of all regions.';
COMMENT ON CONSTRAINT gemeente_code_check ON verzuim.gemeente IS 'gemeentecode must be GM followed by four digits (CBS code, e.g. GM0363)';
COMMENT ON CONSTRAINT gemeente_naam_check ON verzuim.gemeente IS 'naam must not be empty';

CREATE TABLE verzuim.samenwerkingsverband (
    swv_code text CONSTRAINT samenwerkingsverband_code_check CHECK (swv_code ~ '^(PO|VO)[0-9]{2,4}$'),
    naam     text NOT NULL CONSTRAINT samenwerkingsverband_naam_check CHECK (naam <> ''),
    CONSTRAINT samenwerkingsverband_pkey PRIMARY KEY (swv_code)
);
COMMENT ON TABLE verzuim.samenwerkingsverband IS 'Samenwerkingsverbanden passend onderwijs (code PO2701, VO2701, ...).';
COMMENT ON COLUMN verzuim.samenwerkingsverband.swv_code IS 'Code of the samenwerkingsverband: PO or VO followed by its number (2 to 4 digits).';
COMMENT ON COLUMN verzuim.samenwerkingsverband.naam IS 'Name of the samenwerkingsverband.';
COMMENT ON CONSTRAINT samenwerkingsverband_code_check ON verzuim.samenwerkingsverband IS 'swv_code must be PO or VO followed by 2 to 4 digits (e.g. PO2701)';
COMMENT ON CONSTRAINT samenwerkingsverband_naam_check ON verzuim.samenwerkingsverband IS 'naam must not be empty';

CREATE TABLE verzuim.school (
    brin          text CONSTRAINT school_brin_check CHECK (brin ~ '^[0-9]{2}[A-Z]{2}[0-9]{2}$'),
    naam          text NOT NULL CONSTRAINT school_naam_check CHECK (naam <> ''),
    gemeentecode  text NOT NULL CONSTRAINT school_gemeentecode_fkey REFERENCES verzuim.gemeente,
    vakantieregio verzuim.regio NOT NULL,
    swv_code      text CONSTRAINT school_swv_code_fkey REFERENCES verzuim.samenwerkingsverband,
    CONSTRAINT school_pkey PRIMARY KEY (brin)
);
CREATE INDEX school_gemeentecode_idx ON verzuim.school (gemeentecode);
CREATE INDEX school_swv_code_idx ON verzuim.school (swv_code);
COMMENT ON TABLE verzuim.school IS 'School locations (BRIN + vestigingsnummer), with gemeente, vakantieregio and samenwerkingsverband.';
COMMENT ON COLUMN verzuim.school.brin IS 'BRIN number and vestigingsnummer: two digits, two capital letters, two digits (12AB00).';
COMMENT ON COLUMN verzuim.school.naam IS 'Name of the school location.';
COMMENT ON COLUMN verzuim.school.gemeentecode IS 'Gemeente where the school location is (verzuim.gemeente).';
COMMENT ON COLUMN verzuim.school.vakantieregio IS 'Vakantieregio whose holidays the school follows (noord, midden, zuid).';
COMMENT ON COLUMN verzuim.school.swv_code IS 'Samenwerkingsverband passend onderwijs of the school (verzuim.samenwerkingsverband); empty if none.';
COMMENT ON CONSTRAINT school_brin_check ON verzuim.school IS 'brin must be two digits, two capital letters and a two-digit vestigingsnummer (e.g. 12AB00)';
COMMENT ON CONSTRAINT school_naam_check ON verzuim.school IS 'naam must not be empty';

CREATE TABLE verzuim.leerling (
    leerling_id          bigint,
    geboortedatum        date NOT NULL
                         CONSTRAINT leerling_geboortedatum_check
                         CHECK (geboortedatum > '1900-01-01' AND geboortedatum < 'infinity'),
    woongemeente         text NOT NULL CONSTRAINT leerling_woongemeente_fkey REFERENCES verzuim.gemeente,
    startkwalificatie_op date
                         CONSTRAINT leerling_startkwalificatie_check
                         CHECK (startkwalificatie_op > geboortedatum AND startkwalificatie_op < 'infinity'),
    eerste_inschrijving  date
                         CONSTRAINT leerling_eerste_inschrijving_check
                         CHECK (eerste_inschrijving > geboortedatum AND eerste_inschrijving < 'infinity'),
    CONSTRAINT leerling_pkey PRIMARY KEY (leerling_id)
);
CREATE INDEX leerling_woongemeente_idx ON verzuim.leerling (woongemeente);
COMMENT ON TABLE verzuim.leerling IS 'Pupils (jongeren) under the Leerplichtwet, keyed by a pseudonymous id; never a BSN.';
COMMENT ON COLUMN verzuim.leerling.leerling_id IS 'Pseudonymous pupil id (not a BSN or onderwijsnummer).';
COMMENT ON COLUMN verzuim.leerling.geboortedatum IS 'Date of birth.';
COMMENT ON COLUMN verzuim.leerling.woongemeente IS 'Current woongemeente (verzuim.gemeente); history in verzuim.verblijf.';
COMMENT ON COLUMN verzuim.leerling.startkwalificatie_op IS 'Date the startkwalificatie (havo, vwo, mbo 2-4 diploma) was obtained; empty if none.';
COMMENT ON COLUMN verzuim.leerling.eerste_inschrijving IS 'First day the pupil was enrolled at a school, if known (needed for the 12-schooljaren end of leerplicht, art. 3 lid 1 a).';
COMMENT ON CONSTRAINT leerling_geboortedatum_check ON verzuim.leerling IS 'geboortedatum must be after 1900-01-01';
COMMENT ON CONSTRAINT leerling_startkwalificatie_check ON verzuim.leerling IS 'startkwalificatie_op must be after geboortedatum';
COMMENT ON CONSTRAINT leerling_eerste_inschrijving_check ON verzuim.leerling IS 'eerste_inschrijving must be after geboortedatum';

CREATE TABLE verzuim.verblijf (
    leerling_id  bigint NOT NULL CONSTRAINT verblijf_leerling_id_fkey REFERENCES verzuim.leerling ON DELETE CASCADE,
    gemeentecode text NOT NULL CONSTRAINT verblijf_gemeentecode_fkey REFERENCES verzuim.gemeente,
    periode      daterange NOT NULL
                 CONSTRAINT verblijf_periode_check
                 CHECK (NOT isempty(periode) AND NOT lower_inf(periode) AND lower(periode) > '-infinity'
                        AND (upper_inf(periode) OR upper(periode) < 'infinity')),
    CONSTRAINT verblijf_overlap_excl EXCLUDE USING gist (leerling_id WITH =, periode WITH &&)
);
-- Per-pupil scans in pupil order (the exclusion constraint's GiST index finds
-- one pupil's rows but cannot return them in order); per-gemeente lookups.
CREATE INDEX verblijf_leerling_id_idx ON verzuim.verblijf (leerling_id, lower(periode));
CREATE INDEX verblijf_gemeentecode_idx ON verzuim.verblijf (gemeentecode);
COMMENT ON TABLE verzuim.verblijf IS 'Where a pupil lived when (BRP): moves between gemeenten over time; periods of one pupil do not overlap.';
COMMENT ON COLUMN verzuim.verblijf.leerling_id IS 'The pupil (verzuim.leerling).';
COMMENT ON COLUMN verzuim.verblijf.gemeentecode IS 'The woongemeente in this period (verzuim.gemeente).';
COMMENT ON COLUMN verzuim.verblijf.periode IS 'Period of residence, [from, day after the last day); open upper bound while still living there.';
COMMENT ON CONSTRAINT verblijf_periode_check ON verzuim.verblijf IS 'periode must have a finite first day and must not be empty';
COMMENT ON CONSTRAINT verblijf_overlap_excl ON verzuim.verblijf IS 'overlapping residence: same leerling_id, overlapping period';

CREATE TABLE verzuim.inschrijving (
    inschrijving_id bigint GENERATED BY DEFAULT AS IDENTITY,
    leerling_id     bigint NOT NULL CONSTRAINT inschrijving_leerling_id_fkey REFERENCES verzuim.leerling ON DELETE CASCADE,
    brin            text NOT NULL CONSTRAINT inschrijving_brin_fkey REFERENCES verzuim.school,
    periode         daterange NOT NULL
                    CONSTRAINT inschrijving_periode_check
                    CHECK (NOT isempty(periode) AND NOT lower_inf(periode) AND lower(periode) > '-infinity'
                           AND (upper_inf(periode) OR upper(periode) < 'infinity')),
    onderwijssoort  verzuim.onderwijssoort NOT NULL,
    CONSTRAINT inschrijving_pkey PRIMARY KEY (inschrijving_id),
    CONSTRAINT inschrijving_overlap_excl EXCLUDE USING gist (leerling_id WITH =, brin WITH =, periode WITH &&)
);
CREATE INDEX inschrijving_leerling_id_idx ON verzuim.inschrijving (leerling_id, lower(periode));
CREATE INDEX inschrijving_brin_idx ON verzuim.inschrijving (brin);
COMMENT ON TABLE verzuim.inschrijving IS 'Enrolments (BRON/ROD): pupil at a school location for a period; no overlapping enrolments of one pupil at one school.';
COMMENT ON COLUMN verzuim.inschrijving.inschrijving_id IS 'Generated id of the enrolment.';
COMMENT ON COLUMN verzuim.inschrijving.leerling_id IS 'The pupil (verzuim.leerling).';
COMMENT ON COLUMN verzuim.inschrijving.brin IS 'The school location (verzuim.school).';
COMMENT ON COLUMN verzuim.inschrijving.periode IS 'Enrolment period [first day, day after uitschrijving); open upper bound while enrolled.';
COMMENT ON COLUMN verzuim.inschrijving.onderwijssoort IS 'po, so, vo, vso or mbo.';
COMMENT ON CONSTRAINT inschrijving_periode_check ON verzuim.inschrijving IS 'periode must have a finite first day and must not be empty';
COMMENT ON CONSTRAINT inschrijving_overlap_excl ON verzuim.inschrijving IS 'overlapping enrolment: same leerling_id and brin, overlapping period';

CREATE TABLE verzuim.afwezigheid (
    leerling_id bigint NOT NULL CONSTRAINT afwezigheid_leerling_id_fkey REFERENCES verzuim.leerling ON DELETE CASCADE,
    brin        text NOT NULL CONSTRAINT afwezigheid_brin_fkey REFERENCES verzuim.school,
    datum       date NOT NULL CONSTRAINT afwezigheid_datum_check CHECK (datum > '-infinity' AND datum < 'infinity'),
    reden       verzuim.reden NOT NULL,
    uren        numeric(4,2) NOT NULL
                CONSTRAINT afwezigheid_uren_positief CHECK (uren > 0)
                CONSTRAINT afwezigheid_uren_max CHECK (uren <= 10),
    CONSTRAINT afwezigheid_pkey PRIMARY KEY (leerling_id, datum, brin, reden)
);
-- The primary key serves per-pupil scans in date order; this one per-school scans.
CREATE INDEX afwezigheid_brin_datum_idx ON verzuim.afwezigheid (brin, datum);
COMMENT ON TABLE verzuim.afwezigheid IS 'Absences from the school''s attendance system: hours missed by a pupil on a date, per reason.';
COMMENT ON COLUMN verzuim.afwezigheid.leerling_id IS 'The pupil (verzuim.leerling).';
COMMENT ON COLUMN verzuim.afwezigheid.brin IS 'The school location that registered the absence (verzuim.school).';
COMMENT ON COLUMN verzuim.afwezigheid.datum IS 'The day of the absence.';
COMMENT ON COLUMN verzuim.afwezigheid.reden IS 'Reason code, see type verzuim.reden.';
COMMENT ON COLUMN verzuim.afwezigheid.uren IS 'Hours of les- or praktijktijd missed, more than 0 and at most 10 (a school day), at most 2 decimals.';
COMMENT ON CONSTRAINT afwezigheid_datum_check ON verzuim.afwezigheid IS 'datum must be a finite date';
COMMENT ON CONSTRAINT afwezigheid_uren_positief ON verzuim.afwezigheid IS 'uren must be more than 0';
COMMENT ON CONSTRAINT afwezigheid_uren_max ON verzuim.afwezigheid IS 'uren must be at most 10 (a school day)';

CREATE TABLE verzuim.vrijstelling (
    vrijstelling_id bigint GENERATED BY DEFAULT AS IDENTITY,
    leerling_id     bigint NOT NULL CONSTRAINT vrijstelling_leerling_id_fkey REFERENCES verzuim.leerling ON DELETE CASCADE,
    artikel         verzuim.vrijstelling_artikel NOT NULL,
    periode         daterange NOT NULL
                    CONSTRAINT vrijstelling_periode_check
                    CHECK (NOT isempty(periode) AND NOT lower_inf(periode) AND lower(periode) > '-infinity'
                           AND (upper_inf(periode) OR upper(periode) < 'infinity')),
    CONSTRAINT vrijstelling_pkey PRIMARY KEY (vrijstelling_id),
    CONSTRAINT vrijstelling_overlap_excl EXCLUDE USING gist (leerling_id WITH =, artikel WITH =, periode WITH &&)
);
CREATE INDEX vrijstelling_leerling_id_idx ON verzuim.vrijstelling (leerling_id, lower(periode));
COMMENT ON TABLE verzuim.vrijstelling IS 'Vrijstellingen (art. 5, 5a, 15) and vervangende leerplicht (art. 3a, 3b) per pupil and period; periods of one pupil under one article do not overlap.';
COMMENT ON COLUMN verzuim.vrijstelling.vrijstelling_id IS 'Generated id of the vrijstelling.';
COMMENT ON COLUMN verzuim.vrijstelling.leerling_id IS 'The pupil (verzuim.leerling).';
COMMENT ON COLUMN verzuim.vrijstelling.artikel IS 'Article of the Leerplichtwet, see type verzuim.vrijstelling_artikel.';
COMMENT ON COLUMN verzuim.vrijstelling.periode IS 'Period of the vrijstelling [first day, day after the last day); open upper bound when no end is known.';
COMMENT ON CONSTRAINT vrijstelling_periode_check ON verzuim.vrijstelling IS 'periode must have a finite first day and must not be empty';
COMMENT ON CONSTRAINT vrijstelling_overlap_excl ON verzuim.vrijstelling IS 'overlapping vrijstelling: same leerling_id and artikel, overlapping period';

CREATE TABLE verzuim.melding (
    meldingsnummer  bigint,
    leerling_id     bigint NOT NULL CONSTRAINT melding_leerling_id_fkey REFERENCES verzuim.leerling ON DELETE CASCADE,
    brin            text NOT NULL CONSTRAINT melding_brin_fkey REFERENCES verzuim.school,
    soort           verzuim.meldingsoort NOT NULL,
    verzuim_periode daterange NOT NULL
                    CONSTRAINT melding_verzuim_periode_check
                    CHECK (NOT isempty(verzuim_periode) AND NOT lower_inf(verzuim_periode)
                           AND lower(verzuim_periode) > '-infinity'
                           AND (upper_inf(verzuim_periode) OR upper(verzuim_periode) < 'infinity')),
    gemeld_op       timestamptz NOT NULL
                    CONSTRAINT melding_gemeld_op_check CHECK (gemeld_op > '-infinity' AND gemeld_op < 'infinity'),
    spoed           boolean NOT NULL DEFAULT false,
    status          verzuim.meldingstatus NOT NULL DEFAULT 'geregistreerd',
    afgesloten_op   date CONSTRAINT melding_afgesloten_op_check CHECK (afgesloten_op < 'infinity'),
    mas_route       smallint CONSTRAINT melding_mas_route_check CHECK (mas_route BETWEEN 1 AND 4),
    CONSTRAINT melding_pkey PRIMARY KEY (meldingsnummer),
    CONSTRAINT melding_afgesloten_check
      CHECK ((status IN ('afgesloten', 'ter_kennisgeving_aangenomen', 'ingetrokken')) = (afgesloten_op IS NOT NULL))
);
CREATE INDEX melding_leerling_id_idx ON verzuim.melding (leerling_id);
CREATE INDEX melding_brin_gemeld_op_idx ON verzuim.melding (brin, gemeld_op);
COMMENT ON TABLE verzuim.melding IS 'Verzuimmeldingen in the DUO verzuimregister (ROD), with the gemeente''s handling status.';
COMMENT ON COLUMN verzuim.melding.meldingsnummer IS 'Number DUO assigned to the melding.';
COMMENT ON COLUMN verzuim.melding.leerling_id IS 'The pupil (verzuim.leerling).';
COMMENT ON COLUMN verzuim.melding.brin IS 'The reporting school location (verzuim.school).';
COMMENT ON COLUMN verzuim.melding.soort IS 'Soort of the melding, see type verzuim.meldingsoort.';
COMMENT ON COLUMN verzuim.melding.verzuim_periode IS 'Begin and end of the reported verzuim; open upper bound when no einddatum was given.';
COMMENT ON COLUMN verzuim.melding.gemeld_op IS 'When the school reported the melding.';
COMMENT ON COLUMN verzuim.melding.spoed IS 'The school asks leerplicht to handle the melding urgently (default false).';
COMMENT ON COLUMN verzuim.melding.status IS 'Handling status, see type verzuim.meldingstatus (default geregistreerd).';
COMMENT ON COLUMN verzuim.melding.afgesloten_op IS 'Date the melding was closed (afgesloten, ter kennisgeving aangenomen, ingetrokken); empty while open.';
COMMENT ON COLUMN verzuim.melding.mas_route IS 'Route of the Methodische Aanpak Schoolverzuim (1 hulp, 2 Halt, 3 jeugdhulp verplicht kader, 4 strafrecht), if chosen.';
COMMENT ON CONSTRAINT melding_verzuim_periode_check ON verzuim.melding IS 'verzuim_periode must have a finite first day and must not be empty';
COMMENT ON CONSTRAINT melding_gemeld_op_check ON verzuim.melding IS 'gemeld_op must be a finite timestamp';
COMMENT ON CONSTRAINT melding_afgesloten_op_check ON verzuim.melding IS 'afgesloten_op must be a finite date';
COMMENT ON CONSTRAINT melding_mas_route_check ON verzuim.melding IS 'mas_route must be 1, 2, 3 or 4';
COMMENT ON CONSTRAINT melding_afgesloten_check ON verzuim.melding IS 'afgesloten_op must be given exactly when status is afgesloten, ter_kennisgeving_aangenomen or ingetrokken';

CREATE TABLE verzuim.proces_verbaal (
    pv_id       bigint GENERATED BY DEFAULT AS IDENTITY,
    leerling_id bigint NOT NULL CONSTRAINT proces_verbaal_leerling_id_fkey REFERENCES verzuim.leerling ON DELETE CASCADE,
    datum       date NOT NULL CONSTRAINT proces_verbaal_datum_check CHECK (datum > '-infinity' AND datum < 'infinity'),
    soort       verzuim.pv_soort NOT NULL,
    CONSTRAINT proces_verbaal_pkey PRIMARY KEY (pv_id)
);
CREATE INDEX proces_verbaal_leerling_id_idx ON verzuim.proces_verbaal (leerling_id);
COMMENT ON TABLE verzuim.proces_verbaal IS 'Processen-verbaal drawn up by leerplicht, per pupil, date and soort (absoluut, relatief, luxe); one pupil may have several on a day (e.g. one per parent).';
COMMENT ON COLUMN verzuim.proces_verbaal.pv_id IS 'Generated id of the proces-verbaal.';
COMMENT ON COLUMN verzuim.proces_verbaal.leerling_id IS 'The pupil (verzuim.leerling).';
COMMENT ON COLUMN verzuim.proces_verbaal.datum IS 'Date of the proces-verbaal.';
COMMENT ON COLUMN verzuim.proces_verbaal.soort IS 'absoluut, relatief or luxe, see type verzuim.pv_soort.';
COMMENT ON CONSTRAINT proces_verbaal_datum_check ON verzuim.proces_verbaal IS 'datum must be a finite date';

SELECT pg_catalog.pg_extension_config_dump('verzuim.gemeente', '');
SELECT pg_catalog.pg_extension_config_dump('verzuim.samenwerkingsverband', '');
SELECT pg_catalog.pg_extension_config_dump('verzuim.school', '');
SELECT pg_catalog.pg_extension_config_dump('verzuim.leerling', '');
SELECT pg_catalog.pg_extension_config_dump('verzuim.verblijf', '');
SELECT pg_catalog.pg_extension_config_dump('verzuim.inschrijving', '');
SELECT pg_catalog.pg_extension_config_dump('verzuim.inschrijving_inschrijving_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('verzuim.afwezigheid', '');
SELECT pg_catalog.pg_extension_config_dump('verzuim.vrijstelling', '');
SELECT pg_catalog.pg_extension_config_dump('verzuim.vrijstelling_vrijstelling_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('verzuim.melding', '');
SELECT pg_catalog.pg_extension_config_dump('verzuim.proces_verbaal', '');
SELECT pg_catalog.pg_extension_config_dump('verzuim.proces_verbaal_pv_id_seq', '');

-- Protection against DROP EXTENSION dropping user data ----------------------
--
-- A statement-level trigger on every table that holds user data (the tables
-- above, verzuim.vakantie, verzuim.schoolvrije_dag) creates, once there are
-- user rows, the view verzuim.registratie_omvang.  "User rows" are the rows
-- pg_dump dumps: all rows, or for a table registered with a filter (vakantie:
-- WHERE NOT geleverd) the rows that match it.  The view selects from every
-- table registered with pg_extension_config_dump, so it depends on all of them.
--
-- Two functions, so that the check that runs after every INSERT or UPDATE
-- statement costs one catalog lookup (about 1 µs; a SECURITY DEFINER function
-- with SET search_path costs some 20 µs per call, which doubles the time of
-- single-row inserts):
--  * registratie_bewaken(), the trigger: looks whether the view exists; all
--    names in it are qualified, as it runs with the caller's search_path;
--  * registratie_omvang_maken(tabel), SECURITY DEFINER with a safe
--    search_path: the view must be created whoever inserts the first row (a
--    loader role without CREATE on schema verzuim); it is owned by the owner of
--    the extension.  It acts only for the extension's own tables and reads only
--    those.  Not executable by PUBLIC: its answer would tell a role that
--    cannot read a table whether the table holds data.  The trigger calls it
--    with the rights of the extension's owner (SECURITY DEFINER without SET,
--    so it stays cheap; every name in it is schema-qualified).
-- Nobody may attach the trigger function to other tables (EXECUTE revoked from
-- PUBLIC: that privilege is checked when a trigger is created, not when it fires).
CREATE FUNCTION verzuim.registratie_omvang_maken(tabel regclass) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_filter text;
  v_heeft  boolean;
  v_delen  text[] := '{}';
  v_r      record;
BEGIN
  -- Only the extension's own tables; v_filter is their pg_dump filter.
  SELECT c.voorwaarde INTO v_filter
    FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS c(tabel, voorwaarde), pg_class k
   WHERE e.extname = 'verzuim' AND c.tabel = registratie_omvang_maken.tabel
     AND k.oid = c.tabel AND k.relkind IN ('r', 'p');
  IF NOT FOUND THEN
    RAISE EXCEPTION '% is not a table of verzuim that holds user data', tabel
      USING ERRCODE = 'wrong_object_type',
            HINT = 'verzuim.registratie_bewaken() guards only the registration tables of extension verzuim.';
  END IF;
  IF to_regclass('verzuim.registratie_omvang') IS NOT NULL THEN
    RETURN false;
  END IF;

  -- User data = the rows pg_dump dumps.  An INSERT of no rows (or of shipped
  -- rows only) does not count.
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM %s %s)', tabel, v_filter) INTO v_heeft;
  IF NOT v_heeft THEN
    RETURN false;
  END IF;

  FOR v_r IN
    SELECT c.tabel::regclass AS tabel, k.relname, c.voorwaarde
      FROM pg_extension e,
           unnest(e.extconfig, e.extcondition) WITH ORDINALITY AS c(tabel, voorwaarde, nr),
           pg_class k
     WHERE e.extname = 'verzuim' AND k.oid = c.tabel AND k.relkind IN ('r', 'p')
     ORDER BY c.nr
  LOOP
    v_delen := v_delen || format('SELECT %L::text AS tabel, count(*) AS rijen, %s AS eigen_rijen FROM %s',
                                 v_r.relname,
                                 CASE WHEN v_r.voorwaarde = '' THEN 'count(*)'
                                      ELSE format('count(*) FILTER (%s)', v_r.voorwaarde) END,
                                 v_r.tabel);
  END LOOP;

  BEGIN
    EXECUTE format('CREATE VIEW verzuim.registratie_omvang %s AS %s',
                   CASE WHEN current_setting('server_version_num')::int >= 150000
                        THEN 'WITH (security_invoker = true)' ELSE '' END,
                   array_to_string(v_delen, E'\nUNION ALL\n'));
  EXCEPTION WHEN duplicate_table OR duplicate_object OR unique_violation THEN
    -- Another transaction created it first (we waited for it to commit).
    RETURN false;
  END;
  COMMENT ON VIEW verzuim.registratie_omvang IS
    'Rows per registration table: rijen = all rows, eigen_rijen = your rows (those pg_dump dumps; for vakantie the rows that are not shipped with the extension). Created automatically when your first row arrived; because it is not part of the extension, DROP EXTENSION verzuim refuses to drop your data (2BP01) and only DROP EXTENSION verzuim CASCADE drops it. To remove the extension after deleting your data: DROP VIEW verzuim.registratie_omvang; DROP EXTENSION verzuim;';

  -- Inside an extension script (CREATE/ALTER EXTENSION) the view would have
  -- become a member of the extension and lose its purpose: detach it.
  IF EXISTS (SELECT 1 FROM pg_depend d
              WHERE d.classid = 'pg_class'::regclass AND d.objid = 'verzuim.registratie_omvang'::regclass
                AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e') THEN
    ALTER EXTENSION verzuim DROP VIEW verzuim.registratie_omvang;
  END IF;
  RETURN true;
END $$;
COMMENT ON FUNCTION verzuim.registratie_omvang_maken(regclass) IS
  'Creates the view verzuim.registratie_omvang when the given registration table holds user data and the view does not exist yet; returns whether it did. Called by the trigger verzuim.registratie_bewaken() after every INSERT or UPDATE on a registration table; the view, not part of the extension, makes DROP EXTENSION verzuim refuse to drop user data.';

REVOKE EXECUTE ON FUNCTION verzuim.registratie_omvang_maken(regclass) FROM PUBLIC;

CREATE FUNCTION verzuim.registratie_bewaken() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
  IF pg_catalog.to_regclass('verzuim.registratie_omvang') IS NULL THEN
    IF TG_LEVEL OPERATOR(pg_catalog.<>) 'STATEMENT' OR TG_WHEN OPERATOR(pg_catalog.<>) 'AFTER' THEN
      RAISE EXCEPTION 'verzuim.registratie_bewaken() must be fired AFTER ... FOR EACH STATEMENT'
        USING ERRCODE = 'trigger_protocol_violated';
    END IF;
    PERFORM verzuim.registratie_omvang_maken(TG_RELID::pg_catalog.regclass);
  END IF;
  RETURN NULL;
END $$;
REVOKE EXECUTE ON FUNCTION verzuim.registratie_bewaken() FROM PUBLIC;
COMMENT ON FUNCTION verzuim.registratie_bewaken() IS
  'Trigger (AFTER INSERT OR UPDATE, per statement) of every table holding user data: when the first user rows arrive, it has verzuim.registratie_omvang_maken create the view verzuim.registratie_omvang, which is not part of the extension, so that DROP EXTENSION verzuim cannot silently drop the data.';

CREATE TRIGGER registratie_bewaakt AFTER INSERT OR UPDATE ON verzuim.gemeente
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.registratie_bewaken();
CREATE TRIGGER registratie_bewaakt AFTER INSERT OR UPDATE ON verzuim.samenwerkingsverband
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.registratie_bewaken();
CREATE TRIGGER registratie_bewaakt AFTER INSERT OR UPDATE ON verzuim.school
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.registratie_bewaken();
CREATE TRIGGER registratie_bewaakt AFTER INSERT OR UPDATE ON verzuim.leerling
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.registratie_bewaken();
CREATE TRIGGER registratie_bewaakt AFTER INSERT OR UPDATE ON verzuim.verblijf
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.registratie_bewaken();
CREATE TRIGGER registratie_bewaakt AFTER INSERT OR UPDATE ON verzuim.inschrijving
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.registratie_bewaken();
CREATE TRIGGER registratie_bewaakt AFTER INSERT OR UPDATE ON verzuim.afwezigheid
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.registratie_bewaken();
CREATE TRIGGER registratie_bewaakt AFTER INSERT OR UPDATE ON verzuim.vrijstelling
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.registratie_bewaken();
CREATE TRIGGER registratie_bewaakt AFTER INSERT OR UPDATE ON verzuim.melding
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.registratie_bewaken();
CREATE TRIGGER registratie_bewaakt AFTER INSERT OR UPDATE ON verzuim.proces_verbaal
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.registratie_bewaken();
-- User rows of the holiday table (10_kalender.sql): an INSERT, or an UPDATE or
-- DELETE of a shipped row, which turns it into a user row.  Created here, after
-- the shipped rows were inserted.
CREATE TRIGGER registratie_bewaakt AFTER INSERT OR UPDATE ON verzuim.vakantie
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.registratie_bewaken();
