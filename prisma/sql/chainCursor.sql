-- Where the chain indexer stands: its cursor row (lib/server/queries/chain-status.ts for pages and
-- snapshot rebuilds, lib/server/chain/indexer.ts to check it follows the configured contracts).
-- No row before its first batch.
-- @param {String} $1:id
-- @nonnull block_number
SELECT chain_id, contracts, block_number::text, block_hash, block_time, updated_at FROM chain_cursor WHERE id = $1
