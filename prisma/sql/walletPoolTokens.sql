-- What a wallet's miner IDs (or the one given) were paid from each pool per settled epoch, before
-- the bribe (lib/server/queries/epochs.ts): one index range of epoch_miner_rewards.
-- @param {String} $1:wallet
-- @param {String}? $2:minerId
-- @nonnull waifu, llama
SELECT epoch, sum(waifu_tokens_wei)::text AS waifu, sum(llama_tokens_wei)::text AS llama FROM epoch_miner_rewards
 WHERE wallet = $1 AND ($2::text IS NULL OR miner_id = $2) GROUP BY epoch
