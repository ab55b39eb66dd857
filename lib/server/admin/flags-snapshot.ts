import "server-only";
import type { FlagsResponse } from "@/lib/schemas/admin";
import { FLAGS_SCAN_HOURS } from "@/lib/snapshots/schedule";
import { prisma, withTransaction } from "../db";
import { scanFlags, tuneScan, type FlagsScan } from "./flags";

// The worker scans the last 24 hours for flags every hour and stores the result (flags_scans, one
// row per look-back), so GET /api/v1/admin/flags answers at once from the stored scan with its time;
// an admin who asks for another window still gets it scanned on demand (a read, never stored).

/** pg advisory-lock namespace ("HE") and key: one scan at a time, cluster-wide. */
const LOCK_CLASS = 0x4845;
const LOCK_KEY = 0x464c; // "FL"

/**
 * Scans [now − hours, now) and stores it in one transaction, replacing the previous scan of that
 * look-back. Under a cluster-wide advisory lock, a second worker waits for the first and keeps its
 * scan when it is at least as recent (returns false). Idempotent. Raw SQL on one pg transaction:
 * the lock, the scan's planner settings and the write share it.
 */
export async function rebuildFlagsScan(now = new Date(), hours = FLAGS_SCAN_HOURS): Promise<boolean> {
  return withTransaction(async (client) => {
    // A day of jobs at network scale takes seconds: more than a page's statement timeout.
    await client.query("SET LOCAL statement_timeout = 300000");
    await tuneScan(client);
    await client.query(`SELECT pg_advisory_xact_lock($1, $2)`, [LOCK_CLASS, LOCK_KEY]);
    const done = await client.query(`SELECT 1 FROM flags_scans WHERE hours = $1 AND as_of >= $2`, [hours, now]);
    if (done.rows.length > 0) return false;
    const started = performance.now();
    const scan = await scanFlags(client, hours, now);
    await client.query(
      `INSERT INTO flags_scans (hours, window_from, window_to, as_of, result, build_ms) VALUES ($1, $2, $3, $4, $5::jsonb, $6)
       ON CONFLICT (hours) DO UPDATE SET window_from = $2, window_to = $3, as_of = $4, result = $5::jsonb, build_ms = $6`,
      [hours, scan.from, scan.to, now, JSON.stringify(scan), Math.round(performance.now() - started)],
    );
    return true;
  });
}

/** The worker's latest stored scan of the last `hours`, with its time; null before its first one. */
export async function getStoredFlags(hours = FLAGS_SCAN_HOURS): Promise<FlagsResponse | null> {
  const row = await prisma().flagsScan.findUnique({ where: { hours }, select: { asOf: true, result: true } });
  return row ? { source: "worker", asOf: row.asOf.toISOString(), ...(row.result as unknown as FlagsScan) } : null;
}
