-- A wallet's GPU models with how many GPUs of each, most first, ties by name in byte order
-- (lib/server/compat/miner-stats.ts); $2 names a GPU whose model is unknown.
-- @param {String} $1:wallet
-- @param {String} $2:unknownHardware
-- @nonnull hardware, gpus
SELECT h.hardware, h.gpus FROM (SELECT coalesce(hardware, $2) AS hardware, count(*)::int AS gpus FROM nodes WHERE wallet = $1 GROUP BY 1) h
 ORDER BY h.gpus DESC, h.hardware COLLATE "C"
