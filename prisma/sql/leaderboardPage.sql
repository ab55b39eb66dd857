-- The leaderboard snapshot's header (rank 0) and ranks $3..$4, in one statement so both come from
-- the same committed snapshot even while the worker replaces it. Primary-key range reads only. The
-- GPU count is read live, one index range per wallet on the page: its miner IDs that have reported
-- a job, retired ones included, as the wallet summary counts them (walletSummary.sql), so a wallet
-- shows one GPU count on every page (read-leaderboard.test.ts).
-- @param {String} $1:window
-- @param {String} $2:pointType
-- @param {Int} $3:first
-- @param {Int} $4:last
-- @nonnull gpu_count, total
SELECT rank, wallet, points_micro,
       CASE WHEN rank = 0 THEN 0 ELSE (SELECT count(*)::int FROM nodes WHERE nodes.wallet = leaderboard_rows.wallet) END AS gpu_count,
       computed_at, (SELECT coalesce(max(rank), 0) FROM leaderboard_rows WHERE "window" = $1 AND point_type = $2::"PointType") AS total
  FROM leaderboard_rows
 WHERE "window" = $1 AND point_type = $2::"PointType" AND (rank = 0 OR rank BETWEEN $3 AND $4)
 ORDER BY rank
