-- The micro-points admin action $1 wrote, per miner ID and point type (lib/server/admin/reverse.ts
-- mirrors a slash's with a reversal's).
-- @param {BigInt} $1:actionId
-- @nonnull micro
SELECT miner_id, wallet, point_type, sum(points_micro)::text AS micro FROM ledger_entries WHERE admin_action_id = $1 GROUP BY 1, 2, 3
