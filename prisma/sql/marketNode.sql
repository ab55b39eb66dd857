-- One node for its staking panel, read live (after a stake the panel must show it at once): stake
-- by token, and jobs and points since $1 from its hourly rollup.
-- @param {DateTime} $1:since
-- @param {String} $2:minerId
-- @param {Int} $3:heuToken
-- @param {Int} $4:esheuToken
-- @nonnull stake_wei, heu_wei, esheu_wei
SELECT n.miner_id, n.wallet, n.hardware, coalesce(s.stake_wei, 0)::text AS stake_wei,
       (n.latency_ms_sum / NULLIF(n.latency_count, 0))::int AS latency_ms, n.last_seen_at,
       p.heu::text AS heu_wei, p.esheu::text AS esheu_wei, w.waifu::text, w.llama::text, w.jobs::text, w.ok::text
  FROM nodes n LEFT JOIN node_stakes s USING (miner_id)
  CROSS JOIN LATERAL (
    SELECT coalesce(sum(amount_wei) FILTER (WHERE token = $3), 0) AS heu, coalesce(sum(amount_wei) FILTER (WHERE token = $4), 0) AS esheu
      FROM stake_positions p WHERE p.miner_id = n.miner_id) p
  LEFT JOIN LATERAL (
    SELECT sum(waifu_micro) AS waifu, sum(llama_micro) AS llama, sum(job_count) AS jobs, sum(success_count) AS ok
      FROM miner_hourly m WHERE m.miner_id = n.miner_id AND m.hour >= $1) w ON true
 WHERE n.miner_id = $2
