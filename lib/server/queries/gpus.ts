import "server-only";
import type { GpuStats, GpusQuery, GpusResponse } from "@/lib/schemas/gpus";
import type { GpuModelThroughput } from "@/lib/estimator/types";
import { readPrisma } from "../db";
import { gpuModelStats } from "../generated/prisma/sql";
import { getGpuThroughput } from "./gpu-throughput";
import { countOf, isoOf, pointsOf, ratioOf } from "./convert";
import { WINDOW_HOURS, windowStart } from "./windows";

// The per-model query and why it stays cheap: prisma/sql/gpuModelStats.sql.
type Row = gpuModelStats.Result;

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
  const [rows, online] = await Promise.all([readPrisma().$queryRawTyped(gpuModelStats(from)), getGpuThroughput(query.window)]);
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
