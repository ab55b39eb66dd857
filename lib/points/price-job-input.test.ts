import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ModelNotOfferedError, PointsError, UnknownModelError } from "./errors";
import { MODELS } from "./models";
import { type PriceJobInput, pointsMicroFromFactors, priceJob } from "./price-job";
import { SCHEDULES, getScheduleOrThrow } from "./schedules";

const s09 = getScheduleOrThrow("testnet-2024-09");

function job(overrides: Partial<PriceJobInput> & Pick<PriceJobInput, "modelId">): PriceJobInput {
  return { schedule: s09, status: "completed", latencySec: 5, ...overrides };
}

describe("invalid input", () => {
  const image = { width: 512, height: 512, steps: 20 };
  const llm = { inputTokens: 1, outputTokens: 1 };

  test.each<[string, PriceJobInput, new (...args: never[]) => PointsError, string]>([
    ["unknown model", job({ modelId: "sdxl", image }), UnknownModelError, '"sdxl"'],
    ["image model without a shape", job({ modelId: "SDXL", llm }), PointsError, "image shape"],
    ["LLM without tokens", job({ modelId: "theia-llama-3.1-8b", image }), PointsError, "token counts"],
    ["negative latency", job({ modelId: "SDXL", image, latencySec: -1 }), PointsError, "latencySec"],
    ["NaN latency", job({ modelId: "SDXL", image, latencySec: Number.NaN }), PointsError, "latencySec"],
    ["unknown status", job({ modelId: "SDXL", image, status: "done" as never }), PointsError, '"done"'],
    ["negative stake", job({ modelId: "SDXL", image, stakeHeu: -5 }), PointsError, "Stake"],
    ["fractional NFTs", job({ modelId: "SDXL", image, nftCount: 0.5 }), PointsError, "nftCount"],
  ])("%s is rejected", (_name, input, errorClass, text) => {
    expect(() => priceJob(input)).toThrow(errorClass);
    expect(() => priceJob(input)).toThrow(text);
  });
});

describe("properties", () => {
  const anyJob = fc.record({
    schedule: fc.constantFrom(...SCHEDULES),
    modelId: fc.constantFrom(...MODELS.map((m) => m.id)),
    status: fc.constantFrom("completed", "completed", "timeout", "failed" as const),
    latencySec: fc.double({ min: 0, max: 400, noNaN: true }),
    image: fc.record({
      width: fc.integer({ min: 1, max: 4096 }),
      height: fc.integer({ min: 1, max: 4096 }),
      steps: fc.integer({ min: 1, max: 150 }),
    }),
    llm: fc.record({ inputTokens: fc.nat(200_000), outputTokens: fc.nat(200_000) }),
    nftCount: fc.nat(500),
    hasBoostSlot: fc.boolean(),
    stakeHeu: fc.double({ min: 0, max: 1e7, noNaN: true }),
  });

  test("points are a non-negative safe integer, zero exactly when a reason is given, re-derivable", () => {
    fc.assert(
      fc.property(anyJob, (input) => {
        let priced;
        try {
          priced = priceJob(input);
        } catch (error) {
          // The only expected failure for valid shapes: a model the drawn schedule does not offer.
          expect(error).toBeInstanceOf(ModelNotOfferedError);
          return;
        }
        expect(Number.isSafeInteger(priced.pointsMicro)).toBe(true);
        expect(priced.pointsMicro).toBeGreaterThanOrEqual(0);
        expect(priced.pointsMicro === 0).toBe(priced.zeroReason !== null);
        expect(pointsMicroFromFactors(priced)).toBe(priced.pointsMicro);
      }),
      { numRuns: 1000 },
    );
  });
});
