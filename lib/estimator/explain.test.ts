import { describe, expect, test } from "vitest";
import { findGpu } from "@/lib/gpu-catalog";
import { getModelOrThrow, getScheduleOrThrow } from "@/lib/points";
import { computeEstimate } from "./estimate";
import { formatCount } from "@/lib/format";
import { baseExplanation, modelOptionText, multiplierExplanation, perDayArithmetic, rateSource, serveGroups, zeroExplanations } from "./explain";
import { defaultForm, parseForm } from "./params";
import type { NetworkThroughput } from "./types";

const NO_DATA: NetworkThroughput = {
  from: "2026-11-15T00:00:00.000Z",
  to: "2026-11-22T00:00:00.000Z",
  asOf: "2026-11-22T00:10:00.000Z",
  availabilitySource: "heartbeats",
  items: [],
};

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
  const network = { source: "network", jobsPerHour: 1.2, p25: 1, p75: 1.5, kind: "image", devices: 12, deviceDays: 1, days: 1 } as const;
  test("says its sample, singular where it is one", () => {
    expect(rateSource(network, findGpu("4090")!, getModelOrThrow("SDXL"))).toMatch(
      /^From 12 RTX 4090 devices over 1 day \(1 device-day online\): they completed 1.2 image jobs per hour online \(p25–p75 across device-days: 1–1.5\)/,
    );
  });
  test("warns that hours counted from jobs overstate the rate", () => {
    expect(rateSource(network, findGpu("4090")!, getModelOrThrow("SDXL"), "mixed")).toMatch(/overstates jobs per hour where jobs are sparse\.$/);
    expect(rateSource(network, findGpu("4090")!, getModelOrThrow("SDXL"), "heartbeats")).not.toMatch(/overstates/);
  });
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

function estimateFor(over: Record<string, string>, network: NetworkThroughput = NO_DATA) {
  const form = { ...defaultForm("testnet-2024-09"), ...over };
  const parsed = parseForm(form);
  if (!parsed.ok) throw new Error("invalid form");
  return { input: parsed.input, estimate: computeEstimate(parsed.input, network), model: getModelOrThrow(form.model), schedule: getScheduleOrThrow(form.schedule) };
}

// Issue 11: explanations that contradicted the result they explain.
describe("explanations agree with the result", () => {
  test("Mixtral, which testnet-2024-09 does not offer, is not '1,000 tokens ÷ 1,000 = 0 Llama Points'", () => {
    const { input, estimate, model, schedule } = estimateFor({ gpu: "4090", model: "mixtral-8x7b", input_tokens: "500", output_tokens: "500" });
    const text = baseExplanation(input, estimate, model, schedule);
    expect(text).not.toMatch(/= 0 Llama/);
    expect(text).toBe("1,000 tokens ÷ 1,000 = 1 Llama Point before multipliers under a schedule that offers Mixtral 8x7B; testnet-2024-09 does not, so no base points are priced.");
    // And why the hour earns nothing on this GPU: Mixtral needs 40 GB.
    expect(zeroExplanations(estimate, model, schedule).join(" ")).toMatch(/RTX 4090 can't serve Mixtral 8x7B: it needs 40 GB/);
  });

  test("an offered LLM's base is the tokens ÷ 1,000, singular for one point", () => {
    const { input, estimate, model, schedule } = estimateFor({ model: "mixtral-8x7b", schedule: "testnet-2024-04", input_tokens: "500", output_tokens: "500" });
    expect(estimate.perJob).toBe(1);
    expect(baseExplanation(input, estimate, model, schedule)).toBe("1,000 tokens ÷ 1,000 = 1 Llama Point before multipliers.");
  });

  test("an image model the schedule does not offer is not called 'below the floor'", () => {
    const { input, estimate, model, schedule } = estimateFor({ model: "FLUX.1-dev", schedule: "testnet-2024-04" });
    expect(baseExplanation(input, estimate, model, schedule)).toBe("testnet-2024-04 does not offer FLUX.1 [dev], so no base points are priced.");
  });

  test.each(["FLUX.1-dev", "HeuristLogo"])("%s earns 0 and the multiplier line says ×0 in this schedule", (modelId) => {
    const { estimate, model, schedule } = estimateFor({ model: modelId });
    expect(estimate.perJob).toBe(0);
    expect(multiplierExplanation(estimate, model, schedule)).toMatch(/^×0 in this schedule: testnet-2024-09 disables /);
  });
});

describe("perDayArithmetic: the per-hour and per-day figures visibly agree", () => {
  const network = (jobsPerHour: number): NetworkThroughput => ({
    ...NO_DATA,
    items: [
      {
        hardware: findGpu("4090")!.hardware,
        devices: 9,
        days: 7,
        deviceDays: 50,
        onlineHours: 1000,
        points: 1,
        onlineShare: 0.9,
        pointsPerOnlineDay: { value: 1, p25: null, p75: null },
        models: [],
        kinds: [{ kind: "image", devices: 9, deviceDays: 50, onlineHours: 1000, successes: 1000, jobsPerOnlineHour: { value: jobsPerHour, p25: null, p75: null } }],
      },
    ],
  });
  // Reads the line's numbers back: what a visitor would multiply.
  const numbers = (text: string) => [...text.matchAll(/([\d,]+(?:\.\d+)?)/g)].map((m) => Number(m[1]!.replaceAll(",", "")));
  test.each([0.00448, 0.0463, 1.2, 3.7])("at %s jobs an hour online", (jobsPerHour) => {
    const { estimate } = estimateFor({ gpu: "4090", steps: "30", nfts: "2" }, network(jobsPerHour));
    const text = perDayArithmetic(estimate);
    expect(text).toMatch(/× 24 hours online = .* per day online\.$/);
    const [perJob, jobs, perHour, hours, perDay] = numbers(text);
    expect(hours).toBe(24);
    // Each figure is rounded to 3 significant digits (±0.5 % at worst): the products agree within two roundings.
    expect(Math.abs(perHour! / (perJob! * jobs!) - 1)).toBeLessThan(0.011);
    expect(Math.abs(perDay! / (perHour! * 24) - 1)).toBeLessThan(0.011);
  });
});

describe("formatCount", () => {
  test.each([
    [0, "0 jobs"],
    [1, "1 job"],
    [2, "2 jobs"],
    [1204, "1,204 jobs"],
  ])("%s → %s", (n, text) => {
    expect(formatCount(n, "job")).toBe(text);
  });
});
