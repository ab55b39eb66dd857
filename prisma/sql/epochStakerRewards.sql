-- What a staker earned in a settled epoch per node it staked on (lib/server/queries/epochs.ts, the
-- asStaker rows of GET /api/v1/epochs/{n}/rewards).
-- @param {Int} $1:epoch
-- @param {String} $2:staker
-- @nonnull tokens_wei, weight
SELECT miner_id, tokens_wei::text, weight::text FROM epoch_staker_rewards WHERE epoch = $1 AND staker = $2 ORDER BY miner_id
