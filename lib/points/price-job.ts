import { ModelNotOfferedError, PointsError } from "./errors";
import { waifuBaseMicro } from "./image";
import { llamaBaseMicro } from "./llm";
import { type ModelInfo, getModelOrThrow } from "./models";
import { nftMultiplierPpm } from "./nft-boost";
import { type PlausibilityBreach, checkPlausibility, plausibilityBoundsFor } from "./plausibility";
import type { RewardSchedule } from "./schedules";
import { stakeMultiplierPpm } from "./stake-curve";
import { multiplyMicro } from "./units";

export type JobStatus = "completed" | "timeout" | "failed";

/**
 * Why a job earned nothing, in the order checked:
 * - "status": the router did not report the job completed (failed or timed out there);
 * - "timeout": completed, but slower than the schedule's timeout for its kind;
 * - "implausible": outside the plausibility bounds (too big, too many steps or tokens, or faster
 *   than any GPU could do it; `implausible` says which bound): flagged for review;
 * - "floor": below the anti-spam floor (image) or no tokens (LLM), so the base is 0;
 * - "disabled": the schedule offers the model at a multiplier of 0;
 * - "inactive": the stake curve puts the node at 0 (mainnet activation rule).
 */
export type ZeroReason = "status" | "timeout" | "implausible" | "floor" | "disabled" | "inactive";

/** Every zero reason, in the order priceJob checks them. */
export const ZERO_REASONS: readonly ZeroReason[] = ["status", "timeout", "implausible", "floor", "disabled", "inactive"];

export interface PriceJobInput {
  schedule: RewardSchedule;
  modelId: string;
  status: JobStatus;
  latencySec: number;
  image?: { width: number; height: number; steps: number };
  llm?: { inputTokens: number; outputTokens: number };
  /** NFTs held by the miner's wallet; default 0. */
  nftCount?: number;
  /** Whether this miner holds one of the wallet's boost slots; default false (no boost). */
  hasBoostSlot?: boolean;
  /** stHEU delegated to the node; default 0. */
  stakeHeu?: number;
}

/** Everything a ledger entry stores, so any number can be explained factor by factor. */
export interface PricedJob {
  pointType: "waifu" | "llama";
  scheduleId: string;
  baseMicro: number;
  modelMultiplierPpm: number;
  nftMultiplierPpm: number;
  stakeMultiplierPpm: number;
  pointsMicro: number;
  zeroReason: null | ZeroReason;
  /** The plausibility bound the job broke (zeroReason "implausible"), else null. */
  implausible: PlausibilityBreach | null;
}

const STATUSES: ReadonlySet<string> = new Set<JobStatus>(["completed", "timeout", "failed"]);

/** What a schedule pays for a model (ppm; 0 = disabled), or undefined when it does not offer it. */
export function scheduleMultiplierPpm(schedule: RewardSchedule, model: ModelInfo): number | undefined {
  return model.kind === "image"
    ? model.category && schedule.imageCategoryPpm[model.category]
    : Object.hasOwn(schedule.llmModelPpm, model.id)
      ? schedule.llmModelPpm[model.id]
      : undefined;
}

function modelMultiplierPpm(schedule: RewardSchedule, model: ModelInfo): number {
  const ppm = scheduleMultiplierPpm(schedule, model);
  if (ppm === undefined) throw new ModelNotOfferedError(model.id, schedule.id);
  return ppm;
}

function baseMicro(model: ModelInfo, input: PriceJobInput): number {
  if (model.kind === "image") {
    if (!input.image) {
      throw new PointsError(`Image model "${model.id}" needs the job's image shape (width, height, steps).`);
    }
    return waifuBaseMicro(input.image.width, input.image.height, input.image.steps);
  }
  if (!input.llm) {
    throw new PointsError(`LLM "${model.id}" needs the job's token counts (inputTokens, outputTokens).`);
  }
  return llamaBaseMicro(input.llm.inputTokens, input.llm.outputTokens);
}

/** What the node adds to a job's price (all default to none). */
export type NodeFactors = Pick<PriceJobInput, "nftCount" | "hasBoostSlot" | "stakeHeu">;

/**
 * The part of a job's price the job alone decides (its model, shape, latency and status), before
 * the node's factors: ingestion computes it once while validating a batch (any PointsError is a
 * refusal) and finishes it with `withNodeFactors` inside the write transaction.
 */
export interface BasePrice {
  schedule: RewardSchedule;
  model: ModelInfo;
  baseMicro: number;
  modelMultiplierPpm: number;
  /** A reason that voids the job whatever the node's factors ("status", "timeout", "implausible"). */
  voided: Extract<ZeroReason, "status" | "timeout" | "implausible"> | null;
  breach: PlausibilityBreach | null;
}

