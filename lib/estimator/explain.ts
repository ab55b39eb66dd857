// Sentences the estimator shows, kept pure so tests pin what a first-time visitor reads.
import { MODELS, TOKENS_PER_POINT, describeBreach, findModel, scheduleMultiplierPpm, type ModelInfo, type RewardSchedule } from "@/lib/points";
import { formatCount, formatRate } from "@/lib/format";
import { canServe, type Compatibility, type GpuSpec } from "@/lib/gpu-catalog";
import { HOURS_PER_DAY_ONLINE, type Estimate, type Rate } from "./estimate";
import type { EstimatorInput } from "./params";
import type { NetworkThroughput } from "./types";

const sig = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 });
const int = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const exact = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

export { formatRate };

/** Why the job, or the hour, earns nothing, in the visitor's words; empty when it earns. */
export function zeroExplanations(estimate: Estimate, model: ModelInfo, schedule: RewardSchedule): string[] {
  const reasons: string[] = [];
  if (estimate.notOffered) {
    reasons.push(`${model.label} is not offered by the ${schedule.id} schedule, so it earns 0. Pick another schedule or model.`);
  }
  switch (estimate.zeroReason) {
    case "floor":
      reasons.push(model.kind === "image" ? "Below the anti-spam floor: images smaller than 512×512 pixels or with fewer than 20 steps earn 0." : "A job with no tokens earns 0.");
      break;
    case "disabled":
      reasons.push(`${model.label} is disabled in the ${schedule.id} schedule (multiplier 0): its jobs earn nothing.`);
      break;
    case "inactive":
      reasons.push("Under mainnet rules a node needs at least 10,000 stHEU staked to earn; below that it is inactive and earns 0.");
      break;
    case "implausible": {
      // The estimate assumes the job finishes just within the timeout, so only size limits, or
      // more work than any GPU finishes in time, land here.
      const breach = estimate.priced?.implausible;
      const why =
        breach?.bound === "latency"
          ? `No GPU can finish this much ${model.label} work within the ${estimate.timeoutSec} s timeout`
          : breach
            ? describeBreach(breach, model.id)
            : `This job is outside the plausibility bounds for ${model.label}`;
      reasons.push(`${why}; such jobs earn nothing and are flagged for review.`);
      break;
    }
    default:
      break;
  }
  if (!estimate.compatibility.ok) {
    reasons.push(`An ${estimate.gpu.name} can't serve ${model.label}: it ${estimate.compatibility.reason}. It earns 0 per hour on this model.`);
  }
  return reasons;
}

const KIND_WORDS = { image: "image", llm: "LLM" } as const;
// Without heartbeats an hour is online only when a job came in it, so an idle online hour is
// missed and the rate per hour online reads high where jobs are sparse: say so.
const FALLBACK_CAVEAT = " Part of the window predates the heartbeats: there an hour counts as online only if a job came, which overstates jobs per hour where jobs are sparse.";

/** Where the jobs-per-hour figure comes from, with its sample. */
export function rateSource(rate: Rate, gpu: GpuSpec, model: ModelInfo, availability: NetworkThroughput["availabilitySource"] = "heartbeats"): string {
  if (!canServe(gpu, model).ok) return `An ${gpu.name} can't serve ${model.label}, so it completes no jobs of it.`;
  switch (rate.source) {
    case "network": {
      const spread = rate.p25 !== null && rate.p75 !== null ? ` (p25–p75 across device-days: ${formatRate(rate.p25)}–${formatRate(rate.p75)})` : "";
      return `From ${formatCount(rate.devices, `${gpu.name} device`)} over ${formatCount(rate.days, "day")} (${formatCount(rate.deviceDays, "device-day")} online): they completed ${formatRate(rate.jobsPerHour)} ${KIND_WORDS[rate.kind]} jobs per hour online${spread}, over every ${KIND_WORDS[rate.kind]} model they served. Hours online are measured from the router's heartbeats (before those began, hours with a received job).${availability === "jobs" || availability === "mixed" ? FALLBACK_CAVEAT : ""}`;
    }
    case "scaled":
      return `No network data for the ${gpu.name} on ${model.kind === "image" ? "image" : "LLM"} jobs yet: scaled estimate. The jobs per hour online of ${formatCount(rate.devices, `${rate.reference.name} device`)} over ${formatCount(rate.days, "day")}, scaled by relative speed (${sig.format(gpu.speed)} vs ${sig.format(rate.reference.speed)}).`;
    case "catalog":
      return `No network data yet: catalog estimate. An ${gpu.name} kept busy the whole hour would finish about ${formatRate(rate.jobsPerHour)} jobs like this; real earnings depend on how many jobs the network sends.`;
  }
}

