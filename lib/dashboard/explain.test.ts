import { describe, expect, test } from "vitest";
import { describeEntryKind, describeShape, explainZero, type ZeroContext } from "./explain";

const ctx: ZeroContext = { kind: "job", pointType: "waifu", status: "completed", latencySec: 20, timeoutSec: 18, modelId: "FLUX.1-dev", scheduleId: "testnet-2024-09" };

describe("describeShape", () => {
  test.each([
    [{ width: 1024, height: 768, steps: 30, inputTokens: null, outputTokens: null }, "1024×768 @ 30 steps"],
    [{ width: null, height: null, steps: null, inputTokens: 1200, outputTokens: 800 }, "1,200 in + 800 out tokens"],
    [{ width: null, height: null, steps: null, inputTokens: null, outputTokens: null }, null],
    [null, null],
  ])("%j → %s", (shape, expected) => {
    expect(describeShape(shape)).toBe(expected);
  });
});

describe("explainZero", () => {
  test.each([
    [null, ctx, null],
    ["status", { ...ctx, status: "failed" }, "The router reported the job failed, so it earns nothing and counts against the on-time rate."],
    ["timeout", ctx, "Inference took 20 s, over the 18 s timeout for image jobs."],
    ["timeout", { ...ctx, pointType: "llm" as never, latencySec: null, timeoutSec: null }, "Inference exceeded the schedule's timeout for LLM jobs."],
    ["floor", ctx, "Below the anti-spam floor: images under 512×512 or under 20 steps earn nothing."],
    ["floor", { ...ctx, pointType: "llama" as const }, "No tokens were generated, so the base is 0."],
    ["disabled", ctx, "Schedule testnet-2024-09 offers FLUX.1-dev at a multiplier of 0 (disabled)."],
    ["inactive", ctx, "The stake on this node is below the activation threshold, so the node earns nothing."],
    ["mystery", ctx, "Earned nothing (mystery)."],
    [
      "implausible",
      { ...ctx, modelId: "SDXL", latencySec: 0, shape: { width: 1024, height: 1024, steps: 1_000, inputTokens: null, outputTokens: null } },
      "1,000 steps is above the 150-step limit for SDXL; such jobs earn nothing and are reviewed.",
    ],
    [
      "implausible",
      { ...ctx, modelId: "SDXL", latencySec: 0, shape: { width: 16_384, height: 16_384, steps: 1_000, inputTokens: null, outputTokens: null } },
      "268,435,456 pixels is above the 4,194,304-pixel limit (2048×2048) for SDXL; such jobs earn nothing and are reviewed.",
    ],
    [
      "implausible",
      {
        ...ctx,
        pointType: "llama" as const,
        modelId: "hermes-3-llama3.1-8b",
        latencySec: 0.2,
        shape: { width: null, height: null, steps: null, inputTokens: 1_200, outputTokens: 800 },
      },
      "0.2 s is faster than the 0.412 s the fastest GPU needs for this much work on hermes-3-llama3.1-8b; such jobs earn nothing and are reviewed.",
    ],
    [
      "implausible",
      { ...ctx, shape: null },
      "The job is outside what any GPU can do for this model (too large, too many steps or tokens, or finished faster than possible); such jobs earn nothing and are reviewed.",
    ],
  ])("%s", (reason, context, expected) => {
    expect(explainZero(reason, context)).toBe(expected);
  });

  test("entry kinds in words", () => {
    expect(["job", "slash", "reversal", "other"].map(describeEntryKind)).toEqual(["Job", "Slash (points removed by an admin)", "Reversal of an earlier entry", "other"]);
  });
});
