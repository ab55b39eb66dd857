import { describe, expect, test } from "vitest";
import { findGpu } from "@/lib/gpu-catalog";
import { getModelOrThrow, getScheduleOrThrow } from "@/lib/points";
import { computeEstimate } from "./estimate";
import { modelOptionText, rateSource, serveGroups, zeroExplanations } from "./explain";
import { defaultForm, parseForm } from "./params";
import type { NetworkThroughput } from "./types";

const NO_DATA: NetworkThroughput = { from: "2026-11-15T00:00:00.000Z", days: 0, items: [] };

function reasons(over: Record<string, string>) {
  const form = { ...defaultForm("testnet-2024-09"), ...over };
  const parsed = parseForm(form);
  if (!parsed.ok) throw new Error("invalid form");
  const estimate = computeEstimate(parsed.input, NO_DATA);
  return zeroExplanations(estimate, getModelOrThrow(form.model), getScheduleOrThrow(form.schedule));
}

describe("zeroExplanations", () => {
  test("an earning job has no reasons", () => {
    expect(reasons({})).toEqual([]);
  });

  test.each([
    [{ width: "256", height: "512" }, /anti-spam floor/],
    [{ steps: "19" }, /fewer than 20 steps/],
    [{ model: "FLUX.1-dev" }, /disabled in the testnet-2024-09 schedule/],
    [{ schedule: "mainnet-preview", stake: "9999" }, /at least 10,000 stHEU/],
    [{ model: "FLUX.1-dev", schedule: "testnet-2024-04" }, /not offered by the testnet-2024-04 schedule/],
    [{ gpu: "3070" }, /An RTX 3070 can't serve Stable Diffusion XL 1.0: it needs 12 GB of VRAM/],
    [{ steps: "1000" }, /^1,000 steps is above the 150-step limit for SDXL; such jobs earn nothing and are flagged for review\.$/],
    [{ width: "16384", height: "16384" }, /^268,435,456 pixels is above the 4,194,304-pixel limit \(2048×2048\) for SDXL/],
    [{ model: "FLUX.1-dev", width: "2048", height: "2048", steps: "150" }, /^No GPU can finish this much FLUX.1 \[dev\] work within the 18 s timeout; such jobs/],
  ])("%o → %s", (over, pattern) => {
    expect(reasons(over).join(" ")).toMatch(pattern);
  });

  test("gives every reason that applies", () => {
    expect(reasons({ gpu: "3070", model: "FLUX.1-dev" })).toHaveLength(2);
  });
});

describe("rateSource", () => {
  test("says a catalog estimate is one", () => {
    const gpu = findGpu("4090")!;
    expect(rateSource({ source: "catalog", jobsPerHour: 900 }, gpu, getModelOrThrow("SDXL"))).toMatch(/^No network data yet: catalog estimate/);
  });
});

describe("serveGroups", () => {
  test("lists the families from the least VRAM up, with what the GPU can serve", () => {
    const groups = serveGroups(findGpu("3090")!);
    expect(groups.map((g) => [g.label, g.compatibility.ok])).toEqual([
      ["SD 1.5", true],
      ["SDXL", true],
      ["SDXL LoRA", true],
      ["8B LLMs", true],
      ["Flux", false],
      ["Mixtral 8x7B", false],
    ]);
  });
});

describe("modelOptionText", () => {
  test.each([
    ["SDXL", "4090", "testnet-2024-09", "Stable Diffusion XL 1.0"],
    ["SDXL", "3070", "testnet-2024-09", "Stable Diffusion XL 1.0 (won't run on RTX 3070)"],
    ["FLUX.1-dev", "4090", "testnet-2024-09", "FLUX.1 [dev] (earns 0 in this schedule)"],
    ["FLUX.1-dev", "3070", "testnet-2024-04", "FLUX.1 [dev] (won't run on RTX 3070; not in this schedule)"],
  ])("%s on %s under %s", (modelId, gpu, schedule, text) => {
    expect(modelOptionText(modelId, findGpu(gpu)!, getScheduleOrThrow(schedule))).toBe(text);
  });
});
