-- What a wallet's miner IDs earned in a settled epoch (lib/server/queries/epochs.ts, the asMiner
-- rows of GET /api/v1/epochs/{n}/rewards).
-- @param {Int} $1:epoch
-- @param {String} $2:wallet
-- @nonnull waifu_points_micro, llama_points_micro, waifu_tokens_wei, llama_tokens_wei, operator_wei, stakers_wei
SELECT miner_id, waifu_points_micro::text, llama_points_micro::text, waifu_tokens_wei::text, llama_tokens_wei::text, bribe_bps, operator_wei::text, stakers_wei::text
  FROM epoch_miner_rewards WHERE epoch = $1 AND wallet = $2 ORDER BY miner_id
