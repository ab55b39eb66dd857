-- A staker's open positions, largest first, with each node's total stake.
-- @param {String} $1:staker
-- @nonnull amount_wei
SELECT p.miner_id, p.token, p.amount_wei::text, s.stake_wei::text AS node_wei
  FROM stake_positions p LEFT JOIN node_stakes s USING (miner_id)
 WHERE p.staker = $1 AND p.amount_wei > 0
 ORDER BY p.amount_wei DESC, p.miner_id, p.token
