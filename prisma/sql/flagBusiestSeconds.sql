-- The admin flags' lockstep examples (lib/server/admin/flags.ts): for each of wallets $3, the three
-- seconds of [$1, $2) in which most of its GPUs finished a job (ties: earliest first).
-- @param {DateTime} $1:from
-- @param {DateTime} $2:to
-- @param {String} $3:wallets
-- @nonnull wallet, seconds
SELECT wallet, (array_agg(to_timestamp(s) ORDER BY n DESC, s))[1:3] AS seconds
  FROM (SELECT split_part(miner_id, '-', 1) AS wallet, floor(date_part('epoch', completed_at))::bigint AS s, count(DISTINCT miner_id) AS n
          FROM jobs WHERE completed_at >= $1 AND completed_at < $2 AND status = 'completed' AND split_part(miner_id, '-', 1) = ANY($3::text[])
         GROUP BY 1, 2 HAVING count(DISTINCT miner_id) >= 2) x
 GROUP BY wallet
