-- A wallet's all-time totals as the sum of its per-node totals: one index range of at most a few
-- thousand rows, and the same numbers the per-GPU table shows, so the two always add up.
-- @param {String} $1:wallet
-- @nonnull nft_count, gpus
SELECT w.address, coalesce(wn.nft_count, 0) AS nft_count, s.*, st.stake_wei
  FROM wallets w
  LEFT JOIN wallet_nfts wn ON wn.wallet = w.address
  CROSS JOIN LATERAL (
    SELECT count(*)::text AS gpus, min(first_seen_at) AS first_seen_at, max(last_seen_at) AS last_seen_at,
           sum(total_waifu_micro)::text AS waifu, sum(total_llama_micro)::text AS llama,
           sum(image_count)::text AS images, sum(text_count)::text AS texts, sum(failed_count)::text AS failed
      FROM nodes WHERE wallet = w.address) s
  CROSS JOIN LATERAL (
    SELECT coalesce(sum(ns.stake_wei), 0)::text AS stake_wei
      FROM nodes n JOIN node_stakes ns ON ns.miner_id = n.miner_id WHERE n.wallet = w.address) st
 WHERE w.address = $1
