-- The overview's jobs and points per model (lib/server/network-summary.ts) from the hourly buckets
-- since $1, the busiest model first.
-- @param {DateTime} $1:windowFrom
-- @nonnull jobs, successes, waifu, llama
SELECT model_id, sum(job_count)::text AS jobs, sum(success_count)::text AS successes,
       sum(waifu_micro)::text AS waifu, sum(llama_micro)::text AS llama
  FROM hardware_hourly WHERE hour >= $1
 GROUP BY model_id ORDER BY sum(job_count) DESC, model_id
