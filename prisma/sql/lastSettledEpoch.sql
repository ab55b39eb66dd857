-- The last settled epoch's pools and points (lib/server/queries/token-rate.ts): the token rate
-- when the open epoch has no points yet.
-- @nonnull waifu_pool_wei, llama_pool_wei, waifu_points_micro, llama_points_micro
SELECT number, waifu_pool_wei::text, llama_pool_wei::text, waifu_points_micro::text, llama_points_micro::text, settled_at
  FROM epochs ORDER BY number DESC LIMIT 1
