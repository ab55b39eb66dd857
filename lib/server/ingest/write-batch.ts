import "server-only";
import type pg from "pg";
import { AppError } from "@/lib/errors";
import { isSuccess, microToPoints, withNodeFactors, type PricedJob } from "@/lib/points";
import type { IngestResult } from "@/lib/schemas/jobs";
import { withTransaction } from "../db";
import { joinSettlementBarrier, type OpenEpochs } from "../epochs/epoch-points";
import { insertDelta } from "../rollups/deltas";
import { loadNodeFactors } from "./multipliers";
import type { PreparedJob } from "./prepare-jobs";

/** A fresh job with its price and the node factors it was priced with. */
interface PricedRow {
  prepared: PreparedJob;
  priced: PricedJob;
  nftCount: number;
  stakeHeu: number;
}

const col = <T, V>(rows: readonly T[], pick: (row: T) => V): V[] => rows.map(pick);

async function insertJobs(client: pg.PoolClient, jobs: readonly PreparedJob[]): Promise<Set<string>> {
  const sorted = [...jobs].sort((a, b) => (a.job.job_id < b.job.job_id ? -1 : 1));
  const res = await client.query<{ job_id: string }>(
    `INSERT INTO jobs (job_id, miner_id, model_id, status, completed_at, hardware, inference_latency,
                       width, height, num_iterations, input_tokens, output_tokens, input_ref, output_ref, content_hash)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::"JobStatus"[], $5::timestamptz[], $6::text[], $7::numeric[],
                          $8::int[], $9::int[], $10::int[], $11::int[], $12::int[], $13::text[], $14::text[], $15::text[])
     ON CONFLICT (job_id) DO NOTHING
     RETURNING job_id`,
    [
      col(sorted, (p) => p.job.job_id), col(sorted, (p) => p.job.miner_id), col(sorted, (p) => p.job.model_id),
      col(sorted, (p) => p.job.status), col(sorted, (p) => p.completedAt.toISOString()), col(sorted, (p) => p.job.hardware ?? null),
      col(sorted, (p) => p.job.inference_latency), col(sorted, (p) => p.job.width ?? null), col(sorted, (p) => p.job.height ?? null),
      col(sorted, (p) => p.job.num_iterations ?? null), col(sorted, (p) => p.job.input_tokens ?? null),
      col(sorted, (p) => p.job.output_tokens ?? null), col(sorted, (p) => p.job.input_ref ?? null),
      col(sorted, (p) => p.job.output_ref ?? null), col(sorted, (p) => p.contentHash),
    ],
  );
  return new Set(res.rows.map((r) => r.job_id));
}

/** A job id we already hold must carry the same content; otherwise the whole batch is refused. */
async function assertSameContent(client: pg.PoolClient, duplicates: readonly PreparedJob[]): Promise<Map<string, number>> {
  if (duplicates.length === 0) return new Map();
  const res = await client.query<{ job_id: string; content_hash: string; points_micro: string | null }>(
    `SELECT j.job_id, j.content_hash, l.points_micro::text
       FROM jobs j LEFT JOIN ledger_entries l ON l.miner_id = j.miner_id AND l.occurred_at = j.completed_at AND l.job_id = j.job_id AND l.kind = 'job'
      WHERE j.job_id = ANY($1::text[])`,
    [duplicates.map((d) => d.job.job_id)],
  );
  const stored = new Map(res.rows.map((r) => [r.job_id, r.content_hash]));
  const conflicts = duplicates.filter((d) => stored.get(d.job.job_id) !== d.contentHash).map((d) => d.job.job_id);
  if (conflicts.length > 0) {
    throw new AppError("conflict", `${conflicts.length} job id(s) were already ingested with different content; nothing was written.`, {
      job_ids: [...new Set(conflicts)],
    });
  }
  return new Map(res.rows.map((r) => [r.job_id, Number(r.points_micro ?? 0)]));
}

