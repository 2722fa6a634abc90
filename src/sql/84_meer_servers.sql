-- More than one server: the leerplichttelling with the settings as one argument --
--
-- postgres_fdw cannot push a set-returning function down, and the telling is
-- not an aggregate: over federated gemeente servers each server computes the
-- telling of its own pupils and the coordinator adds the rows per gemeente
-- (docs/meer-servers.md).  For that sum to be the single-node answer every
-- server must count with the same settings and calendar; this variant takes
-- them as one instellingen value (verzuim.instellingen()), like the
-- aggregates of 65_instellingen.sql, so a server view can pin them.

CREATE FUNCTION verzuim.leerplichttelling(schooljaar text, norm interval, instellingen jsonb)
RETURNS SETOF verzuim.leerplichttelling
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
  v_oud jsonb := '{}';
  v_s   record;
BEGIN
  IF leerplichttelling.instellingen IS NULL THEN
    RETURN QUERY SELECT * FROM verzuim.leerplichttelling(leerplichttelling.schooljaar, leerplichttelling.norm);
    RETURN;
  END IF;
  -- checks instellingen as every instellingen argument is checked (unknown
  -- keys, values, the calendar fingerprints of "kalender" against this
  -- server's calendar: 22023), and loads the module that defines the settings
  PERFORM count(*) FROM verzuim.feestdagen(2024, leerplichttelling.instellingen);
  -- every verzuim.* setting: the value in instellingen, else its built-in
  -- default (not the session's), for the duration of this call
  FOR v_s IN SELECT s.name, s.boot_val FROM pg_catalog.pg_settings s
              WHERE s.name LIKE 'verzuim.%' AND s.context = 'user' ORDER BY s.name LOOP
    v_oud := v_oud || jsonb_build_object(v_s.name, current_setting(v_s.name));
    PERFORM set_config(v_s.name,
                       coalesce(leerplichttelling.instellingen ->> substr(v_s.name, 9), v_s.boot_val, ''),
                       true);
  END LOOP;
  RETURN QUERY SELECT * FROM verzuim.leerplichttelling(leerplichttelling.schooljaar, leerplichttelling.norm);
  FOR v_s IN SELECT e.key, e.value FROM jsonb_each_text(v_oud) e LOOP
    PERFORM set_config(v_s.key, v_s.value, true);
  END LOOP;
END
$fn$;
COMMENT ON FUNCTION verzuim.leerplichttelling(text, interval, jsonb) IS
  'leerplichttelling(schooljaar, norm) with the settings of instellingen (rows of the view verzuim.leerplichttelling) (a jsonb object, see verzuim.instellingen()) instead of the session''s: keys left out take their built-in default, "kalender" fingerprints make a server with another calendar raise 22023; norm NULL: the key "norm" of instellingen, else 3 months. NULL instellingen: the session''s settings. Every server of a federation that computes its own pupils'' telling with the same instellingen gives rows that add up, per gemeente, to the single-node telling (docs/meer-servers.md). Not parallel safe (it sets the verzuim.* settings for the duration of the call).';
