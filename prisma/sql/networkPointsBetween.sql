-- The network's points from $1 to $2 (an epoch so far), from the wallets' hourly rollup
-- (lib/server/queries/token-rate.ts). Null sums without rows.
-- @param {DateTime} $1:from
-- @param {DateTime} $2:to
SELECT sum(waifu_micro)::text AS waifu, sum(llama_micro)::text AS llama FROM wallet_hourly WHERE hour >= $1 AND hour < $2
