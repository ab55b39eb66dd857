import "server-only";
import type pg from "pg";
import { isSuccess, withNodeFactors, type PricedJob } from "@/lib/points";
import { MAX_JOBS_PER_BATCH } from "@/lib/schemas/jobs";
import type { OpenEpochs } from "../epochs/epoch-points";
import { insertDelta } from "../rollups/deltas";
import { loadNodeFactors } from "./multipliers";
import type { PreparedJob } from "./prepare-jobs";

// What a batch of fresh jobs writes, shared by live ingestion (write-batch.ts, unnest) and the bulk
// import (import-chunk.ts, COPY): the job and ledger rows column by column, the pricing with the
// node's factors, the new wallets and nodes, and the rollup deltas. One definition of each, so an
// imported job is stored and priced exactly as the router's would have been.

/** A fresh job with its price and the node factors it was priced with. */
export interface PricedRow {
  prepared: PreparedJob;
  priced: PricedJob;
  nftCount: number;
  stakeHeu: number;
}

/** One column of a bulk write: its name, its PostgreSQL type and its value in a row. */
export interface RowColumn<T> {
  name: string;
  type: string;
  value: (row: T) => string | number | null;
}

export const JOB_COLUMNS: readonly RowColumn<PreparedJob>[] = [
  { name: "job_id", type: "text", value: (p) => p.job.job_id },
  { name: "miner_id", type: "text", value: (p) => p.job.miner_id },
  { name: "model_id", type: "text", value: (p) => p.job.model_id },
  { name: "status", type: '"JobStatus"', value: (p) => p.job.status },
  { name: "completed_at", type: "timestamptz", value: (p) => p.completedAt.toISOString() },
  { name: "hardware", type: "text", value: (p) => p.job.hardware ?? null },
  { name: "inference_latency", type: "numeric", value: (p) => p.job.inference_latency },
  { name: "width", type: "int", value: (p) => p.job.width ?? null },
  { name: "height", type: "int", value: (p) => p.job.height ?? null },
  { name: "num_iterations", type: "int", value: (p) => p.job.num_iterations ?? null },
  { name: "input_tokens", type: "int", value: (p) => p.job.input_tokens ?? null },
  { name: "output_tokens", type: "int", value: (p) => p.job.output_tokens ?? null },
  { name: "input_ref", type: "text", value: (p) => p.job.input_ref ?? null },
  { name: "output_ref", type: "text", value: (p) => p.job.output_ref ?? null },
  { name: "content_hash", type: "text", value: (p) => p.contentHash },
];

export const LEDGER_COLUMNS: readonly RowColumn<PricedRow>[] = [
  { name: "kind", type: '"LedgerKind"', value: () => "job" },
  { name: "job_id", type: "text", value: (r) => r.prepared.job.job_id },
  { name: "miner_id", type: "text", value: (r) => r.prepared.job.miner_id },
  { name: "wallet", type: "text", value: (r) => r.prepared.wallet },
  { name: "point_type", type: '"PointType"', value: (r) => r.priced.pointType },
  { name: "occurred_at", type: "timestamptz", value: (r) => r.prepared.completedAt.toISOString() },
  { name: "schedule_id", type: "text", value: (r) => r.priced.scheduleId },
  { name: "model_id", type: "text", value: (r) => r.prepared.job.model_id },
  { name: "base_micro", type: "bigint", value: (r) => r.priced.baseMicro },
  { name: "model_multiplier_ppm", type: "int", value: (r) => r.priced.modelMultiplierPpm },
  { name: "nft_multiplier_ppm", type: "int", value: (r) => r.priced.nftMultiplierPpm },
  { name: "stake_multiplier_ppm", type: "int", value: (r) => r.priced.stakeMultiplierPpm },
  { name: "nft_count", type: "int", value: (r) => r.nftCount },
  { name: "stake_heu", type: "numeric", value: (r) => r.stakeHeu },
  { name: "points_micro", type: "bigint", value: (r) => r.priced.pointsMicro },
  { name: "zero_reason", type: "text", value: (r) => r.priced.zeroReason },
];

