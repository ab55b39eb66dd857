// The estimator API prices with the same library as ingestion: SPEC calibration numbers, and
// 400s that name the parameter a visitor got wrong.
import { describe, expect, test } from "vitest";
import { GET as estimate } from "@/app/api/v1/estimate/route";
import { GET as models } from "@/app/api/v1/models/route";

async function call(query: string) {
  const res = await estimate(new Request(`http://localhost/api/v1/estimate?${query}`));
  return { status: res.status, body: await res.json() };
}

describe("GET /api/v1/estimate", () => {
  test.each([
    [
      "SDXL 512×512@20, testnet-2024-09",
      "schedule=testnet-2024-09&model=SDXL&width=512&height=512&steps=20",
      1,
      { base: 1, modelMultiplier: 1, nftMultiplier: 1, stakeMultiplier: 1 },
    ],
    [
      "SDXL 1024×1024@40, testnet-2024-09",
      "schedule=testnet-2024-09&model=SDXL&width=1024&height=1024&steps=40",
      12,
      { base: 12, modelMultiplier: 1, nftMultiplier: 1, stakeMultiplier: 1 },
    ],
    [
      "SDXL 768×768@30, testnet-2024-04",
      "schedule=testnet-2024-04&model=SDXL&width=768&height=768&steps=30",
      8.325,
      { base: 4.625, modelMultiplier: 1.8, nftMultiplier: 1, stakeMultiplier: 1 },
    ],
    [
      "hermes 1200+800 tokens",
      "schedule=testnet-2024-09&model=hermes-3-llama3.1-8b&input_tokens=1200&output_tokens=800",
      1,
      { base: 2, modelMultiplier: 0.5, nftMultiplier: 1, stakeMultiplier: 1 },
    ],
    [
      "1 NFT and 55,000 stHEU on the testnet curve",
      "schedule=testnet-2024-09&model=SDXL&width=1024&height=1024&steps=20&nfts=1&stake=55000",
      8.25,
      { base: 6, modelMultiplier: 1, nftMultiplier: 1.1, stakeMultiplier: 1.25 },
    ],
    [
      "mainnet-preview at 55,000 stHEU (0.55 efficiency)",
      "schedule=mainnet-preview&model=SDXL&width=1024&height=1024&steps=20&stake=55000",
      3.3,
      { base: 6, modelMultiplier: 1, nftMultiplier: 1, stakeMultiplier: 0.55 },
    ],
  ])("%s", async (_name, query, points, breakdown) => {
    const { status, body } = await call(query);
    expect(status).toBe(200);
    expect(body.points).toBe(points);
    expect(body.breakdown).toEqual(breakdown);
    expect(body.perJob.zeroReason).toBeNull();
  });

  test("mainnet-preview below 10,000 stHEU: 0 points, the node is inactive", async () => {
    const { body } = await call("schedule=mainnet-preview&model=SDXL&width=1024&height=1024&steps=20&stake=5000");
    expect(body).toMatchObject({ pointType: "waifu", points: 0, schedule: "mainnet-preview", breakdown: { stakeMultiplier: 0 } });
    expect(body.perJob).toMatchObject({ zeroReason: "inactive", pointsMicro: 0, stakeCurve: "activation" });
  });

  test("without a schedule, the one in force now prices it; LLMs earn Llama points", async () => {
    const { body } = await call("model=hermes-3-llama3.1-8b&input_tokens=1000&output_tokens=1000&nfts=2");
    expect(body).toMatchObject({ pointType: "llama", schedule: "testnet-2024-09", points: 1.15, breakdown: { nftMultiplier: 1.15 } });
    expect(body.perJob).toMatchObject({ boostSlots: 6, timeoutSec: 180, model: { id: "hermes-3-llama3.1-8b", kind: "llm", category: null } });
  });

  test("below the anti-spam floor: 0 points with the reason", async () => {
    const { body } = await call("model=SDXL&width=256&height=256&steps=20");
    expect(body).toMatchObject({ points: 0, perJob: { zeroReason: "floor" } });
  });

  test.each([
    ["an unknown model", "model=gpt-9&width=512&height=512&steps=20", "model", /unknown model id/],
    ["an unknown schedule", "schedule=mainnet-2030&model=SDXL&width=512&height=512&steps=20", "schedule", /unknown schedule/],
    ["no model", "width=512&height=512&steps=20", "model", /model is required/],
    ["a missing image field", "model=SDXL&width=512&height=512", "steps", /steps is required for image model SDXL/],
    ["tokens on an image model", "model=SDXL&width=512&height=512&steps=20&input_tokens=5", "input_tokens", /does not apply/],
    ["a non-numeric width", "model=SDXL&width=abc&height=512&steps=20", "width", /width must be an integer/],
    ["a negative NFT count", "model=SDXL&width=512&height=512&steps=20&nfts=-1", "nfts", /nfts must be ≥ 0/],
    ["a typo in a parameter name", "model=SDXL&width=512&height=512&steps=20&stak=5", "(root)", /unknown parameter\(s\): stak/],
    ["a model the schedule does not offer", "schedule=testnet-2024-04&model=FLUX.1-dev&width=1024&height=1024&steps=20", "model", /not offered/],
  ])("400 for %s, naming the parameter", async (_name, query, field, reason) => {
    const { status, body } = await call(query);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "bad_request", message: expect.any(String) });
    expect(body.error.details).toEqual(expect.arrayContaining([{ field, reason: expect.stringMatching(reason) }]));
  });
});

describe("GET /api/v1/models", () => {
  test("lists every model with its multiplier in each schedule, and the schedules as numbers", async () => {
    const res = await models(new Request("http://localhost/api/v1/models"));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.currentScheduleId).toBe("testnet-2024-09");
    expect(body.models).toHaveLength(17);
    expect(body.models.find((m: { id: string }) => m.id === "SDXL")).toMatchObject({
      kind: "image",
      category: "sdxl",
      vramGb: 12,
      multipliers: { "testnet-2024-04": 1.8, "testnet-2024-09": 1, "mainnet-preview": 1 },
    });
    expect(body.models.find((m: { id: string }) => m.id === "FLUX.1-dev").multipliers).toEqual({
      "testnet-2024-04": null,
      "testnet-2024-09": 0,
      "mainnet-preview": 0,
    });
    const preview = body.schedules.find((s: { id: string }) => s.id === "mainnet-preview");
    expect(preview).toMatchObject({
      inForceByDate: false,
      effectiveFrom: "2024-09-01T00:00:00.000Z",
      llmModelMultipliers: { "hermes-3-llama3.1-8b": 0.5 },
      nftBoost: [
        { minNfts: 1, multiplier: 1.1 },
        { minNfts: 2, multiplier: 1.15 },
        { minNfts: 3, multiplier: 1.2 },
      ],
      stakeCurve: {
        kind: "activation",
        belowFirst: 0,
        points: [
          { stake: 10_000, multiplier: 0.1 },
          { stake: 100_000, multiplier: 1 },
        ],
      },
    });
  });
});
