-- Every epoch leaf of a wallet, newest first, with what the indexer saw of it on chain. proof is a
-- Prisma list (text[] without NOT NULL), always written with its leaf.
-- @param {String} $1:account
-- @nonnull amount_wei, proof
SELECT l.epoch, l.amount_wei::text, l.proof, r.root, r.vest_start, p.root AS published_root, p.tx_hash AS published_tx,
       c.tx_hash AS claimed_tx, c.at AS claimed_at, c.miner_id
  FROM reward_leaves l JOIN reward_roots r USING (epoch)
  LEFT JOIN reward_publications p USING (epoch)
  LEFT JOIN reward_claims c ON c.epoch = l.epoch AND c.account = l.account
 WHERE l.account = $1 ORDER BY l.epoch DESC
