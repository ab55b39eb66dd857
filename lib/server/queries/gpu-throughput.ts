import "server-only";
import { summarizeThroughput, type ThroughputRow } from "@/lib/estimator/summarize-throughput";
import type { NetworkThroughput } from "@/lib/estimator/types";
import { pool } from "../db";
import { isoOf } from "./convert";
import { WINDOW_HOURS, windowStart } from "./windows";

// What each GPU model did per model id over the last 7 days, for the estimator's per-hour figures.
// Reads only the hardware_hourly rollup (GPU models × model ids × 168 hours) and one pass over
// nodes for the device count per GPU model, never the ledger. Days are 24-hour buckets counted
// from the window start, so all seven are the same length.
const SQL = `
  WITH per_day AS (
    SELECT hardware, model_id, floor(extract(epoch FROM hour - $1::timestamptz) / 86400)::int AS day,
           sum(success_count) AS successes, sum(waifu_micro + llama_micro) AS micro
      FROM hardware_hourly WHERE hour >= $1 AND hardware <> 'unknown' GROUP BY 1, 2, 3),
  devices AS (
    SELECT hardware, count(*) AS devices FROM nodes
     WHERE last_seen_at >= $1 AND hardware IS NOT NULL GROUP BY 1)
  SELECT p.hardware, p.model_id, p.day, p.successes::text, p.micro::text, coalesce(d.devices, 0)::text AS devices
    FROM per_day p LEFT JOIN devices d USING (hardware)`;

const TTL_MS = 5 * 60_000;
let cached: { at: number; value: NetworkThroughput } | undefined;

/** Cached for a few minutes per process: the medians of a 7-day window barely move in that time. */
export async function getGpuThroughput(now = new Date()): Promise<NetworkThroughput> {
  if (cached && now.getTime() - cached.at < TTL_MS) return cached.value;
  const from = windowStart(now, WINDOW_HOURS["7d"]);
  const { rows } = await pool().query<ThroughputRow>(SQL, [from]);
  const value = { from: isoOf(from), ...summarizeThroughput(rows) };
  cached = { at: now.getTime(), value };
  return value;
}
