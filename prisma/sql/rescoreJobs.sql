-- The jobs a rescore re-prices (lib/server/rescore/rescore.ts): those completed in [$1, $2) after
-- the page's last (completed_at, job_id), each with its job entry's factors and points, 5000 a page.
-- @param {DateTime} $1:from
-- @param {DateTime} $2:to
-- @param {DateTime} $3:afterAt
-- @param {String} $4:afterJobId
-- @nonnull inference_latency, stake_heu, points_micro
SELECT j.job_id, j.model_id, j.status, j.completed_at, j.inference_latency::text, j.width, j.height, j.num_iterations,
  j.input_tokens, j.output_tokens, l.nft_count, l.nft_multiplier_ppm, l.stake_heu::text, j.miner_id, l.wallet, l.point_type, l.points_micro::text
  FROM jobs j JOIN ledger_entries l ON l.miner_id = j.miner_id AND l.occurred_at = j.completed_at AND l.job_id = j.job_id AND l.kind = 'job'
 WHERE j.completed_at >= $1 AND j.completed_at < $2 AND (j.completed_at, j.job_id) > ($3, $4)
 ORDER BY j.completed_at, j.job_id LIMIT 5000
