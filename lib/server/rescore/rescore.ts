import "server-only";
import type pg from "pg";
import { AppError } from "@/lib/errors";
import { getScheduleOrThrow, ModelNotOfferedError, PointsError, priceJob } from "@/lib/points";
import { rescoreJobs } from "../generated/prisma/sql";
import { storedJobPriceInput } from "../queries/stored-job";
import { queryTyped } from "../typed-pg";

/** Points under the other schedule; a model that schedule does not offer earns nothing there. */
function priceOrZero(input: Parameters<typeof priceJob>[0]): number {
  try {
    return priceJob(input).pointsMicro;
  } catch (err) {
    if (err instanceof ModelNotOfferedError) return 0;
    throw err;
  }
}

export interface MinerDelta {
  minerId: string;
  wallet: string;
  jobs: number;
  changed: number;
  waifuDeltaMicro: bigint;
  llamaDeltaMicro: bigint;
}

export interface RescoreReport {
  scheduleId: string;
  from: Date;
  to: Date;
  jobs: number;
  changed: number;
  waifuDeltaMicro: bigint;
  llamaDeltaMicro: bigint;
  /** Miners whose points would change, largest change first. */
  miners: MinerDelta[];
}

/**
 * What pricing the jobs completed in [from, to) under schedule `scheduleId` would change, per
 * miner ID: each job keeps the NFT count, boost slot and stake it was priced with; only the
 * schedule differs. Read-only (one snapshot). The ledger is never edited: applying the report
 * means writing adjustment entries into the open epoch.
 */
export async function rescoreReport(pool: pg.Pool, opts: { scheduleId: string; from: Date; to: Date; onProgress?: (jobs: number) => void }): Promise<RescoreReport> {
  let schedule;
  try {
    schedule = getScheduleOrThrow(opts.scheduleId);
  } catch (err) {
    if (err instanceof PointsError) throw new AppError("bad_request", err.message);
    throw err;
  }
  if (!(opts.from < opts.to)) throw new AppError("bad_request", "from must be before to");
  const report: RescoreReport = { scheduleId: schedule.id, from: opts.from, to: opts.to, jobs: 0, changed: 0, waifuDeltaMicro: 0n, llamaDeltaMicro: 0n, miners: [] };
  const miners = new Map<string, MinerDelta>();
  const client = await pool.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    let after: [Date, string] = [new Date(opts.from.getTime() - 1), ""];
    for (;;) {
      const rows = await queryTyped(client, rescoreJobs(opts.from, opts.to, after[0], after[1]));
      if (rows.length === 0) break;
      for (const r of rows) {
        const priced = priceOrZero(storedJobPriceInput(r, schedule));
        const delta = BigInt(priced) - BigInt(r.points_micro);
        report.jobs++;
        let m = miners.get(r.miner_id);
        if (!m) miners.set(r.miner_id, (m = { minerId: r.miner_id, wallet: r.wallet, jobs: 0, changed: 0, waifuDeltaMicro: 0n, llamaDeltaMicro: 0n }));
        m.jobs++;
        if (delta !== 0n) {
          m.changed++;
          report.changed++;
          if (r.point_type === "waifu") m.waifuDeltaMicro += delta;
          else m.llamaDeltaMicro += delta;
        }
      }
      const last = rows.at(-1)!;
      after = [last.completed_at, last.job_id];
      opts.onProgress?.(report.jobs);
    }
    await client.query("COMMIT");
  } finally {
    client.release();
  }
  const abs = (v: bigint) => (v < 0n ? -v : v);
  report.miners = [...miners.values()]
    .filter((m) => m.changed > 0)
    .sort((a, b) => {
      const d = abs(b.waifuDeltaMicro + b.llamaDeltaMicro) - abs(a.waifuDeltaMicro + a.llamaDeltaMicro);
      return d > 0n ? 1 : d < 0n ? -1 : a.minerId < b.minerId ? -1 : 1;
    });
  for (const m of report.miners) {
    report.waifuDeltaMicro += m.waifuDeltaMicro;
    report.llamaDeltaMicro += m.llamaDeltaMicro;
  }
  return report;
}
