-- Every GPU each gpu_idle watch covers (lib/server/watches/conditions.ts): the watched miner ID, or
-- each GPU of the watched wallet, with its last completed job (nodes.last_seen_at, as folded). A
-- condition watch always has its threshold (lib/server/watches/store.ts sets it for these kinds).
-- @nonnull watch_id, subject, wallet, threshold, last_seen_at
SELECT w.id::text AS watch_id, n.miner_id AS subject, n.wallet, w.threshold, n.last_seen_at
  FROM watches w JOIN nodes n ON n.miner_id = w.target WHERE w.kind = 'gpu_idle'
UNION ALL
SELECT w.id::text, n.miner_id, n.wallet, w.threshold, n.last_seen_at
  FROM watches w JOIN nodes n ON n.wallet = w.target AND n.miner_id <> w.target WHERE w.kind = 'gpu_idle'
