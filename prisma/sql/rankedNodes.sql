-- Each wallet's earliest-registered GPUs (first seen, then miner ID), $3 per NFT of its count in $2:
-- the default boost-slot holders (lib/server/boost-slot-ranking.ts), for many wallets at once.
-- @param {String} $1:wallets
-- @param {Int} $2:nftCounts
-- @param {Int} $3:slotsPerNft
SELECT n.wallet, n.miner_id FROM unnest($1::text[], $2::int[]) AS w(address, nfts)
  CROSS JOIN LATERAL (SELECT wallet, miner_id FROM nodes WHERE wallet = w.address ORDER BY first_seen_at, miner_id LIMIT w.nfts * $3::int) n
