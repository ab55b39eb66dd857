-- The slashes and reversals miner_slash watches have not raised yet (lib/server/watches/events.ts):
-- of a watched miner ID, of one of a watched wallet's, or of the wallet a watched miner ID starts
-- with; since the watch was created and within two days of $1.
-- @param {DateTime} $1:now
-- @nonnull watch_id, id, waifu, llama
SELECT w.id::text AS watch_id, a.id::text, a.action, a.target_kind, a.target, a.reason, a.waifu_micro::text AS waifu, a.llama_micro::text AS llama, a.created_at
  FROM watches w JOIN admin_actions a ON ((a.target = w.target OR split_part(a.target, '-', 1) = w.target) OR (a.target_kind = 'wallet' AND a.target = split_part(w.target, '-', 1)))
 WHERE w.kind = 'miner_slash' AND a.action IN ('slash', 'reversal') AND a.created_at >= greatest(w.created_at, $1::timestamptz - interval '2 days')
   AND NOT EXISTS (SELECT 1 FROM alerts x WHERE x.watch_id = w.id AND x.event_key = 'admin:' || a.id)
