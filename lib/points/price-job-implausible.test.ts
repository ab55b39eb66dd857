import { describe, expect, test } from "vitest";
import { describeBreach } from "./describe-breach";
import { type PriceJobInput, jobTimeoutSec, pointsMicroFromFactors, priceJob } from "./price-job";
import { MODELS } from "./models";
import { PLAUSIBILITY_BOUNDS } from "./plausibility";
import { SCHEDULES, getScheduleOrThrow } from "./schedules";

// Jobs outside the plausibility bounds: recorded, every factor kept, 0 points, reason "implausible".

const s04 = getScheduleOrThrow("testnet-2024-04");
const s09 = getScheduleOrThrow("testnet-2024-09");
const preview = getScheduleOrThrow("mainnet-preview");

function job(overrides: Partial<PriceJobInput> & Pick<PriceJobInput, "modelId">): PriceJobInput {
  return { schedule: s09, status: "completed", latencySec: 5, ...overrides };
}

describe("the job from the security test", () => {
  // SDXL at 16384×16384, 1,000 steps, latency 0 was paid 85,300 points.
  const priced = priceJob(job({ modelId: "SDXL", latencySec: 0, image: { width: 16_384, height: 16_384, steps: 1_000 } }));

  test("earns 0 with its own reason, and says which bound it broke", () => {
    expect(priced).toMatchObject({
      pointsMicro: 0,
      zeroReason: "implausible",
      implausible: { boundsId: "plausibility-2024-04", bound: "pixels", actual: 268_435_456, limit: 4_194_304 },
    });
  });

  test("keeps every factor, so the ledger shows what it claimed", () => {
    expect(priced).toMatchObject({ baseMicro: 85_300_000_000, modelMultiplierPpm: 1_000_000, scheduleId: "testnet-2024-09" });
    expect(pointsMicroFromFactors(priced)).toBe(0);
  });

  test("backdating it to the first schedule does not escape the bounds", () => {
    expect(priceJob(job({ schedule: s04, modelId: "SDXL", latencySec: 0, image: { width: 16_384, height: 16_384, steps: 1_000 } }))).toMatchObject({
      pointsMicro: 0,
      zeroReason: "implausible",
      baseMicro: 85_300_000_000,
    });
  });
});

describe("which reason wins", () => {
  const huge = { width: 1024, height: 1024, steps: 151 };
  test.each([
    { name: "a failed job is a status zero", over: { modelId: "SDXL", image: huge, status: "failed" as const }, reason: "status" },
    { name: "a late job is a timeout (not on time, whatever its shape)", over: { modelId: "SDXL", image: huge, latencySec: 19 }, reason: "timeout" },
    { name: "an implausible job under the anti-spam floor is implausible", over: { modelId: "SDXL", image: { width: 256, height: 256, steps: 151 } }, reason: "implausible" },
    { name: "an implausible job of a disabled model is implausible", over: { modelId: "FLUX.1-dev", image: huge, latencySec: 9 }, reason: "implausible" },
    { name: "an implausible job of an inactive node is implausible", over: { schedule: preview, modelId: "SDXL", image: huge }, reason: "implausible" },
    {
      name: "an LLM over its context window is implausible",
      over: { modelId: "dolphin-2.9-llama3-8b", llm: { inputTokens: 32_000, outputTokens: 800 }, latencySec: 30 },
      reason: "implausible",
    },
    {
      name: "an LLM answering 2,000 tokens in 0.5 s is implausible",
      over: { modelId: "hermes-3-llama3.1-8b", llm: { inputTokens: 100, outputTokens: 2_000 }, latencySec: 0.5 },
      reason: "implausible",
    },
    { name: "the same answer in 1.5 s earns", over: { modelId: "hermes-3-llama3.1-8b", llm: { inputTokens: 100, outputTokens: 2_000 }, latencySec: 1.5 }, reason: null },
  ])("$name", ({ over, reason }) => {
    const priced = priceJob(job(over));
    expect(priced.zeroReason).toBe(reason);
    expect(priced.implausible === null).toBe(reason !== "implausible");
    expect(priced.pointsMicro === 0).toBe(reason !== null);
  });
});

describe("what the estimators assume", () => {
  test.each(SCHEDULES.map((s) => [s.id, s] as const))("%s: a job as slow as the timeout allows", (_id, schedule) => {
    expect(jobTimeoutSec(schedule, "image")).toBe(18);
    expect(jobTimeoutSec(schedule, "llm")).toBe(180);
  });

  // Every model's largest in-bounds job, at the timeout, is plausible unless no GPU could finish it
  // in time (only Flux at 2048² and 150 steps: 24 s of floor for an 18 s timeout).
  test.each(MODELS.map((m) => [m.id, m] as const))("%s at its size limits", (_id, model) => {
    const table = PLAUSIBILITY_BOUNDS[0]!;
    const schedule = model.kind === "llm" && Object.hasOwn(s04.llmModelPpm, model.id) ? s04 : s09;
    const shape =
      model.kind === "image"
        ? { image: { width: 2048, height: 2048, steps: table.image[model.category!].maxSteps } }
        : { llm: { inputTokens: 0, outputTokens: table.llm[model.id]!.maxTokens } };
    const priced = priceJob(job({ schedule, modelId: model.id, latencySec: jobTimeoutSec(schedule, model.kind), ...shape }));
    expect(priced.zeroReason === "implausible").toBe(model.category === "flux");
  });
});

describe("describeBreach", () => {
  test.each([
    [{ bound: "steps", actual: 1_000, limit: 150 }, "SDXL", "1,000 steps is above the 150-step limit for SDXL"],
    [{ bound: "pixels", actual: 268_435_456, limit: 4_194_304 }, "SDXL", "268,435,456 pixels is above the 4,194,304-pixel limit (2048×2048) for SDXL"],
    [{ bound: "tokens", actual: 32_800, limit: 32_768 }, "dolphin-2.9-llama3-8b", "32,800 tokens (input + output) is above the 32,768-token limit for dolphin-2.9-llama3-8b"],
    [{ bound: "latency", actual: 0, limit: 0.2 }, "SDXL", "0 s is faster than the 0.2 s the fastest GPU needs for this much work on SDXL"],
    [{ bound: "latency", actual: 1.25, limit: 40.96 }, "SDXL", "1.25 s is faster than the 40.96 s the fastest GPU needs for this much work on SDXL"],
  ] as const)("%j on %s", (breach, modelId, text) => {
    expect(describeBreach({ boundsId: "plausibility-2024-04", ...breach }, modelId)).toBe(text);
  });
});
