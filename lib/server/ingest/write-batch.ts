import "server-only";
import type pg from "pg";
import { AppError } from "@/lib/errors";
import { microToPoints, withNodeFactors } from "@/lib/points";
import type { IngestResult } from "@/lib/schemas/jobs";
import { withTransaction } from "../db";
import { addEpochPoints, joinSettlementBarrier, type OpenEpochs } from "../epochs/epoch-points";
import { loadNodeFactors } from "./multipliers";
import type { PreparedJob } from "./prepare-jobs";
import { rollupDeltas, type Delta, type PricedRow, type RollupRow } from "./rollup-deltas";

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
       FROM jobs j LEFT JOIN ledger_entries l ON l.job_id = j.job_id
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

type Entries = readonly RollupRow[];
/** Key column `i` of the rows, read from their parts (never from a key string). */
const column = (entries: Entries, i: number) => entries.map((e) => e.parts[i]!);
const d = <K extends keyof Delta>(entries: Entries, k: K) => entries.map((e) => e.delta[k]);

async function upsertNodes(client: pg.PoolClient, rows: readonly PricedRow[], nodes: Entries): Promise<void> {
  const first = new Map<string, PricedRow>();
  const last = new Map<string, PricedRow>();
  for (const r of rows) {
    const id = r.prepared.job.miner_id;
    if (!first.has(id) || r.prepared.completedAt < first.get(id)!.prepared.completedAt) first.set(id, r);
    if (!last.has(id) || r.prepared.completedAt >= last.get(id)!.prepared.completedAt) last.set(id, r);
  }
  const ids = column(nodes, 0);
  const wallets = [...new Set(ids.map((id) => first.get(id)!.prepared.wallet))].sort();
  await client.query(
    `INSERT INTO wallets (address, first_seen_at) SELECT a, now() FROM unnest($1::text[]) a ON CONFLICT (address) DO NOTHING`,
    [wallets],
  );
  await client.query(
    `INSERT INTO nodes AS n (miner_id, wallet, device_tag, hardware, first_seen_at, last_seen_at, total_waifu_micro, total_llama_micro,
                             image_count, text_count, failed_count, latency_ewma_ms)
     SELECT id, w, tag, hw, fs, ls, wa, ll, ic, tc, fc, CASE WHEN sc > 0 THEN lat / sc END
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::bigint[], $8::bigint[],
                   $9::bigint[], $10::bigint[], $11::bigint[], $12::bigint[], $13::bigint[]) AS t(id, w, tag, hw, fs, ls, wa, ll, ic, tc, fc, lat, sc)
     ON CONFLICT (miner_id) DO UPDATE SET
       hardware = CASE WHEN excluded.last_seen_at >= n.last_seen_at THEN COALESCE(excluded.hardware, n.hardware) ELSE COALESCE(n.hardware, excluded.hardware) END,
       first_seen_at = LEAST(n.first_seen_at, excluded.first_seen_at),
       last_seen_at = GREATEST(n.last_seen_at, excluded.last_seen_at),
       total_waifu_micro = n.total_waifu_micro + excluded.total_waifu_micro,
       total_llama_micro = n.total_llama_micro + excluded.total_llama_micro,
       image_count = n.image_count + excluded.image_count,
       text_count = n.text_count + excluded.text_count,
       failed_count = n.failed_count + excluded.failed_count,
       latency_ewma_ms = COALESCE((n.latency_ewma_ms * 4 + excluded.latency_ewma_ms) / 5, n.latency_ewma_ms, excluded.latency_ewma_ms)`,
    [
      ids, ids.map((id) => first.get(id)!.prepared.wallet), ids.map((id) => id.split("-").slice(1).join("-") || null),
      ids.map((id) => last.get(id)!.prepared.job.hardware ?? null), ids.map((id) => first.get(id)!.prepared.completedAt.toISOString()),
      ids.map((id) => last.get(id)!.prepared.completedAt.toISOString()), d(nodes, "waifu"), d(nodes, "llama"), d(nodes, "images"),
      d(nodes, "texts"), nodes.map((e) => e.delta.jobs - e.delta.successes), d(nodes, "latencyMs"), d(nodes, "successes"),
    ],
  );
}

const ADD_COUNTS = (t: string) =>
  `waifu_micro = ${t}.waifu_micro + excluded.waifu_micro, llama_micro = ${t}.llama_micro + excluded.llama_micro,
   job_count = ${t}.job_count + excluded.job_count, success_count = ${t}.success_count + excluded.success_count`;

