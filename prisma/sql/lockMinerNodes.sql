-- Locks these miner IDs' nodes rows in id order for an admin action (lib/server/admin/write-entries.ts).
-- @param {String} $1:minerIds
SELECT miner_id, wallet FROM nodes WHERE miner_id = ANY($1::text[]) ORDER BY miner_id FOR UPDATE
