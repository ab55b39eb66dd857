-- Every GPU of a wallet with its sums over the hours since $2: one index range of nodes and the
-- GPU's hourly rows, no query per GPU (the fleet table; ~65 ms for 2,500 GPUs busy every hour).
-- @param {String} $1:wallet
-- @param {DateTime} $2:since
-- @nonnull stake_wei
SELECT n.miner_id, n.hardware, n.first_seen_at, n.last_seen_at, coalesce(s.stake_wei, 0)::text AS stake_wei,
       n.total_waifu_micro, n.total_llama_micro, n.image_count, n.text_count,
       (n.latency_ms_sum / NULLIF(n.latency_count, 0))::int AS latency_ms,
       h.waifu::text AS waifu_24h, h.llama::text AS llama_24h, h.jobs::text AS jobs_24h, h.successes::text AS successes_24h
  FROM nodes n
  LEFT JOIN node_stakes s ON s.miner_id = n.miner_id
  LEFT JOIN LATERAL (
    SELECT sum(waifu_micro) AS waifu, sum(llama_micro) AS llama, sum(job_count) AS jobs, sum(success_count) AS successes
      FROM miner_hourly m WHERE m.miner_id = n.miner_id AND m.hour >= $2) h ON true
 WHERE n.wallet = $1
