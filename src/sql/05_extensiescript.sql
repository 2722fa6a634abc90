-- What only the extension's own script may do (src/geleverd.c) ---------------

CREATE FUNCTION verzuim.in_extensiescript() RETURNS boolean
  AS 'MODULE_PATHNAME', 'verzuim_in_extensiescript' LANGUAGE C VOLATILE PARALLEL RESTRICTED;
COMMENT ON FUNCTION verzuim.in_extensiescript() IS
  'True while the install or upgrade script of verzuim runs (CREATE EXTENSION verzuim, ALTER EXTENSION verzuim UPDATE), false otherwise. The trigger of verzuim.vakantie uses it: only the extension marks holiday rows as shipped (geleverd).';
