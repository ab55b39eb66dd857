-- A wallet's miner IDs in order (the wallet's ledger export walks them one by one).
-- @param {String} $1:wallet
SELECT miner_id FROM nodes WHERE wallet = $1 ORDER BY miner_id
