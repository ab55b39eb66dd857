import "server-only";
import { microToPoints } from "@/lib/points";
import { readPool } from "../db";

export interface ModelSplitRow {
  modelId: string;
  pointType: "waifu" | "llama";
  jobs: number;
  points: number;
}

const DAY_MS = 86_400_000;

/** UTC date `days - 1` days before `now`: a window of `days` calendar days including today. */
function firstDay(now: Date, days: number): string {
  return new Date(now.getTime() - (days - 1) * DAY_MS).toISOString().slice(0, 10);
}

function toRows(rows: { model_id: string; point_type: "waifu" | "llama"; jobs: string; points: string }[]): ModelSplitRow[] {
  return rows.map((r) => ({ modelId: r.model_id, pointType: r.point_type, jobs: Number(r.jobs), points: microToPoints(BigInt(r.points)) }));
}

/** A wallet's jobs and points per model over the last `days` days, from the daily per-model rollup. */
export async function walletModelSplit(address: string, days: number, now = new Date()): Promise<ModelSplitRow[]> {
  const { rows } = await readPool().query(
    `SELECT model_id, point_type, sum(job_count)::text AS jobs, sum(points_micro)::text AS points
       FROM wallet_model_daily WHERE wallet = $1 AND day >= $2::date
      GROUP BY model_id, point_type ORDER BY sum(points_micro) DESC, model_id`,
    [address, firstDay(now, days)],
  );
  return toRows(rows);
}

/**
 * One GPU's split, from its ledger entries through the (miner_id, occurred_at) index: one GPU does
 * at most a few thousand jobs a month, so this stays a bounded index range scan.
 */
export async function minerModelSplit(minerId: string, days: number, now = new Date()): Promise<ModelSplitRow[]> {
  const { rows } = await readPool().query(
    `SELECT model_id, point_type, count(*)::text AS jobs, sum(points_micro)::text AS points
       FROM ledger_entries WHERE miner_id = $1 AND occurred_at >= $2::date AND kind = 'job'
      GROUP BY model_id, point_type ORDER BY sum(points_micro) DESC, model_id`,
    [minerId, firstDay(now, days)],
  );
  return toRows(rows);
}
