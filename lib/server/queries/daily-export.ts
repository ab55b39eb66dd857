import "server-only";
import { csvLine, csvNumber, pullStream, scaledCell } from "@/lib/dashboard/csv";
import { datesOf, type ExportRange } from "@/lib/dashboard/export-range";
import { rollupDays, type RollupScope } from "./activity";

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

/** One CSV line per UTC day of the range, days without jobs as zeros, oldest first. */
export function dailyCsvStream(scope: RollupScope, key: string, range: Pick<ExportRange, "start" | "end" | "days">): ReadableStream<Uint8Array> {
  let sent = false;
  return pullStream(async () => {
    if (sent) return null;
    sent = true;
    // The dashboards' own rollup reads (activity.ts), at most 24 × 366 rows.
    const rows = await rollupDays(scope, key, range.start, range.end);
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
