// What the database holds after the crash run, per batch: how many of its jobs are in `jobs` and
// how many ledger entries they have. All-or-nothing means 0 or the batch size, never in between.
import type pg from "pg";
import { expect } from "vitest";
import { verifyAll } from "@/lib/server/verify/verify";
import type { Batch, BatchRecord } from "./crash-clients";

export interface BatchState {
  index: number;
  size: number;
  jobs: number;
  entries: number;
}

export async function batchStates(pool: pg.Pool, batches: readonly Batch[]): Promise<Map<number, BatchState>> {
  const idx = batches.flatMap((b) => b.jobIds.map(() => b.index));
  const ids = batches.flatMap((b) => b.jobIds);
  const { rows } = await pool.query<{ idx: number; size: string; jobs: string; entries: string }>(
    // One pass over the ledger (no index on its job_id since dedupe lives on jobs): a lookup per job would scan it per job.
    `WITH b AS (SELECT * FROM unnest($1::int[], $2::text[]) AS b(idx, job_id)),
          e AS (SELECT l.job_id, count(*) AS n FROM ledger_entries l JOIN b USING (job_id) WHERE l.kind = 'job' GROUP BY 1)
     SELECT b.idx, count(*)::text AS size,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM jobs j WHERE j.job_id = b.job_id))::text AS jobs,
            coalesce(sum(e.n), 0)::text AS entries
       FROM b LEFT JOIN e USING (job_id)
      GROUP BY b.idx`,
    [idx, ids],
  );
  return new Map(rows.map((r) => [r.idx, { index: r.idx, size: Number(r.size), jobs: Number(r.jobs), entries: Number(r.entries) }]));
}

export async function tableTotals(pool: pg.Pool): Promise<{ jobs: number; entries: number; idsInLedgerTwice: number }> {
  const { rows } = await pool.query<{ jobs: string; entries: string; twice: string }>(
    `SELECT (SELECT count(*) FROM jobs)::text AS jobs,
            (SELECT count(*) FROM ledger_entries WHERE kind = 'job')::text AS entries,
            (SELECT count(*) FROM (SELECT job_id FROM ledger_entries WHERE kind = 'job' GROUP BY job_id HAVING count(*) > 1) d)::text AS twice`,
  );
  const r = rows[0]!;
  return { jobs: Number(r.jobs), entries: Number(r.entries), idsInLedgerTwice: Number(r.twice) };
}

/**
 * The crash guarantees, asserted: every acknowledged batch whole (each job once, one ledger entry
 * each), every abandoned one whole or absent, no job id twice, and `verify` clean (the rollups
 * recompute from the ledger). Returns the figures the tests print.
 */
export async function expectAcknowledgedOnce(pool: pg.Pool, batches: readonly Batch[], acked: readonly BatchRecord[], abandoned: readonly BatchRecord[], batchSize: number) {
  const states = await batchStates(pool, batches);
  const totals = await tableTotals(pool);
  expect(acked.map((r) => states.get(r.batch.index)!).filter((s) => s.jobs !== s.size || s.entries !== s.size)).toEqual([]);
  expect(abandoned.map((r) => states.get(r.batch.index)!).filter((s) => !((s.jobs === 0 || s.jobs === s.size) && s.entries === s.jobs))).toEqual([]);
  const abandonedWritten = abandoned.filter((r) => states.get(r.batch.index)!.jobs > 0).length;
  expect(totals.idsInLedgerTwice).toBe(0);
  expect(totals.jobs).toBe((acked.length + abandonedWritten) * batchSize);
  expect(totals.entries).toBe(totals.jobs);
  const checks = await verifyAll(pool);
  expect(checks.map((c) => [c.name, c.mismatches, c.examples])).toEqual(checks.map((c) => [c.name, 0, []]));
  return { totals, abandonedWritten, checks };
}
