-- Some wallets' boost-slot choices, oldest first per wallet (lib/server/ingest/multipliers.ts, in
-- the ingest's transaction under the wallets' locks).
-- @param {String} $1:wallets
SELECT wallet, miner_ids, effective_from FROM boost_assignments WHERE wallet = ANY($1::text[]) ORDER BY wallet, effective_from
