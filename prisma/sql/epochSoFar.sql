-- The open epoch's points so far and how many miner IDs earned them, from the hourly rollups
-- (lib/server/queries/epochs.ts). Null sums without rows.
-- @param {DateTime} $1:from
-- @param {DateTime} $2:to
-- @nonnull miners
SELECT sum(waifu_micro)::text AS waifu, sum(llama_micro)::text AS llama,
       (SELECT count(DISTINCT miner_id) FROM miner_hourly WHERE hour >= $1 AND hour < $2)::text AS miners
  FROM wallet_hourly WHERE hour >= $1 AND hour < $2
