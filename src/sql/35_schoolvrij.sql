-- School-specific free days (studiedagen, margedagen) ------------------------

CREATE TABLE verzuim.schoolvrije_dag (
    brin         text NOT NULL REFERENCES verzuim.school ON UPDATE CASCADE ON DELETE CASCADE,
    datum        date NOT NULL CHECK (datum > '-infinity' AND datum < 'infinity'),
    omschrijving text,
    PRIMARY KEY (brin, datum)
);
COMMENT ON TABLE verzuim.schoolvrije_dag IS
  'Days on which one school is closed besides the holidays of its vakantieregio (studiedagen, margedagen). Used by is_lesdag, lesdagen and the episode and meldplicht aggregates when a brin is given.';
COMMENT ON COLUMN verzuim.schoolvrije_dag.brin IS 'School location (BRIN + vestigingsnummer).';
COMMENT ON COLUMN verzuim.schoolvrije_dag.datum IS 'The free day.';
COMMENT ON COLUMN verzuim.schoolvrije_dag.omschrijving IS 'Why, e.g. studiedag.';

SELECT pg_catalog.pg_extension_config_dump('verzuim.schoolvrije_dag', '');

CREATE TRIGGER kalender_gewijzigd AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON verzuim.schoolvrije_dag
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.kalender_gewijzigd();
-- A school's vakantieregio is part of its calendar too.
CREATE TRIGGER kalender_gewijzigd AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON verzuim.school
  FOR EACH STATEMENT EXECUTE FUNCTION verzuim.kalender_gewijzigd();
-- fired by logical-replication apply and session_replication_role = replica too
-- (see verzuim.vakantie in 10_kalender.sql)
ALTER TABLE verzuim.schoolvrije_dag ENABLE ALWAYS TRIGGER kalender_gewijzigd;
ALTER TABLE verzuim.school ENABLE ALWAYS TRIGGER kalender_gewijzigd;
