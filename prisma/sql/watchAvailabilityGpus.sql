-- Every GPU each gpu_availability watch covers (lib/server/watches/conditions.ts), with its 24-hour
-- availability in the market snapshot (online buckets of the snapshot's buckets: the figure the
-- market shows). A condition watch always has its threshold (lib/server/watches/store.ts).
-- @nonnull watch_id, threshold
SELECT w.id::text AS watch_id, s.miner_id AS subject, s.wallet, w.threshold, s.online_24h AS online, m.buckets_24h AS buckets, m.built_at
  FROM watches w JOIN market_snapshot s ON s.miner_id = w.target OR (s.wallet = w.target AND s.miner_id <> w.target)
 CROSS JOIN market_snapshot_meta m
 WHERE w.kind = 'gpu_availability'
