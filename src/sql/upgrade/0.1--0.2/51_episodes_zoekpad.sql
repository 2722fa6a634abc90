-- absoluut_verzuim runs with a fixed search_path (pg_catalog, pg_temp): in 0.1
-- it used the caller's, so a same-named lower/upper/isempty/range_agg or
-- operator earlier on it (or in public) ran with the caller's privileges.
ALTER FUNCTION verzuim.absoluut_verzuim(date) SET search_path = pg_catalog, pg_temp;
