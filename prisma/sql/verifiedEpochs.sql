-- What earlier `cli verify` runs sealed, per closed epoch (lib/server/verify/incremental.ts, decision
-- 0027): the entry range, its counts and its rollup digests; ids and counts as text.
-- @nonnull after_id, up_to_id, entries, jobs
SELECT epoch, after_id::text, up_to_id::text, entries::text, jobs::text, definition, digests FROM verified_epochs
