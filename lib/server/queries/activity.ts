import "server-only";
import type { DailyPoint } from "@/lib/schemas/activity";
import { readPrisma } from "../db";
import { rollupSums } from "../generated/prisma/sql";
import { countOf, onTimeOf, pointsOf } from "./convert";
import { WINDOW_HOURS, dayRange, windowStart } from "./windows";

// The miner and wallet pages and the daily CSV read the same hourly shape from their own rollup,
// by primary key: prisma/sql/rollupSums.sql.
export type RollupScope = "miner" | "wallet";

/** Later than any hour a rollup holds: the reads below that have no end. */
const NO_END = new Date(8.64e15);

/** Points and jobs over the last 24 hourly buckets, and the on-time rate (not availability: see availability-24h.ts). */
export async function last24Hrs(scope: RollupScope, key: string, now: Date) {
  const [r] = await readPrisma().$queryRawTyped(rollupSums(scope, key, windowStart(now, WINDOW_HOURS["24h"]), NO_END, false));
  return {
    last24HrsWaifuPoints: pointsOf(r?.waifu),
    last24HrsLlamaPoints: pointsOf(r?.llama),
    last24HrsImageCount: countOf(r?.images),
    last24HrsTextCount: countOf(r?.texts),
    last24HrsJobCount: countOf(r?.jobs),
    onTime24h: onTimeOf(r?.successes, r?.jobs),
  };
}

/** The rollup's sums per UTC day of [from, to), in no order: what the daily readers read. */
export async function rollupDays(scope: RollupScope, key: string, from: Date, to = NO_END): Promise<(rollupSums.Result & { day: string })[]> {
  const rows = await readPrisma().$queryRawTyped(rollupSums(scope, key, from, to, true));
  return rows.map((r) => ({ ...r, day: r.day! }));
}

/** One entry per UTC day, zeros included, so a chart's x-axis has no gaps. */
export async function dailySeries(scope: RollupScope, key: string, now: Date, days: number): Promise<DailyPoint[]> {
  const { from, dates } = dayRange(now, days);
  const byDay = new Map((await rollupDays(scope, key, from)).map((r) => [r.day, r]));
  return dates.map((date) => {
    const r = byDay.get(date);
    return {
      date,
      waifuPoints: pointsOf(r?.waifu),
      llamaPoints: pointsOf(r?.llama),
      imageCount: countOf(r?.images),
      textCount: countOf(r?.texts),
      jobCount: countOf(r?.jobs),
    };
  });
}

/** Every UTC day with a rollup row (a job or a correction) over the whole history, oldest first, in exact micro-points. */
export async function dailyMicro(scope: RollupScope, key: string): Promise<{ date: string; waifuMicro: bigint; llamaMicro: bigint }[]> {
  const rows = await rollupDays(scope, key, new Date(0));
  return rows.map((r) => ({ date: r.day, waifuMicro: BigInt(r.waifu ?? 0), llamaMicro: BigInt(r.llama ?? 0) })).sort((a, b) => (a.date < b.date ? -1 : 1));
}
