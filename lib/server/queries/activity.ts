import "server-only";
import type { DailyPoint } from "@/lib/schemas/activity";
import { readPool } from "../db";
import { countOf, onTimeOf, pointsOf } from "./convert";
import { WINDOW_HOURS, dayRange, windowStart } from "./windows";

// The miner and wallet pages read the same hourly shape from their own rollup, by primary key
// (key, hour): at most 24 rows for "last 24h" and 24 × days rows for the daily series, whatever
// the size of the ledger.
const ROLLUPS = {
  miner: { table: "miner_hourly", key: "miner_id" },
  wallet: { table: "wallet_hourly", key: "wallet" },
} as const;
export type RollupScope = keyof typeof ROLLUPS;

interface SumRow {
  waifu: string | null;
  llama: string | null;
  images: string | null;
  texts: string | null;
  jobs: string | null;
  successes: string | null;
}

const SUMS = `sum(waifu_micro)::text AS waifu, sum(llama_micro)::text AS llama, sum(image_count)::text AS images,
  sum(text_count)::text AS texts, sum(job_count)::text AS jobs, sum(success_count)::text AS successes`;

/** Points and jobs over the last 24 hourly buckets, and the on-time rate (not availability: see availability-24h.ts). */
export async function last24Hrs(scope: RollupScope, key: string, now: Date) {
  const { table, key: column } = ROLLUPS[scope];
  const { rows } = await readPool().query<SumRow>(`SELECT ${SUMS} FROM ${table} WHERE ${column} = $1 AND hour >= $2`, [
    key,
    windowStart(now, WINDOW_HOURS["24h"]),
  ]);
  const r = rows[0]!;
  return {
    last24HrsWaifuPoints: pointsOf(r.waifu),
    last24HrsLlamaPoints: pointsOf(r.llama),
    last24HrsImageCount: countOf(r.images),
    last24HrsTextCount: countOf(r.texts),
    last24HrsJobCount: countOf(r.jobs),
    onTime24h: onTimeOf(r.successes, r.jobs),
  };
}

/** The rollup's rows grouped by UTC day from `from` on: what both daily readers below read. */
async function dayRows(scope: RollupScope, key: string, from: Date): Promise<(SumRow & { day: string })[]> {
  const { table, key: column } = ROLLUPS[scope];
  const { rows } = await readPool().query<SumRow & { day: string }>(
    `SELECT to_char(hour AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, ${SUMS}
       FROM ${table} WHERE ${column} = $1 AND hour >= $2 GROUP BY 1`,
    [key, from],
  );
  return rows;
}

/** One entry per UTC day, zeros included, so a chart's x-axis has no gaps. */
export async function dailySeries(scope: RollupScope, key: string, now: Date, days: number): Promise<DailyPoint[]> {
  const { from, dates } = dayRange(now, days);
  const byDay = new Map((await dayRows(scope, key, from)).map((r) => [r.day, r]));
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
  const rows = await dayRows(scope, key, new Date(0));
  return rows
    .map((r) => ({ date: r.day, waifuMicro: BigInt(r.waifu ?? 0), llamaMicro: BigInt(r.llama ?? 0) }))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
}
