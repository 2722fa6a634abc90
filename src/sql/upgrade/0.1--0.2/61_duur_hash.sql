-- duurverdeling (0.1 objects): the extended hash function 2 of the hash
-- operator family and a realistic transition-state size for samenvoegen, as
-- src/sql/60_duur.sql now has them.
CREATE FUNCTION verzuim.duurverdeling_hash_extended(verzuim.duurverdeling, bigint) RETURNS bigint
  AS 'MODULE_PATHNAME', 'verzuim_duur_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.duurverdeling_hash_extended(verzuim.duurverdeling, bigint) IS
  'Seeded 64-bit hash of a duration summary (hash operator class support function 2); with seed 0 its low 32 bits equal duurverdeling_hash.';
ALTER OPERATOR FAMILY verzuim.duurverdeling_hash_ops USING hash
  ADD FUNCTION 2 verzuim.duurverdeling_hash_extended(verzuim.duurverdeling, bigint);

CREATE OR REPLACE AGGREGATE verzuim.samenvoegen(verzuim.duurverdeling) (
  SFUNC = verzuim.samenvoegen_sfunc,
  STYPE = verzuim.duurverdeling,
  COMBINEFUNC = verzuim.samenvoegen_sfunc,
  FINALFUNC_MODIFY = READ_ONLY,
  SSPACE = 6144,
  PARALLEL = SAFE
);
