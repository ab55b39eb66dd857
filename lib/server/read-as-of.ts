import "server-only";
import type pg from "pg";
import { standbyAsOf, type ReadAsOf } from "@/lib/dashboard/replica-lag";
import { readPool } from "./db";
import { readAsOfState } from "./generated/prisma/sql";
import { queryTyped } from "./typed-pg";

export type { ReadAsOf } from "@/lib/dashboard/replica-lag";

/**
 * The time the data behind a page or read API is as of: now on the primary, on a replica its last
 * replayed commit unless it has replayed all it received; and, either way, when the oldest batch
 * still waiting to be folded into the rollups was written (`pendingSince`, decision 0024). A
 * replica cut off from its primary has nothing left to replay and so reads as current: the
 * primary's pg_stat_replication is where an operator sees that (see docs/decisions/0022).
 */
export async function readAsOf(db: pg.Pool | pg.ClientBase | null = null): Promise<ReadAsOf> {
  // On the caller's connection when given (the probe's transaction), so not through Prisma.
  const r = (await queryTyped(db ?? readPool(), readAsOfState()))[0]!;
  const base = r.standby ? standbyAsOf({ now: r.now, replayedAt: r.replayed_at, caughtUp: r.caught_up }) : { asOf: r.now.toISOString(), lagSeconds: 0, replica: false };
  if (!r.pending_since) return { ...base, pendingSince: null };
  const pendingSince = r.pending_since.toISOString();
  return { ...base, asOf: pendingSince < base.asOf ? pendingSince : base.asOf, pendingSince };
}

/** A read answer's `asOf` made the data's when it trails (a replica, or batches not folded yet); the server's clock otherwise. */
export function withReadAsOf<T extends { asOf: string }>(answer: T, r: ReadAsOf): T;
export function withReadAsOf<T extends { asOf: string }>(answer: T | null, r: ReadAsOf): T | null;
export function withReadAsOf<T extends { asOf: string }>(answer: T | null, r: ReadAsOf): T | null {
  return answer && (r.replica || r.pendingSince) ? { ...answer, asOf: r.asOf } : answer;
}