/** Prices what the job alone decides; throws PointsError for an unknown status, model or shape. */
export function priceBase(input: Omit<PriceJobInput, keyof NodeFactors>): BasePrice {
  const { schedule, status, latencySec } = input;
  if (!STATUSES.has(status)) throw new PointsError(`Unknown job status "${String(status)}".`);
  if (!Number.isFinite(latencySec) || latencySec < 0) {
    throw new PointsError(`latencySec must be a finite number ≥ 0, got ${String(latencySec)}.`);
  }
  const model = getModelOrThrow(input.modelId);
  const base = baseMicro(model, input);
  const modelPpm = modelMultiplierPpm(schedule, model);
  const breach = checkPlausibility(plausibilityBoundsFor(schedule), model, input);
  // Timeout before implausible: a job over the timeout was not on time, whatever its shape, and
  // on-time counts rely on it (rollups count every other completed job as a success).
  let voided: BasePrice["voided"] = null;
  if (status !== "completed") voided = "status";
  else if (latencySec > jobTimeoutSec(schedule, model.kind)) voided = "timeout";
  else if (breach) voided = "implausible";
  return { schedule, model, baseMicro: base, modelMultiplierPpm: modelPpm, voided, breach };
}

/** Finishes a base price with the node's NFT boost and stake multiplier. */
export function withNodeFactors(base: BasePrice, node: NodeFactors): PricedJob {
  const { schedule } = base;
  const factors: Factors = {
    baseMicro: base.baseMicro,
    modelMultiplierPpm: base.modelMultiplierPpm,
    nftMultiplierPpm: nftMultiplierPpm(schedule, node.nftCount ?? 0, node.hasBoostSlot ?? false),
    stakeMultiplierPpm: stakeMultiplierPpm(schedule.stakeCurve, node.stakeHeu ?? 0),
  };
  const product = productOf(factors);
  let zeroReason: ZeroReason | null = base.voided;
  if (zeroReason !== null) {
    // Voided by the job itself; the factors are still filled in.
  } else if (factors.baseMicro === 0) zeroReason = "floor";
  else if (factors.modelMultiplierPpm === 0) zeroReason = "disabled";
  else if (factors.stakeMultiplierPpm === 0) zeroReason = "inactive";
  // A positive base can still round to 0 µ under tiny multipliers; it is too small to count.
  else if (product === 0) zeroReason = "floor";

  return {
    pointType: base.model.kind === "image" ? "waifu" : "llama",
    scheduleId: schedule.id,
    ...factors,
    pointsMicro: zeroReason === null ? product : 0,
    zeroReason,
    implausible: zeroReason === "implausible" ? base.breach : null,
  };
}

/**
 * Prices one job under the given schedule: the single entry point for ledger explanations, the
 * estimator and audits (ingestion calls its two halves, priceBase and withNodeFactors). Zero-earning
 * jobs still get every factor filled in, so the dashboard can show what the job would have earned
 * and why it did not.
 */
export function priceJob(input: PriceJobInput): PricedJob {
  return withNodeFactors(priceBase(input), input);
}

/** Latency above which a completed job earns nothing; the estimators assume a job this slow. */
export function jobTimeoutSec(schedule: RewardSchedule, kind: ModelInfo["kind"]): number {
  return kind === "image" ? schedule.timeoutsSec.image : schedule.timeoutsSec.llm;
}

type Factors = Pick<PricedJob, "baseMicro" | "modelMultiplierPpm" | "nftMultiplierPpm" | "stakeMultiplierPpm">;

function productOf(f: Factors): number {
  return multiplyMicro(f.baseMicro, f.modelMultiplierPpm, f.nftMultiplierPpm, f.stakeMultiplierPpm);
}

/** A job that served its user: completed within the timeout, even at 0 points (below the floor). */
export function isSuccess(priced: Pick<PricedJob, "zeroReason">): boolean {
  return priced.zeroReason !== "status" && priced.zeroReason !== "timeout";
}

const VOIDED: ReadonlySet<ZeroReason | null> = new Set<ZeroReason>(["status", "timeout", "implausible"]);

/**
 * Re-derives a stored entry's points from its stored factors (for audits): the product of the
 * factors, or 0 when the job was voided by its status, latency or implausibility.
 */
export function pointsMicroFromFactors(entry: Factors & Pick<PricedJob, "zeroReason">): number {
  return VOIDED.has(entry.zeroReason) ? 0 : productOf(entry);
}
