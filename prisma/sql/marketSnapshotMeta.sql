-- The market snapshot's header row (lib/server/market/query.ts): when and over which windows the
-- worker built it, the token rate and GPU list it used. No row before the worker's first pass.
SELECT * FROM market_snapshot_meta WHERE id = 1
