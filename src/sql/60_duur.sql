-- Durations of episodes: the two-step summary verzuim.duurverdeling ---------------
-- (DESIGN.md §3 "Episodes and durations", DOMAIN.md §6; C code in src/duur.c)
--
-- Step 1: an aggregate turns episodes (daterange) into a duurverdeling at a
-- peildatum: an exact table of durations, with episodes still open at the
-- peildatum kept as right-censored observations.  Step 2: accessors read
-- figures from it; verzuim.samenvoegen re-aggregates stored summaries
-- (per gemeente -> per regio -> national).

CREATE TYPE verzuim.duurverdeling;

CREATE FUNCTION verzuim.duurverdeling_in(cstring) RETURNS verzuim.duurverdeling
  AS 'MODULE_PATHNAME', 'verzuim_duur_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION verzuim.duurverdeling_out(verzuim.duurverdeling) RETURNS cstring
  AS 'MODULE_PATHNAME', 'verzuim_duur_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION verzuim.duurverdeling_recv(internal) RETURNS verzuim.duurverdeling
  AS 'MODULE_PATHNAME', 'verzuim_duur_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION verzuim.duurverdeling_send(verzuim.duurverdeling) RETURNS bytea
  AS 'MODULE_PATHNAME', 'verzuim_duur_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE verzuim.duurverdeling (
  INPUT = verzuim.duurverdeling_in,
  OUTPUT = verzuim.duurverdeling_out,
  RECEIVE = verzuim.duurverdeling_recv,
  SEND = verzuim.duurverdeling_send,
  INTERNALLENGTH = VARIABLE,
  ALIGNMENT = double,
  STORAGE = extended
);
COMMENT ON TYPE verzuim.duurverdeling IS
  'Exact, mergeable summary of episode durations at a peildatum (made by verzuim.duur_agg, merged by verzuim.samenvoegen): per distinct duration the number of episodes closed after that many days and the number still open (right-censored) at the peildatum. Unit kalenderdagen or lesdagen. Text form (format version 1): {v1;eenheid=kalenderdagen;peildatum=2024-06-30;gesloten=3;lopend=2;som=33;som_lopend=38;1:2/0,7:0/1,31:1/1} with entries duur:gesloten/lopend in increasing duur; gesloten/lopend count the closed/open episodes, som/som_lopend sum their durations; lesdagen summaries add regio=noord+midden+zuid (the regions whose calendars were used) after eenheid. Read it with aantal, aantal_lopend, gemiddelde, doorloopsnelheid, mediaan, percentiel, beperkt_gemiddelde, aandeel_langer_dan, verdeling.';

-- Equality (byte-for-byte on the canonical form) and hashing, so summaries can
-- be compared, grouped, and used in row comparisons.
CREATE FUNCTION verzuim.duurverdeling_eq(verzuim.duurverdeling, verzuim.duurverdeling) RETURNS boolean
  AS 'MODULE_PATHNAME', 'verzuim_duur_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.duurverdeling_eq(verzuim.duurverdeling, verzuim.duurverdeling) IS
  'True when two duration summaries are identical (same unit, regions, peildatum and table). Implements the operator =.';
CREATE FUNCTION verzuim.duurverdeling_ne(verzuim.duurverdeling, verzuim.duurverdeling) RETURNS boolean
  AS 'MODULE_PATHNAME', 'verzuim_duur_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.duurverdeling_ne(verzuim.duurverdeling, verzuim.duurverdeling) IS
  'True when two duration summaries differ. Implements the operator <>.';
CREATE FUNCTION verzuim.duurverdeling_hash(verzuim.duurverdeling) RETURNS integer
  AS 'MODULE_PATHNAME', 'verzuim_duur_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.duurverdeling_hash(verzuim.duurverdeling) IS
  'Hash of a duration summary (hash operator class support; consistent with =).';

