-- First test: the extension installs (with btree_gist) and every public object is documented.
SET client_min_messages = warning;
CREATE EXTENSION verzuim CASCADE;
RESET client_min_messages;
SELECT extname, extversion FROM pg_extension WHERE extname = 'verzuim';
-- every function, aggregate, table, view and type in schema verzuim has a COMMENT
SELECT p.oid::regprocedure AS undocumented_function
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = 'verzuim' AND obj_description(p.oid, 'pg_proc') IS NULL
  AND p.prorettype <> 'trigger'::regtype
  AND NOT EXISTS (SELECT 1 FROM pg_aggregate a
                  WHERE p.oid IN (a.aggtransfn, a.aggfinalfn, a.aggcombinefn, a.aggserialfn, a.aggdeserialfn))
  AND NOT EXISTS (SELECT 1 FROM pg_type t WHERE p.oid IN (t.typinput, t.typoutput, t.typreceive, t.typsend))
ORDER BY 1::text;
SELECT c.oid::regclass AS undocumented_relation
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'verzuim' AND c.relkind IN ('r', 'v', 'm', 'p') AND obj_description(c.oid, 'pg_class') IS NULL
ORDER BY 1::text;
SELECT t.oid::regtype AS undocumented_type
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname = 'verzuim' AND t.typtype IN ('b', 'e', 'd') AND t.typelem = 0
  AND obj_description(t.oid, 'pg_type') IS NULL
ORDER BY 1::text;
