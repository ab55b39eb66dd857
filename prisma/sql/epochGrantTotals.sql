-- Epoch $1's esHEU grants summed per recipient, wei as text: the leaves of its reward tree
-- (lib/server/epochs/reward-tree.ts).
-- @param {Int} $1:epoch
-- @nonnull wei
SELECT recipient, sum(amount_wei)::text AS wei FROM esheu_grants WHERE epoch = $1 GROUP BY recipient
