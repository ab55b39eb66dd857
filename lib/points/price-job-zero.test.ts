import { describe, expect, test } from "vitest";
import { ModelNotOfferedError } from "./errors";
import { type PriceJobInput, priceJob } from "./price-job";
import { getScheduleOrThrow } from "./schedules";

// Jobs that are still recorded but earn nothing, each with the reason the dashboard shows.

const s09 = getScheduleOrThrow("testnet-2024-09");
const preview = getScheduleOrThrow("mainnet-preview");
const image = { width: 1024, height: 1024, steps: 20 };
const llm = { inputTokens: 500, outputTokens: 500 };

function job(overrides: Partial<PriceJobInput> & Pick<PriceJobInput, "modelId">): PriceJobInput {
  return { schedule: s09, status: "completed", latencySec: 5, ...overrides };
}

describe("timeouts", () => {
  test.each([
    { modelId: "SDXL", image, latencySec: 18, points: 6_000_000, reason: null },
    { modelId: "SDXL", image, latencySec: 18.001, points: 0, reason: "timeout" },
    { modelId: "hermes-3-llama3.1-8b", llm, latencySec: 180, points: 500_000, reason: null },
    { modelId: "hermes-3-llama3.1-8b", llm, latencySec: 180.5, points: 0, reason: "timeout" },
    // The image timeout does not apply to LLMs.
    { modelId: "hermes-3-llama3.1-8b", llm, latencySec: 60, points: 500_000, reason: null },
  ])("$modelId at $latencySec s → $points ($reason)", ({ points, reason, ...rest }) => {
    expect(priceJob(job(rest))).toMatchObject({ pointsMicro: points, zeroReason: reason });
  });
});

describe("statuses", () => {
  test.each([
    { status: "failed", modelId: "SDXL", image, baseMicro: 6_000_000 },
    { status: "timeout", modelId: "SDXL", image, baseMicro: 6_000_000 },
    { status: "failed", modelId: "dolphin-2.9-llama3-8b", llm, baseMicro: 1_000_000 },
  ] as const)("$status on $modelId → 0 (status), factors kept", ({ baseMicro, ...rest }) => {
    const priced = priceJob(job({ ...rest, nftCount: 1, hasBoostSlot: true, latencySec: 1 }));
    expect(priced).toMatchObject({
      pointsMicro: 0,
      zeroReason: "status",
      baseMicro,
      nftMultiplierPpm: 1_100_000,
    });
  });
});

describe("models", () => {
  test.each([["FLUX.1-dev"], ["HeuristLogo"]])("%s is disabled in testnet-2024-09 → 0 (disabled)", (modelId) => {
    expect(priceJob(job({ modelId, image }))).toMatchObject({
      baseMicro: 6_000_000,
      modelMultiplierPpm: 0,
      pointsMicro: 0,
      zeroReason: "disabled",
    });
  });

  test.each([
    ["testnet-2024-04", "FLUX.1-dev"],
    ["testnet-2024-04", "HeuristLogo"],
    ["testnet-2024-04", "dolphin-2.9-llama3-8b"],
    ["testnet-2024-09", "mixtral-8x7b"],
    ["mainnet-preview", "mixtral-8x7b"],
  ])("%s does not offer %s → throws", (scheduleId, modelId) => {
    const run = () => priceJob(job({ schedule: getScheduleOrThrow(scheduleId), modelId, image, llm }));
    expect(run).toThrow(ModelNotOfferedError);
    expect(run).toThrow(modelId);
  });
});

describe("stake activation", () => {
  test.each([
    [0, 0, "inactive"],
    [9_999, 0, "inactive"],
    [10_000, 600_000, null], // 6 × 0.1
  ] as const)("mainnet-preview with %s stHEU → %s µ (%s)", (stakeHeu, points, reason) => {
    const priced = priceJob(job({ schedule: preview, modelId: "SDXL", image, stakeHeu }));
    expect(priced).toMatchObject({ pointsMicro: points, zeroReason: reason });
  });
});
