import { describe, expect, test } from "vitest";
import { PointsError } from "./errors";
import { MODELS, getModelOrThrow } from "./models";
import {
  type PlausibilityBounds,
  type PlausibilityJob,
  PLAUSIBILITY_BOUNDS,
  checkPlausibility,
  findPlausibilityBounds,
  latencyFloorMs,
  plausibilityBoundsFor,
  plausibilityFingerprint,
} from "./plausibility";
import { SCHEDULES } from "./schedules";

/**
 * Published plausibility bounds are immutable, like schedules: a job's ledger entry was priced
 * under them. If this fails because you edited a table, revert the edit and publish a new table
 * (new id, later effectiveFrom) together with the schedule it comes with.
 */
const PINNED_FINGERPRINTS: Record<string, string> = {
  "plausibility-2024-04":
    '{"effectiveFrom":"2024-04-01T00:00:00Z","id":"plausibility-2024-04","image":{"flux":{"maxPixels":4194304,"maxSteps":150,"minMsPerMegapixelStep":40},"sd15":{"maxPixels":4194304,"maxSteps":150,"minMsPerMegapixelStep":10},"sdxl":{"maxPixels":4194304,"maxSteps":150,"minMsPerMegapixelStep":10},"sdxl-lora":{"maxPixels":4194304,"maxSteps":150,"minMsPerMegapixelStep":10}},"llm":{"dolphin-2.9-llama3-8b":{"maxTokens":32768,"minMsPer1kInputTokens":10,"minMsPer1kOutputTokens":500},"hermes-3-llama3.1-8b":{"maxTokens":131072,"minMsPer1kInputTokens":10,"minMsPer1kOutputTokens":500},"mixtral-8x7b":{"maxTokens":32768,"minMsPer1kInputTokens":10,"minMsPer1kOutputTokens":500},"openhermes-mixtral-8x7b-gptq":{"maxTokens":32768,"minMsPer1kInputTokens":10,"minMsPer1kOutputTokens":500},"theia-llama-3.1-8b":{"maxTokens":131072,"minMsPer1kInputTokens":10,"minMsPer1kOutputTokens":500}}}',
};

const bounds = findPlausibilityBounds("plausibility-2024-04")!;

describe("published plausibility bounds never change", () => {
  test.each(PLAUSIBILITY_BOUNDS.map((b) => [b.id, b] as const))("%s matches its pinned fingerprint", (_id, table) => {
    expect(plausibilityFingerprint(table)).toBe(PINNED_FINGERPRINTS[table.id]);
  });

  test("every pinned table is still published, and every published one is pinned", () => {
    expect(PLAUSIBILITY_BOUNDS.map((b) => b.id).sort()).toEqual(Object.keys(PINNED_FINGERPRINTS).sort());
  });

  test.each<[string, (b: PlausibilityBounds) => unknown]>([
    ["an image limit", (b) => (b.image.sdxl.maxSteps = 1_000)],
    ["an LLM limit", (b) => (b.llm["hermes-3-llama3.1-8b"]!.maxTokens = 1e9)],
    ["the LLM table", (b) => (b.llm["gpt-9"] = { maxTokens: 1, minMsPer1kInputTokens: 0, minMsPer1kOutputTokens: 0 })],
  ])("%s cannot be edited at run time", (_name, mutate) => {
    expect(() => mutate(bounds)).toThrow(TypeError);
  });

  test.each<[string, (b: PlausibilityBounds) => void]>([
    ["a pixel limit", (b) => (b.image.sd15.maxPixels += 1)],
    ["a latency floor", (b) => (b.image.flux.minMsPerMegapixelStep = 39)],
    ["a token limit", (b) => (b.llm["mixtral-8x7b"]!.maxTokens = 32_769)],
  ])("the fingerprint changes when %s changes", (_name, edit) => {
    const edited = structuredClone(bounds) as PlausibilityBounds;
    edit(edited);
    expect(plausibilityFingerprint(edited)).not.toBe(plausibilityFingerprint(bounds));
  });
});

