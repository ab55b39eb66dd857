-- The /prod/stats snapshot's header columns: the network's figures without the list
-- (lib/server/compat/stats.ts). No row before the worker's first build.
-- @nonnull images, texts
SELECT built_at, last24h_image_count::text AS images, last24h_text_count::text AS texts, miner_count AS miners, active_miner_count AS active
  FROM heurist_stats_snapshot WHERE id = 1
