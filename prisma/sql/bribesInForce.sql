-- The bribe in force at $1 of every node that set one, or of miner IDs $2 only (null: all), for
-- settlement and the open epoch's projection (lib/server/epochs/stakes.ts): the latest set among
-- those in force.
-- @param {DateTime} $1:at
-- @param {String}? $2:minerIds
SELECT DISTINCT ON (miner_id) miner_id, bps FROM bribe_changes WHERE effective_at <= $1 AND ($2::text[] IS NULL OR miner_id = ANY($2::text[]))
 ORDER BY miner_id, effective_at DESC, block_number DESC, log_index DESC
