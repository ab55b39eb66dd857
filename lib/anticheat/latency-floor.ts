// Flag (b): latencies impossible for the declared hardware. Pure: the floor of one job, the tables
// the SQL applies to every job in a window, and the per-miner decision.
//
// The floor comes from the GPU catalog (lib/gpu-catalog.ts): the seconds the declared card would
// need for the job's shape at its catalog speed, times LATENCY_FLOOR_RATIO. For image jobs that
// is the catalog's time for the job, except that images under 512×512 count by their own pixels
// (the catalog, made for the estimator, prices them like 512×512, which would call an honest
// thumbnail impossible); for LLM jobs only the output tokens count (prefill runs tens of times
// faster than decoding, and the catalog prices input and output alike), so the floor is generous
// for long prompts. A completed job faster than a quarter of that is flagged: honest
// runs scatter about ±30 % around the catalog, and the catalog's cards differ by less than 2×
// between neighbours, so a quarter means a card over 4× faster than the one declared (an H100
// reporting itself as an RTX 4060 Ti) or a latency that was made up. Unknown hardware names and
// models are skipped, not flagged.
import { CATALOG_OVERHEAD_SEC, GPU_CATALOG, catalogSecondsPerJob, type GpuSpec } from "@/lib/gpu-catalog";
import { MIN_PIXELS, MIN_STEPS, MODELS, TOKENS_PER_POINT, findModel, type ModelInfo } from "@/lib/points";

export const LATENCY_FLOOR_RATIO = 0.25;
/** One odd job (a cached answer, a clock glitch) is not a pattern: a miner needs this many. */
export const MIN_IMPOSSIBLE_JOBS = 3;

export type JobShape = { width: number; height: number; steps: number } | { inputTokens: number; outputTokens: number };

const gpuByHardware = new Map(GPU_CATALOG.map((gpu) => [gpu.hardware, gpu]));
const REFERENCE: GpuSpec = { key: "reference", name: "reference", hardware: "reference", vramGb: 1_000, speed: 1 };

/** The catalog's seconds per unit of work on a speed-1 card (a 512×512 20-step image, or 1,000 tokens). */
function secondsPerUnit(model: ModelInfo): number {
  const unit = model.kind === "image" ? { width: 512, height: 512, steps: MIN_STEPS } : { inputTokens: TOKENS_PER_POINT, outputTokens: 0 };
  return catalogSecondsPerJob(REFERENCE, model, unit) - CATALOG_OVERHEAD_SEC;
}

/** Fewest seconds the declared card could plausibly take for the job, or null when hardware or model is unknown. */
export function latencyFloorSeconds(hardware: string | null, modelId: string, shape: JobShape): number | null {
  const gpu = hardware === null ? undefined : gpuByHardware.get(hardware);
  const model = findModel(modelId);
  if (!gpu || !model) return null;
  let units: number;
  if ("width" in shape) {
    const pixels = shape.width * shape.height;
    const size = pixels < MIN_PIXELS ? pixels / MIN_PIXELS : 1 + (5 * (pixels - MIN_PIXELS)) / (1024 * 1024 - MIN_PIXELS);
    units = (size * Math.max(shape.steps, 1)) / MIN_STEPS;
  } else {
    units = shape.outputTokens / TOKENS_PER_POINT;
  }
  return (CATALOG_OVERHEAD_SEC + (units * secondsPerUnit(model)) / gpu.speed) * LATENCY_FLOOR_RATIO;
}

/**
 * The same floor as parameters for SQL, which applies it to every job of a window:
 *   image: (overhead + size · max(steps, 1) / MIN_STEPS · secPerUnit / speed) · ratio, where size is
 *          w·h / MIN_PIXELS under the floor and 1 + 5·(w·h − MIN_PIXELS) / (1024² − MIN_PIXELS) from it on
 *   llm:   (overhead + output_tokens / tokensPerUnit · secPerUnit / speed) · ratio
 * (a test checks the SQL against `latencyFloorSeconds`).
 */
export function latencyFloorTables() {
  return {
    hardware: GPU_CATALOG.map((g) => g.hardware),
    speed: GPU_CATALOG.map((g) => g.speed),
    modelId: MODELS.map((m) => m.id),
    kind: MODELS.map((m) => m.kind),
    secPerUnit: MODELS.map(secondsPerUnit),
    overheadSec: CATALOG_OVERHEAD_SEC,
    ratio: LATENCY_FLOOR_RATIO,
    minPixels: MIN_PIXELS,
    minSteps: MIN_STEPS,
    tokensPerUnit: TOKENS_PER_POINT,
  };
}

export interface LatencyExample {
  jobId: string;
  modelId: string;
  completedAt: string;
  latencySec: number;
  floorSec: number;
}

export interface MinerLatencyStats {
  minerId: string;
  hardware: string;
  /** Completed jobs on catalog hardware and models in the window. */
  checkedJobs: number;
  impossibleJobs: number;
  /** Lowest latency ÷ floor among the impossible jobs (0.1 = ten times under the floor). */
  worstRatio: number;
  examples: LatencyExample[];
}

export interface LatencyFlag extends MinerLatencyStats {
  share: number;
  summary: string;
}

export function latencyFlags(rows: readonly MinerLatencyStats[], minJobs = MIN_IMPOSSIBLE_JOBS): LatencyFlag[] {
  return rows
    .filter((r) => r.impossibleJobs >= minJobs && r.checkedJobs > 0)
    .map((r) => ({
      ...r,
      share: r.impossibleJobs / r.checkedJobs,
      summary:
        `${r.impossibleJobs} of ${r.checkedJobs} jobs finished under ${LATENCY_FLOOR_RATIO} × the catalog time of a ${r.hardware}; ` +
        `the fastest at ${Math.round(r.worstRatio * LATENCY_FLOOR_RATIO * 100)} % of it.`,
    }))
    .sort((a, b) => b.impossibleJobs - a.impossibleJobs || a.worstRatio - b.worstRatio || a.minerId.localeCompare(b.minerId));
}
