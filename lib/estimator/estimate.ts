// The estimator's arithmetic, pure so it runs on every keystroke in the browser and under test.
// Per job: exactly what GET /api/v1/estimate returns (the same priceJob call). Per hour: points per
// job × how many jobs such a GPU really completes per hour on the network, or a catalog estimate.
import {
  ModelNotOfferedError,
  boostSlots,
  getModelOrThrow,
  getScheduleOrThrow,
  jobTimeoutSec,
  microToPoints,
  ppmToNumber,
  priceJob,
  type PricedJob,
  type ZeroReason,
} from "@/lib/points";
import { GPU_CATALOG, canServe, catalogJobsPerHour, catalogSecondsPerJob, findGpu, type Compatibility, type GpuSpec, type JobShape } from "@/lib/gpu-catalog";
import type { EstimatorInput } from "./params";
import type { GpuModelThroughput, NetworkThroughput } from "./types";

/** Below this much data a median says more about a few rigs than about the GPU model. */
export const MIN_DEVICES = 3;
export const MIN_SUCCESSES = 20;

export type Rate =
  | { source: "network"; jobsPerHour: number; devices: number; successes: number; days: number; networkPointsPerJob: number | null }
  | { source: "scaled"; jobsPerHour: number; reference: GpuSpec; devices: number; days: number }
  | { source: "catalog"; jobsPerHour: number };

export interface Estimate {
  /** null when the schedule does not offer the model at all. */
  priced: PricedJob | null;
  notOffered: boolean;
  zeroReason: ZeroReason | null;
  perJob: number;
  breakdown: { base: number; modelMultiplier: number; nftMultiplier: number; stakeMultiplier: number };
  gpu: GpuSpec;
  compatibility: Compatibility;
  rate: Rate;
  perHour: number;
  perDay: number;
  boostSlots: number;
  timeoutSec: number;
  /** Catalog time for one job of this shape on this GPU, to warn about the timeout. */
  catalogSeconds: number;
  stakeCurve: "boost" | "activation";
}

const enough = (t: GpuModelThroughput) => t.devices >= MIN_DEVICES && t.successes >= MIN_SUCCESSES;

export function pickRate(gpu: GpuSpec, modelId: string, shape: JobShape, network: NetworkThroughput): Rate {
  const forModel = network.items.filter((t) => t.modelId === modelId && enough(t));
  const own = forModel.find((t) => t.hardware === gpu.hardware);
  if (own) {
    return {
      source: "network",
      jobsPerHour: own.jobsPerDevicePerHour,
      devices: own.devices,
      successes: own.successes,
      days: network.days,
      networkPointsPerJob: own.pointsPerJob,
    };
  }
  // Other GPU models' real rate, scaled by relative speed: keeps the estimate on the network's demand.
  let best: { t: GpuModelThroughput; spec: GpuSpec } | undefined;
  for (const t of forModel) {
    const spec = GPU_CATALOG.find((g) => g.hardware === t.hardware);
    if (spec && (!best || t.successes > best.t.successes)) best = { t, spec };
  }
  if (best) {
    return {
      source: "scaled",
      jobsPerHour: (best.t.jobsPerDevicePerHour * gpu.speed) / best.spec.speed,
      reference: best.spec,
      devices: best.t.devices,
      days: network.days,
    };
  }
  return { source: "catalog", jobsPerHour: catalogJobsPerHour(gpu, getModelOrThrow(modelId), shape) };
}

export function computeEstimate(input: EstimatorInput, network: NetworkThroughput): Estimate {
  const schedule = getScheduleOrThrow(input.scheduleId);
  const model = getModelOrThrow(input.modelId);
  const gpu = findGpu(input.gpu) ?? GPU_CATALOG[0]!;
  let priced: PricedJob | null = null;
  try {
    // The same call as GET /api/v1/estimate: a job completed just within the timeout, on a GPU holding a boost slot.
    priced = priceJob({
      schedule,
      modelId: model.id,
      status: "completed",
      latencySec: jobTimeoutSec(schedule, model.kind),
      image: input.image,
      llm: input.llm,
      nftCount: input.nfts,
      hasBoostSlot: input.nfts > 0,
      stakeHeu: input.stake,
    });
  } catch (err) {
    if (!(err instanceof ModelNotOfferedError)) throw err;
  }
  const shape: JobShape = input.image ?? input.llm ?? { inputTokens: 0, outputTokens: 0 };
  const compatibility = canServe(gpu, model);
  const rate = pickRate(gpu, model.id, shape, network);
  const perJob = priced ? microToPoints(priced.pointsMicro) : 0;
  const perHour = compatibility.ok ? perJob * rate.jobsPerHour : 0;
  return {
    priced,
    notOffered: priced === null,
    zeroReason: priced?.zeroReason ?? null,
    perJob,
    breakdown: {
      base: priced ? microToPoints(priced.baseMicro) : 0,
      modelMultiplier: priced ? ppmToNumber(priced.modelMultiplierPpm) : 0,
      nftMultiplier: priced ? ppmToNumber(priced.nftMultiplierPpm) : 1,
      stakeMultiplier: priced ? ppmToNumber(priced.stakeMultiplierPpm) : 1,
    },
    gpu,
    compatibility,
    rate,
    perHour,
    perDay: perHour * 24,
    boostSlots: boostSlots(input.nfts),
    timeoutSec: model.kind === "image" ? schedule.timeoutsSec.image : schedule.timeoutsSec.llm,
    catalogSeconds: catalogSecondsPerJob(gpu, model, shape),
    stakeCurve: schedule.stakeCurve.kind,
  };
}
