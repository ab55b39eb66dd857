-- Epoch $1's bucket of points per miner ID, as settlement splits the pools by it
-- (lib/server/epochs/settle.ts): each point type's micro-points, and the late and adjustment parts.
-- @param {Int} $1:epoch
-- @nonnull waifu, llama, late, adjust
SELECT miner_id, wallet, waifu_micro::text AS waifu, llama_micro::text AS llama, late_micro::text AS late, adjust_micro::text AS adjust
  FROM epoch_miner_points WHERE epoch = $1 ORDER BY miner_id
