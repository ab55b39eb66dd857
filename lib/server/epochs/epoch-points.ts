import "server-only";
import type pg from "pg";
import { epochOf } from "@/lib/rewards";

/**
 * The settlement barrier (decision 0020): every transaction that writes ledger entries holds this
 * advisory lock shared, from before its first ledger insert until it ends; closing an epoch takes
 * it exclusively for one short transaction. So when an epoch closes no ledger writer is in flight:
 * every entry committed before it is in the closed bucket, every later one in an open bucket, and
 * max(id) at the close is an exact cutoff. Namespace "ST" (settlement).
 */
export const BARRIER_CLASS = 0x5354;
export const BARRIER_KEY = 1;

/** The first epoch still open for new entries, read under the barrier; pass it to `insertDelta` (lib/server/rollups/deltas.ts). */
export interface OpenEpochs {
  readonly firstOpen: number | null;
}

/**
 * Joins the barrier (shared) and reads the first open epoch. Call it first in the transaction,
 * before any row lock: a writer holding the barrier never waits for one that is queued behind a close.
 */
export async function joinSettlementBarrier(client: pg.PoolClient): Promise<OpenEpochs> {
  // Two statements in one round trip; the second's snapshot is taken after the lock is granted,
  // so it sees a close that committed while this writer waited.
  const results = (await client.query(
    `SELECT pg_advisory_xact_lock_shared(${BARRIER_CLASS}, ${BARRIER_KEY}); SELECT max(number) AS last FROM epoch_closes`,
  )) as unknown as pg.QueryResult<{ last: number | null }>[];
  const last = results[1]!.rows[0]!.last;
  return { firstOpen: last === null ? null : last + 1 };
}

/** The bucket an entry settles in: its own epoch if still open, else the first open one. */
export function bucketOf(occurredAt: Date, open: OpenEpochs): { bucket: number; late: boolean } {
  const own = epochOf(occurredAt);
  const bucket = open.firstOpen !== null && open.firstOpen > own ? open.firstOpen : own;
  return { bucket, late: bucket > own };
}

/**
 * The bucket of a stored ledger entry `l`, from the closes alone (for `verify` and the migration's
 * backfill): the first close whose cutoff covers its id, never before its own epoch; after every
 * cutoff, its own epoch or the first open one.
 */
export const ENTRY_OWN_EPOCH_SQL = "floor((extract(epoch FROM l.occurred_at) - 86400) / 604800)::int";
export const ENTRY_BUCKET_SQL = `GREATEST(${ENTRY_OWN_EPOCH_SQL}, coalesce((SELECT min(c.number) FROM epoch_closes c WHERE c.ledger_cutoff >= l.id),
                                            (SELECT max(c.number) + 1 FROM epoch_closes c)))`;
