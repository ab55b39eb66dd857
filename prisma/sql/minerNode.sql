-- One GPU with its stake and its wallet's NFT count (the miner API and page). latency_ms: the mean
-- over its successful jobs in whole ms, from a sum and a count that fold in any order (decision 0024).
-- @param {String} $1:minerId
-- @nonnull stake_wei, nft_count
SELECT n.miner_id, n.wallet, n.device_tag, n.hardware, n.first_seen_at, n.last_seen_at,
       coalesce(s.stake_wei, 0)::text AS stake_wei, n.total_waifu_micro, n.total_llama_micro,
       n.image_count, n.text_count, n.failed_count,
       (n.latency_ms_sum / NULLIF(n.latency_count, 0))::int AS latency_ms, coalesce(wn.nft_count, 0) AS nft_count
  FROM nodes n
  LEFT JOIN node_stakes s ON s.miner_id = n.miner_id
  LEFT JOIN wallet_nfts wn ON wn.wallet = n.wallet
 WHERE n.miner_id = $1
