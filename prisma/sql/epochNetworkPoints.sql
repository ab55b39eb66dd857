-- The whole network's points in one epoch so far (lib/server/queries/open-epoch.ts); null sums
-- when no node has earned any yet.
-- @param {Int} $1:epoch
SELECT sum(waifu_micro)::text AS waifu, sum(llama_micro)::text AS llama FROM epoch_miner_points WHERE epoch = $1
