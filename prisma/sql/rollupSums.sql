-- Sums of a miner's ($1 'miner') or a wallet's ($1 'wallet') hourly rollup over [$3, $4), per UTC
-- day ($5 true) or as one row (day null; no row when nothing was rolled up). Both rollups are read
-- by primary key (key, hour): at most 24 rows per day of the range, whatever the ledger's size.
-- The other scope's branch is pruned when planned, $1 being known by then.
-- @param {String} $1:scope
-- @param {String} $2:key
-- @param {DateTime} $3:from
-- @param {DateTime} $4:to
-- @param {Boolean} $5:byDay
SELECT CASE WHEN $5 THEN to_char(hour AT TIME ZONE 'UTC', 'YYYY-MM-DD') END AS day,
       sum(waifu_micro)::text AS waifu, sum(llama_micro)::text AS llama, sum(image_count)::text AS images,
       sum(text_count)::text AS texts, sum(job_count)::text AS jobs, sum(success_count)::text AS successes
  FROM (SELECT hour, waifu_micro, llama_micro, image_count, text_count, job_count, success_count
          FROM miner_hourly WHERE $1 = 'miner' AND miner_id = $2 AND hour >= $3 AND hour < $4
        UNION ALL
        SELECT hour, waifu_micro, llama_micro, image_count, text_count, job_count, success_count
          FROM wallet_hourly WHERE $1 = 'wallet' AND wallet = $2 AND hour >= $3 AND hour < $4) h
 GROUP BY 1
