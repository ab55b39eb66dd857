import "server-only";
import { windowRuns } from "@/lib/heartbeats/buckets";
import { pool } from "../db";

export interface Availability {
  /** Whole 5-minute buckets in the window. */
  buckets: number;
  /** Buckets in which the router saw the node polling. */
  online: number;
}

/**
 * Availability of each node over [from, to): buckets with a heartbeat ÷ whole buckets in the
 * window. A node the router never saw has 0 online buckets.
 */
export async function availabilityOf(minerIds: readonly string[], from: Date, to: Date): Promise<Map<string, Availability>> {
  const runs = windowRuns(from, to);
  const buckets = runs.reduce((n, r) => n + r.length, 0);
  const out = new Map<string, Availability>(minerIds.map((m) => [m, { buckets, online: 0 }]));
  if (minerIds.length === 0 || runs.length === 0) return out;
  const { rows } = await pool().query<{ miner_id: string; online: number }>(
    `SELECT h.miner_id, sum(bit_count(substring(h.buckets FROM r.start FOR r.length)))::int AS online
       FROM unnest($2::date[], $3::int[], $4::int[]) AS r(day, start, length)
       JOIN node_heartbeats h ON h.day = r.day AND h.miner_id = ANY($1::text[])
      GROUP BY h.miner_id`,
    [minerIds, runs.map((r) => r.day), runs.map((r) => r.start), runs.map((r) => r.length)],
  );
  for (const r of rows) out.set(r.miner_id, { buckets, online: r.online });
  return out;
}
