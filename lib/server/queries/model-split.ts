import "server-only";
import { microToPoints } from "@/lib/points";
import { readPrisma } from "../db";
import { minerModelSplit as minerModelSplitSql, walletModelSplit as walletModelSplitSql } from "../generated/prisma/sql";

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

function toRows(rows: (walletModelSplitSql.Result | minerModelSplitSql.Result)[]): ModelSplitRow[] {
  return rows.map((r) => ({ modelId: r.model_id, pointType: r.point_type, jobs: Number(r.jobs), points: microToPoints(BigInt(r.points)) }));
}

/** A wallet's jobs and points per model over the last `days` days, from the daily per-model rollup. */
export async function walletModelSplit(address: string, days: number, now = new Date()): Promise<ModelSplitRow[]> {
  return toRows(await readPrisma().$queryRawTyped(walletModelSplitSql(address, firstDay(now, days))));
}

/**
 * One GPU's split, from its ledger entries through the (miner_id, occurred_at) index: one GPU does
 * at most a few thousand jobs a month, so this stays a bounded index range scan.
 */
export async function minerModelSplit(minerId: string, days: number, now = new Date()): Promise<ModelSplitRow[]> {
  return toRows(await readPrisma().$queryRawTyped(minerModelSplitSql(minerId, firstDay(now, days))));
}
