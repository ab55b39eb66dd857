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

/** The first epoch still open for new entries, read under the barrier; pass it to `addEpochPoints`. */
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

export interface EpochPointsEntry {
  minerId: string;
  wallet: string;
  pointType: "waifu" | "llama";
  occurredAt: Date;
  /** A slash, reversal or adjustment rather than a job. */
  adjustment: boolean;
  micro: number;
}

/** The bucket an entry settles in: its own epoch if still open, else the first open one. */
export function bucketOf(occurredAt: Date, open: OpenEpochs): { bucket: number; late: boolean } {
  const own = epochOf(occurredAt);
  const bucket = open.firstOpen !== null && open.firstOpen > own ? open.firstOpen : own;
  return { bucket, late: bucket > own };
}

/**
 * Adds entries' points to their settlement buckets (epoch_miner_points), one upsert sorted by key so
 * concurrent writers lock rows in one order. Every writer of ledger entries calls it in the same
 * transaction as its ledger insert, with the `open` its `joinSettlementBarrier` returned.
 */
export async function addEpochPoints(client: pg.PoolClient, open: OpenEpochs, entries: readonly EpochPointsEntry[]): Promise<void> {
  const rows = new Map<string, { epoch: number; minerId: string; wallet: string; waifu: number; llama: number; late: number; adjust: number }>();
  for (const e of entries) {
    const { bucket, late } = bucketOf(e.occurredAt, open);
    const key = `${bucket}\t${e.minerId}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { epoch: bucket, minerId: e.minerId, wallet: e.wallet, waifu: 0, llama: 0, late: 0, adjust: 0 }));
    if (e.wallet < r.wallet) r.wallet = e.wallet;
    r[e.pointType] += e.micro;
    if (late) r.late += e.micro;
    if (e.adjustment) r.adjust += e.micro;
  }
  if (rows.size === 0) return;
  const sorted = [...rows.values()].sort((a, b) => a.epoch - b.epoch || (a.minerId < b.minerId ? -1 : a.minerId > b.minerId ? 1 : 0));
  const col = <T>(pick: (r: (typeof sorted)[number]) => T) => sorted.map(pick);
  await client.query(
    `INSERT INTO epoch_miner_points AS t (epoch, miner_id, wallet, waifu_micro, llama_micro, late_micro, adjust_micro)
     SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[])
     ON CONFLICT (epoch, miner_id) DO UPDATE SET wallet = LEAST(t.wallet, excluded.wallet),
       waifu_micro = t.waifu_micro + excluded.waifu_micro, llama_micro = t.llama_micro + excluded.llama_micro,
       late_micro = t.late_micro + excluded.late_micro, adjust_micro = t.adjust_micro + excluded.adjust_micro`,
    [col((r) => r.epoch), col((r) => r.minerId), col((r) => r.wallet), col((r) => r.waifu), col((r) => r.llama), col((r) => r.late), col((r) => r.adjust)],
  );
}

/**
 * The bucket of a stored ledger entry `l`, from the closes alone (for `verify` and the migration's
 * backfill): the first close whose cutoff covers its id, never before its own epoch; after every
 * cutoff, its own epoch or the first open one.
 */
export const ENTRY_OWN_EPOCH_SQL = "floor((extract(epoch FROM l.occurred_at) - 86400) / 604800)::int";
export const ENTRY_BUCKET_SQL = `GREATEST(${ENTRY_OWN_EPOCH_SQL}, coalesce((SELECT min(c.number) FROM epoch_closes c WHERE c.ledger_cutoff >= l.id),
                                            (SELECT max(c.number) + 1 FROM epoch_closes c)))`;
