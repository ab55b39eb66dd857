// Where one GPU stands against the wallet's other GPUs of its model, and why, in a sentence a
// miner can act on: "2.05 Waifu Points per job, 66 % below the median 6 of this wallet's 5 RTX
// 4090 GPUs serving image jobs over the last 24 h: 7 of its 12 jobs were SD 1.5 (×0.3 in
// testnet-2024-09), 3 earned nothing (over the timeout)." Pure; the figures come from the fleet
// table's row (lib/dashboard/fleet.ts) and the GPU's ledger entries over the same 24 hours.
import { findModel } from "@/lib/points";
import type { WalletMiner } from "@/lib/schemas/wallets";
import { describeVsMedian, shortGpuName } from "./fleet";

/** The GPU's job ledger entries over the window, grouped by what priced them. */
export interface StandingMix {
  modelId: string;
  scheduleId: string;
  /** The model or category multiplier the entries were priced with. */
  modelMultiplier: number;
  zeroReason: string | null;
  jobs: number;
}

export interface StandingInput {
  row: Pick<WalletMiner, "hardware" | "pointType" | "pointsPerJob24h" | "vsMedian" | "onTime24h" | "hasBoostSlot">;
  mix: readonly StandingMix[];
  /** The NFT multiplier a boosted GPU of this wallet gets now; null when the wallet has no slots. */
  boostMultiplier: number | null;
}

// The estimator's families, by the unit image multipliers are priced in.
const CATEGORY_LABELS: Record<string, string> = { sd15: "SD 1.5", sdxl: "SDXL", "sdxl-lora": "SDXL LoRA", flux: "Flux" };

const num = (n: number, digits = 2) => new Intl.NumberFormat("en-US", { maximumFractionDigits: digits }).format(n);
const plural = (n: number, one: string, many = `${one}s`) => `${num(n, 0)} ${n === 1 ? one : many}`;

/** "SD 1.5" for an image model (its schedule's category), the model's own name for an LLM. */
export function modelFamily(modelId: string): string {
  const model = findModel(modelId);
  if (!model) return modelId;
  return model.category ? (CATEGORY_LABELS[model.category] ?? model.category) : model.label;
}

const ZERO_WORDS: Record<string, string> = {
  status: "failed or not completed",
  timeout: "over the timeout",
  floor: "below the size floor",
  inactive: "stake below the activation threshold",
  implausible: "outside the plausibility bounds",
};

function zeroWords(reason: string, entries: readonly StandingMix[]): string {
  if (reason === "disabled") {
    const e = entries[0]!;
    return `${modelFamily(e.modelId)} is ×0 in ${e.scheduleId}`;
  }
  return ZERO_WORDS[reason] ?? reason;
}

function reasons(input: StandingInput): string[] {
  const out: string[] = [];
  const total = input.row.onTime24h.jobs;
  // Jobs that earned, priced below ×1: the model mix.
  const low = new Map<string, { family: string; multiplier: number; scheduleId: string; jobs: number }>();
  for (const e of input.mix) {
    if (e.zeroReason !== null || e.modelMultiplier >= 1) continue;
    const family = modelFamily(e.modelId);
    const key = `${family}\u0000${e.modelMultiplier}\u0000${e.scheduleId}`;
    const g = low.get(key) ?? { family, multiplier: e.modelMultiplier, scheduleId: e.scheduleId, jobs: 0 };
    g.jobs += e.jobs;
    low.set(key, g);
  }
  for (const g of [...low.values()].sort((a, b) => b.jobs - a.jobs)) {
    out.push(`${num(g.jobs, 0)} of its ${plural(total, "job")} ${g.jobs === 1 ? "was" : "were"} ${g.family} (×${num(g.multiplier, 4)} in ${g.scheduleId})`);
  }
  const zero = new Map<string, StandingMix[]>();
  for (const e of input.mix) if (e.zeroReason !== null) zero.set(e.zeroReason, [...(zero.get(e.zeroReason) ?? []), e]);
  const zeroJobs = [...zero.values()].flat().reduce((n, e) => n + e.jobs, 0);
  if (zeroJobs > 0) {
    const parts = [...zero.entries()]
      .map(([reason, entries]) => ({ words: zeroWords(reason, entries), jobs: entries.reduce((n, e) => n + e.jobs, 0) }))
      .sort((a, b) => b.jobs - a.jobs);
    const why = parts.length === 1 ? parts[0]!.words : parts.map((p) => `${num(p.jobs, 0)} ${p.words}`).join(", ");
    out.push(`${num(zeroJobs, 0)} earned nothing (${why})`);
  }
  if (input.boostMultiplier !== null && !input.row.hasBoostSlot) {
    out.push(`it holds none of the wallet's NFT boost slots (×${num(input.boostMultiplier, 4)} on the GPUs that do)`);
  }
  return out;
}

/** The sentence for the GPU's page. */
export function explainStanding(input: StandingInput): string {
  const { row } = input;
  const unit = row.pointType === "llama" ? "Llama Points" : "Waifu Points";
  const kind = row.pointType === "llama" ? "LLM jobs" : "image jobs";
  const group = `this wallet's ${plural(row.vsMedian.gpus, `${shortGpuName(row.hardware)} GPU`)} serving ${kind}`;
  if (row.pointsPerJob24h === null) return "No jobs in the last 24 hours, so there is nothing to compare with the wallet's other GPUs.";
  const own = `${num(row.pointsPerJob24h)} ${unit} per job over the last 24 h (${plural(row.onTime24h.jobs, "job")})`;
  const why = reasons(input);
  // Without a comparison the reasons still explain the GPU's own figure.
  const also = why.length === 0 ? "" : ` Of its jobs: ${why.join("; ")}.`;
  if (row.vsMedian.gpus < 2) return `${own}; no other ${shortGpuName(row.hardware)} of this wallet served ${kind} in that time, so there is nothing to compare with.${also}`;
  if (row.vsMedian.ratio === null) return `${own}; the median of ${group} is 0, so there is no ratio to give.${also}`;
  const standing = describeVsMedian(row.vsMedian.ratio);
  const head = `${own}, ${standing === "at the median" ? "at" : standing} the median ${num(row.vsMedian.median!)} of ${group}`;
  if (why.length === 0) {
    return row.vsMedian.ratio < 1 && standing !== "at the median"
      ? `${head}. None of its jobs was priced below ×1 or earned nothing: they were smaller (fewer pixels × steps, or fewer tokens) than its siblings'.`
      : `${head}.`;
  }
  return `${head}: ${why.join("; ")}.`;
}
