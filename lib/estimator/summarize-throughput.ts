// Folds the throughput query's rows (lib/server/queries/gpu-throughput.ts) into per-GPU-model
// figures. Pure, so the arithmetic the estimator and Top GPUs both show is pinned by unit tests.
import { findModel } from "@/lib/points";
import type { GpuModelThroughput, JobKind, KindThroughput, ModelServed, RateRange } from "./types";

/** One GPU model and kind of work (null: all kinds), as the query's GROUPING SETS return it. */
export interface KindRow {
  hardware: string;
  /** image | llm | none (devices online without a job, so no kind); null for the whole GPU model. */
  kind: string | null;
  devices: number;
  days: number;
  device_days: number;
  /** 5-minute buckets online. */
  online: number;
  successes: string;
  micro: string;
  /** p25 and p75 over device-days of successful jobs per online hour, and of micro-points per 24 h online. */
  jobs_q: number[] | null;
  micro_day_q: number[] | null;
}

export interface ModelRow {
  hardware: string;
  model_id: string;
  successes: string;
  micro: string;
}

const BUCKETS_PER_HOUR = 12;
/** Fewer device-days than this and a quartile describes single rigs, not the GPU model. */
export const MIN_DEVICE_DAYS_FOR_RANGE = 4;

function range(value: number, q: number[] | null, deviceDays: number, scale = 1): RateRange {
  if (!q || q.length < 2 || deviceDays < MIN_DEVICE_DAYS_FOR_RANGE) return { value, p25: null, p75: null };
  return { value, p25: q[0]! * scale, p75: q[1]! * scale };
}

export function summarizeThroughput(kindRows: readonly KindRow[], modelRows: readonly ModelRow[], windowHours: number): GpuModelThroughput[] {
  const byHardware = new Map<string, GpuModelThroughput>();
  for (const r of kindRows) {
    if (r.kind !== null) continue;
    const onlineHours = r.online / BUCKETS_PER_HOUR;
    const points = Number(r.micro) / 1e6;
    byHardware.set(r.hardware, {
      hardware: r.hardware,
      devices: r.devices,
      days: r.days,
      deviceDays: r.device_days,
      onlineHours,
      points,
      pointsPerOnlineDay: range(onlineHours > 0 ? (points / onlineHours) * 24 : 0, r.micro_day_q, r.device_days, 1e-6),
      onlineShare: r.devices > 0 && windowHours > 0 ? onlineHours / r.devices / windowHours : 0,
      kinds: [],
      models: [],
    });
  }
  for (const r of kindRows) {
    if (r.kind !== "image" && r.kind !== "llm") continue;
    const item = byHardware.get(r.hardware);
    if (!item) continue;
    const onlineHours = r.online / BUCKETS_PER_HOUR;
    const successes = Number(r.successes);
    const kind: KindThroughput = {
      kind: r.kind as JobKind,
      devices: r.devices,
      deviceDays: r.device_days,
      onlineHours,
      successes,
      jobsPerOnlineHour: range(onlineHours > 0 ? successes / onlineHours : 0, r.jobs_q, r.device_days),
    };
    item.kinds.push(kind);
  }
  for (const r of modelRows) {
    const item = byHardware.get(r.hardware);
    if (!item) continue;
    const successes = Number(r.successes);
    const points = Number(r.micro) / 1e6;
    const model: ModelServed = { modelId: r.model_id, successes, points, pointsPerJob: successes > 0 ? points / successes : null };
    item.models.push(model);
  }
  const items = [...byHardware.values()].filter((i) => i.devices > 0);
  for (const i of items) {
    i.kinds.sort((a, b) => a.kind.localeCompare(b.kind));
    i.models.sort((a, b) => b.successes - a.successes || a.modelId.localeCompare(b.modelId));
  }
  // Best earners first, as Top GPUs ranks them.
  return items.sort((a, b) => b.pointsPerOnlineDay.value - a.pointsPerOnlineDay.value || a.hardware.localeCompare(b.hardware));
}

/** The kind of work a model is (image or LLM); null for an id the library does not know. */
export const kindOf = (modelId: string): JobKind | null => findModel(modelId)?.kind ?? null;
