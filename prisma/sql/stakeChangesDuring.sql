-- The stake changes on miner IDs $1 in [$2, $3), in chain order, wei as text (lib/server/epochs/stakes.ts:
-- the rest of a bribe split's time-weighted stake).
-- @param {String} $1:minerIds
-- @param {DateTime} $2:start
-- @param {DateTime} $3:end
-- @nonnull delta
SELECT miner_id, staker, token, delta_wei::text AS delta, at FROM stake_changes WHERE miner_id = ANY($1::text[]) AND at >= $2 AND at < $3
 ORDER BY at, block_number, log_index, id