describe("which table judges a job", () => {
  test.each(SCHEDULES.map((s) => [s.id, s] as const))("schedule %s → plausibility-2024-04", (_id, schedule) => {
    expect(plausibilityBoundsFor(schedule).id).toBe("plausibility-2024-04");
  });

  test("a schedule older than every table has none (an error, never a silent pass)", () => {
    expect(() => plausibilityBoundsFor({ ...SCHEDULES[0]!, id: "ancient", effectiveFrom: "2020-01-01T00:00:00Z" })).toThrow(PointsError);
  });

  test.each(PLAUSIBILITY_BOUNDS.flatMap((b) => MODELS.map((m) => [b.id, m.id] as const)))("%s bounds %s", (id, modelId) => {
    const table = findPlausibilityBounds(id)!;
    expect(() => latencyFloorMs(table, getModelOrThrow(modelId), {})).not.toThrow();
  });

  test("a model without bounds is an error, never a silent pass", () => {
    const orphan = { id: "new-llm", kind: "llm", type: "llm", vramGb: 24, label: "New" } as const;
    expect(() => checkPlausibility(bounds, orphan, { latencySec: 1, llm: { inputTokens: 1, outputTokens: 1 } })).toThrow(/no plausibility bounds/);
  });
});

type Row = { modelId: string; job: PlausibilityJob; breach: null | { bound: string; actual: number; limit: number } };
const image = (width: number, height: number, steps: number, latencySec: number) => ({ latencySec, image: { width, height, steps } });
const llm = (inputTokens: number, outputTokens: number, latencySec: number) => ({ latencySec, llm: { inputTokens, outputTokens } });

