-- Per GPU model since $1: jobs and points from hardware_hourly (a few dozen GPU models × models ×
-- hours); active devices and the median latency from one pass over nodes (40,000 rows at network
-- scale, a few ms; it does not grow with the ledger, and needs no index on hardware, which would
-- cost every ingest batch a non-HOT update). Jobs without a reported hardware roll up as
-- "unknown", and so do nodes without one. The median latency is over active devices of each
-- device's mean latency (all time): robust to a few slow or misreporting rigs, unlike the mean of
-- all jobs, which the caller also returns (latency_ms ÷ successes in the window).
-- @param {DateTime} $1:since
-- @nonnull hardware, jobs, successes, waifu, llama, latency_ms, devices
WITH agg AS (
  SELECT hardware, sum(job_count) AS jobs, sum(success_count) AS successes, sum(waifu_micro) AS waifu,
         sum(llama_micro) AS llama, sum(latency_ms_sum) AS latency_ms
    FROM hardware_hourly WHERE hour >= $1 GROUP BY hardware),
active AS (
  SELECT coalesce(hardware, 'unknown') AS hardware, count(*) AS devices,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY (latency_ms_sum / NULLIF(latency_count, 0))::int) AS median
    FROM nodes WHERE last_seen_at >= $1 GROUP BY 1)
SELECT a.hardware, a.jobs::text, a.successes::text, a.waifu::text, a.llama::text, a.latency_ms::text,
       coalesce(d.devices, 0)::text AS devices, d.median AS median_latency_ms
  FROM agg a LEFT JOIN active d USING (hardware)
