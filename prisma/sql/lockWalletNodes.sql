-- Locks a wallet's nodes rows in id order for an admin action on the wallet (lib/server/admin/write-entries.ts).
-- @param {String} $1:wallet
SELECT miner_id, wallet FROM nodes WHERE wallet = $1 ORDER BY miner_id FOR UPDATE
