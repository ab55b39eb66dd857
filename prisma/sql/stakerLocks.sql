-- A staker's HEU locks, newest first.
-- @param {String} $1:staker
-- @nonnull lock_id, amount_wei
SELECT lock_id::text, miner_id, amount_wei::text, created_at, unlock_at, withdrawn_at
  FROM stake_locks WHERE staker = $1 ORDER BY lock_id DESC
