-- Jobs received and completed in time per node and UTC day in [$2, $3), from the hourly rollups
-- (lib/server/queries/node-history.ts).
-- @param {String} $1:minerIds
-- @param {DateTime} $2:from
-- @param {DateTime} $3:to
-- @nonnull date, jobs, completed
SELECT miner_id, to_char(hour AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS date, sum(job_count)::text AS jobs, sum(success_count)::text AS completed
  FROM miner_hourly WHERE miner_id = ANY($1::text[]) AND hour >= $2 AND hour < $3
 GROUP BY 1, 2
