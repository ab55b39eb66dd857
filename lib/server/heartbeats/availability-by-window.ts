import "server-only";
import { availabilityPlan, BUCKETS_PER_HOUR } from "@/lib/heartbeats/coverage";
import type pg from "pg";
import { readPool } from "../db";
import { columns } from "../unnest-columns";
import type { Availability } from "./availability";

type Db = Pick<pg.Pool, "query">;

export interface Window {
  from: Date;
  to: Date;
}

/**
 * availabilityOf() over many windows (a node's 30 days, or several nodes' for the market's
 * compare view) in one statement instead of one per window: each window's plan is the same
 * availabilityPlan, and the SQL is availabilityOf's with the window's index carried through.
 * A test keeps every window equal to availabilityOf over it. Returns, per miner ID, one
 * Availability per window in the order given.
 */
export async function availabilityByWindow(minerIds: readonly string[], windows: readonly Window[], since: Date | null, db: Db = readPool()): Promise<Map<string, Availability[]>> {
  const plans = windows.map((w) => availabilityPlan(w.from, w.to, since));
  const blank = (online: number, w: number): Availability => ({
    buckets: plans[w]!.buckets,
    online,
    heartbeatBuckets: plans[w]!.heartbeatBuckets,
    source: plans[w]!.source,
  });
  const out = new Map(minerIds.map((m) => [m, plans.map((_, w) => blank(0, w))]));
  if (minerIds.length === 0 || plans.every((p) => p.buckets === 0)) return out;

  const runs = plans.flatMap((p, w) => p.heartbeatRuns.map((r) => ({ w, ...r })));
  const jobs = plans.flatMap((p, w) => (p.jobHours ? [{ w, ...p.jobHours }] : []));
  // Not TypedSQL: a FULL JOIN is not described (a LEFT JOIN each way would read the rollups twice).
  const { rows } = await db.query<{ w: number; miner_id: string; online: number }>(
    `WITH hb AS (
       SELECT r.w, h.miner_id, sum(bit_count(substring(h.buckets FROM r.start FOR r.length)))::int AS online
         FROM unnest($2::int[], $3::date[], $4::int[], $5::int[]) AS r(w, day, start, length)
         JOIN node_heartbeats h ON h.day = r.day AND h.miner_id = ANY($1::text[])
        GROUP BY r.w, h.miner_id),
     jb AS (
       SELECT r.w, m.miner_id, (count(*) * ${BUCKETS_PER_HOUR})::int AS online
         FROM unnest($6::int[], $7::timestamptz[], $8::timestamptz[]) AS r(w, hour_from, hour_to)
         JOIN miner_hourly m ON m.miner_id = ANY($1::text[]) AND m.hour >= r.hour_from AND m.hour < r.hour_to AND m.job_count > 0
        GROUP BY r.w, m.miner_id)
     SELECT w, miner_id, (coalesce(hb.online, 0) + coalesce(jb.online, 0))::int AS online FROM hb FULL JOIN jb USING (w, miner_id)`,
    [minerIds, ...columns(runs, "w", "day", "start", "length"), ...columns(jobs, "w", "from", "to")],
  );
  for (const r of rows) out.get(r.miner_id)![r.w] = blank(r.online, r.w);
  return out;
}
