-- A wallet's esHEU grants per epoch, as operator of its miner IDs and as a staker, newest first
-- (lib/server/queries/epochs.ts).
-- @param {String} $1:wallet
-- @nonnull miner, staker
SELECT epoch, coalesce(sum(amount_wei) FILTER (WHERE role = 'miner'), 0)::text AS miner, coalesce(sum(amount_wei) FILTER (WHERE role = 'staker'), 0)::text AS staker
  FROM esheu_grants WHERE recipient = $1 GROUP BY epoch ORDER BY epoch DESC
