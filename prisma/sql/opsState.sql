-- What the readiness probe reads in one statement (lib/server/ops/probe.ts). Each subquery is an
-- index or one-row lookup: leaderboard_rows by its key (rank 0 is each snapshot's header row),
-- epochs by its key, hardware_hourly's hour index for the first activity. leaderboard is a JSON
-- list of {window, at}.
-- @param {String} $1:windows
-- @param {DateTime} $2:liveSince
-- @nonnull live_workers, fold_pending
SELECT
  (SELECT block_number::text FROM chain_cursor WHERE id = 'main') AS cursor_block,
  (SELECT built_at FROM market_snapshot_meta WHERE id = 1) AS market_built_at,
  (SELECT json_agg(json_build_object('window', "window", 'at', computed_at)) FROM leaderboard_rows
    WHERE "window" = ANY($1::text[]) AND point_type = 'waifu' AND rank = 0) AS leaderboard,
  (SELECT number FROM epochs ORDER BY number DESC LIMIT 1) AS last_epoch,
  (SELECT settled_at FROM epochs ORDER BY number DESC LIMIT 1) AS settled_at,
  (SELECT min(hour) FROM hardware_hourly) AS first_hour,
  (SELECT max(beat_at) FROM worker_heartbeat) AS worker_beat_at,
  (SELECT count(DISTINCT (hostname, pid, started_at))::int FROM worker_heartbeat WHERE beat_at >= $2) AS live_workers,
  (SELECT count(*)::int FROM ingest_deltas) AS fold_pending,
  (SELECT created_at FROM ingest_deltas ORDER BY id LIMIT 1) AS fold_oldest_at
