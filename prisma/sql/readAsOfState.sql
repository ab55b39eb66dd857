-- What a read's "as of" is computed from (lib/server/read-as-of.ts): the server's clock, whether
-- it is a standby and what it has replayed, and the oldest batch not folded into the rollups yet.
-- caught_up is null on a primary.
-- @nonnull now, standby
SELECT now() AS now, pg_is_in_recovery() AS standby, pg_last_xact_replay_timestamp() AS replayed_at,
       pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() AS caught_up,
       (SELECT created_at FROM ingest_deltas ORDER BY id LIMIT 1) AS pending_since
