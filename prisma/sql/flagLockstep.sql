-- The admin flags' lockstep counts (lib/server/admin/flags.ts, lib/anticheat/lockstep.ts): per wallet
-- with >= $3 GPUs and >= $4 completed jobs in [$1, $2), its jobs finished in the same second as
-- another of its GPUs, and those with company $5 seconds later (the control). One row per wallet,
-- second and GPU; window functions over them, sorted once by (wallet, second), give each row its
-- second's GPU count and who finished $5 seconds later. date_part is float8: far cheaper than
-- numeric extract().
-- @param {DateTime} $1:from
-- @param {DateTime} $2:to
-- @param {Int} $3:minGpus
-- @param {Int} $4:minJobs
-- @param {Int} $5:controlOffsetSec
-- @nonnull wallet, gpus, jobs, same, control, max_gpus
WITH d AS (
  SELECT split_part(miner_id, '-', 1) AS wallet, floor(date_part('epoch', completed_at))::bigint AS s, miner_id, count(*)::int AS jobs
    FROM jobs WHERE completed_at >= $1 AND completed_at < $2 AND status = 'completed' GROUP BY 1, 2, 3),
x AS (
  SELECT d.*, count(*) OVER same_second AS n, count(*) OVER later AS later_n, min(d.miner_id) OVER later AS later_lo
    FROM d
  WINDOW same_second AS (PARTITION BY d.wallet, d.s),
         later AS (PARTITION BY d.wallet ORDER BY d.s RANGE BETWEEN $5::bigint FOLLOWING AND $5::bigint FOLLOWING)),
per_gpu AS (
  SELECT wallet, miner_id, sum(jobs) AS jobs, sum(jobs) FILTER (WHERE n >= 2) AS same,
         sum(jobs) FILTER (WHERE later_n >= 2 OR (later_n = 1 AND later_lo <> miner_id)) AS control, max(n) AS max_gpus
    FROM x GROUP BY wallet, miner_id)
SELECT wallet, count(*)::int AS gpus, sum(jobs)::int AS jobs, coalesce(sum(same), 0)::int AS same,
       coalesce(sum(control), 0)::int AS control, max(max_gpus)::int AS max_gpus
  FROM per_gpu GROUP BY wallet HAVING count(*) >= $3 AND sum(jobs) >= $4
