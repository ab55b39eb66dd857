import "server-only";
import { availabilityPlan, BUCKETS_PER_HOUR, type AvailabilitySource } from "@/lib/heartbeats/coverage";
import type pg from "pg";
import { readPool } from "../db";
import { heartbeatCoverage } from "../generated/prisma/sql";
import { queryTyped } from "../typed-pg";

type Db = Pick<pg.Pool, "query">;

export interface Availability {
  /** Buckets the window is measured over (5 minutes each). */
  buckets: number;
  /** Buckets in which the node was available. */
  online: number;
  /** How many of `buckets` the router's heartbeats cover; the rest are hours with a received job. */
  heartbeatBuckets: number;
  source: AvailabilitySource;
}

/** When the router's heartbeats began; null before the first one. */
export async function heartbeatsSince(db: Db = readPool()): Promise<Date | null> {
  const [row] = await queryTyped(db, heartbeatCoverage());
  return row?.since ?? null;
}

/**
 * Availability of each node over [from, to) (lib/heartbeats/coverage.ts): buckets with a
 * heartbeat, plus 12 buckets for each whole hour before heartbeats began in which the node received
 * a job, ÷ the buckets measured. Pass `minerIds` null for every node that has either (the market
 * snapshot); nodes with neither are absent then, and at 0 when asked for by ID. `since` is when
 * heartbeats began (heartbeatsSince()).
 */
export async function availabilityOf(minerIds: readonly string[] | null, from: Date, to: Date, since: Date | null, db: Db = readPool()): Promise<Map<string, Availability>> {
  const plan = availabilityPlan(from, to, since);
  const blank = (online: number): Availability => ({ buckets: plan.buckets, online, heartbeatBuckets: plan.heartbeatBuckets, source: plan.source });
  const out = new Map<string, Availability>((minerIds ?? []).map((m) => [m, blank(0)]));
  if (minerIds?.length === 0 || plan.buckets === 0) return out;
  const runs = plan.heartbeatRuns;
  const online = "sum(bit_count(substring(h.buckets FROM r.start FOR r.length)))::int";
  const days = "unnest($2::date[], $3::int[], $4::int[]) AS r(day, start, length)";
  // Asked by ID (a wallet's 2,500 GPUs), each GPU's days are primary-key lookups: 35 ms where
  // reading every node's rows of those days and keeping the listed ones took 68 (40,000 nodes).
  const heartbeats = minerIds
    ? `SELECT ids.miner_id, x.online FROM unnest($1::text[]) AS ids(miner_id)
         CROSS JOIN LATERAL (SELECT ${online} AS online FROM ${days} JOIN node_heartbeats h ON h.miner_id = ids.miner_id AND h.day = r.day) x
        WHERE x.online IS NOT NULL`
    : `SELECT h.miner_id, ${online} AS online FROM ${days} JOIN node_heartbeats h ON h.day = r.day GROUP BY h.miner_id`;
  // Not TypedSQL: the heartbeat half is chosen by whether IDs were given, and FULL JOIN is not described.
  const { rows } = await db.query<{ miner_id: string; online: number }>(
    `WITH hb AS (${heartbeats}),
     jb AS (
       SELECT m.miner_id, (count(*) * ${BUCKETS_PER_HOUR})::int AS online FROM miner_hourly m
        WHERE $5::timestamptz IS NOT NULL AND m.hour >= $5 AND m.hour < $6 AND m.job_count > 0
          AND ($1::text[] IS NULL OR m.miner_id = ANY($1::text[]))
        GROUP BY m.miner_id)
     SELECT miner_id, (coalesce(hb.online, 0) + coalesce(jb.online, 0))::int AS online FROM hb FULL JOIN jb USING (miner_id)`,
    [minerIds, runs.map((r) => r.day), runs.map((r) => r.start), runs.map((r) => r.length), plan.jobHours?.from ?? null, plan.jobHours?.to ?? null],
  );
  for (const r of rows) out.set(r.miner_id, blank(r.online));
  return out;
}
