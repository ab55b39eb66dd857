import type { GpuModelThroughput } from "./types";

/** One GPU model × model id × day of the 7-day window, as the throughput query returns it. */
export interface ThroughputRow {
  hardware: string;
  model_id: string;
  /** 0-based index of the 24-hour bucket from the window start. */
  day: number;
  /** pg bigint/numeric sums arrive as text. */
  successes: string;
  micro: string;
  devices: string;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Folds daily rows into per-GPU-model, per-model-id medians (jobs per device per hour, points per job). */
export function summarizeThroughput(rows: readonly ThroughputRow[]): { days: number; items: GpuModelThroughput[] } {
  // A day on which the network reported nothing (before it started, or a router outage) says
  // nothing about a GPU; a day with jobs but none from this GPU and model counts as 0.
  const activeDays = [...new Set(rows.map((r) => r.day))];
  const groups = new Map<string, ThroughputRow[]>();
  for (const row of rows) {
    const key = `${row.hardware}\u0000${row.model_id}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const items: GpuModelThroughput[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    const devices = Number(first.devices);
    const successesOn = new Map(group.map((r) => [r.day, Number(r.successes)]));
    const rates = activeDays.map((day) => (devices === 0 ? 0 : (successesOn.get(day) ?? 0) / devices / 24));
    const perJob = group.flatMap((r) => (Number(r.successes) > 0 ? [Number(r.micro) / 1e6 / Number(r.successes)] : []));
    items.push({
      hardware: first.hardware,
      modelId: first.model_id,
      devices,
      successes: group.reduce((sum, r) => sum + Number(r.successes), 0),
      jobsPerDevicePerHour: median(rates) ?? 0,
      pointsPerJob: median(perJob),
    });
  }
  return { days: activeDays.length, items };
}
