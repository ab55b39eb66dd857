-- Some nodes' points in an epoch's bucket (lib/server/queries/open-epoch.ts).
-- @param {Int} $1:epoch
-- @param {String} $2:minerIds
-- @nonnull waifu, llama
SELECT miner_id, waifu_micro::text AS waifu, llama_micro::text AS llama FROM epoch_miner_points
 WHERE epoch = $1 AND miner_id = ANY($2::text[])
