import "server-only";
import { readPrisma } from "../db";
import { networkDays } from "../generated/prisma/sql";
import { countOf, pointsOf } from "./convert";
import { dayRange } from "./windows";

export interface NetworkDay {
  /** UTC date, YYYY-MM-DD. */
  date: string;
  waifuPoints: number;
  llamaPoints: number;
  jobs: number;
  successes: number;
  /** successes ÷ jobs; null on a day without jobs. */
  successRate: number | null;
  /** Mean latency of successful jobs, ms; null without successes. */
  meanLatencyMs: number | null;
}

export interface NetworkDaily {
  from: string;
  days: NetworkDay[];
}

/** One row per UTC day of the last `days` days (today included), zero-filled. */
export async function getNetworkDaily(days = 30, now = new Date()): Promise<NetworkDaily> {
  const range = dayRange(now, days);
  // From hardware_hourly only, never the ledger: prisma/sql/networkDays.sql.
  const rows = await readPrisma().$queryRawTyped(networkDays(range.from));
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return {
    from: range.from.toISOString(),
    days: range.dates.map((date) => {
      const r = byDay.get(date);
      const jobs = countOf(r?.jobs);
      const successes = countOf(r?.successes);
      return {
        date,
        waifuPoints: pointsOf(r?.waifu),
        llamaPoints: pointsOf(r?.llama),
        jobs,
        successes,
        successRate: jobs === 0 ? null : successes / jobs,
        meanLatencyMs: successes === 0 ? null : countOf(r?.latency_ms) / successes,
      };
    }),
  };
}
