// The GPUs miners run (names as the miner software reports them in `hardware`), with what the
// estimator needs when the network has no data yet: VRAM (which models fit) and speed relative to
// an RTX 4090 (how long a job takes). Pure and client-safe. Speeds follow public SDXL it/s
// benchmarks. The simulator's fleets are drawn from this same catalog.
import { MIN_PIXELS, MIN_STEPS, TOKENS_PER_POINT, type ImageCategory, type ModelInfo } from "@/lib/points";

export interface GpuSpec {
  key: string;
  /** Short name for people: "RTX 4090". */
  name: string;
  /** As reported by the miner software, and as the network rollups group by. */
  hardware: string;
  vramGb: number;
  /** Throughput relative to an RTX 4090 (= 1). */
  speed: number;
}

const CATALOG = [
  { key: "4090", name: "RTX 4090", hardware: "NVIDIA GeForce RTX 4090", vramGb: 24, speed: 1 },
  { key: "4080", name: "RTX 4080", hardware: "NVIDIA GeForce RTX 4080", vramGb: 16, speed: 0.72 },
  { key: "4070ti", name: "RTX 4070 Ti", hardware: "NVIDIA GeForce RTX 4070 Ti", vramGb: 12, speed: 0.55 },
  { key: "4060ti", name: "RTX 4060 Ti 16 GB", hardware: "NVIDIA GeForce RTX 4060 Ti", vramGb: 16, speed: 0.33 },
  { key: "3090", name: "RTX 3090", hardware: "NVIDIA GeForce RTX 3090", vramGb: 24, speed: 0.55 },
  { key: "3080", name: "RTX 3080", hardware: "NVIDIA GeForce RTX 3080", vramGb: 10, speed: 0.45 },
  { key: "3070", name: "RTX 3070", hardware: "NVIDIA GeForce RTX 3070", vramGb: 8, speed: 0.3 },
  { key: "a4000", name: "RTX A4000", hardware: "NVIDIA RTX A4000", vramGb: 16, speed: 0.3 },
  { key: "a4500", name: "RTX A4500", hardware: "NVIDIA RTX A4500", vramGb: 20, speed: 0.38 },
  { key: "a5000", name: "RTX A5000", hardware: "NVIDIA RTX A5000", vramGb: 24, speed: 0.45 },
  { key: "a6000", name: "RTX A6000", hardware: "NVIDIA RTX A6000", vramGb: 48, speed: 0.6 },
  { key: "l40s", name: "L40S", hardware: "NVIDIA L40S", vramGb: 48, speed: 0.95 },
  { key: "a100", name: "A100", hardware: "NVIDIA A100 80GB PCIe", vramGb: 80, speed: 0.9 },
  { key: "h100", name: "H100", hardware: "NVIDIA H100 80GB HBM3", vramGb: 80, speed: 1.45 },
] as const satisfies readonly GpuSpec[];

export const GPU_CATALOG: readonly GpuSpec[] = CATALOG;
export type GpuKey = (typeof CATALOG)[number]["key"];

export const DEFAULT_GPU_KEY: GpuKey = "4090";

export function findGpu(key: string): GpuSpec | undefined {
  return GPU_CATALOG.find((gpu) => gpu.key === key);
}

export function getGpuOrThrow(key: GpuKey): GpuSpec {
  const gpu = findGpu(key);
  if (!gpu) throw new Error(`no GPU ${key} in the catalog`);
  return gpu;
}

type ModelClass = ImageCategory | "llm";

/**
 * Slowest card the sources name per class (SD 1.5 on 3070/4060 Ti/A4000, SDXL on
 * 3090/4080/A4500, Flux on 4090/A100): below it jobs risk the 18 s timeout even if they fit in VRAM.
 */
const MIN_SPEED: Record<ModelClass, number> = { sd15: 0, sdxl: 0.38, "sdxl-lora": 0.38, flux: 0.9, llm: 0 };
/** Flux needs a 4090/A100-class card; slower 24 GB cards would time out on every job. */
export const FLUX_MIN_SPEED = MIN_SPEED.flux;
const NAMED_MINIMUM: Record<ModelClass, string> = {
  sd15: "RTX 3070, 4060 Ti or A4000",
  sdxl: "RTX 3090, 4080 or A4500",
  "sdxl-lora": "RTX 3090, 4080 or A4500",
  flux: "RTX 4090 or A100",
  llm: "",
};

const classOf = (model: ModelInfo): ModelClass => (model.kind === "llm" ? "llm" : (model.category ?? "sd15"));

export type Compatibility = { ok: true } | { ok: false; reason: string };

/** Whether a GPU can serve a model: enough VRAM, and fast enough for the class's named minimum. */
export function canServe(gpu: GpuSpec, model: ModelInfo): Compatibility {
  if (gpu.vramGb < model.vramGb) {
    return { ok: false, reason: `needs ${model.vramGb} GB of VRAM; the ${gpu.name} has ${gpu.vramGb} GB` };
  }
  const cls = classOf(model);
  if (gpu.speed < MIN_SPEED[cls]) {
    return { ok: false, reason: `fits in VRAM but is too slow for the timeout; the sources name the ${NAMED_MINIMUM[cls]} as minimum` };
  }
  return { ok: true };
}

/**
 * Seconds an RTX 4090 spends per unit of base points (a 512×512, 20-step image, or 1,000 tokens),
 * plus a fixed per-job overhead (loading inputs, uploading the result).
 */
const SECONDS_PER_UNIT: Record<ModelClass, number> = { sd15: 0.8, sdxl: 0.6, "sdxl-lora": 0.7, flux: 2, llm: 10 };
const MIXTRAL_SECONDS_PER_UNIT = 20;
export const CATALOG_OVERHEAD_SEC = 0.5;

export type JobShape = { width: number; height: number; steps: number } | { inputTokens: number; outputTokens: number };

/** Seconds one job of this shape takes on this GPU, from the catalog (no network data). */
export function catalogSecondsPerJob(gpu: GpuSpec, model: ModelInfo, shape: JobShape): number {
  let units: number;
  let perUnit = SECONDS_PER_UNIT[classOf(model)];
  if ("width" in shape) {
    // Work grows like the points formula (pixel factor × steps/20), which the sources fit to timings.
    const pixels = Math.max(shape.width * shape.height, MIN_PIXELS);
    units = (1 + (5 * (pixels - MIN_PIXELS)) / (1024 * 1024 - MIN_PIXELS)) * (Math.max(shape.steps, 1) / MIN_STEPS);
  } else {
    units = (shape.inputTokens + shape.outputTokens) / TOKENS_PER_POINT;
    if (model.vramGb >= 40) perUnit = MIXTRAL_SECONDS_PER_UNIT;
  }
  return CATALOG_OVERHEAD_SEC + (units * perUnit) / gpu.speed;
}

/** Jobs per hour if the router kept the GPU busy the whole hour: an upper bound, not demand. */
export function catalogJobsPerHour(gpu: GpuSpec, model: ModelInfo, shape: JobShape): number {
  return 3600 / catalogSecondsPerJob(gpu, model, shape);
}
