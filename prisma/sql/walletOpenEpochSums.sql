-- A wallet's open epoch in one statement (lib/server/queries/open-epoch.ts): the network's and the
-- wallet's points so far, the wallet's nodes with a bribe set by $1, and the nodes it staked on
-- before $2.
-- @param {DateTime} $1:start
-- @param {DateTime} $2:end
-- @param {String} $3:wallet
-- @param {Int} $4:epoch
-- @nonnull own, staked
SELECT n.w::text AS nw, n.l::text AS nl, n.mw::text AS ww, n.ml::text AS wl,
       ARRAY(SELECT DISTINCT b.miner_id FROM bribe_changes b JOIN nodes x ON x.miner_id = b.miner_id WHERE x.wallet = $3 AND b.effective_at <= $1) AS own,
       ARRAY(SELECT DISTINCT miner_id FROM stake_changes WHERE staker = $3 AND at < $2) AS staked
  FROM (SELECT sum(waifu_micro) AS w, sum(llama_micro) AS l,
               sum(waifu_micro) FILTER (WHERE wallet = $3) AS mw, sum(llama_micro) FILTER (WHERE wallet = $3) AS ml
          FROM epoch_miner_points WHERE epoch = $4) n
