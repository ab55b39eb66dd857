-- Every miner ID's figures for the /prod/stats?details=true snapshot (lib/server/compat/snapshot.ts):
-- node totals and the last 24 hourly buckets of miner_hourly, by miner ID in byte order (so the
-- list reads the same whatever the database's collation).
-- @param {DateTime} $1:since
-- @nonnull hardware, images, texts, images_24h, texts_24h
SELECT n.miner_id, coalesce(n.hardware, 'unknown') AS hardware, n.image_count::text AS images, n.text_count::text AS texts,
       coalesce(h.images, 0)::text AS images_24h, coalesce(h.texts, 0)::text AS texts_24h
  FROM nodes n
  LEFT JOIN (SELECT miner_id, sum(image_count) AS images, sum(text_count) AS texts FROM miner_hourly WHERE hour >= $1 GROUP BY miner_id) h USING (miner_id)
 ORDER BY n.miner_id COLLATE "C"
