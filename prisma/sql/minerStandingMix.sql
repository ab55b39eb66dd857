-- One GPU's job entries since $2 grouped by what priced them (lib/server/queries/fleet-standing.ts):
-- one index range on (miner_id, occurred_at). A job's entry always carries its job's model.
-- @param {String} $1:minerId
-- @param {DateTime} $2:since
-- @nonnull model_id, jobs
SELECT model_id, schedule_id, model_multiplier_ppm, zero_reason, count(*)::text AS jobs
  FROM ledger_entries WHERE miner_id = $1 AND kind = 'job' AND occurred_at >= $2
 GROUP BY model_id, schedule_id, model_multiplier_ppm, zero_reason
