-- Epoch $1's stored reward tree root, its total in wei as text and its vesting start, as
-- lib/server/epochs/publish-root.ts publishes them on chain.
-- @param {Int} $1:epoch
-- @nonnull total_wei
SELECT root, total_wei::text, vest_start FROM reward_roots WHERE epoch = $1