// Limits written out from docs/decisions/0011, not read from the table.
describe("each bound, just inside and just outside", () => {
  test.each<Row>([
    // Largest image: 2048×2048 = 4,194,304 pixels, whatever the aspect ratio.
    { modelId: "SDXL", job: image(2048, 2048, 20, 5), breach: null },
    { modelId: "SDXL", job: image(4096, 1024, 20, 5), breach: null },
    { modelId: "SDXL", job: image(2048, 2049, 20, 5), breach: { bound: "pixels", actual: 4_196_352, limit: 4_194_304 } },
    { modelId: "Aurora", job: image(4097, 1024, 20, 5), breach: { bound: "pixels", actual: 4_195_328, limit: 4_194_304 } },
    { modelId: "FLUX.1-dev", job: image(2048, 2048, 20, 5), breach: null },
    { modelId: "FLUX.1-dev", job: image(2050, 2048, 20, 5), breach: { bound: "pixels", actual: 4_198_400, limit: 4_194_304 } },
    // Most steps: 150.
    { modelId: "SDXL", job: image(1024, 1024, 150, 5), breach: null },
    { modelId: "SDXL", job: image(1024, 1024, 151, 5), breach: { bound: "steps", actual: 151, limit: 150 } },
    { modelId: "PepeXL", job: image(1024, 1024, 151, 5), breach: { bound: "steps", actual: 151, limit: 150 } },
    { modelId: "HeuristLogo", job: image(1024, 1024, 151, 9), breach: { bound: "steps", actual: 151, limit: 150 } },
    // Latency floor, images: 10 ms per megapixel-step (SD 1.5, SDXL), 40 ms (Flux).
    { modelId: "SDXL", job: image(1024, 1024, 100, 1), breach: null },
    { modelId: "SDXL", job: image(1024, 1024, 100, 0.999), breach: { bound: "latency", actual: 0.999, limit: 1 } },
    { modelId: "SDXL", job: image(1024, 1024, 100, 0.9995), breach: null }, // stored as 1.000 s
    { modelId: "Aurora", job: image(512, 512, 20, 0.05), breach: null },
    { modelId: "Aurora", job: image(512, 512, 20, 0.049), breach: { bound: "latency", actual: 0.049, limit: 0.05 } },
    { modelId: "FLUX.1-dev", job: image(1024, 1024, 25, 1), breach: null },
    { modelId: "FLUX.1-dev", job: image(1024, 1024, 25, 0.999), breach: { bound: "latency", actual: 0.999, limit: 1 } },
    { modelId: "SDXL", job: image(1024, 1024, 20, 0), breach: { bound: "latency", actual: 0, limit: 0.2 } },
    { modelId: "Aurora", job: image(64, 64, 1, 0), breach: null }, // a floor under 1 ms never trips
    // Most tokens: the context window, input and output together.
    { modelId: "hermes-3-llama3.1-8b", job: llm(131_000, 72, 100), breach: null },
    { modelId: "hermes-3-llama3.1-8b", job: llm(131_000, 73, 100), breach: { bound: "tokens", actual: 131_073, limit: 131_072 } },
    { modelId: "theia-llama-3.1-8b", job: llm(0, 131_073, 170), breach: { bound: "tokens", actual: 131_073, limit: 131_072 } },
    { modelId: "dolphin-2.9-llama3-8b", job: llm(32_000, 768, 30), breach: null },
    { modelId: "dolphin-2.9-llama3-8b", job: llm(32_000, 769, 30), breach: { bound: "tokens", actual: 32_769, limit: 32_768 } },
    { modelId: "mixtral-8x7b", job: llm(32_000, 768, 60), breach: null },
    { modelId: "openhermes-mixtral-8x7b-gptq", job: llm(32_000, 769, 60), breach: { bound: "tokens", actual: 32_769, limit: 32_768 } },
    // Latency floor, LLMs: 10 ms per 1,000 prompt tokens + 500 ms per 1,000 generated ones.
    { modelId: "hermes-3-llama3.1-8b", job: llm(1_000, 1_000, 0.51), breach: null },
    { modelId: "hermes-3-llama3.1-8b", job: llm(1_000, 1_000, 0.509), breach: { bound: "latency", actual: 0.509, limit: 0.51 } },
    { modelId: "mixtral-8x7b", job: llm(20_000, 0, 0.2), breach: null },
    { modelId: "mixtral-8x7b", job: llm(20_000, 0, 0.199), breach: { bound: "latency", actual: 0.199, limit: 0.2 } },
    { modelId: "dolphin-2.9-llama3-8b", job: llm(0, 0, 0), breach: null }, // no work, no floor
    // Size is judged before speed: the job breaks the pixel limit first.
    { modelId: "SDXL", job: image(16_384, 16_384, 1_000, 0), breach: { bound: "pixels", actual: 268_435_456, limit: 4_194_304 } },
    { modelId: "SDXL", job: image(1024, 1024, 1_000, 0), breach: { bound: "steps", actual: 1_000, limit: 150 } },
  ])("$modelId $job → $breach", ({ modelId, job, breach }) => {
    const result = checkPlausibility(bounds, getModelOrThrow(modelId), job);
    expect(result).toEqual(breach === null ? null : { boundsId: "plausibility-2024-04", ...breach });
  });
});

describe("the fastest real GPU never trips the latency floor", () => {
  // H100 figures well above published tuned benchmarks: SDXL 1024² at 40 it/s, SD 1.5 512² at
  // 150 it/s, Flux 1024² at 8 it/s, an 8B LLM decoding 400 tokens/s and prefilling 50,000 tokens/s.
  test.each([
    ["SDXL", image(1024, 1024, 20, 20 / 40)],
    ["SDXL", image(2048, 2048, 150, (150 / 40) * 4)],
    ["Aurora", image(512, 512, 20, 20 / 150)],
    ["FLUX.1-dev", image(1024, 1024, 28, 28 / 8)],
    ["hermes-3-llama3.1-8b", llm(4_000, 2_000, 4_000 / 50_000 + 2_000 / 400)],
    ["mixtral-8x7b", llm(30_000, 500, 30_000 / 50_000 + 500 / 400)],
  ] as const)("%s %j", (modelId, job) => {
    expect(checkPlausibility(bounds, getModelOrThrow(modelId), job)).toBeNull();
  });
});
