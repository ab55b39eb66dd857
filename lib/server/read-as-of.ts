import "server-only";
import type pg from "pg";
import { standbyAsOf, type ReadAsOf } from "@/lib/dashboard/replica-lag";
import { readPool } from "./db";

export type { ReadAsOf } from "@/lib/dashboard/replica-lag";

interface Row {
  now: Date;
  pending_since: Date | null;
  standby: boolean;
  replayed_at: Date | null;
  caught_up: boolean | null;
}

/**
 * The time the data behind a page or read API is as of: now on the primary, on a replica its last
 * replayed commit unless it has replayed all it received; and, either way, when the oldest batch
 * still waiting to be folded into the rollups was written (`pendingSince`, decision 0024). A
 * replica cut off from its primary has nothing left to replay and so reads as current: the
 * primary's pg_stat_replication is where an operator sees that (see docs/decisions/0022).
 */
export async function readAsOf(db: Pick<pg.Pool, "query"> | null = null): Promise<ReadAsOf> {
  const { rows } = await (db ?? readPool()).query<Row>(
    `SELECT now() AS now, pg_is_in_recovery() AS standby, pg_last_xact_replay_timestamp() AS replayed_at,
            pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() AS caught_up,
            (SELECT created_at FROM ingest_deltas ORDER BY id LIMIT 1) AS pending_since`,
  );
  const r = rows[0]!;
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
