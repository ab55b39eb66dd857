-- When the job router's heartbeats began (lib/server/heartbeats/availability.ts); no row before the first.
SELECT since FROM heartbeat_coverage WHERE id = 1