async function insertLedger(client: pg.PoolClient, rows: readonly PricedRow[]): Promise<void> {
  await client.query(
    `INSERT INTO ledger_entries (kind, job_id, miner_id, wallet, point_type, occurred_at, schedule_id, model_id, base_micro,
                                 model_multiplier_ppm, nft_multiplier_ppm, stake_multiplier_ppm, nft_count, stake_heu, points_micro, zero_reason)
     SELECT 'job', * FROM unnest($1::text[], $2::text[], $3::text[], $4::"PointType"[], $5::timestamptz[], $6::text[], $7::text[],
                                 $8::bigint[], $9::int[], $10::int[], $11::int[], $12::int[], $13::numeric[], $14::bigint[], $15::text[])`,
    [
      col(rows, (r) => r.prepared.job.job_id), col(rows, (r) => r.prepared.job.miner_id), col(rows, (r) => r.prepared.wallet),
      col(rows, (r) => r.priced.pointType), col(rows, (r) => r.prepared.completedAt.toISOString()), col(rows, (r) => r.priced.scheduleId),
      col(rows, (r) => r.prepared.job.model_id), col(rows, (r) => r.priced.baseMicro), col(rows, (r) => r.priced.modelMultiplierPpm),
      col(rows, (r) => r.priced.nftMultiplierPpm), col(rows, (r) => r.priced.stakeMultiplierPpm), col(rows, (r) => r.nftCount),
      col(rows, (r) => r.stakeHeu), col(rows, (r) => r.priced.pointsMicro), col(rows, (r) => r.priced.zeroReason),
    ],
  );
}

/**
 * Registers the batch's new wallets and nodes (ON CONFLICT DO NOTHING: nothing shared is updated on
 * the request path; the folder adds totals and moves first/last seen, decision 0024). A new node
 * starts at its first job here, the order boost slots rank new nodes by.
 *
 * Known rows are filtered out by a plain read first: ON CONFLICT's unique check waits for any
 * transaction updating the conflicting row, and the folder updates every active node's and
 * wallet's row, so without the filter each batch queued behind the folder's pass (bench:ingest:
 * 62 % of active backends in Lock:transactionid, in statements writing nodes and wallets).
 */
async function registerNodes(client: pg.PoolClient, rows: readonly PricedRow[]): Promise<void> {
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
      ids, ids.map((id) => first.get(id)!.prepared.wallet), ids.map((id) => id.split("-").slice(1).join("-") || null),
      ids.map((id) => last.get(id)!.prepared.job.hardware ?? null), ids.map((id) => first.get(id)!.prepared.completedAt.toISOString()),
      ids.map((id) => last.get(id)!.prepared.completedAt.toISOString()),
    ],
  );
}

/** The batch's rollup deltas, one row (lib/server/rollups/deltas.ts). */
function recordDeltas(client: pg.PoolClient, open: OpenEpochs, rows: readonly PricedRow[]): Promise<void> {
  return insertDelta(
    client,
    open,
    true,
    rows.map((r) => {
      const { job, wallet, completedAt, base } = r.prepared;
      return {
        minerId: job.miner_id, wallet, pointType: r.priced.pointType, occurredAt: completedAt, micro: r.priced.pointsMicro,
        modelId: job.model_id, hardware: job.hardware ?? null, success: isSuccess(r.priced), image: base.model.kind === "image",
        latencyMs: Math.round(job.inference_latency * 1000),
      };
    }),
  );
}

/** Writes a validated batch in one transaction: all of it, or (on any error) none of it. */
export async function writeBatch(prepared: readonly PreparedJob[]): Promise<IngestResult> {
  return withTransaction(async (client) => {
    // First, before any row lock: this batch's entries and a settlement's close then never overlap.
    const open = await joinSettlementBarrier(client);
    const unique = new Map<string, PreparedJob>();
    for (const p of prepared) if (!unique.has(p.job.job_id)) unique.set(p.job.job_id, p);
    const created = await insertJobs(client, [...unique.values()]);
    const storedPoints = await assertSameContent(client, [...unique.values()].filter((p) => !created.has(p.job.job_id)));

    const fresh = [...unique.values()].filter((p) => created.has(p.job.job_id));
    const factorsOf = fresh.length ? await loadNodeFactors(client, fresh) : null;
    const priced: PricedRow[] = fresh.map((p) => {
      const f = factorsOf!(p);
      return { prepared: p, nftCount: f.nftCount, stakeHeu: f.stakeHeu, priced: withNodeFactors(p.base, f) };
    });
    if (priced.length > 0) {
      await insertLedger(client, priced);
      await registerNodes(client, priced);
      await recordDeltas(client, open, priced);
    }

    const pointsById = new Map(priced.map((r) => [r.prepared.job.job_id, r.priced]));
    const reported = new Set<string>();
    const results = prepared.map((p) => {
      const mine = pointsById.get(p.job.job_id);
      const isCreated = mine !== undefined && !reported.has(p.job.job_id);
      reported.add(p.job.job_id);
      return {
        job_id: p.job.job_id,
        status: isCreated ? ("created" as const) : ("duplicate" as const),
        pointType: p.base.model.kind === "image" ? ("waifu" as const) : ("llama" as const),
        points: microToPoints(mine?.pointsMicro ?? storedPoints.get(p.job.job_id) ?? 0),
      };
    });
    const accepted = results.filter((r) => r.status === "created").length;
    return { accepted, duplicates: results.length - accepted, results };
  });
}