async function upsertRollups(client: pg.PoolClient, r: ReturnType<typeof rollupDeltas>): Promise<void> {
  await client.query(
    `INSERT INTO miner_hourly AS t (miner_id, hour, waifu_micro, llama_micro, image_count, text_count, job_count, success_count, latency_ms_sum)
     SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::bigint[], $4::bigint[], $5::int[], $6::int[], $7::int[], $8::int[], $9::bigint[])
     ON CONFLICT (miner_id, hour) DO UPDATE SET ${ADD_COUNTS("t")}, image_count = t.image_count + excluded.image_count,
       text_count = t.text_count + excluded.text_count, latency_ms_sum = t.latency_ms_sum + excluded.latency_ms_sum`,
    [column(r.miner, 0), column(r.miner, 1), d(r.miner, "waifu"), d(r.miner, "llama"), d(r.miner, "images"), d(r.miner, "texts"),
      d(r.miner, "jobs"), d(r.miner, "successes"), d(r.miner, "latencyMs")],
  );
  await client.query(
    `INSERT INTO wallet_hourly AS t (wallet, hour, waifu_micro, llama_micro, image_count, text_count, job_count, success_count)
     SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::bigint[], $4::bigint[], $5::int[], $6::int[], $7::int[], $8::int[])
     ON CONFLICT (wallet, hour) DO UPDATE SET ${ADD_COUNTS("t")}, image_count = t.image_count + excluded.image_count,
       text_count = t.text_count + excluded.text_count`,
    [column(r.wallet, 0), column(r.wallet, 1), d(r.wallet, "waifu"), d(r.wallet, "llama"), d(r.wallet, "images"), d(r.wallet, "texts"),
      d(r.wallet, "jobs"), d(r.wallet, "successes")],
  );
  await client.query(
    `INSERT INTO wallet_model_daily AS t (wallet, day, model_id, point_type, points_micro, job_count, success_count)
     SELECT w, d, m, pt, CASE WHEN pt = 'waifu' THEN wa ELSE ll END, jc, sc
       FROM unnest($1::text[], $2::date[], $3::text[], $4::"PointType"[], $5::bigint[], $6::bigint[], $7::int[], $8::int[])
            AS r(w, d, m, pt, wa, ll, jc, sc)
     ON CONFLICT (wallet, day, model_id) DO UPDATE SET points_micro = t.points_micro + excluded.points_micro,
       job_count = t.job_count + excluded.job_count, success_count = t.success_count + excluded.success_count`,
    [column(r.walletModel, 0), column(r.walletModel, 1), column(r.walletModel, 2), column(r.walletModel, 3), d(r.walletModel, "waifu"),
      d(r.walletModel, "llama"), d(r.walletModel, "jobs"), d(r.walletModel, "successes")],
  );
  // Last: the few GPU-model rows are shared by every batch, so hold their locks for the shortest time.
  await client.query(
    `INSERT INTO hardware_hourly AS t (hardware, model_id, hour, waifu_micro, llama_micro, job_count, success_count, latency_ms_sum)
     SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::bigint[], $5::bigint[], $6::int[], $7::int[], $8::bigint[])
     ON CONFLICT (hardware, model_id, hour) DO UPDATE SET ${ADD_COUNTS("t")}, latency_ms_sum = t.latency_ms_sum + excluded.latency_ms_sum`,
    [column(r.hardware, 0), column(r.hardware, 1), column(r.hardware, 2), d(r.hardware, "waifu"), d(r.hardware, "llama"),
      d(r.hardware, "jobs"), d(r.hardware, "successes"), d(r.hardware, "latencyMs")],
  );
}

function addJobPoints(client: pg.PoolClient, open: OpenEpochs, rows: readonly PricedRow[]): Promise<void> {
  return addEpochPoints(
    client,
    open,
    rows.map((r) => ({
      minerId: r.prepared.job.miner_id, wallet: r.prepared.wallet, pointType: r.priced.pointType,
      occurredAt: r.prepared.completedAt, adjustment: false, micro: r.priced.pointsMicro,
    })),
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
      const deltas = rollupDeltas(priced);
      await upsertNodes(client, priced, deltas.node);
      await addJobPoints(client, open, priced);
      await upsertRollups(client, deltas);
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
