-- One page of a miner's ledger export, oldest first, with the job each entry priced. Keyset
-- pagination on (occurred_at, id) inside a bounded date range: each page is one range read of the
-- (miner_id, occurred_at) index from the last row sent, never an OFFSET.
-- @param {String} $1:minerId
-- @param {DateTime} $2:after the last row sent's time (the range's start for the first page)
-- @param {DateTime} $3:end
-- @param {BigInt} $4:afterId the last row sent's id (0 for the first page)
-- @param {Int} $5:pageSize
-- @nonnull stake_heu
SELECT l.id, l.occurred_at, l.kind, l.job_id, l.miner_id, l.point_type, l.model_id, l.schedule_id,
       l.base_micro, l.model_multiplier_ppm, l.nft_multiplier_ppm, l.nft_count, l.stake_multiplier_ppm,
       trim_scale(l.stake_heu)::text AS stake_heu, l.points_micro, l.zero_reason, l.note,
       j.status::text, trim_scale(j.inference_latency)::text AS inference_latency, j.width, j.height, j.num_iterations,
       j.input_tokens, j.output_tokens
  FROM (SELECT * FROM ledger_entries
         WHERE miner_id = $1 AND occurred_at >= $2 AND occurred_at < $3 AND (occurred_at > $2 OR id > $4)
         ORDER BY occurred_at, id LIMIT $5) l
  LEFT JOIN jobs j ON j.job_id = l.job_id
 ORDER BY l.occurred_at, l.id
