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
    ["status", { ...ctx, status: "failed" }, "The router reported the job failed, so it earns nothing and counts against availability."],
    ["timeout", ctx, "Inference took 20 s, over the 18 s timeout for image jobs."],
    ["timeout", { ...ctx, pointType: "llm" as never, latencySec: null, timeoutSec: null }, "Inference exceeded the schedule's timeout for LLM jobs."],
    ["floor", ctx, "Below the anti-spam floor: images under 512×512 or under 20 steps earn nothing."],
    ["floor", { ...ctx, pointType: "llama" as const }, "No tokens were generated, so the base is 0."],
    ["disabled", ctx, "Schedule testnet-2024-09 offers FLUX.1-dev at a multiplier of 0 (disabled)."],
    ["inactive", ctx, "The stake on this node is below the activation threshold, so the node earns nothing."],
    ["mystery", ctx, "Earned nothing (mystery)."],
  ])("%s", (reason, context, expected) => {
    expect(explainZero(reason, context)).toBe(expected);
  });

  test("entry kinds in words", () => {
    expect(["job", "slash", "reversal", "other"].map(describeEntryKind)).toEqual(["Job", "Slash (points removed by an admin)", "Reversal of an earlier entry", "other"]);
  });
});
