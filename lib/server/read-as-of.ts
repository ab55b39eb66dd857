import "server-only";
import type pg from "pg";
import { standbyAsOf, type ReadAsOf } from "@/lib/dashboard/replica-lag";
import { hasReadReplica, readPool } from "./db";

export type { ReadAsOf } from "@/lib/dashboard/replica-lag";

interface Row {
  now: Date;
  standby: boolean;
  replayed_at: Date | null;
  caught_up: boolean | null;
}

/**
 * The time the data behind a page or read API is as of: now on the primary (no DATABASE_READ_URL:
 * no query), on a replica its last replayed commit unless it has replayed all it received. A
 * replica cut off from its primary has nothing left to replay and so reads as current: the
 * primary's pg_stat_replication is where an operator sees that (see docs/decisions/0022).
 */
export async function readAsOf(db: Pick<pg.Pool, "query"> | null = null): Promise<ReadAsOf> {
  if (!db && !hasReadReplica()) return { asOf: new Date().toISOString(), lagSeconds: 0, replica: false };
  const { rows } = await (db ?? readPool()).query<Row>(
    `SELECT now() AS now, pg_is_in_recovery() AS standby, pg_last_xact_replay_timestamp() AS replayed_at,
            pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() AS caught_up`,
  );
  const r = rows[0]!;
  if (!r.standby) return { asOf: r.now.toISOString(), lagSeconds: 0, replica: false };
  return standbyAsOf({ now: r.now, replayedAt: r.replayed_at, caughtUp: r.caught_up });
}

/** A read answer's `asOf` made the replica's when the data came from one (the server's clock otherwise). */
export function withReadAsOf<T extends { asOf: string }>(answer: T, r: ReadAsOf): T;
export function withReadAsOf<T extends { asOf: string }>(answer: T | null, r: ReadAsOf): T | null;
export function withReadAsOf<T extends { asOf: string }>(answer: T | null, r: ReadAsOf): T | null {
  return answer && r.replica ? { ...answer, asOf: r.asOf } : answer;
}
