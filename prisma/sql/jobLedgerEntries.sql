-- Every job with its job entry, if any (`cli verify --full`'s ledger check, lib/server/verify/ledger.ts):
-- the job's stored shape and the factors the entry was priced with, read through a cursor. One hash
-- join: the ledger's job_id has no index (dedupe lives on jobs).
-- @nonnull inference_latency
SELECT j.job_id, j.model_id, j.status, j.completed_at, j.inference_latency::text, j.width, j.height, j.num_iterations,
  j.input_tokens, j.output_tokens, l.nft_count, l.nft_multiplier_ppm, l.stake_heu::text,
  l.id::text AS entry_id, l.schedule_id, l.base_micro::text, l.model_multiplier_ppm, l.stake_multiplier_ppm, l.points_micro::text, l.zero_reason
  FROM jobs j LEFT JOIN ledger_entries l ON l.job_id = j.job_id AND l.kind = 'job'
