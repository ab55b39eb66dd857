import "server-only";
import type pg from "pg";
import { bucketOf, type OpenEpochs } from "../epochs/epoch-points";

/** One ledger entry as the rollups see it. */
export interface DeltaEntry {
  minerId: string;
  wallet: string;
  pointType: "waifu" | "llama";
  occurredAt: Date;
  micro: number;
  /** Job entries only (NULL for corrections). */
  modelId?: string | null;
  hardware?: string | null;
  /** A job that served its user: completed within the timeout, even at 0 points. */
  success?: boolean;
  image?: boolean;
  latencyMs?: number;
}

/**
 * Records the rollup deltas of the entries a transaction writes (decision 0024): one row, one array
 * element per entry, folded later by the worker (./fold.ts). Call it in the same transaction as the
 * ledger insert, with the `open` its `joinSettlementBarrier` returned: the bucket is decided now.
 */
export async function insertDelta(client: pg.PoolClient, open: OpenEpochs, isJob: boolean, entries: readonly DeltaEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const buckets: number[] = [];
  const late: boolean[] = [];
  for (const e of entries) {
    const b = bucketOf(e.occurredAt, open);
    buckets.push(b.bucket);
    late.push(b.late);
  }
  const col = <T>(pick: (e: DeltaEntry) => T) => entries.map(pick);
  await client.query(
    `INSERT INTO ingest_deltas (is_job, miner_ids, wallets, model_ids, hardware, occurred_at, point_types, points_micro, successes, images,
                                latency_ms, buckets, late)
     VALUES ($1, $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::"PointType"[], $8::bigint[], $9::boolean[],
             $10::boolean[], $11::int[], $12::int[], $13::boolean[])`,
    [
      isJob,
      col((e) => e.minerId),
      col((e) => e.wallet),
      col((e) => e.modelId ?? null),
      col((e) => e.hardware ?? null),
      col((e) => e.occurredAt.toISOString()),
      col((e) => e.pointType),
      col((e) => e.micro),
      col((e) => e.success ?? false),
      col((e) => e.image ?? false),
      col((e) => e.latencyMs ?? 0),
      buckets,
      late,
    ],
  );
}
