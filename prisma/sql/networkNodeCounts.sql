-- The overview's GPU counts (lib/server/network-summary.ts): GPUs seen in the last hour, and GPUs
-- and wallets seen in the 24-hour window, in one pass over nodes.
-- @param {DateTime} $1:activeSince
-- @param {DateTime} $2:windowFrom
-- @nonnull active, gpus, wallets
SELECT count(*) FILTER (WHERE last_seen_at > $1)::text AS active,
       count(*)::text AS gpus,
       count(DISTINCT wallet)::text AS wallets
  FROM nodes WHERE last_seen_at >= $2
