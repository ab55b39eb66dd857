-- The latest ledger entries of a wallet ($1) or of one miner ($2; the other null), with the jobs
-- they priced. A wallet's come from its most recently seen GPUs: last_seen_at is a node's latest
-- job, so the newest $3 entries belong to at most $3 nodes. Each GPU's read walks the
-- (miner_id, occurred_at) index backwards and stops after $3 rows; jobs are joined by primary key.
-- So $3 bounded index reads, not one per GPU of a 2,500-GPU wallet (whose nodes sort in memory in
-- ~1 ms), and nothing depends on the ledger's size. A null parameter's test folds away when planned.
-- @param {String}? $1:wallet
-- @param {String}? $2:minerId
-- @param {Int} $3:limit
-- @nonnull id, stake_heu
SELECT l.id::text, l.kind, l.job_id, l.miner_id, l.occurred_at, l.point_type, l.model_id, l.schedule_id,
       l.base_micro, l.model_multiplier_ppm, l.nft_multiplier_ppm, l.stake_multiplier_ppm, l.nft_count,
       l.stake_heu::text, l.points_micro, l.zero_reason, l.note,
       j.status::text, j.inference_latency::text, j.hardware, j.width, j.height, j.num_iterations, j.input_tokens, j.output_tokens
  FROM (SELECT miner_id FROM nodes WHERE wallet = $1 OR miner_id = $2 ORDER BY last_seen_at DESC, miner_id LIMIT $3) n
  CROSS JOIN LATERAL (
    SELECT * FROM ledger_entries e WHERE e.miner_id = n.miner_id ORDER BY e.occurred_at DESC LIMIT $3) l
  LEFT JOIN jobs j ON j.job_id = l.job_id
 ORDER BY l.occurred_at DESC, l.id DESC
 LIMIT $3
