// What a job looks like: which model a node serves at a given time, the image shape or token
// counts users ask for, and how long the node takes. Latency is work ÷ speed × noise, so slow
// cards on big jobs time out the way they do on the real network.
import { MODELS, type ImageCategory, type ModelInfo, type RewardSchedule } from "../../lib/points";
import { FLUX_MIN_SPEED } from "../../lib/gpu-catalog";
import type { SimGpu } from "./fleet";
import type { Rng, Weighted } from "./random";

/** Share of requests per model among the models a node can serve (SDXL family leads). */
export const MODEL_WEIGHTS: Readonly<Record<string, number>> = {
  SDXL: 20,
  AnimagineXL: 12,
  CyberRealisticXL: 10,
  AAMXLAnimeMix: 8,
  SDXLUnstableDiffusersV11: 5,
  Aurora: 10,
  BrainDance: 8,
  YamersCartoonArcadia: 6,
  ArthemyComics: 6,
  PepeXL: 8,
  "FLUX.1-dev": 3,
  HeuristLogo: 1.5,
  "mixtral-8x7b": 1,
  "hermes-3-llama3.1-8b": 35,
  "dolphin-2.9-llama3-8b": 20,
  "theia-llama-3.1-8b": 15,
  "openhermes-mixtral-8x7b-gptq": 30,
};

type Size = readonly [number, number];
// Tables of [value, weight], one line each (prettier would put each pair on its own line).
// prettier-ignore
const SIZES: Record<"sd15" | "sdxl" | "flux" | "belowFloor", Weighted<Size>> = {
  sd15: [[[512, 512], 35], [[512, 768], 30], [[768, 512], 10], [[768, 768], 20], [[640, 960], 5]],
  sdxl: [[[1024, 1024], 45], [[832, 1216], 20], [[1216, 832], 10], [[896, 1152], 10], [[768, 768], 8], [[1024, 1536], 4], [[1536, 1024], 3]],
  flux: [[[1024, 1024], 60], [[832, 1216], 25], [[768, 1024], 15]],
  belowFloor: [[[384, 384], 3], [[448, 448], 2], [[256, 256], 1], [[512, 384], 2]],
};
// prettier-ignore
const STEPS: Weighted<number> = [[20, 30], [25, 25], [30, 25], [35, 8], [40, 10]];
// prettier-ignore
const FLUX_STEPS: Weighted<number> = [[20, 40], [25, 30], [28, 30]];

/** Seconds per megapixel-step on an RTX 4090 (SDXL 1024² × 20 steps ≈ 3 s). */
const SEC_PER_MP_STEP: Record<ImageCategory, number> = { sd15: 0.12, sdxl: 0.15, "sdxl-lora": 0.17, flux: 0.5 };
const IMAGE_OVERHEAD_SEC = 0.35;
/** Decode tokens/s on an RTX 4090-class card; prefill is ~50× faster. */
const DECODE_TOKENS_PER_SEC = { small: 85, mixtral: 30 };

export interface JobShape {
  model: ModelInfo;
  width?: number;
  height?: number;
  num_iterations?: number;
  input_tokens?: number;
  output_tokens?: number;
  /** Seconds the node would take on a normal run. */
  nominalLatency: number;
}

function isOffered(schedule: RewardSchedule, model: ModelInfo): boolean {
  // Offered at 0 (Flux in testnet-2024-09) still counts: the router sends the jobs, they earn 0.
  return model.kind === "image" ? model.category !== undefined && Object.hasOwn(schedule.imageCategoryPpm, model.category) : Object.hasOwn(schedule.llmModelPpm, model.id);
}

const menus = new Map<string, { image: Weighted<ModelInfo>; llm: Weighted<ModelInfo> }>();

/** The models a node could be asked to run at a time, weighted; cached per schedule and card class. */
export function modelMenu(gpu: SimGpu, schedule: RewardSchedule) {
  const fluxOk = gpu.speed >= FLUX_MIN_SPEED;
  const key = `${schedule.id}|${gpu.spec.vramGb}|${fluxOk}`;
  let menu = menus.get(key);
  if (!menu) {
    const fits = MODELS.filter((m) => m.vramGb <= gpu.spec.vramGb && isOffered(schedule, m) && (m.category !== "flux" || fluxOk));
    const table = (kind: ModelInfo["kind"]) => fits.filter((m) => m.kind === kind).map((m) => [m, MODEL_WEIGHTS[m.id] ?? 1] as const);
    menu = { image: table("image"), llm: table("llm") };
    menus.set(key, menu);
  }
  return menu;
}

export function drawShape(rng: Rng, gpu: SimGpu, schedule: RewardSchedule): JobShape {
  const menu = modelMenu(gpu, schedule);
  // An LLM node whose card fits no LLM this schedule offers (24 GB before Sept 2024) mines images.
  const table = gpu.role === "llm" && menu.llm.length > 0 ? menu.llm : menu.image;
  const model = rng.weighted(table);
  return model.kind === "image" ? drawImage(rng, gpu, model) : drawLlm(rng, gpu, model);
}

function drawImage(rng: Rng, gpu: SimGpu, model: ModelInfo): JobShape {
  const category = model.category ?? "sdxl";
  const family = category === "sd15" ? "sd15" : category === "flux" ? "flux" : "sdxl";
  // A few requests fall under the anti-spam floor: thumbnails and quick previews.
  const [width, height] = rng.chance(0.01) ? rng.weighted(SIZES.belowFloor) : rng.weighted(SIZES[family]);
  const steps = rng.chance(0.02) ? rng.int(8, 19) : rng.weighted(family === "flux" ? FLUX_STEPS : STEPS);
  const megapixels = (width * height) / 1_048_576;
  const nominalLatency = IMAGE_OVERHEAD_SEC + (megapixels * steps * SEC_PER_MP_STEP[category]) / gpu.speed;
  return { model, width, height, num_iterations: steps, nominalLatency };
}

function drawLlm(rng: Rng, gpu: SimGpu, model: ModelInfo): JobShape {
  const input = Math.round(rng.logUniform(100, 4000));
  const output = Math.round(rng.logUniform(50, 2000));
  const decode = model.vramGb >= 40 ? DECODE_TOKENS_PER_SEC.mixtral : DECODE_TOKENS_PER_SEC.small;
  const nominalLatency = 0.25 + (input / (decode * 50) + output / decode) / gpu.speed;
  return { model, input_tokens: input, output_tokens: output, nominalLatency };
}

export interface Outcome {
  status: "completed" | "timeout" | "failed";
  latency: number;
}

/** Status and measured latency: most jobs finish near nominal; flaky nodes fail and stall more. */
export function drawOutcome(rng: Rng, gpu: SimGpu, shape: JobShape, schedule: RewardSchedule): Outcome {
  const timeout = shape.model.kind === "image" ? schedule.timeoutsSec.image : schedule.timeoutsSec.llm;
  const r = rng.next();
  let status: Outcome["status"] = "completed";
  let latency: number;
  if (r < gpu.failRate) {
    status = "failed";
    latency = shape.nominalLatency * rng.uniform(0.05, 1);
  } else if (r < gpu.failRate + gpu.timeoutRate) {
    // The router either gives up (status "timeout") or accepts a late answer it will not pay for.
    status = rng.chance(0.5) ? "timeout" : "completed";
    latency = timeout * rng.uniform(1.02, 2.5);
  } else {
    latency = shape.nominalLatency * rng.logNormal(0.12);
  }
  return { status, latency: Math.round(latency * 1000) / 1000 };
}
