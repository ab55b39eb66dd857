-- Every epoch closed for settlement with its ledger cutoff (the last entry id of its bucket), in
-- order: the ranges `cli verify` checks epoch by epoch (lib/server/verify/incremental.ts).
-- @nonnull cutoff
SELECT number, ledger_cutoff::text AS cutoff FROM epoch_closes ORDER BY number
