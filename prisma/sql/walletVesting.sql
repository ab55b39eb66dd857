-- A wallet's esHEU granted over all epochs and how much of it has vested by $2, each grant linearly
-- from vest_start to vest_end (lib/server/queries/epochs.ts). Nulls without grants.
-- @param {String} $1:wallet
-- @param {DateTime} $2:at
SELECT sum(amount_wei)::text AS granted,
       sum(floor(amount_wei * least(1, greatest(0, extract(epoch FROM ($2::timestamptz - vest_start)) / extract(epoch FROM (vest_end - vest_start))))))::text AS vested
  FROM esheu_grants WHERE recipient = $1
