-- A wallet's jobs and points per model from day $2 (a UTC date, 'YYYY-MM-DD') on, from the daily
-- per-model rollup (lib/server/queries/model-split.ts).
-- @param {String} $1:wallet
-- @param {String} $2:fromDay
-- @nonnull jobs, points
SELECT model_id, point_type, sum(job_count)::text AS jobs, sum(points_micro)::text AS points
  FROM wallet_model_daily WHERE wallet = $1 AND day >= $2::text::date
 GROUP BY model_id, point_type ORDER BY sum(points_micro) DESC, model_id
