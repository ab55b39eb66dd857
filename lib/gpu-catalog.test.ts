import { describe, expect, test } from "vitest";
import { getModelOrThrow } from "@/lib/points";
import { CATALOG_OVERHEAD_SEC, GPU_CATALOG, canServe, catalogJobsPerHour, catalogSecondsPerJob, findGpu } from "./gpu-catalog";

const gpu = (key: string) => {
  const spec = findGpu(key);
  if (!spec) throw new Error(`no GPU ${key}`);
  return spec;
};

describe("canServe", () => {
  test.each([
    // The minimum GPUs the sources name serve their class...
    ["3070", "Aurora", true],
    ["4060ti", "BrainDance", true],
    ["a4000", "ArthemyComics", true],
    ["3090", "SDXL", true],
    ["4080", "AnimagineXL", true],
    ["a4500", "PepeXL", true],
    ["4090", "FLUX.1-dev", true],
    ["a100", "HeuristLogo", true],
    // ...and cards below them do not.
    ["3070", "SDXL", false], // 8 GB
    ["3080", "SDXL", false], // 10 GB
    ["4060ti", "SDXL", false], // 16 GB but slower than the named minimum
    ["a4000", "CyberRealisticXL", false],
    ["3090", "FLUX.1-dev", false], // 24 GB but too slow for the 18 s timeout
    ["a5000", "HeuristLogo", false],
    // LLMs: 24 GB for the 8B models, 40 GB for Mixtral.
    ["3090", "hermes-3-llama3.1-8b", true],
    ["4080", "dolphin-2.9-llama3-8b", false],
    ["4090", "openhermes-mixtral-8x7b-gptq", false],
    ["a6000", "mixtral-8x7b", true],
    ["h100", "mixtral-8x7b", true],
  ])("%s serving %s: %s", (key, modelId, ok) => {
    expect(canServe(gpu(key), getModelOrThrow(modelId)).ok).toBe(ok);
  });

  test("says why, naming the VRAM or the minimum GPUs", () => {
    expect(canServe(gpu("3070"), getModelOrThrow("SDXL"))).toEqual({ ok: false, reason: "needs 12 GB of VRAM; the RTX 3070 has 8 GB" });
    const slow = canServe(gpu("3090"), getModelOrThrow("FLUX.1-dev"));
    expect(slow.ok).toBe(false);
    expect(!slow.ok && slow.reason).toContain("RTX 4090 or A100");
  });
});

describe("catalog timing", () => {
  const sdxl = getModelOrThrow("SDXL");
  const base = { width: 512, height: 512, steps: 20 };
  const work = (shape: { width: number; height: number; steps: number }) => catalogSecondsPerJob(gpu("4090"), sdxl, shape) - CATALOG_OVERHEAD_SEC;

  test.each([
    [{ width: 1024, height: 1024, steps: 20 }, 6],
    [{ width: 1024, height: 1024, steps: 40 }, 12],
    [{ width: 768, height: 768, steps: 30 }, 4.625],
    [{ width: 512, height: 512, steps: 40 }, 2],
  ])("work grows like the points formula: %o is %s× 512²@20", (shape, ratio) => {
    expect(work(shape) / work(base)).toBeCloseTo(ratio, 9);
  });

  test("a slower GPU takes longer and so finishes fewer jobs per hour", () => {
    const shape = { width: 1024, height: 1024, steps: 20 };
    expect(catalogSecondsPerJob(gpu("3090"), sdxl, shape)).toBeGreaterThan(catalogSecondsPerJob(gpu("4090"), sdxl, shape));
    expect(catalogJobsPerHour(gpu("4090"), sdxl, shape)).toBeCloseTo(3600 / catalogSecondsPerJob(gpu("4090"), sdxl, shape));
  });

  test("LLM time grows with tokens, and Mixtral is slower than an 8B model", () => {
    const small = { inputTokens: 500, outputTokens: 500 };
    const large = { inputTokens: 1000, outputTokens: 1000 };
    const hermes = getModelOrThrow("hermes-3-llama3.1-8b");
    expect(catalogSecondsPerJob(gpu("a100"), hermes, large)).toBeGreaterThan(catalogSecondsPerJob(gpu("a100"), hermes, small));
    expect(catalogSecondsPerJob(gpu("a100"), getModelOrThrow("mixtral-8x7b"), small)).toBeGreaterThan(catalogSecondsPerJob(gpu("a100"), hermes, small));
  });
});

describe("GPU_CATALOG", () => {
  test("keys are unique", () => {
    expect(new Set(GPU_CATALOG.map((g) => g.key)).size).toBe(GPU_CATALOG.length);
  });
});
