import "server-only";
import { csvLine, csvNumber, pullStream, scaledCell } from "@/lib/dashboard/csv";
import { datesOf, type ExportRange } from "@/lib/dashboard/export-range";
import { readPool } from "../db";

export const DAILY_CSV_COLUMNS = [
  "date",
  "waifu_points",
  "llama_points",
  "image_jobs",
  "text_jobs",
  "jobs",
  "successful_jobs",
  // successful_jobs ÷ jobs. Named "availability" before issue 10: it is not (availability is the
  // router's heartbeats, GET /api/v1/miners/{id}'s availability24h).
  "on_time_rate",
] as const;

// The same hourly rollups the dashboards read, by primary key (key, hour): at most 24 × 366 rows.
const SCOPES = {
  miner: { table: "miner_hourly", key: "miner_id" },
  wallet: { table: "wallet_hourly", key: "wallet" },
} as const;
export type DailyScope = keyof typeof SCOPES;

interface DayRow {
  day: string;
  waifu: string;
  llama: string;
  images: string;
  texts: string;
  jobs: string;
  successes: string;
}

/** One CSV line per UTC day of the range, days without jobs as zeros, oldest first. */
export function dailyCsvStream(scope: DailyScope, key: string, range: Pick<ExportRange, "start" | "end" | "days">): ReadableStream<Uint8Array> {
  const { table, key: column } = SCOPES[scope];
  let sent = false;
  return pullStream(async () => {
    if (sent) return null;
    sent = true;
    const { rows } = await readPool().query<DayRow>(
      `SELECT to_char(hour AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, sum(waifu_micro)::text AS waifu, sum(llama_micro)::text AS llama,
              sum(image_count)::text AS images, sum(text_count)::text AS texts, sum(job_count)::text AS jobs, sum(success_count)::text AS successes
         FROM ${table} WHERE ${column} = $1 AND hour >= $2 AND hour < $3 GROUP BY 1`,
      [key, range.start, range.end],
    );
    const byDay = new Map(rows.map((r) => [r.day, r]));
    const lines = datesOf(range).map((date) => {
      const r = byDay.get(date);
      const jobs = Number(r?.jobs ?? 0);
      const successes = Number(r?.successes ?? 0);
      return csvLine([
        date,
        scaledCell(r?.waifu ?? 0),
        scaledCell(r?.llama ?? 0),
        Number(r?.images ?? 0),
        Number(r?.texts ?? 0),
        jobs,
        successes,
        jobs === 0 ? null : csvNumber((successes / jobs).toFixed(4)),
      ]);
    });
    return csvLine(DAILY_CSV_COLUMNS) + lines.join("");
  });
}
