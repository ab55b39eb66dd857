import { canonicalJson } from "./canonical-json";
import { PointsError } from "./errors";
import type { ImageCategory, ModelInfo } from "./models";
import { PUBLISHED_PLAUSIBILITY_BOUNDS } from "./plausibility-data";
import type { RewardSchedule } from "./schedules";

/**
 * What one job can physically be: a versioned table beside the reward schedules. A job outside
 * it (an image no model renders, more steps or tokens than anyone runs, or done faster than the
 * fastest GPU could) earns nothing and is flagged for review; it is still recorded.
 */
export interface ImageBounds {
  /** Largest image, in pixels (width × height). */
  maxPixels: number;
  maxSteps: number;
  /** Latency floor: milliseconds per megapixel (1024 × 1024 pixels) per step. */
  minMsPerMegapixelStep: number;
}

export interface LlmBounds {
  /** Most input + output tokens in one job (the model's context window). */
  maxTokens: number;
  /** Latency floor: milliseconds per 1,000 prompt tokens (prefill)… */
  minMsPer1kInputTokens: number;
  /** …plus milliseconds per 1,000 generated tokens (decoding, one token at a time). */
  minMsPer1kOutputTokens: number;
}

export interface PlausibilityBounds {
  id: string;
  /** ISO-8601 UTC: the table applies to schedules that take effect from this instant on. */
  effectiveFrom: string;
  /** Per image category, like the schedules' multipliers (a LoRA runs on its base model). */
  image: Record<ImageCategory, ImageBounds>;
  /** Per LLM model id. */
  llm: Record<string, LlmBounds>;
}

export type PlausibilityBound = "pixels" | "steps" | "tokens" | "latency";

/** Which bound a job broke, with the job's value and the limit (latency: seconds and floor). */
export interface PlausibilityBreach {
  boundsId: string;
  bound: PlausibilityBound;
  actual: number;
  limit: number;
}

export interface PlausibilityJob {
  latencySec: number;
  image?: { width: number; height: number; steps: number };
  llm?: { inputTokens: number; outputTokens: number };
}

export const MEGAPIXEL = 1024 * 1024;

export const PLAUSIBILITY_BOUNDS: readonly PlausibilityBounds[] = PUBLISHED_PLAUSIBILITY_BOUNDS;

export function findPlausibilityBounds(id: string): PlausibilityBounds | undefined {
  return PLAUSIBILITY_BOUNDS.find((b) => b.id === id);
}

/**
 * The table that judges jobs priced by `schedule`: the latest one in force when the schedule took
 * effect. A ledger entry records only its schedule, so this keeps every entry re-priceable from
 * what it stores; new bounds take effect with a new schedule.
 */
export function plausibilityBoundsFor(schedule: RewardSchedule): PlausibilityBounds {
  const at = Date.parse(schedule.effectiveFrom);
  let best: PlausibilityBounds | undefined;
  for (const bounds of PLAUSIBILITY_BOUNDS) {
    const from = Date.parse(bounds.effectiveFrom);
    if (from <= at && (!best || from > Date.parse(best.effectiveFrom))) best = bounds;
  }
  if (!best) throw new PointsError(`No plausibility bounds are in force for schedule "${schedule.id}".`);
  return best;
}

function boundsOf(bounds: PlausibilityBounds, model: ModelInfo): ImageBounds | LlmBounds {
  const row = model.kind === "image" ? model.category && bounds.image[model.category] : Object.hasOwn(bounds.llm, model.id) ? bounds.llm[model.id] : undefined;
  if (!row) throw new PointsError(`Model "${model.id}" has no plausibility bounds in "${bounds.id}".`);
  return row;
}

/** Fewest milliseconds any real GPU needs for the job's work under `bounds`. */
export function latencyFloorMs(bounds: PlausibilityBounds, model: ModelInfo, job: Omit<PlausibilityJob, "latencySec">): number {
  const row = boundsOf(bounds, model);
  if ("maxPixels" in row) {
    if (!job.image) return 0;
    return (row.minMsPerMegapixelStep * job.image.width * job.image.height * job.image.steps) / MEGAPIXEL;
  }
  if (!job.llm) return 0;
  return (job.llm.inputTokens * row.minMsPer1kInputTokens + job.llm.outputTokens * row.minMsPer1kOutputTokens) / 1000;
}

/**
 * The first bound the job breaks (size before speed: a job of impossible size has no meaningful
 * floor), or null. Latency is compared in whole milliseconds, as the jobs table stores it (so a
 * stored job re-prices exactly as it was priced on arrival), against the floor rounded down to
 * whole milliseconds (so a floor under 1 ms never trips on a rounded latency).
 */
export function checkPlausibility(bounds: PlausibilityBounds, model: ModelInfo, job: PlausibilityJob): PlausibilityBreach | null {
  const row = boundsOf(bounds, model);
  const breach = (bound: PlausibilityBound, actual: number, limit: number): PlausibilityBreach => ({ boundsId: bounds.id, bound, actual, limit });
  if ("maxPixels" in row && job.image) {
    const pixels = job.image.width * job.image.height;
    if (pixels > row.maxPixels) return breach("pixels", pixels, row.maxPixels);
    if (job.image.steps > row.maxSteps) return breach("steps", job.image.steps, row.maxSteps);
  } else if ("maxTokens" in row && job.llm) {
    const tokens = job.llm.inputTokens + job.llm.outputTokens;
    if (tokens > row.maxTokens) return breach("tokens", tokens, row.maxTokens);
  }
  const floorMs = Math.floor(latencyFloorMs(bounds, model, job));
  if (Math.round(job.latencySec * 1000) < floorMs) return breach("latency", job.latencySec, floorMs / 1000);
  return null;
}

/** Canonical JSON of a table: what plausibility.test.ts pins for every published one. */
export function plausibilityFingerprint(bounds: PlausibilityBounds): string {
  return canonicalJson(bounds);
}