CREATE OPERATOR verzuim.= (
  LEFTARG = verzuim.duurverdeling, RIGHTARG = verzuim.duurverdeling,
  FUNCTION = verzuim.duurverdeling_eq,
  COMMUTATOR = OPERATOR(verzuim.=), NEGATOR = OPERATOR(verzuim.<>),
  RESTRICT = eqsel, JOIN = eqjoinsel, HASHES
);
COMMENT ON OPERATOR verzuim.= (verzuim.duurverdeling, verzuim.duurverdeling) IS
  'Duration summaries are equal: same unit, regions, peildatum and the same episodes per duration.';
CREATE OPERATOR verzuim.<> (
  LEFTARG = verzuim.duurverdeling, RIGHTARG = verzuim.duurverdeling,
  FUNCTION = verzuim.duurverdeling_ne,
  COMMUTATOR = OPERATOR(verzuim.<>), NEGATOR = OPERATOR(verzuim.=),
  RESTRICT = neqsel, JOIN = neqjoinsel
);
COMMENT ON OPERATOR verzuim.<> (verzuim.duurverdeling, verzuim.duurverdeling) IS
  'Duration summaries differ.';
CREATE OPERATOR CLASS verzuim.duurverdeling_hash_ops
  DEFAULT FOR TYPE verzuim.duurverdeling USING hash AS
  OPERATOR 1 verzuim.= (verzuim.duurverdeling, verzuim.duurverdeling),
  FUNCTION 1 verzuim.duurverdeling_hash(verzuim.duurverdeling);
COMMENT ON OPERATOR CLASS verzuim.duurverdeling_hash_ops USING hash IS
  'Hash operator class of verzuim.duurverdeling (GROUP BY, DISTINCT, row comparison).';
-- 0.2: the extended (seeded, 64-bit) hash, support function 2, for hash
-- partitioning and hash joins that need it.  Added to the family the same way
-- in a fresh install and in the upgrade (src/sql/upgrade/0.1--0.2/61_duur_hash.sql).
CREATE FUNCTION verzuim.duurverdeling_hash_extended(verzuim.duurverdeling, bigint) RETURNS bigint
  AS 'MODULE_PATHNAME', 'verzuim_duur_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.duurverdeling_hash_extended(verzuim.duurverdeling, bigint) IS
  'Seeded 64-bit hash of a duration summary (hash operator class support function 2); with seed 0 its low 32 bits equal duurverdeling_hash.';
ALTER OPERATOR FAMILY verzuim.duurverdeling_hash_ops USING hash
  ADD FUNCTION 2 verzuim.duurverdeling_hash_extended(verzuim.duurverdeling, bigint);

-- Step 1: the aggregates ----------------------------------------------------------