/** `INSERT INTO table (columns) SELECT * FROM unnest($1::type[], …)` and its parameters: one array per column. */
export function unnestInsert<T>(table: string, columns: readonly RowColumn<T>[], rows: readonly T[]): { sql: string; params: unknown[] } {
  return {
    sql: `INSERT INTO ${table} (${columns.map((c) => c.name).join(", ")})
          SELECT * FROM unnest(${columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(", ")})`,
    params: columns.map((c) => rows.map(c.value)),
  };
}

/**
 * Prices fresh jobs with their node's factors (NFT count, boost slot, stake) as the indexed chain
 * had them when each job completed: the one place a stored job gets its price. Call it after the
 * jobs insert, in the transaction that writes their ledger entries.
 */
export async function priceFresh(client: pg.PoolClient, fresh: readonly PreparedJob[]): Promise<PricedRow[]> {
  if (fresh.length === 0) return [];
  const factorsOf = await loadNodeFactors(client, fresh);
  return fresh.map((p) => {
    const f = factorsOf(p);
    return { prepared: p, nftCount: f.nftCount, stakeHeu: f.stakeHeu, priced: withNodeFactors(p.base, f) };
  });
}

/**
 * Registers the batch's new wallets and nodes (ON CONFLICT DO NOTHING: nothing shared is updated on
 * the request path; the folder adds totals and moves first/last seen, decision 0024). A new node
 * starts at its first job here, the order boost slots rank new nodes by.
 *
 * Known rows are filtered out by a plain read first: ON CONFLICT's unique check waits for any
 * transaction updating the conflicting row, and the folder updates every active node's row, so
 * without the filter each batch queued behind the folder's pass (bench:ingest: 62 % of active
 * backends in Lock:transactionid, in statements writing nodes and wallets).
 */
export async function registerNodes(client: pg.PoolClient, rows: readonly PricedRow[]): Promise<void> {
  const first = new Map<string, PricedRow>();
  const last = new Map<string, PricedRow>();
  for (const r of rows) {
    const id = r.prepared.job.miner_id;
    if (!first.has(id) || r.prepared.completedAt < first.get(id)!.prepared.completedAt) first.set(id, r);
    if (!last.has(id) || r.prepared.completedAt >= last.get(id)!.prepared.completedAt) last.set(id, r);
  }
  const ids = [...first.keys()].sort();
  const wallets = [...new Set(ids.map((id) => first.get(id)!.prepared.wallet))].sort();
  await client.query(
    `INSERT INTO wallets (address, first_seen_at) SELECT a, now() FROM unnest($1::text[]) a
      WHERE NOT EXISTS (SELECT 1 FROM wallets w WHERE w.address = a) ON CONFLICT (address) DO NOTHING`,
    [wallets],
  );
  await client.query(
    `INSERT INTO nodes (miner_id, wallet, device_tag, hardware, first_seen_at, last_seen_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[]) AS n(miner_id)
      WHERE NOT EXISTS (SELECT 1 FROM nodes x WHERE x.miner_id = n.miner_id)
     ON CONFLICT (miner_id) DO NOTHING`,
    [
      ids,
      ids.map((id) => first.get(id)!.prepared.wallet),
      ids.map((id) => id.split("-").slice(1).join("-") || null),
      ids.map((id) => last.get(id)!.prepared.job.hardware ?? null),
      ids.map((id) => first.get(id)!.prepared.completedAt.toISOString()),
      ids.map((id) => last.get(id)!.prepared.completedAt.toISOString()),
    ],
  );
}

/**
 * The rows' rollup deltas (lib/server/rollups/deltas.ts): one row per live batch; a bulk import's
 * larger chunks are cut into rows of at most a live batch's size, the unit the folder is sized for.
 */
export async function recordDeltas(client: pg.PoolClient, open: OpenEpochs, rows: readonly PricedRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += MAX_JOBS_PER_BATCH) {
    await insertDelta(
      client,
      open,
      true,
      rows.slice(i, i + MAX_JOBS_PER_BATCH).map((r) => {
        const { job, wallet, completedAt, base } = r.prepared;
        return {
          minerId: job.miner_id,
          wallet,
          pointType: r.priced.pointType,
          occurredAt: completedAt,
          micro: r.priced.pointsMicro,
          modelId: job.model_id,
          hardware: job.hardware ?? null,
          success: isSuccess(r.priced),
          image: base.model.kind === "image",
          latencyMs: Math.round(job.inference_latency * 1000),
        };
      }),
    );
  }
}
