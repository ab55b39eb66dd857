-- The job entries with ids after $1 up to $2 (null: no end), each with its job if any (`cli verify`'s
-- ledger check of a range, lib/server/verify/ledger.ts), read through a cursor: the entry's factors,
-- its job's stored shape, and whether the job is at the entry's miner ID and completion time.
-- @param {BigInt} $1:after
-- @param {BigInt}? $2:upTo
-- @nonnull entry_id, stake_heu, base_micro, points_micro, has_job
SELECT l.job_id, j.model_id, j.status, j.completed_at, j.inference_latency::text, j.width, j.height, j.num_iterations,
  j.input_tokens, j.output_tokens, l.nft_count, l.nft_multiplier_ppm, l.stake_heu::text,
  l.id::text AS entry_id, l.schedule_id, l.base_micro::text, l.model_multiplier_ppm, l.stake_multiplier_ppm, l.points_micro::text, l.zero_reason,
  j.job_id IS NOT NULL AS has_job, l.miner_id = j.miner_id AND l.occurred_at = j.completed_at AS its_job
  FROM ledger_entries l LEFT JOIN jobs j ON j.job_id = l.job_id
 WHERE l.kind = 'job' AND (l.id > $1 AND ($2::bigint IS NULL OR l.id <= $2))
