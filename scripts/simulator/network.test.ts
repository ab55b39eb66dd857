import { describe, expect, test } from "vitest";
import { priceJob, scheduleAt, type PricedJob } from "../../lib/points";
import { jobSchema, type JobInput } from "../../lib/schemas/jobs";
import { createNetwork } from "./network";

const network = createNetwork({ scale: 0.05 });
const DAY = 86_400_000;

function price(job: JobInput): PricedJob {
  return priceJob({
    schedule: scheduleAt(new Date(job.completed_at)),
    modelId: job.model_id,
    status: job.status,
    latencySec: job.inference_latency,
    image: job.width !== undefined ? { width: job.width, height: job.height!, steps: job.num_iterations! } : undefined,
    llm: job.input_tokens !== undefined ? { inputTokens: job.input_tokens, outputTokens: job.output_tokens! } : undefined,
  });
}

const recentTo = new Date("2025-01-20T00:00:00Z");
const recent = [...network.generateJobs({ count: 50_000, from: new Date(recentTo.getTime() - 7 * DAY), to: recentTo, seed: 7 })];

describe("generated jobs", () => {
  // Windows under each schedule and across the 2024-09-01 switch, where the offered models change.
  test.each([
    ["testnet-2024-04 only", "2024-05-01T00:00:00Z", "2024-05-08T00:00:00Z"],
    ["across the September 2024 switch", "2024-08-29T00:00:00Z", "2024-09-03T00:00:00Z"],
    ["testnet-2024-09 only", "2025-01-13T00:00:00Z", "2025-01-20T00:00:00Z"],
  ])("pass the ingestion schema and price without error (%s)", (_name, from, to) => {
    const jobs = [...network.generateJobs({ count: 5_000, from: new Date(from), to: new Date(to), seed: 3 })];
    expect(jobs).toHaveLength(5_000);
    for (const job of jobs) {
      const parsed = jobSchema.safeParse(job);
      if (!parsed.success) throw new Error(`${JSON.stringify(job)}: ${parsed.error.message}`);
      expect(() => price(job)).not.toThrow();
      const at = Date.parse(job.completed_at);
      expect(at).toBeGreaterThanOrEqual(Date.parse(from));
      expect(at).toBeLessThan(Date.parse(to));
    }
  });

  test("use Mixtral only before September 2024 and the 2024-09 LLMs after", () => {
    const models = (from: string, to: string) => new Set([...network.generateJobs({ count: 20_000, from: new Date(from), to: new Date(to), seed: 5 })].map((j) => j.model_id));
    const april = models("2024-05-01T00:00:00Z", "2024-05-08T00:00:00Z");
    expect(april.has("mixtral-8x7b")).toBe(true);
    expect(["hermes-3-llama3.1-8b", "FLUX.1-dev"].some((m) => april.has(m))).toBe(false);
    const sept = models("2024-10-01T00:00:00Z", "2024-10-08T00:00:00Z");
    expect(sept.has("mixtral-8x7b")).toBe(false);
    for (const m of ["hermes-3-llama3.1-8b", "dolphin-2.9-llama3-8b", "theia-llama-3.1-8b", "openhermes-mixtral-8x7b-gptq", "PepeXL", "FLUX.1-dev"]) {
      expect(sept.has(m)).toBe(true);
    }
  });

  test("have unique ids across 50k jobs, and a different seed never reuses one", () => {
    expect(new Set(recent.map((j) => j.job_id)).size).toBe(50_000);
    const other = network.generateJobs({ count: 50_000, from: new Date(recentTo.getTime() - 7 * DAY), to: recentTo, seed: 8 });
    const ids = new Set(recent.map((j) => j.job_id));
    expect([...other].filter((job) => ids.has(job.job_id))).toEqual([]);
  });

  test("are deterministic: the same seeds give the same jobs; another seed, other jobs", () => {
    const again = createNetwork({ scale: 0.05 });
    const window = { count: 2_000, from: new Date("2025-01-01T00:00:00Z"), to: new Date("2025-01-02T00:00:00Z") };
    const a = [...network.generateJobs({ ...window, seed: 42 })];
    expect([...again.generateJobs({ ...window, seed: 42 })]).toEqual(a);
    const b = [...network.generateJobs({ ...window, seed: 43 })];
    expect(b.map((j) => j.miner_id)).not.toEqual(a.map((j) => j.miner_id));
  });

  test("mix both point types, mostly images, with some zero-earning jobs of every kind", () => {
    const priced = recent.map(price);
    const share = (pred: (p: PricedJob) => boolean) => priced.filter(pred).length / priced.length;
    expect(share((p) => p.pointType === "waifu")).toBeGreaterThan(0.8);
    expect(share((p) => p.pointType === "llama")).toBeGreaterThan(0.03);
    expect(share((p) => p.pointsMicro > 0)).toBeGreaterThan(0.85);
    const statuses = recent.map((j) => j.status);
    expect(statuses.filter((s) => s === "failed").length / recent.length).toBeCloseTo(0.01, 2);
    // ~2% time out: reported as "timeout", or "completed" too late to count.
    expect(share((p) => p.zeroReason === "timeout") + statuses.filter((s) => s === "timeout").length / recent.length).toBeGreaterThan(0.012);
    expect(share((p) => p.zeroReason === "timeout") + statuses.filter((s) => s === "timeout").length / recent.length).toBeLessThan(0.035);
    for (const reason of ["status", "timeout", "floor", "disabled"]) expect(share((p) => p.zeroReason === reason)).toBeGreaterThan(0.001);
  });

  test("use realistic image shapes and token counts", () => {
    const images = recent.filter((j) => j.width !== undefined);
    const sizes = new Set(images.map((j) => `${j.width}x${j.height}`));
    for (const size of ["512x512", "512x768", "768x768", "832x1216", "1024x1024"]) expect(sizes.has(size)).toBe(true);
    const steps = images.map((j) => j.num_iterations!);
    expect(steps.filter((s) => s >= 20 && s <= 40).length / steps.length).toBeGreaterThan(0.95);
    expect(steps.some((s) => s < 20)).toBe(true);
    for (const j of recent.filter((j) => j.input_tokens !== undefined)) {
      expect(j.input_tokens).toBeGreaterThanOrEqual(100);
      expect(j.input_tokens).toBeLessThanOrEqual(4_000);
      expect(j.output_tokens).toBeGreaterThanOrEqual(50);
      expect(j.output_tokens).toBeLessThanOrEqual(2_000);
    }
  });

  test("serve only models that fit the card's VRAM (no SDXL on an 8 GB card, no Mixtral under 40 GB)", () => {
    const vram = new Map(network.gpus.map((g) => [g.minerId, g.spec.vramGb]));
    for (const job of recent) {
      if (job.model_id.includes("mixtral")) expect(vram.get(job.miner_id)).toBeGreaterThanOrEqual(40);
      if (["SDXL", "PepeXL", "AnimagineXL"].includes(job.model_id)) expect(vram.get(job.miner_id)).toBeGreaterThanOrEqual(12);
    }
  });
});

describe("liveJobs", () => {
  test("completed in the second before now, valid, with ids unique across calls", () => {
    const live = createNetwork({ scale: 0.05, seed: 9 });
    const now = new Date();
    const jobs = [...live.liveJobs(now, 300), ...live.liveJobs(now, 300)];
    expect(new Set(jobs.map((j) => j.job_id)).size).toBe(600);
    for (const job of jobs) {
      expect(jobSchema.safeParse(job).success).toBe(true);
      const age = now.getTime() - Date.parse(job.completed_at);
      expect(age).toBeGreaterThanOrEqual(0);
      expect(age).toBeLessThan(1_000);
    }
  });
});
