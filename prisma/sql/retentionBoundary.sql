-- Rollup retention's boundary, locked for this pass (lib/server/rollups/retention.ts), and the next
-- UTC day with hourly rows before $1. wallet_hourly holds the same hours as miner_hourly (every
-- entry counts in both) and has an index on hour.
-- @param {DateTime} $1:target
SELECT r.hourly_from, (SELECT date_trunc('day', min(hour), 'UTC') FROM wallet_hourly
                         WHERE hour >= coalesce(r.hourly_from, '-infinity') AND hour < $1) AS next
  FROM rollup_retention r WHERE r.id = 1 FOR UPDATE
