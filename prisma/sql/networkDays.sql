-- The network's sums per UTC day since $1, from hardware_hourly only (GPU models × model ids ×
-- hours: a few hundred rows a day, read by its hour index), never the ledger: 30 days stay a few
-- ms however many jobs the network ran.
-- @param {DateTime} $1:since
-- @nonnull day, waifu, llama, jobs, successes, latency_ms
SELECT to_char(date_trunc('day', hour AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day,
       sum(waifu_micro)::text AS waifu, sum(llama_micro)::text AS llama,
       sum(job_count)::text AS jobs, sum(success_count)::text AS successes, sum(latency_ms_sum)::text AS latency_ms
  FROM hardware_hourly
 WHERE hour >= $1
 GROUP BY 1
