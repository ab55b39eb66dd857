-- The admin flags' implausible jobs (lib/server/admin/flags.ts, lib/anticheat/implausible.ts): per
-- miner ID (the $3 with most) with jobs priced "implausible" in [$1, $2), how many, what they claimed
-- (the product of their ledger factors), and the latest $4 with their shapes as JSON. The predicate
-- repeats the partial index's (zero_reason = 'implausible') literally, so it applies.
-- @param {DateTime} $1:from
-- @param {DateTime} $2:to
-- @param {Int} $3:maxMiners
-- @param {Int} $4:examplesPerMiner
-- @nonnull jobs, claimed_micro, examples
WITH f AS (
  SELECT miner_id, job_id, schedule_id, occurred_at,
         round(base_micro::numeric * model_multiplier_ppm * nft_multiplier_ppm * stake_multiplier_ppm / 1e18) AS claimed_micro
    FROM ledger_entries WHERE zero_reason = 'implausible' AND occurred_at >= $1 AND occurred_at < $2),
agg AS (
  SELECT miner_id, count(*)::int AS jobs, sum(claimed_micro) AS claimed_micro FROM f
   GROUP BY miner_id ORDER BY count(*) DESC, miner_id LIMIT $3),
ex AS (
  SELECT f.*, row_number() OVER (PARTITION BY f.miner_id ORDER BY f.occurred_at DESC, f.job_id) AS rn
    FROM f JOIN agg USING (miner_id))
SELECT agg.miner_id, agg.jobs, agg.claimed_micro::text,
       json_agg(json_build_object('jobId', j.job_id, 'modelId', j.model_id, 'scheduleId', ex.schedule_id, 'completedAt', j.completed_at,
                'hardware', j.hardware, 'latencySec', j.inference_latency::float8, 'width', j.width, 'height', j.height, 'steps', j.num_iterations,
                'inputTokens', j.input_tokens, 'outputTokens', j.output_tokens, 'claimedMicro', ex.claimed_micro::text) ORDER BY ex.rn) AS examples
  FROM agg JOIN ex USING (miner_id) JOIN jobs j ON j.job_id = ex.job_id
 WHERE ex.rn <= $4
 GROUP BY agg.miner_id, agg.jobs, agg.claimed_micro
 ORDER BY agg.jobs DESC, agg.miner_id
