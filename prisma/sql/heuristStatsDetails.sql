-- The /prod/stats?details=true answer as the worker serialized it, with its build time
-- (lib/server/compat/stats.ts reads it only when the build time moved).
SELECT built_at, details FROM heurist_stats_snapshot WHERE id = 1