/**
 * Per job × jobs per hour = per hour; × 24 hours online = per day, written with the figures the
 * page shows, so the two headline numbers visibly agree.
 */
export function perDayArithmetic(estimate: Estimate): string {
  const jobs = estimate.compatibility.ok ? formatRate(estimate.rate.jobsPerHour) : "0";
  const perHour = formatRate(estimate.perHour);
  return `${formatRate(estimate.perJob)} per job × ${jobs} jobs per hour online = ${perHour} per hour; × ${HOURS_PER_DAY_ONLINE} hours online = ${formatRate(estimate.perDay)} per day online.`;
}

/** How the base points of the shape come about, consistent with the priced result. */
export function baseExplanation(input: EstimatorInput, estimate: Estimate, model: ModelInfo, schedule: RewardSchedule): string {
  if (input.llm) {
    const tokens = input.llm.inputTokens + input.llm.outputTokens;
    const base = tokens / TOKENS_PER_POINT;
    const words = `${formatCount(tokens, "token")} ÷ ${int.format(TOKENS_PER_POINT)} = ${exact.format(base)} Llama ${base === 1 ? "Point" : "Points"}`;
    // A schedule that does not offer the model prices nothing: say so instead of "= 0".
    if (estimate.notOffered) return `${words} before multipliers under a schedule that offers ${model.label}; ${schedule.id} does not, so no base points are priced.`;
    return `${words} before multipliers.`;
  }
  const { width, height, steps } = input.image!;
  if (estimate.notOffered) return `${schedule.id} does not offer ${model.label}, so no base points are priced.`;
  if (estimate.breakdown.base === 0) return `${width}×${height} at ${steps} steps is below the floor (512×512, 20 steps).`;
  const pixelFactor = 1 + (5 * (width * height - 262_144)) / 786_432;
  return `${width}×${height} pixels count ${exact.format(Number(pixelFactor.toFixed(4)))}× a 512×512 image, and ${steps} steps count ${exact.format(steps / 20)}× 20 steps: ${exact.format(estimate.breakdown.base)} Waifu Points before multipliers.`;
}

/** The model multiplier's line: what the schedule pays, and a ×0 said as such. */
export function multiplierExplanation(estimate: Estimate, model: ModelInfo, schedule: RewardSchedule): string {
  if (estimate.notOffered) return `${model.label} is not offered by ${schedule.id}.`;
  if (estimate.breakdown.modelMultiplier === 0) return `×0 in this schedule: ${schedule.id} disables ${model.label}, so its jobs earn nothing.`;
  return `What ${schedule.id} pays for ${model.label} relative to the base.`;
}

export interface ServeGroup {
  label: string;
  vramGb: number;
  models: ModelInfo[];
  compatibility: Compatibility;
}

// Smallest first, so the list reads as a ladder of what more VRAM unlocks.
const GROUP_LABELS: Record<string, string> = {
  sd15: "SD 1.5",
  sdxl: "SDXL",
  "sdxl-lora": "SDXL LoRA",
  "llm-24": "8B LLMs",
  flux: "Flux",
  "llm-40": "Mixtral 8x7B",
};

/** The models a GPU can serve, by family (models of a family need the same VRAM). */
export function serveGroups(gpu: GpuSpec): ServeGroup[] {
  const groups = new Map<string, ServeGroup>();
  for (const model of MODELS) {
    const key = model.kind === "llm" ? `llm-${model.vramGb}` : (model.category ?? model.type);
    const group = groups.get(key);
    if (group) group.models.push(model);
    else groups.set(key, { label: GROUP_LABELS[key] ?? key, vramGb: model.vramGb, models: [model], compatibility: canServe(gpu, model) });
  }
  const order = Object.keys(GROUP_LABELS);
  return [...groups.entries()].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)).map(([, group]) => group);
}

/** Option text for the model select: the label, flagged when the GPU or schedule rules it out. */
export function modelOptionText(modelId: string, gpu: GpuSpec, schedule: RewardSchedule): string {
  const model = findModel(modelId);
  if (!model) return modelId;
  const flags: string[] = [];
  if (!canServe(gpu, model).ok) flags.push(`won't run on ${gpu.name}`);
  const ppm = scheduleMultiplierPpm(schedule, model);
  if (ppm === undefined) flags.push("not in this schedule");
  else if (ppm === 0) flags.push("earns 0 in this schedule");
  return flags.length ? `${model.label} (${flags.join("; ")})` : model.label;
}
