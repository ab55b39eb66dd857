// Sentences the estimator shows, kept pure so tests pin what a first-time visitor reads.
import { MODELS, describeBreach, findModel, type ModelInfo, type RewardSchedule } from "@/lib/points";
import { canServe, type Compatibility, type GpuSpec } from "@/lib/gpu-catalog";
import type { Estimate, Rate } from "./estimate";

const sig = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 });
const int = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

export function formatRate(n: number): string {
  return sig.format(n);
}

/** Why the job, or the hour, earns nothing, in the visitor's words; empty when it earns. */
export function zeroExplanations(estimate: Estimate, model: ModelInfo, schedule: RewardSchedule): string[] {
  const reasons: string[] = [];
  if (estimate.notOffered) {
    reasons.push(`${model.label} is not offered by the ${schedule.id} schedule, so it earns 0. Pick another schedule or model.`);
  }
  switch (estimate.zeroReason) {
    case "floor":
      reasons.push(
        model.kind === "image"
          ? "Below the anti-spam floor: images smaller than 512×512 pixels or with fewer than 20 steps earn 0."
          : "A job with no tokens earns 0.",
      );
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

/** Where the jobs-per-hour figure comes from. */
export function rateSource(rate: Rate, gpu: GpuSpec, model: ModelInfo): string {
  if (!canServe(gpu, model).ok) return `An ${gpu.name} can't serve ${model.label}, so it completes no jobs of it.`;
  switch (rate.source) {
    case "network":
      return `Based on ${int.format(rate.devices)} ${gpu.name} devices over the last 7 days: the median day, they completed ${formatRate(rate.jobsPerHour)} ${model.label} jobs per device per hour.`;
    case "scaled":
      return `No network data for the ${gpu.name} on ${model.label} yet: catalog estimate. The median of ${int.format(rate.devices)} ${rate.reference.name} devices over the last 7 days, scaled by relative speed (${sig.format(gpu.speed)} vs ${sig.format(rate.reference.speed)}).`;
    case "catalog":
      return `No network data yet: catalog estimate. An ${gpu.name} kept busy the whole hour would finish about ${formatRate(rate.jobsPerHour)} jobs like this; real earnings depend on how many jobs the network sends.`;
  }
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
  const ppm = model.kind === "image" ? model.category && schedule.imageCategoryPpm[model.category] : schedule.llmModelPpm[model.id];
  if (ppm === undefined) flags.push("not in this schedule");
  else if (ppm === 0) flags.push("earns 0 in this schedule");
  return flags.length ? `${model.label} (${flags.join("; ")})` : model.label;
}
