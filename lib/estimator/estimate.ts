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
  type RewardSchedule,
  type ZeroReason,
} from "@/lib/points";
import { GPU_CATALOG, canServe, catalogJobsPerHour, catalogSecondsPerJob, findGpu, type Compatibility, type GpuSpec, type JobShape } from "@/lib/gpu-catalog";
import type { TokenRate } from "@/lib/rewards/token-rate";
import type { EstimatorInput } from "./params";
import type { GpuModelThroughput, JobKind, KindThroughput, ModelServed, NetworkThroughput } from "./types";

/** HEU per Waifu and per Llama Point, as lib/rewards/token-rate.ts gives them. */
export type HeuPerPoint = Pick<TokenRate, "waifu" | "llama">;

/** Below this much data a rate says more about a few rigs than about the GPU model. */
export const MIN_DEVICES = 3;
export const MIN_SUCCESSES = 20;
/** Per day means a day online: 24 hours the device is available to the router. */
export const HOURS_PER_DAY_ONLINE = 24;

export type Rate =
  | {
      source: "network";
      /** Successful jobs of this kind per hour online (all models of the kind its devices served). */
      jobsPerHour: number;
      p25: number | null;
      p75: number | null;
      kind: JobKind;
      devices: number;
      deviceDays: number;
      days: number;
    }
  | { source: "scaled"; jobsPerHour: number; reference: GpuSpec; devices: number; deviceDays: number; days: number }
  | { source: "catalog"; jobsPerHour: number };

/** What devices of the chosen GPU model really earned, on their own mix of jobs (Top GPUs' figure). */
export interface NetworkEarnings {
  throughput: GpuModelThroughput;
  /** This GPU model's own jobs of the chosen model: count and mean points per job. */
  model: ModelServed | null;
}

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
  /** Per hour × 24 hours online. */
  perDay: number;
  /** Per day at the p25 and p75 of the GPU model's device-days; null without a network range. */
  perDayRange: { p25: number; p75: number } | null;
  /** HEU a day online is worth at the portal's own HEU per point; null without a rate. */
  heuPerDay: number | null;
  earnings: NetworkEarnings | null;
  boostSlots: number;
  timeoutSec: number;
  /** Catalog time for one job of this shape on this GPU, to warn about the timeout. */
  catalogSeconds: number;
  stakeCurve: "boost" | "activation";
}

const enough = (k: KindThroughput) => k.devices >= MIN_DEVICES && k.successes >= MIN_SUCCESSES;

export function pickRate(gpu: GpuSpec, modelId: string, shape: JobShape, network: NetworkThroughput): Rate {
  const kind = getModelOrThrow(modelId).kind;
  const kindOf = (t: GpuModelThroughput) => t.kinds.find((k) => k.kind === kind && enough(k));
  const ownItem = network.items.find((t) => t.hardware === gpu.hardware);
  const own = ownItem && kindOf(ownItem);
  if (ownItem && own) {
    return {
      source: "network",
      jobsPerHour: own.jobsPerOnlineHour.value,
      p25: own.jobsPerOnlineHour.p25,
      p75: own.jobsPerOnlineHour.p75,
      kind,
      devices: own.devices,
      deviceDays: own.deviceDays,
      days: ownItem.days,
    };
  }
  // Other GPU models' real rate, scaled by relative speed: keeps the estimate on the network's demand.
  let best: { t: GpuModelThroughput; k: KindThroughput; spec: GpuSpec } | undefined;
  for (const t of network.items) {
    const k = kindOf(t);
    const spec = GPU_CATALOG.find((g) => g.hardware === t.hardware);
    if (k && spec && (!best || k.successes > best.k.successes)) best = { t, k, spec };
  }
  if (best) {
    return {
      source: "scaled",
      jobsPerHour: (best.k.jobsPerOnlineHour.value * gpu.speed) / best.spec.speed,
      reference: best.spec,
      devices: best.k.devices,
      deviceDays: best.k.deviceDays,
      days: best.t.days,
    };
  }
  return { source: "catalog", jobsPerHour: catalogJobsPerHour(gpu, getModelOrThrow(modelId), shape) };
}

/** The chosen GPU model's real earnings, when the network has any. */
export function networkEarnings(gpu: GpuSpec, modelId: string, network: NetworkThroughput): NetworkEarnings | null {
  const throughput = network.items.find((t) => t.hardware === gpu.hardware);
  if (!throughput) return null;
  return { throughput, model: throughput.models.find((m) => m.modelId === modelId) ?? null };
}

/**
 * An estimated job as GET /api/v1/estimate and the estimator price it: completed just within the
 * timeout, on a GPU holding a boost slot when the wallet has NFTs. Throws ModelNotOfferedError.
 */
export function priceEstimatedJob(schedule: RewardSchedule, modelId: string, job: Pick<EstimatorInput, "image" | "llm" | "nfts" | "stake">): PricedJob {
  return priceJob({
    schedule,
    modelId,
    status: "completed",
    latencySec: jobTimeoutSec(schedule, getModelOrThrow(modelId).kind),
    image: job.image,
    llm: job.llm,
    nftCount: job.nfts,
    hasBoostSlot: job.nfts > 0,
    stakeHeu: job.stake,
  });
}

export function computeEstimate(input: EstimatorInput, network: NetworkThroughput, heuPerPoint: HeuPerPoint | null = null): Estimate {
  const schedule = getScheduleOrThrow(input.scheduleId);
  const model = getModelOrThrow(input.modelId);
  const gpu = findGpu(input.gpu) ?? GPU_CATALOG[0]!;
  let priced: PricedJob | null = null;
  try {
    priced = priceEstimatedJob(schedule, model.id, input);
  } catch (err) {
    if (!(err instanceof ModelNotOfferedError)) throw err;
  }
  const shape: JobShape = input.image ?? input.llm ?? { inputTokens: 0, outputTokens: 0 };
  const compatibility = canServe(gpu, model);
  const rate = pickRate(gpu, model.id, shape, network);
  const perJob = priced ? microToPoints(priced.pointsMicro) : 0;
  const perHour = compatibility.ok ? perJob * rate.jobsPerHour : 0;
  const perDay = perHour * HOURS_PER_DAY_ONLINE;
  const perDayRange =
    compatibility.ok && rate.source === "network" && rate.p25 !== null && rate.p75 !== null
      ? { p25: perJob * rate.p25 * HOURS_PER_DAY_ONLINE, p75: perJob * rate.p75 * HOURS_PER_DAY_ONLINE }
      : null;
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
    perDay,
    perDayRange,
    heuPerDay: heuPerPoint ? perDay * (model.kind === "image" ? heuPerPoint.waifu : heuPerPoint.llama) : null,
    earnings: networkEarnings(gpu, model.id, network),
    boostSlots: boostSlots(input.nfts),
    timeoutSec: model.kind === "image" ? schedule.timeoutsSec.image : schedule.timeoutsSec.llm,
    catalogSeconds: catalogSecondsPerJob(gpu, model, shape),
    stakeCurve: schedule.stakeCurve.kind,
  };
}
