-- The stake changes node_stake watches have not raised yet (lib/server/watches/events.ts): each on a
-- watched miner ID or one of a watched wallet's, since the watch was created and within two days of $1.
-- @param {DateTime} $1:now
-- @nonnull watch_id, id, delta
SELECT w.id::text AS watch_id, s.id::text, s.miner_id, s.staker, s.token, s.delta_wei::text AS delta, s.kind, s.at
  FROM watches w JOIN stake_changes s ON (s.miner_id = w.target OR split_part(s.miner_id, '-', 1) = w.target)
 WHERE w.kind = 'node_stake' AND s.at >= greatest(w.created_at, $1::timestamptz - interval '2 days')
   AND NOT EXISTS (SELECT 1 FROM alerts x WHERE x.watch_id = w.id AND x.event_key = 'stake:' || s.id)
