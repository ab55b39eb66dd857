import { describe, expect, test } from "vitest";
import { findGpu } from "@/lib/gpu-catalog";
import { estimateQuerySchema } from "@/lib/schemas/estimate";
import { estimateJob } from "@/lib/server/queries/estimate";
import { MIN_DEVICES, MIN_SUCCESSES, computeEstimate, pickRate } from "./estimate";
import { formFromParams, parseForm } from "./params";
import type { GpuModelThroughput, KindThroughput, NetworkThroughput } from "./types";

const NO_DATA: NetworkThroughput = {
  from: "2026-11-15T00:00:00.000Z",
  to: "2026-11-22T00:00:00.000Z",
  asOf: "2026-11-22T00:10:00.000Z",
  availabilitySource: "heartbeats",
  items: [],
};
const gpu4090 = findGpu("4090")!;
const gpu3090 = findGpu("3090")!;

function image(over: Partial<KindThroughput> = {}): KindThroughput {
  return { kind: "image", devices: 100, deviceDays: 600, onlineHours: 12_000, successes: 24_000, jobsPerOnlineHour: { value: 2, p25: 1.5, p75: 2.5 }, ...over };
}
function row(kind: Partial<KindThroughput> = {}, over: Partial<GpuModelThroughput> = {}): GpuModelThroughput {
  return {
    hardware: gpu4090.hardware,
    devices: 100,
    days: 7,
    deviceDays: 600,
    onlineHours: 12_000,
    points: 144_000,
    pointsPerOnlineDay: { value: 288, p25: 200, p75: 350 },
    onlineShare: 12_000 / 100 / 168,
    kinds: [image(kind)],
    models: [{ modelId: "SDXL", successes: 20_000, points: 120_000, pointsPerJob: 6 }],
    ...over,
  };
}

function inputFrom(query: Record<string, string>) {
  const parsed = parseForm(formFromParams(query, "testnet-2024-09"));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.input;
}

// The page's numbers must equal GET /api/v1/estimate for the same inputs (an e2e test checks it too).
describe("per job = GET /api/v1/estimate", () => {
  test.each<Record<string, string>>([
    { model: "SDXL", width: "1024", height: "1024", steps: "20" },
    { model: "AnimagineXL", width: "768", height: "768", steps: "30", nfts: "2", stake: "55000" },
    { model: "Aurora", width: "512", height: "512", steps: "19" },
    { model: "PepeXL", width: "1024", height: "768", steps: "25", nfts: "7", stake: "123456.5" },
    { model: "FLUX.1-dev", width: "1024", height: "1024", steps: "20" },
    { model: "SDXL", width: "1024", height: "1024", steps: "20", schedule: "mainnet-preview", stake: "9999" },
    { model: "SDXL", width: "1024", height: "1024", steps: "20", schedule: "mainnet-preview", stake: "40000", nfts: "1" },
    { model: "hermes-3-llama3.1-8b", input_tokens: "1234", output_tokens: "567", nfts: "3", stake: "20000" },
    { model: "mixtral-8x7b", input_tokens: "500", output_tokens: "500", schedule: "testnet-2024-04" },
    { model: "BrainDance", width: "640", height: "512", steps: "20", schedule: "testnet-2024-04" },
  ])("%o", (query) => {
    const api = estimateJob(estimateQuerySchema.parse({ schedule: "testnet-2024-09", ...query }));
    const estimate = computeEstimate(inputFrom(query), NO_DATA);
    expect(estimate.perJob).toBe(api.points);
    expect(estimate.breakdown).toEqual(api.breakdown);
    expect(estimate.zeroReason).toBe(api.perJob.zeroReason);
    expect(estimate.boostSlots).toBe(api.perJob.boostSlots);
  });

  test("a model the schedule does not offer earns 0 instead of failing", () => {
    const estimate = computeEstimate(inputFrom({ model: "FLUX.1-dev", schedule: "testnet-2024-04" }), NO_DATA);
    expect(estimate.notOffered).toBe(true);
    expect(estimate.perJob).toBe(0);
    expect(estimate.perHour).toBe(0);
  });
});

describe("per hour and per day online", () => {
  const shape = { width: 1024, height: 1024, steps: 20 };
  const network = { ...NO_DATA, items: [row()] };

  test("per job × the GPU model's image jobs per hour online, over every image model it served", () => {
    const estimate = computeEstimate(inputFrom({ gpu: "4090", model: "AnimagineXL" }), network);
    expect(estimate.rate).toMatchObject({ source: "network", kind: "image", devices: 100, deviceDays: 600, days: 7, jobsPerHour: 2 });
    expect(estimate.perHour).toBe(12);
    // A day online is 24 hours online: per day = per hour × 24, always.
    expect(estimate.perDay).toBe(estimate.perHour * 24);
    expect(estimate.perDayRange).toEqual({ p25: 6 * 1.5 * 24, p75: 6 * 2.5 * 24 });
  });

  test("prices a day in HEU at the portal's rate for the model's point type", () => {
    expect(computeEstimate(inputFrom({ gpu: "4090", model: "SDXL" }), network, { waifu: 0.03, llama: 2 }).heuPerDay).toBeCloseTo(288 * 0.03);
    expect(computeEstimate(inputFrom({ gpu: "4090", model: "SDXL" }), network, null).heuPerDay).toBeNull();
  });

  test("carries what the GPU model really earned, and its own jobs of the chosen model", () => {
    const estimate = computeEstimate(inputFrom({ gpu: "4090", model: "SDXL" }), network);
    expect(estimate.earnings?.throughput.pointsPerOnlineDay.value).toBe(288);
    expect(estimate.earnings?.model).toEqual({ modelId: "SDXL", successes: 20_000, points: 120_000, pointsPerJob: 6 });
  });

  test.each([
    ["too few devices", { devices: MIN_DEVICES - 1 }],
    ["too few jobs", { successes: MIN_SUCCESSES - 1 }],
  ])("falls back to the catalog with %s", (_, over) => {
    expect(pickRate(gpu4090, "SDXL", shape, { ...NO_DATA, items: [row(over)] }).source).toBe("catalog");
  });

  test("scales another GPU's rate by relative speed when this GPU has none", () => {
    const rate = pickRate(gpu3090, "SDXL", shape, network);
    expect(rate).toMatchObject({ source: "scaled", reference: gpu4090 });
    expect(rate.jobsPerHour).toBeCloseTo(2 * gpu3090.speed);
  });

  test("an LLM does not borrow the image rate", () => {
    expect(pickRate(gpu4090, "hermes-3-llama3.1-8b", { inputTokens: 500, outputTokens: 500 }, network).source).toBe("catalog");
  });

  test("a GPU that cannot serve the model earns 0 per hour, though the job itself is priced", () => {
    const estimate = computeEstimate(inputFrom({ gpu: "3070", model: "SDXL" }), network);
    expect(estimate.compatibility.ok).toBe(false);
    expect(estimate.perJob).toBe(6);
    expect(estimate.perHour).toBe(0);
    expect(estimate.perDay).toBe(0);
    expect(estimate.perDayRange).toBeNull();
  });
});
