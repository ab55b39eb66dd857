-- The admin flags' impossible latencies (lib/server/admin/flags.ts, lib/anticheat/latency-floor.ts):
-- per miner ID and declared hardware with >= $13 completed jobs in [$1, $2) under their floor, how
-- many it had and under the floor, the worst ratio, and the three worst as JSON examples. The
-- catalog comes as parameters ($3-$7: hardware speeds, models' kinds and seconds per unit; $8-$12 the
-- floor's constants). Counts by hash aggregation; only the few jobs under their floor are sorted.
-- hardware is never null: jobs join the catalog on it.
-- @param {DateTime} $1:from
-- @param {DateTime} $2:to
-- @param {String} $3:hardware
-- @param {Float} $4:speed
-- @param {String} $5:modelId
-- @param {String} $6:kind
-- @param {Float} $7:secPerUnit
-- @param {Float} $8:overheadSec
-- @param {Float} $9:ratio
-- @param {Int} $10:minPixels
-- @param {Int} $11:minSteps
-- @param {Float} $12:tokensPerUnit
-- @param {Int} $13:minImpossible
-- @nonnull hardware, checked, impossible, worst, examples
WITH hw AS (SELECT * FROM unnest($3::text[], $4::float8[]) AS t(hardware, speed)),
m AS (SELECT * FROM unnest($5::text[], $6::text[], $7::float8[]) AS t(model_id, kind, spu)),
f AS NOT MATERIALIZED (
  SELECT j.job_id, j.miner_id, j.hardware, j.model_id, j.completed_at, j.inference_latency::float8 AS latency,
         ($8::float8 + (CASE WHEN m.kind = 'image'
               THEN (CASE WHEN j.width * j.height < $10 THEN (j.width * j.height)::float8 / $10
                          ELSE 1 + (5 * (j.width * j.height - $10))::float8 / (1048576 - $10) END) * greatest(j.num_iterations, 1) / $11::float8
               ELSE j.output_tokens / $12::float8 END) * m.spu / hw.speed) * $9::float8 AS floor_sec
    FROM jobs j JOIN hw ON hw.hardware = j.hardware JOIN m ON m.model_id = j.model_id
   WHERE j.completed_at >= $1 AND j.completed_at < $2 AND j.status = 'completed'),
agg AS (
  SELECT miner_id, hardware, count(*)::int AS checked, count(*) FILTER (WHERE latency < floor_sec)::int AS impossible,
         min(latency / floor_sec) FILTER (WHERE latency < floor_sec) AS worst
    FROM f GROUP BY miner_id, hardware HAVING count(*) FILTER (WHERE latency < floor_sec) >= $13),
ex AS (
  SELECT miner_id, hardware, json_build_object('jobId', job_id, 'modelId', model_id, 'completedAt', completed_at, 'latencySec', latency, 'floorSec', floor_sec) AS e,
         row_number() OVER (PARTITION BY miner_id, hardware ORDER BY latency / floor_sec, job_id) AS rn
    FROM f WHERE latency < floor_sec)
SELECT agg.*, x.examples FROM agg
  JOIN (SELECT miner_id, hardware, json_agg(e ORDER BY rn) AS examples FROM ex WHERE rn <= 3 GROUP BY 1, 2) x USING (miner_id, hardware)
