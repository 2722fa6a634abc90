-- The functions that only a parallel plan runs cost 100 (50_episodes.sql):
-- the planner then keeps per-pupil episodes serial, where partial aggregation
-- is slower (every group's state passes the leader), and few-group
-- aggregates parallel.
ALTER FUNCTION verzuim.episodes_combine(internal, internal) COST 100;
ALTER FUNCTION verzuim.episodes_serialize(internal) COST 100;
ALTER FUNCTION verzuim.episodes_deserialize(bytea, internal) COST 100;
