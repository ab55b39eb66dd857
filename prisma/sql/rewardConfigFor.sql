-- The reward configuration in force for epoch $1 (lib/server/epochs/config.ts): the latest effective
-- at or before it; wei amounts as text.
-- @param {Int} $1:epoch
-- @nonnull wb, lb, wp, lp
SELECT id, waifu_base_wei::text AS wb, llama_base_wei::text AS lb, waifu_wei_per_point::text AS wp, llama_wei_per_point::text AS lp, esheu_weight_ppm
  FROM reward_configs WHERE effective_epoch <= $1 ORDER BY effective_epoch DESC LIMIT 1
