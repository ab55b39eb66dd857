import "server-only";
import type pg from "pg";
import type { TypedSql } from "@prisma/client/runtime/client";
import { getScheduleOrThrow, priceJob, scheduleAt } from "@/lib/points";
import { jobEntriesInRange, jobLedgerEntries } from "../generated/prisma/sql";
import { storedJobPriceInput } from "../queries/stored-job";
import type { PgRow } from "../typed-pg";
import { EXAMPLES, inRange, tally, type CheckResult, type IdRange } from "./range";

export const LEDGER_CHECK = "ledger_entries (re-priced from jobs)";

/** A job and the factors of its entry (null without one). */
type JobLedgerRow = jobLedgerEntries.Result;
const PAGE = 5000;

/** Re-prices `r`'s job with `lib/points` under the schedule in force when it completed, with the factors its entry records. */
function reprice(r: JobLedgerRow, fail: (line: string) => void): void {
  const want = scheduleAt(r.completed_at).id;
  if (r.schedule_id !== want) fail(`${r.job_id}: schedule ${r.schedule_id}, but ${want} was in force at ${r.completed_at.toISOString()}`);
  const priced = priceJob(storedJobPriceInput(r, getScheduleOrThrow(r.schedule_id!)));
  const got = [r.base_micro, r.model_multiplier_ppm, r.nft_multiplier_ppm, r.stake_multiplier_ppm, r.points_micro, r.zero_reason].map(String).join(" ");
  const expected = [priced.baseMicro, priced.modelMultiplierPpm, priced.nftMultiplierPpm, priced.stakeMultiplierPpm, priced.pointsMicro, priced.zeroReason].map(String).join(" ");
  if (got !== expected) fail(`${r.job_id}: ledger has base/model/nft/stake/points/zero ${got}, re-pricing gives ${expected}`);
}

/** A range's entry with its job's columns, which the LEFT JOIN types as nullable; null when it has no job. */
function withJob(r: jobEntriesInRange.Result): JobLedgerRow | null {
  const { job_id, model_id, status, completed_at, inference_latency } = r;
  if (job_id === null || model_id === null || status === null || completed_at === null || inference_latency === null) return null;
  return { ...r, job_id, model_id, status, completed_at, inference_latency };
}

let cursors = 0;

/** The rows of `q`, PAGE at a time, through a cursor in the caller's transaction: one pass however many rows. */
async function* pages<V extends readonly unknown[], R extends PgRow<R>>(client: pg.PoolClient, q: TypedSql<V, R>): AsyncGenerator<R[]> {
  const name = `verify_rows_${++cursors}`;
  await client.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${q.sql}`, [...q.values]);
  try {
    for (;;) {
      const { rows } = await client.query<R & pg.QueryResultRow>(`FETCH ${PAGE} FROM ${name}`);
      if (rows.length === 0) return;
      yield rows;
    }
  } finally {
    await client.query(`CLOSE ${name}`).catch(() => undefined); // an aborted transaction has dropped it: keep the first error
  }
}

/** Adds to `fail` the job ids with more than one job entry among `where`'s (the ledger's job_id is not unique: dedupe lives on jobs). */
async function twice(client: pg.PoolClient, sql: string, fail: (line: string) => void): Promise<number> {
  // Not TypedSQL: wraps the caller's query (a range's condition built in) at run time.
  const { rows } = await client.query<{ n: string; ids: string[] | null }>(`SELECT count(*)::text AS n, (array_agg(job_id ORDER BY job_id))[1:${EXAMPLES}] AS ids FROM (${sql}) d`);
  for (const id of rows[0]!.ids ?? []) fail(`${id}: more than one ledger entry for the job`);
  return Math.max(0, Number(rows[0]!.n) - (rows[0]!.ids?.length ?? 0));
}

/**
 * Every job re-priced with `lib/points` from its stored shape and the factors its ledger entry
 * records (NFT count, whether it held a boost slot, stake): the entry must match to the micro-point,
 * and every job must have exactly one entry (ledger entries without a job count as mismatches too).
 */
export async function checkLedger(client: pg.PoolClient, onProgress?: (done: number) => void): Promise<CheckResult> {
  const { result, fail } = tally(LEDGER_CHECK);
  // One hash join of jobs and entries read in pages: the ledger's job_id has no index (dedupe lives on jobs).
  await client.query("SET LOCAL cursor_tuple_fraction = 1");
  for await (const rows of pages(client, jobLedgerEntries())) {
    for (const r of rows) {
      result.checked++;
      if (!r.entry_id) fail(`${r.job_id}: job without a ledger entry`);
      else reprice(r, fail);
    }
    onProgress?.(result.checked);
  }
  const orphans = await client.query<{ n: string; ids: string[] | null }>(
    `SELECT count(*)::text AS n, (array_agg(l.job_id ORDER BY l.job_id))[1:${EXAMPLES}] AS ids
       FROM ledger_entries l LEFT JOIN jobs j ON j.job_id = l.job_id WHERE l.kind = 'job' AND j.job_id IS NULL`,
  );
  for (const id of orphans.rows[0]!.ids ?? []) fail(`${id}: ledger entry without its job`);
  result.mismatches += Math.max(0, Number(orphans.rows[0]!.n) - (orphans.rows[0]!.ids?.length ?? 0));
  result.mismatches += await twice(client, "SELECT job_id FROM ledger_entries WHERE kind = 'job' GROUP BY job_id HAVING count(*) > 1", fail);
  return result;
}

/**
 * The same for the job entries with ids in `range`, entry by entry: each re-priced from its job,
 * each with its job, at the job's miner ID and completion time, and each its job's only entry
 * (looked up by that miner and time: indexed).
 * `jobs` is how many of the range's entries have their job: with every range clean, the jobs table
 * holds exactly the sum of them (checked by the caller).
 */
export async function checkLedgerRange(client: pg.PoolClient, range: IdRange, onProgress?: (done: number) => void): Promise<CheckResult & { jobs: number }> {
  const { result, fail } = tally(LEDGER_CHECK);
  let jobs = 0;
  for await (const rows of pages(client, jobEntriesInRange(range.after, range.upTo))) {
    for (const r of rows) {
      result.checked++;
      const job = r.has_job ? withJob(r) : null;
      if (!job) fail(`${r.job_id}: ledger entry without its job`);
      else {
        jobs++;
        if (!r.its_job) fail(`${r.job_id}: ledger entry ${r.entry_id} is not at its job's miner ID and completion time`);
        reprice(job, fail);
      }
    }
    onProgress?.(result.checked);
  }
  result.mismatches += await twice(
    client,
    `SELECT l.job_id FROM ledger_entries l
      WHERE l.kind = 'job' AND ${inRange(range)}
        AND EXISTS (SELECT 1 FROM ledger_entries d WHERE d.miner_id = l.miner_id AND d.occurred_at = l.occurred_at AND d.job_id = l.job_id AND d.kind = 'job' AND d.id <> l.id)
      GROUP BY l.job_id`,
    fail,
  );
  return { ...result, jobs };
}
