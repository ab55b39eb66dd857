import { describe, expect, test } from "vitest";
import { type ImplausibleJob, breachOf, implausibleFlags } from "./implausible";

const sdxl = (over: Partial<ImplausibleJob> = {}): ImplausibleJob => ({
  jobId: "j1",
  modelId: "SDXL",
  scheduleId: "testnet-2024-09",
  completedAt: "2026-12-01T00:00:00.000Z",
  hardware: "NVIDIA GeForce RTX 4090",
  latencySec: 0,
  width: 16_384,
  height: 16_384,
  steps: 1_000,
  inputTokens: null,
  outputTokens: null,
  claimedMicro: 85_300_000_000,
  ...over,
});

describe("breachOf", () => {
  test.each<[string, Partial<ImplausibleJob>, string | null]>([
    ["the security test's job", {}, "pixels"],
    ["too many steps", { width: 1024, height: 1024 }, "steps"],
    ["too fast", { width: 1024, height: 1024, steps: 20, latencySec: 0.1 }, "latency"],
    ["an LLM over its window", { modelId: "hermes-3-llama3.1-8b", width: null, height: null, steps: null, inputTokens: 200_000, outputTokens: 1, latencySec: 60 }, "tokens"],
    ["a plausible job", { width: 1024, height: 1024, steps: 20, latencySec: 3 }, null],
    ["an unknown model (retired since)", { modelId: "gone" }, null],
  ])("%s → %s", (_name, over, bound) => {
    expect(breachOf(sdxl(over))?.bound ?? null).toBe(bound);
  });
});

describe("implausibleFlags", () => {
  const flags = implausibleFlags([
    { minerId: "0xa-one", jobs: 1, claimedMicro: 85_300_000_000, examples: [sdxl()] },
    {
      minerId: "0xb-many",
      jobs: 1_200,
      claimedMicro: 7_200_000_000,
      examples: [sdxl({ jobId: "j2", width: 1024, height: 1024, steps: 20, latencySec: 0.05, claimedMicro: 6_000_000 })],
    },
    { minerId: "0xc-none", jobs: 0, claimedMicro: 0, examples: [] },
  ]);

  test("one flag per miner ID with implausible jobs, most jobs first", () => {
    expect(flags.map((f) => [f.minerId, f.jobs, f.claimedPoints])).toEqual([
      ["0xb-many", 1_200, 7_200],
      ["0xa-one", 1, 85_300],
    ]);
  });

  test("each example says which bound it broke, in the words the miner reads", () => {
    expect(flags[1]!.examples[0]).toMatchObject({
      jobId: "j1",
      claimedPoints: 85_300,
      breach: { bound: "pixels", actual: 268_435_456, limit: 4_194_304 },
      explanation: "268,435,456 pixels is above the 4,194,304-pixel limit (2048×2048) for SDXL",
    });
    expect(flags[0]!.summary).toBe(
      "1,200 jobs outside the plausibility bounds, claiming 7,200 points (paid 0); latest: 0.05 s is faster than the 0.2 s the fastest GPU needs for this much work on SDXL.",
    );
  });
});
