-- Settled epochs with esHEU grants but no reward tree (settled before trees existed), oldest first,
-- with their end (the tree's vesting start); lib/server/epochs/reward-tree.ts builds them.
SELECT e.number, e.ends_at FROM epochs e
 WHERE NOT EXISTS (SELECT 1 FROM reward_roots r WHERE r.epoch = e.number) AND EXISTS (SELECT 1 FROM esheu_grants g WHERE g.epoch = e.number)
 ORDER BY e.number
