-- Every bribe change of the given nodes, in chain order. Operators set a bribe at most a few times
-- per epoch: a node's whole history is small.
-- @param {String} $1:minerIds
SELECT miner_id, bps, effective_epoch, effective_at, set_at, block_number, log_index
  FROM bribe_changes WHERE miner_id = ANY($1::text[]) ORDER BY miner_id, block_number, log_index
