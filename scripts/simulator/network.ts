// A seeded, deterministic model of the Heurist mining network: a fleet of GPUs (see fleet.ts)
// serving a realistic job mix (see job-shapes.ts). The same seeds give the same jobs, byte for byte.
import { scheduleAt, type RewardSchedule } from "../../lib/points";
import type { JobInput } from "../../lib/schemas/jobs";
import { buildFleet, type SimGpu, type SimWallet } from "./fleet";
import { drawOutcome, drawShape } from "./job-shapes";
import { Rng, hash32, hashUnit } from "./random";

export const DEFAULT_SCALE = 0.05;
/**
 * The fleet has its own seed, apart from the job seed: history runs with different job seeds and
 * the live stream all land on the same miners, as on one real network.
 */
export const DEFAULT_NETWORK_SEED = 2024;

export interface SimNetwork {
  scale: number;
  seed: number;
  wallets: readonly SimWallet[];
  gpus: readonly SimGpu[];
  /** `count` jobs spread over [from, to), in completion order; lazy, so millions stream in constant memory. */
  generateJobs(opts: GenerateJobsOptions): Generator<JobInput>;
  /** `n` jobs completed during the second before `now`, from nodes online in that hour. */
  liveJobs(now: Date, n: number): JobInput[];
  /** Miner IDs online (polling the router for work) in the hour of `at`: what the router's heartbeats report. */
  onlineMiners(at: Date): string[];
}

export interface GenerateJobsOptions {
  count: number;
  from: Date;
  to: Date;
  seed: number;
}

const HOUR_MS = 3_600_000;
const OUTPUT_STORE = "s3://heurist-sim-outputs";

export function createNetwork(opts: { scale?: number; seed?: number } = {}): SimNetwork {
  const scale = opts.scale ?? DEFAULT_SCALE;
  const seed = opts.seed ?? DEFAULT_NETWORK_SEED;
  const { wallets, gpus } = buildFleet({ scale, seed });
  const pickGpu = gpuPicker(gpus, seed);
  const liveRng = new Rng(hash32(seed, 0x11fe));
  let liveCounter = 0;

  function* generateJobs({ count, from, to, seed: jobSeed }: GenerateJobsOptions): Generator<JobInput> {
    const start = from.getTime();
    const span = to.getTime() - start;
    if (!Number.isInteger(count) || count < 0) throw new Error(`count must be an integer ≥ 0, got ${count}`);
    if (!(span > 0)) throw new Error("generateJobs needs from < to");
    if (!Number.isSafeInteger(jobSeed)) throw new Error(`seed must be an integer, got ${jobSeed}`);
    // Ids carry the seed and a digest of the run's parameters: rerunning the same run resends the
    // same ids (idempotent), while any other run can never reuse an id with different content.
    const run = hash32(jobSeed, start, span, count, Math.round(scale * 1e6), seed).toString(36);
    const rng = new Rng(hash32(jobSeed, seed, 0x70b5));
    for (let i = 0; i < count; i++) {
      // One job per equal slice of the window, jittered inside it: sorted, evenly spread.
      const at = new Date(start + Math.floor(((i + rng.next()) * span) / count));
      yield makeJob(rng, pickGpu(rng, at), at, `sim-${jobSeed}-${run}-${i.toString(36)}`);
    }
  }

  function liveJobs(now: Date, n: number): JobInput[] {
    const jobs: JobInput[] = [];
    const stamp = now.getTime().toString(36);
    for (let i = 0; i < n; i++) {
      const at = new Date(now.getTime() - Math.floor(liveRng.next() * 1000));
      jobs.push(makeJob(liveRng, pickGpu(liveRng, at), at, `live-${seed}-${stamp}-${(liveCounter++).toString(36)}`));
    }
    return jobs;
  }

  function onlineMiners(at: Date): string[] {
    const hour = Math.floor(at.getTime() / HOUR_MS);
    return gpus.filter((gpu) => isOnline(seed, gpu, hour)).map((gpu) => gpu.minerId);
  }

  return { scale, seed, wallets, gpus, generateJobs, liveJobs, onlineMiners };
}

/** Hourly outages per node: online in an hour with the node's availability as probability. */
const isOnline = (seed: number, gpu: SimGpu, hour: number) => hashUnit(seed, gpu.index, hour) < gpu.availability;

/**
 * Picks the node that served a job: faster nodes and short-job (image) nodes serve more jobs,
 * and a node offline in that hour serves none (hourly outages per node make availability real).
 */
function gpuPicker(gpus: readonly SimGpu[], seed: number) {
  const cumulative = new Float64Array(gpus.length);
  let total = 0;
  gpus.forEach((gpu, i) => {
    // Demand, not capacity, sets the mix: LLM requests are rarer and longer than image ones.
    total += gpu.speed / (gpu.role === "llm" ? 6 : 4);
    cumulative[i] = total;
  });
  return (rng: Rng, at: Date): SimGpu => {
    const hour = Math.floor(at.getTime() / HOUR_MS);
    let gpu: SimGpu | undefined;
    for (let attempt = 0; attempt < 16; attempt++) {
      const target = rng.next() * total;
      let lo = 0;
      let hi = gpus.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! > target) hi = mid;
        else lo = mid + 1;
      }
      gpu = gpus[lo]!;
      if (isOnline(seed, gpu, hour)) return gpu;
    }
    return gpu!;
  };
}

function makeJob(rng: Rng, gpu: SimGpu, at: Date, jobId: string): JobInput {
  const schedule: RewardSchedule = scheduleAt(at);
  const shape = drawShape(rng, gpu, schedule);
  const outcome = drawOutcome(rng, gpu, shape, schedule);
  const isImage = shape.model.kind === "image";
  const job: JobInput = {
    job_id: jobId,
    miner_id: gpu.minerId,
    model_id: shape.model.id,
    status: outcome.status,
    completed_at: at.toISOString(),
    hardware: gpu.spec.hardware,
    inference_latency: outcome.latency,
    ...(isImage ? { width: shape.width, height: shape.height, num_iterations: shape.num_iterations } : { input_tokens: shape.input_tokens, output_tokens: shape.output_tokens }),
    input_ref: `${isImage ? "prompt" : "chat"}:${rng.hex(16)}`,
  };
  if (outcome.status !== "failed") job.output_ref = `${OUTPUT_STORE}/${jobId}.${isImage ? "png" : "json"}`;
  return job;
}

const networks = new Map<string, SimNetwork>();

/** Jobs from the default network at a scale (built once per scale and reused). */
export function generateJobs(opts: GenerateJobsOptions & { scale?: number }): Generator<JobInput> {
  const scale = opts.scale ?? DEFAULT_SCALE;
  const key = String(scale);
  let network = networks.get(key);
  if (!network) networks.set(key, (network = createNetwork({ scale })));
  return network.generateJobs(opts);
}
