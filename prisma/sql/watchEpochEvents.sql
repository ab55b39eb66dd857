-- The epochs epoch watches have not raised yet (lib/server/watches/events.ts): the watched wallet's
-- esHEU grant of each epoch settled, and its leaf of each reward root published, since the watch was
-- created and within two days of $1.
-- @param {DateTime} $1:now
-- @nonnull watch_id, wallet, what, epoch, at, amount
SELECT w.id::text AS watch_id, w.target AS wallet, 'settled' AS what, e.number AS epoch, e.settled_at AS at, sum(g.amount_wei)::text AS amount
  FROM watches w JOIN esheu_grants g ON g.recipient = w.target JOIN epochs e ON e.number = g.epoch
 WHERE w.kind = 'epoch' AND e.settled_at >= greatest(w.created_at, $1::timestamptz - interval '2 days')
   AND NOT EXISTS (SELECT 1 FROM alerts x WHERE x.watch_id = w.id AND x.event_key = 'settled:' || e.number)
 GROUP BY 1, 2, 3, 4, 5
UNION ALL
SELECT w.id::text, w.target, 'claimable', p.epoch, p.at, l.amount_wei::text
  FROM watches w JOIN reward_leaves l ON l.account = w.target JOIN reward_publications p ON p.epoch = l.epoch
 WHERE w.kind = 'epoch' AND p.at >= greatest(w.created_at, $1::timestamptz - interval '2 days')
   AND NOT EXISTS (SELECT 1 FROM alerts x WHERE x.watch_id = w.id AND x.event_key = 'claimable:' || p.epoch)
