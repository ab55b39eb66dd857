-- What miner IDs $1 earned in [$3, $4) outside admin actions, per point type and bucket of the cut
-- $2 (width_bucket: bucket k covers [$2[k-1], $2[k])), for lib/server/admin/points-left.ts.
-- @param {String} $1:minerIds
-- @param {DateTime} $2:cuts
-- @param {DateTime} $3:from
-- @param {DateTime} $4:to
-- @nonnull bucket, micro
SELECT miner_id, point_type, width_bucket(occurred_at, $2::timestamptz[]) AS bucket, sum(points_micro)::text AS micro
  FROM ledger_entries
 WHERE miner_id = ANY($1::text[]) AND admin_action_id IS NULL AND occurred_at >= $3 AND occurred_at < $4
 GROUP BY 1, 2, 3
