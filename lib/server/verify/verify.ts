import "server-only";
import type pg from "pg";
import { checkAdminActions, checkBoostSlots } from "./admin";
import { checkLedger } from "./ledger";
import type { CheckResult } from "./range";
import { checkRewards } from "./rewards";
import { checkRollup, ROLLUPS } from "./rollups";

export type { CheckResult } from "./range";
export { checkBoostSlots } from "./admin";

export type Progress = (step: string, done?: number) => void;

/** Re-derives the whole ledger from the jobs and every rollup from the ledger; read-only, one snapshot. */
export async function verifyAll(pool: pg.Pool, opts: { onProgress?: Progress } = {}): Promise<CheckResult[]> {
  const client = await pool.connect();
  try {
    // One consistent snapshot while ingestion keeps writing.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const results = await fullChecks(client, opts.onProgress);
    await client.query("COMMIT");
    return results;
  } finally {
    client.release();
  }
}

/** Every check over the whole ledger, in the caller's transaction. */
export async function fullChecks(client: pg.PoolClient, onProgress?: Progress): Promise<CheckResult[]> {
  const results = [await checkLedger(client, (n) => onProgress?.("ledger", n))];
  for (const r of ROLLUPS) {
    onProgress?.(r.name);
    results.push(await checkRollup(client, r));
  }
  onProgress?.("admin actions");
  results.push(await checkAdminActions(client));
  onProgress?.("boost slots");
  results.push(await checkBoostSlots(client));
  onProgress?.("reward trees");
  results.push(...(await checkRewards(client)));
  return results;
}
