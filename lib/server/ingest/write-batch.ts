import "server-only";
import type pg from "pg";
import { AppError } from "@/lib/errors";
import { microToPoints } from "@/lib/points";
import type { IngestResult } from "@/lib/schemas/jobs";
import { withTransaction } from "../db";
import { joinSettlementBarrier } from "../epochs/epoch-points";
import { JOB_COLUMNS, LEDGER_COLUMNS, priceFresh, recordDeltas, registerNodes, unnestInsert } from "./batch-rows";
import type { PreparedJob } from "./prepare-jobs";

async function insertJobs(client: pg.PoolClient, jobs: readonly PreparedJob[]): Promise<Set<string>> {
  const sorted = [...jobs].sort((a, b) => (a.job.job_id < b.job.job_id ? -1 : 1));
  const { sql, params } = unnestInsert("jobs", JOB_COLUMNS, sorted);
  const res = await client.query<{ job_id: string }>(`${sql} ON CONFLICT (job_id) DO NOTHING RETURNING job_id`, params);
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

/** Writes a validated batch in one transaction: all of it, or (on any error) none of it. */
export async function writeBatch(prepared: readonly PreparedJob[]): Promise<IngestResult> {
  return withTransaction(async (client) => {
    // First, before any row lock: this batch's entries and a settlement's close then never overlap.
    const open = await joinSettlementBarrier(client);
    const unique = new Map<string, PreparedJob>();
    for (const p of prepared) if (!unique.has(p.job.job_id)) unique.set(p.job.job_id, p);
    const created = await insertJobs(client, [...unique.values()]);
    const storedPoints = await assertSameContent(
      client,
      [...unique.values()].filter((p) => !created.has(p.job.job_id)),
    );

    const priced = await priceFresh(
      client,
      [...unique.values()].filter((p) => created.has(p.job.job_id)),
    );
    if (priced.length > 0) {
      const ledger = unnestInsert("ledger_entries", LEDGER_COLUMNS, priced);
      await client.query(ledger.sql, ledger.params);
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
