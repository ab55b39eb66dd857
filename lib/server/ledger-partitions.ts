import "server-only";
import type pg from "pg";

/** Weeks of ledger partitions kept ready beyond the current one (decision 0028). */
export const PARTITION_WEEKS_AHEAD = 8;

/**
 * Creates the weekly ledger partitions missing from the last one through `weeksAhead` epochs after
 * now (the migration's `ensure_ledger_partitions`, idempotent); returns how many it created.
 */
export async function ensureLedgerPartitions(pool: pg.Pool, weeksAhead = PARTITION_WEEKS_AHEAD): Promise<number> {
  return (await pool.query<{ n: number }>("SELECT ensure_ledger_partitions($1) AS n", [weeksAhead])).rows[0]!.n;
}

export interface LedgerPartition {
  name: string;
  /** The epoch a weekly partition holds; null for the history partition (everything before the first week). */
  epoch: number | null;
  bound: string;
}

/** The ledger's partitions, oldest first, with their bounds as PostgreSQL prints them. */
export async function ledgerPartitions(pool: pg.Pool): Promise<LedgerPartition[]> {
  const { rows } = await pool.query<{ name: string; epoch: number | null; bound: string }>(
    `SELECT c.relname AS name, substring(c.relname FROM '^ledger_entries_e(\\d+)$')::int AS epoch, pg_get_expr(c.relpartbound, c.oid) AS bound
       FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'ledger_entries'::regclass
      ORDER BY epoch NULLS FIRST`,
  );
  return rows;
}
