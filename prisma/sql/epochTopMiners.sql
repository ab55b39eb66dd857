-- A settled epoch's 20 best-paid miner IDs (lib/server/queries/epochs.ts, GET /api/v1/epochs/{n}).
-- @param {Int} $1:epoch
-- @nonnull waifu_points_micro, llama_points_micro, tokens
SELECT miner_id, wallet, waifu_points_micro::text, llama_points_micro::text, (waifu_tokens_wei + llama_tokens_wei)::text AS tokens
  FROM epoch_miner_rewards WHERE epoch = $1 ORDER BY waifu_tokens_wei + llama_tokens_wei DESC, miner_id LIMIT 20
