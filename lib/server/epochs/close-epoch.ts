import "server-only";
import type pg from "pg";
import { AppError } from "@/lib/errors";
import { settlementProgress } from "../generated/prisma/sql";
import { queryTyped } from "../typed-pg";
import { BARRIER_CLASS, BARRIER_KEY } from "./epoch-points";

/**
 * The order rules of settlement, read inside a transaction: epoch `epoch` is the next to settle.
 * Throws the conflict a person can act on otherwise.
 */
export async function assertNextToSettle(client: pg.PoolClient, epoch: number): Promise<void> {
  const [progress] = await queryTyped(client, settlementProgress());
  const { last, closed, first } = progress!;
  if (last !== null && epoch <= last) throw new AppError("conflict", `Epoch ${epoch} is already settled; settled epochs never change.`);
  if (last !== null && epoch !== last + 1) throw new AppError("conflict", `Epoch ${last + 1} must be settled before epoch ${epoch}.`);
  if (last === null && closed !== null && closed !== epoch) throw new AppError("conflict", `Epoch ${closed} (closed for settlement) must be settled before epoch ${epoch}.`);
  if (last === null && closed === null && first !== null && epoch > first) {
    throw new AppError("conflict", `Epoch ${first} (the first with ledger entries) must be settled before epoch ${epoch}.`);
  }
}

/**
 * Closes epoch `epoch` for settlement and returns its ledger cutoff: one short transaction holding
 * the settlement barrier exclusively, so it waits only for the ledger writes in flight (each holds
 * it shared) and holds up new ones for a few milliseconds. From its commit on, every writer adds to
 * the next bucket, so bucket `epoch` no longer changes and settles without blocking anyone. Closing
 * an epoch already closed (a settlement that stopped after its close) returns the same cutoff.
 */
export async function closeEpoch(pool: pg.Pool, epoch: number, now: Date): Promise<bigint> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(`SELECT pg_advisory_xact_lock(${BARRIER_CLASS}, ${BARRIER_KEY})`);
    await assertNextToSettle(client, epoch);
    const done = await client.query<{ cutoff: string }>("SELECT ledger_cutoff::text AS cutoff FROM epoch_closes WHERE number = $1", [epoch]);
    let cutoff = done.rows[0]?.cutoff;
    if (cutoff === undefined) {
      // No writer is in flight: every id up to max(id) is committed, and later ids are later entries.
      const inserted = await client.query<{ cutoff: string }>(
        `INSERT INTO epoch_closes (number, ledger_cutoff, closed_at) SELECT $1, coalesce(max(id), 0), $2 FROM ledger_entries RETURNING ledger_cutoff::text AS cutoff`,
        [epoch, now],
      );
      cutoff = inserted.rows[0]!.cutoff;
    }
    await client.query("COMMIT");
    return BigInt(cutoff);
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
