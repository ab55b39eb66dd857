-- One GPU's jobs and points per model from day $2 (a UTC date, 'YYYY-MM-DD') on, from its ledger
-- entries through the (miner_id, occurred_at) index (lib/server/queries/model-split.ts). A job's
-- entry always carries its job's model (jobs.model_id is NOT NULL).
-- @param {String} $1:minerId
-- @param {String} $2:fromDay
-- @nonnull model_id, jobs, points
SELECT model_id, point_type, count(*)::text AS jobs, sum(points_micro)::text AS points
  FROM ledger_entries WHERE miner_id = $1 AND occurred_at >= $2::text::date AND kind = 'job'
 GROUP BY model_id, point_type ORDER BY sum(points_micro) DESC, model_id
