-- The admin flags' floor spikes (lib/server/admin/flags.ts, lib/anticheat/floor-spikes.ts): per model,
-- the completed jobs in [$1, $2) and those of the floor's size (<= $3 pixels and $4 steps, or <= $5
-- tokens), for each candidate miner ID (>= $6 jobs, >= $7 of them floor-sized) and for the network
-- (miner_id null).
-- @param {DateTime} $1:from
-- @param {DateTime} $2:to
-- @param {Int} $3:minPixels
-- @param {Int} $4:minSteps
-- @param {Int} $5:smallLlmTokens
-- @param {Int} $6:minJobs
-- @param {Int} $7:minFloorJobs
-- @nonnull model_id, jobs, floor_jobs
WITH t AS (
  SELECT miner_id, model_id, count(*)::int AS jobs,
         count(*) FILTER (WHERE (width * height <= $3 AND num_iterations <= $4) OR input_tokens + output_tokens <= $5)::int AS floor_jobs
    FROM jobs WHERE completed_at >= $1 AND completed_at < $2 AND status = 'completed' GROUP BY 1, 2),
cand AS (SELECT miner_id FROM t GROUP BY 1 HAVING sum(jobs) >= $6 AND sum(floor_jobs) >= $7)
SELECT t.miner_id, t.model_id, t.jobs, t.floor_jobs FROM t JOIN cand USING (miner_id)
UNION ALL
SELECT NULL, model_id, sum(jobs)::int, sum(floor_jobs)::int FROM t GROUP BY model_id