CREATE FUNCTION verzuim.duur_agg_sfunc(internal, daterange, date) RETURNS internal
  AS 'MODULE_PATHNAME', 'verzuim_duur_agg_sfunc' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION verzuim.duur_agg_lesdagen_sfunc(internal, daterange, date, text) RETURNS internal
  AS 'MODULE_PATHNAME', 'verzuim_duur_agg_lesdagen_sfunc' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION verzuim.duur_agg_combine(internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'verzuim_duur_agg_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION verzuim.duur_agg_serialize(internal) RETURNS bytea
  AS 'MODULE_PATHNAME', 'verzuim_duur_agg_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION verzuim.duur_agg_deserialize(bytea, internal) RETURNS internal
  AS 'MODULE_PATHNAME', 'verzuim_duur_agg_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION verzuim.duur_agg_final(internal) RETURNS verzuim.duurverdeling
  AS 'MODULE_PATHNAME', 'verzuim_duur_agg_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION verzuim.doorloopsnelheid_final(internal) RETURNS numeric
  AS 'MODULE_PATHNAME', 'verzuim_duur_doorloop_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE AGGREGATE verzuim.duur_agg(episode daterange, peildatum date) (
  SFUNC = verzuim.duur_agg_sfunc,
  STYPE = internal,
  SSPACE = 2048,
  FINALFUNC = verzuim.duur_agg_final,
  FINALFUNC_MODIFY = READ_ONLY,
  COMBINEFUNC = verzuim.duur_agg_combine,
  SERIALFUNC = verzuim.duur_agg_serialize,
  DESERIALFUNC = verzuim.duur_agg_deserialize,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.duur_agg(daterange, date) IS
  'Duration summary (verzuim.duurverdeling, in kalenderdagen) of episodes [a,b) at a peildatum. Episodes with a > peildatum have not started and are ignored. An episode is closed when upper(episode) <= peildatum (back at school on or before the peildatum); its duration is b - a days. Otherwise it is open (right-censored, also when upper is unbounded or infinity) with observed duration peildatum + 1 - a (days out so far, the peildatum included). NULL and empty episodes are skipped. Errors: NULL peildatum 22004; infinite peildatum or unbounded/infinite lower bound 22008; different peildata within one group 22023. No rows gives NULL; rows without counted episodes give an empty summary (aantal = 0). Parallel safe; re-aggregate stored results with verzuim.samenvoegen.';

CREATE AGGREGATE verzuim.duur_agg(episode daterange, peildatum date, regio text) (
  SFUNC = verzuim.duur_agg_lesdagen_sfunc,
  STYPE = internal,
  SSPACE = 2048,
  FINALFUNC = verzuim.duur_agg_final,
  FINALFUNC_MODIFY = READ_ONLY,
  COMBINEFUNC = verzuim.duur_agg_combine,
  SERIALFUNC = verzuim.duur_agg_serialize,
  DESERIALFUNC = verzuim.duur_agg_deserialize,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.duur_agg(daterange, date, text) IS
  'Duration summary (verzuim.duurverdeling) in lesdagen: as duur_agg(episode, peildatum), but an episode [a,b) lasts the number of school days of vakantieregio regio (noord, midden, zuid; NULL = setting verzuim.vakantieregio) in [a, min(b, peildatum + 1)), weekends, public holidays and school holidays excluded, so a duration can be 0. regio may differ per row (the school''s region); the summary records which regions were used. Dates outside the calendar (1969-08-01 .. 2100-07-31) raise 22008; schooljaren without complete holiday data follow verzuim.onvolledige_kalender.';

CREATE AGGREGATE verzuim.doorloopsnelheid(episode daterange, peildatum date) (
  SFUNC = verzuim.duur_agg_sfunc,
  STYPE = internal,
  SSPACE = 2048,
  FINALFUNC = verzuim.doorloopsnelheid_final,
  FINALFUNC_MODIFY = READ_ONLY,
  COMBINEFUNC = verzuim.duur_agg_combine,
  SERIALFUNC = verzuim.duur_agg_serialize,
  DESERIALFUNC = verzuim.duur_agg_deserialize,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.doorloopsnelheid(daterange, date) IS
  'The ministry''s doorloopsnelheid, "het aantal dagen dat gemiddeld wordt verzuimd": the NAIVE mean, in kalenderdagen, over all episodes started by the peildatum of the days out of school up to the peildatum (closed episodes fully, open ones counted until and including the peildatum). It mixes finished and unfinished episodes, so it underestimates how long episodes last; see the censoring-aware verzuim.mediaan, verzuim.beperkt_gemiddelde and verzuim.gemiddelde (closed episodes only) of verzuim.duur_agg. Same rules and errors as verzuim.duur_agg; NULL when no episode started.';

CREATE AGGREGATE verzuim.doorloopsnelheid(episode daterange, peildatum date, regio text) (
  SFUNC = verzuim.duur_agg_lesdagen_sfunc,
  STYPE = internal,
  SSPACE = 2048,
  FINALFUNC = verzuim.doorloopsnelheid_final,
  FINALFUNC_MODIFY = READ_ONLY,
  COMBINEFUNC = verzuim.duur_agg_combine,
  SERIALFUNC = verzuim.duur_agg_serialize,
  DESERIALFUNC = verzuim.duur_agg_deserialize,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.doorloopsnelheid(daterange, date, text) IS
  'The ministry''s doorloopsnelheid (the NAIVE mean of days out of school up to the peildatum over all started episodes, see doorloopsnelheid(daterange, date)) counted in lesdagen of the vakantieregio, as duur_agg(episode, peildatum, regio).';

-- Step 1b: re-aggregation of stored summaries -------------------------------------

CREATE FUNCTION verzuim.samenvoegen_sfunc(verzuim.duurverdeling, verzuim.duurverdeling)
  RETURNS verzuim.duurverdeling
  AS 'MODULE_PATHNAME', 'verzuim_duur_samenvoegen_sfunc' LANGUAGE C IMMUTABLE PARALLEL SAFE;

-- STYPE is the real type (not internal), so Citus can push it to the shards
-- (the partial state crosses the wire as text).
CREATE AGGREGATE verzuim.samenvoegen(verzuim.duurverdeling) (
  SFUNC = verzuim.samenvoegen_sfunc,
  STYPE = verzuim.duurverdeling,
  COMBINEFUNC = verzuim.samenvoegen_sfunc,
  FINALFUNC_MODIFY = READ_ONLY,
  -- the expanded state: its memory context (1 kB first block), the direct
  -- table of durations up to about a schooljaar (512 x 8 bytes) and the
  -- cached flat form; the planner would otherwise assume 32 bytes per group
  SSPACE = 6144,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE verzuim.samenvoegen(verzuim.duurverdeling) IS
  'Merges duration summaries of disjoint groups of episodes into one (per gemeente -> per regio -> national); exact: samenvoegen of per-group duur_agg results equals duur_agg over all episodes. NULLs are skipped; no rows gives NULL. Summaries in different units (kalenderdagen, lesdagen) or with different peildata raise 22023. Lesdagen summaries of different regions merge; the result lists all regions.';

-- Step 2: accessors ---------------------------------------------------------------

CREATE FUNCTION verzuim.aantal(verzuim.duurverdeling) RETURNS bigint
  AS 'MODULE_PATHNAME', 'verzuim_duur_aantal' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.aantal(verzuim.duurverdeling) IS
  'Number of episodes in the summary (started by the peildatum), closed and open.';

CREATE FUNCTION verzuim.aantal_lopend(verzuim.duurverdeling) RETURNS bigint
  AS 'MODULE_PATHNAME', 'verzuim_duur_aantal_lopend' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.aantal_lopend(verzuim.duurverdeling) IS
  'Number of episodes still open at the peildatum (right-censored).';

CREATE FUNCTION verzuim.gemiddelde(verzuim.duurverdeling) RETURNS numeric
  AS 'MODULE_PATHNAME', 'verzuim_duur_gemiddelde' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.gemiddelde(verzuim.duurverdeling) IS
  'Exact mean duration of the CLOSED episodes (same value as avg(upper - lower) over them); NULL when none closed. Ignores open episodes, so it is biased towards short episodes when many are still open; compare verzuim.mediaan and verzuim.beperkt_gemiddelde (censoring-aware) and verzuim.doorloopsnelheid (naive mean of all).';

CREATE FUNCTION verzuim.doorloopsnelheid(verzuim.duurverdeling) RETURNS numeric
  AS 'MODULE_PATHNAME', 'verzuim_duur_doorloopsnelheid' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.doorloopsnelheid(verzuim.duurverdeling) IS
  'The ministry''s doorloopsnelheid read from a summary: the NAIVE mean over all episodes of the days out of school up to the peildatum (closed ones fully, open ones until the peildatum), (som + som_lopend) / aantal, exact; NULL for an empty summary. Same value as the aggregate verzuim.doorloopsnelheid(episode, peildatum). Not censoring-aware; see verzuim.mediaan and verzuim.beperkt_gemiddelde.';

CREATE FUNCTION verzuim.percentiel(verzuim.duurverdeling, p double precision) RETURNS numeric
  AS 'MODULE_PATHNAME', 'verzuim_duur_percentiel' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.percentiel(verzuim.duurverdeling, double precision) IS
  'Kaplan-Meier percentile: the smallest duration t at which an episode closed and S(t) <= 1 - p (compared with a tolerance of 1e-9), where S is the Kaplan-Meier survival curve (at a duration t with d closed episodes and n at risk, S drops by the factor (n - d)/n; episodes open at t count as at risk at t). NULL when the curve never gets that low (too many open episodes) or the summary has no closed episode. Without open episodes this equals percentile_disc(p) of the durations. p outside [0, 1] or NaN raises 22023.';

CREATE FUNCTION verzuim.mediaan(verzuim.duurverdeling) RETURNS numeric
  AS 'MODULE_PATHNAME', 'verzuim_duur_mediaan' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.mediaan(verzuim.duurverdeling) IS
  'Kaplan-Meier median duration, censoring-aware: percentiel(x, 0.5), the smallest duration t with S(t) <= 0.5. When S is exactly 0.5 on a flat stretch this takes its start (R''s survfit would take the midpoint to the next closing duration). NULL when fewer than half of the episodes are known to have closed by any duration.';

CREATE FUNCTION verzuim.beperkt_gemiddelde(verzuim.duurverdeling, horizon integer) RETURNS numeric
  AS 'MODULE_PATHNAME', 'verzuim_duur_beperkt_gemiddelde' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.beperkt_gemiddelde(verzuim.duurverdeling, integer) IS
  'Restricted mean duration up to horizon (RMST), censoring-aware: the integral of the Kaplan-Meier curve S over [0, horizon], i.e. the sum of S(k) for k = 0 .. horizon - 1 (durations are whole days). Estimates the mean of least(duration, horizon); without open episodes it equals avg(least(duur, horizon)). Beyond the longest observed duration S is carried forward. Computed in double precision (about 15 significant digits). NULL for an empty summary; a negative horizon raises 22023.';

CREATE FUNCTION verzuim.aandeel_langer_dan(verzuim.duurverdeling, dagen integer) RETURNS double precision
  AS 'MODULE_PATHNAME', 'verzuim_duur_aandeel_langer_dan' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.aandeel_langer_dan(verzuim.duurverdeling, integer) IS
  'Kaplan-Meier estimate of the share of episodes that last longer than dagen: S(dagen). Censoring-aware: open episodes count as at risk up to their observed duration. Beyond the longest observed duration the last value is carried forward. NULL for an empty summary.';

CREATE FUNCTION verzuim.peildatum(verzuim.duurverdeling) RETURNS date
  AS 'MODULE_PATHNAME', 'verzuim_duur_peildatum' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.peildatum(verzuim.duurverdeling) IS
  'The peildatum at which open episodes of the summary were censored.';

CREATE FUNCTION verzuim.eenheid(verzuim.duurverdeling) RETURNS text
  AS 'MODULE_PATHNAME', 'verzuim_duur_eenheid' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.eenheid(verzuim.duurverdeling) IS
  'Unit of the durations of a summary: kalenderdagen or lesdagen.';

CREATE FUNCTION verzuim.verdeling(verzuim.duurverdeling,
    OUT duur integer, OUT gesloten bigint, OUT lopend bigint) RETURNS SETOF record
  AS 'MODULE_PATHNAME', 'verzuim_duur_verdeling' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION verzuim.verdeling(verzuim.duurverdeling) IS
  'The table of a summary, one row per distinct duration in increasing order: duur, the number of episodes closed after duur days (gesloten) and the number open at the peildatum after duur days (lopend).';
