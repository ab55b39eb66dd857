-- The bribe changes node_bribe watches have not raised yet (lib/server/watches/events.ts): each on a
-- watched miner ID or one of a watched wallet's, set since the watch was created and within two days
-- of $1, with the bps it replaced (null for a node's first).
-- @param {DateTime} $1:now
-- @nonnull watch_id, block
SELECT w.id::text AS watch_id, b.miner_id, b.block_number::text AS block, b.log_index, b.set_at, b.bps, b.effective_epoch, b.effective_at,
       (SELECT p.bps FROM bribe_changes p WHERE p.miner_id = b.miner_id AND (p.block_number, p.log_index) < (b.block_number, b.log_index)
         ORDER BY p.block_number DESC, p.log_index DESC LIMIT 1) AS previous
  FROM watches w JOIN bribe_changes b ON (b.miner_id = w.target OR split_part(b.miner_id, '-', 1) = w.target)
 WHERE w.kind = 'node_bribe' AND b.set_at >= greatest(w.created_at, $1::timestamptz - interval '2 days')
   AND NOT EXISTS (SELECT 1 FROM alerts x WHERE x.watch_id = w.id AND x.event_key = 'bribe:' || b.block_number || ':' || b.log_index)
