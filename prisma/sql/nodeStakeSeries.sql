-- Some nodes' total stake from $2 on (lib/server/queries/node-history.ts): the change in force at
-- $2 (is_before), then every change after it, the last of several at one instant.
-- @param {String} $1:minerIds
-- @param {DateTime} $2:from
-- @nonnull miner_id, at, stake_wei, is_before
(SELECT DISTINCT ON (miner_id) miner_id, at, stake_wei::text, true AS is_before
   FROM node_stake_history WHERE miner_id = ANY($1::text[]) AND at <= $2
  ORDER BY miner_id, at DESC, block_number DESC, log_index DESC)
UNION ALL
(SELECT DISTINCT ON (miner_id, at) miner_id, at, stake_wei::text, false
   FROM node_stake_history WHERE miner_id = ANY($1::text[]) AND at > $2
  ORDER BY miner_id, at, block_number DESC, log_index DESC)
ORDER BY miner_id, at
