-- Every admin action's micro-points on miner IDs $1, per miner ID and point type, with the action's
-- kind, what it reverses and its window (lib/server/admin/points-left.ts: what earlier slashes took
-- and reversals gave back). Every action that writes entries (a slash, its reversal, a rescore's
-- adjustment) has a window.
-- @param {String} $1:minerIds
-- @nonnull id, micro, window_from, window_to
SELECT l.admin_action_id::text AS id, l.miner_id, l.point_type, sum(l.points_micro)::text AS micro, a.action, a.reverses::text, a.window_from, a.window_to
  FROM ledger_entries l JOIN admin_actions a ON a.id = l.admin_action_id
 WHERE l.admin_action_id IS NOT NULL AND l.miner_id = ANY($1::text[])
 GROUP BY l.admin_action_id, l.miner_id, l.point_type, a.action, a.reverses, a.window_from, a.window_to
