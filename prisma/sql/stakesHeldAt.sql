-- What each staker held on miner IDs $1 just before $2, per token, in wei as text (lib/server/epochs/stakes.ts:
-- the start of a bribe split's time-weighted stake).
-- @param {String} $1:minerIds
-- @param {DateTime} $2:at
-- @nonnull amount
SELECT miner_id, staker, token, sum(delta_wei)::text AS amount FROM stake_changes WHERE miner_id = ANY($1::text[]) AND at < $2
 GROUP BY 1, 2, 3 HAVING sum(delta_wei) > 0
