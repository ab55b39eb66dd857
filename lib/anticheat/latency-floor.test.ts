import { describe, expect, test } from "vitest";
import { GPU_CATALOG, catalogSecondsPerJob } from "@/lib/gpu-catalog";
import { MODELS } from "@/lib/points";
import { createNetwork } from "@/scripts/simulator/network";
import { LATENCY_FLOOR_RATIO, latencyFloorSeconds, latencyFloorTables, latencyFlags, type MinerLatencyStats } from "./latency-floor";

const RTX4090 = "NVIDIA GeForce RTX 4090";
const A100 = "NVIDIA A100 80GB PCIe";

describe("latencyFloorSeconds", () => {
  test.each<[string, string | null, string, Parameters<typeof latencyFloorSeconds>[2], number | null]>([
    // 4090, SDXL 1024² × 20: catalog 0.5 s + 6 units × 0.6 s = 4.1 s; a quarter of it.
    ["SDXL 1024² on a 4090", RTX4090, "SDXL", { width: 1024, height: 1024, steps: 20 }, 4.1 * 0.25],
    // Twice the steps, twice the work.
    ["SDXL 1024² × 40 steps", RTX4090, "SDXL", { width: 1024, height: 1024, steps: 40 }, (0.5 + 12 * 0.6) * 0.25],
    // SD 1.5 at the floor on an RTX 3070 (speed 0.3): 0.5 + 0.8 / 0.3.
    ["SD 1.5 512² on a 3070", "NVIDIA GeForce RTX 3070", "Aurora", { width: 512, height: 512, steps: 20 }, (0.5 + 0.8 / 0.3) * 0.25],
    // LLM on an A100 (0.9): only the 800 output tokens count, 10 s per 1,000 at speed 1.
    ["an 8B LLM on an A100", A100, "hermes-3-llama3.1-8b", { inputTokens: 1200, outputTokens: 800 }, (0.5 + 8 / 0.9) * 0.25],
    // Mixtral runs at 20 s per 1,000 tokens.
    ["Mixtral on an H100", "NVIDIA H100 80GB HBM3", "mixtral-8x7b", { inputTokens: 100, outputTokens: 1000 }, (0.5 + 20 / 1.45) * 0.25],
    // A thumbnail counts by its own pixels: a quarter of 512², so a quarter of the work.
    ["SD 1.5 256² on a 4090", RTX4090, "Aurora", { width: 256, height: 256, steps: 20 }, (0.5 + 0.8 / 4) * 0.25],
    ["hardware not in the catalog", "Apple M3 Max", "SDXL", { width: 1024, height: 1024, steps: 20 }, null],
    ["no hardware reported", null, "SDXL", { width: 1024, height: 1024, steps: 20 }, null],
    ["unknown model", RTX4090, "no-such-model", { width: 1024, height: 1024, steps: 20 }, null],
  ])("%s", (_name, hardware, model, shape, expected) => {
    const floor = latencyFloorSeconds(hardware, model, shape);
    if (expected === null) expect(floor).toBeNull();
    else expect(floor).toBeCloseTo(expected, 9);
  });

  test("from 512×512 on, a quarter of the catalog's time for every GPU and image model", () => {
    for (const gpu of GPU_CATALOG) {
      for (const model of MODELS.filter((m) => m.kind === "image")) {
        for (const shape of [
          { width: 512, height: 512, steps: 20 },
          { width: 832, height: 1216, steps: 30 },
        ]) {
          expect(latencyFloorSeconds(gpu.hardware, model.id, shape)).toBeCloseTo(catalogSecondsPerJob(gpu, model, shape) * LATENCY_FLOOR_RATIO, 9);
        }
      }
    }
  });

  test("the SQL tables carry the catalog: one speed per GPU, one cost per model", () => {
    const t = latencyFloorTables();
    expect(t.hardware.length).toBe(t.speed.length);
    expect(t.modelId.length).toBe(t.secPerUnit.length);
    expect(t.speed[t.hardware.indexOf(RTX4090)]).toBe(1);
    expect(t.secPerUnit[t.modelId.indexOf("SDXL")]).toBeCloseTo(0.6, 9);
    expect(t.secPerUnit[t.modelId.indexOf("mixtral-8x7b")]).toBeCloseTo(20, 9);
    expect(t.ratio).toBe(LATENCY_FLOOR_RATIO);
  });
});

test("the simulator's honest traffic never falls under the floor", () => {
  const network = createNetwork({ scale: 0.05 });
  const jobs = [...network.generateJobs({ count: 30_000, from: new Date("2025-01-13T00:00:00Z"), to: new Date("2025-01-20T00:00:00Z"), seed: 11 })];
  let checked = 0;
  let worst = Infinity;
  for (const j of jobs) {
    if (j.status !== "completed") continue;
    const shape = j.width !== undefined ? { width: j.width, height: j.height!, steps: j.num_iterations! } : { inputTokens: j.input_tokens!, outputTokens: j.output_tokens! };
    const floor = latencyFloorSeconds(j.hardware ?? null, j.model_id, shape);
    if (floor === null) continue;
    checked++;
    worst = Math.min(worst, j.inference_latency / floor);
  }
  expect(checked).toBeGreaterThan(25_000);
  // Even the fastest honest job stays well clear of the floor (ratio 1 would be flagged).
  expect(worst).toBeGreaterThan(1.3);
});

describe("latencyFlags", () => {
  const row = (over: Partial<MinerLatencyStats>): MinerLatencyStats => ({
    minerId: "0xm-a",
    hardware: "NVIDIA GeForce RTX 4060 Ti",
    checkedJobs: 100,
    impossibleJobs: 40,
    worstRatio: 0.5,
    examples: [],
    ...over,
  });

  test.each<[string, Partial<MinerLatencyStats>, boolean]>([
    ["many impossible jobs", {}, true],
    ["exactly the minimum of 3", { impossibleJobs: 3 }, true],
    ["two glitches are not a pattern", { impossibleJobs: 2 }, false],
  ])("%s → flagged: %s", (_name, over, flagged) => {
    expect(latencyFlags([row(over)]).length).toBe(flagged ? 1 : 0);
  });

  test("evidence: share, and the worst job as a share of the catalog time", () => {
    const [flag] = latencyFlags([row({})]);
    expect(flag!.share).toBe(0.4);
    expect(flag!.summary).toBe("40 of 100 jobs finished under 0.25 × the catalog time of a NVIDIA GeForce RTX 4060 Ti; the fastest at 13 % of it.");
  });

  test("most impossible jobs first", () => {
    const flags = latencyFlags([row({ minerId: "0xm-a", impossibleJobs: 5 }), row({ minerId: "0xm-b", impossibleJobs: 50 })]);
    expect(flags.map((f) => f.minerId)).toEqual(["0xm-b", "0xm-a"]);
  });
});
