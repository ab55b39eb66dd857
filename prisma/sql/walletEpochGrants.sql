-- What a wallet was granted in one settled epoch, in wei (lib/server/queries/epochs.ts). Null
-- without grants.
-- @param {Int} $1:epoch
-- @param {String} $2:wallet
SELECT sum(amount_wei)::text AS total FROM esheu_grants WHERE epoch = $1 AND recipient = $2
