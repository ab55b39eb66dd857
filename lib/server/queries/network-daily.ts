import "server-only";
import { readPool } from "../db";
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

interface Row {
  day: string;
  waifu: string;
  llama: string;
  jobs: string;
  successes: string;
  latency_ms: string;
}

// hardware_hourly only (GPU models × model ids × hours: a few hundred rows a day, read by its hour
// index), never the ledger: 30 days stay a few ms however many jobs the network ran.
const SQL = `
  SELECT to_char(date_trunc('day', hour AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day,
         sum(waifu_micro)::text AS waifu, sum(llama_micro)::text AS llama,
         sum(job_count)::text AS jobs, sum(success_count)::text AS successes, sum(latency_ms_sum)::text AS latency_ms
    FROM hardware_hourly
   WHERE hour >= $1
   GROUP BY 1`;

/** One row per UTC day of the last `days` days (today included), zero-filled. */
export async function getNetworkDaily(days = 30, now = new Date()): Promise<NetworkDaily> {
  const range = dayRange(now, days);
  const { rows } = await readPool().query<Row>(SQL, [range.from]);
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
