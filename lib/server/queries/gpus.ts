import "server-only";
import type { GpuStats, GpusQuery, GpusResponse } from "@/lib/schemas/gpus";
import type { GpuModelThroughput } from "@/lib/estimator/types";
import { readPool } from "../db";
import { getGpuThroughput } from "./gpu-throughput";
import { countOf, isoOf, nodeLatencyMsSql, pointsOf, ratioOf } from "./convert";
import { WINDOW_HOURS, windowStart } from "./windows";

interface Row {
  hardware: string;
  jobs: string;
  successes: string;
  waifu: string;
  llama: string;
  latency_ms: string;
  devices: string;
  median_latency_ms: number | null;
}

// Jobs and points come from hardware_hourly (a few dozen GPU models × models × hours). Active
// devices and the median latency come from one pass over nodes (40,000 rows at network scale, a few
// ms; it does not grow with the ledger, and needs no index on hardware, which would cost every
// ingest batch a non-HOT update). Jobs without a reported hardware roll up as "unknown", and so do
// nodes without one.
//
// Median latency is the median over active devices of each device's mean latency (nodes'
// latency_ms_sum ÷ latency_count, all time): robust to a few slow or misreporting rigs, unlike the mean of all jobs,
// which is also returned (meanLatencyMs = latency_ms_sum ÷ success_count in the window).
const SQL = `
  WITH agg AS (
    SELECT hardware, sum(job_count) AS jobs, sum(success_count) AS successes, sum(waifu_micro) AS waifu,
           sum(llama_micro) AS llama, sum(latency_ms_sum) AS latency_ms
      FROM hardware_hourly WHERE hour >= $1 GROUP BY hardware),
  active AS (
    SELECT coalesce(hardware, 'unknown') AS hardware, count(*) AS devices,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY ${nodeLatencyMsSql("nodes")}) AS median
      FROM nodes WHERE last_seen_at >= $1 GROUP BY 1)
  SELECT a.hardware, a.jobs::text, a.successes::text, a.waifu::text, a.llama::text, a.latency_ms::text,
         coalesce(d.devices, 0)::text AS devices, d.median AS median_latency_ms
    FROM agg a LEFT JOIN active d USING (hardware)`;

function toStats(row: Row, days: number, online: GpuModelThroughput | undefined): GpuStats {
  const devices = countOf(row.devices);
  const waifu = pointsOf(row.waifu);
  const llama = pointsOf(row.llama);
  const perDeviceDay = (points: number) => (devices === 0 ? null : points / devices / days);
  const successes = countOf(row.successes);
  return {
    hardware: row.hardware,
    activeDevices: devices,
    jobs: countOf(row.jobs),
    successes,
    availability: ratioOf(row.successes, row.jobs),
    waifuPoints: waifu,
    llamaPoints: llama,
    waifuPointsPerDevicePerDay: perDeviceDay(waifu),
    llamaPointsPerDevicePerDay: perDeviceDay(llama),
    pointsPerDevicePerDay: perDeviceDay(waifu + llama),
    pointsPerDayOnline: online ? online.pointsPerOnlineDay.value : null,
    pointsPerDayOnlineP25: online?.pointsPerOnlineDay.p25 ?? null,
    pointsPerDayOnlineP75: online?.pointsPerOnlineDay.p75 ?? null,
    onlineDevices: online?.devices ?? 0,
    onlineDays: online?.days ?? 0,
    deviceDaysOnline: online?.deviceDays ?? 0,
    onlineShare: online ? online.onlineShare : null,
    medianLatencyMs: row.median_latency_ms,
    meanLatencyMs: successes === 0 ? null : countOf(row.latency_ms) / successes,
  };
}

/**
 * GPU models by points per day online, best first (the estimator's figure, from the worker's
 * throughput snapshot); models without a device online last. Null before the worker's first pass.
 */
export async function getGpuStats(query: GpusQuery, now = new Date()): Promise<GpusResponse | null> {
  const hours = WINDOW_HOURS[query.window];
  const from = windowStart(now, hours);
  const [{ rows }, online] = await Promise.all([readPool().query<Row>(SQL, [from]), getGpuThroughput(query.window)]);
  if (!online) return null;
  const byHardware = new Map(online.items.map((t) => [t.hardware, t]));
  const items = rows.map((r) => toStats(r, hours / 24, byHardware.get(r.hardware)));
  items.sort((a, b) => (b.pointsPerDayOnline ?? -1) - (a.pointsPerDayOnline ?? -1) || a.hardware.localeCompare(b.hardware));
  return {
    window: query.window,
    from: isoOf(from),
    online: { from: online.from, to: online.to, asOf: online.asOf, source: online.availabilitySource },
    items,
  };
}
