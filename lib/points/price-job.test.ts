import { describe, expect, test } from "vitest";
import { type PriceJobInput, priceJob } from "./price-job";
import { getScheduleOrThrow } from "./schedules";
import { pointsToMicro } from "./units";

const s04 = getScheduleOrThrow("testnet-2024-04");
const s09 = getScheduleOrThrow("testnet-2024-09");
const preview = getScheduleOrThrow("mainnet-preview");

// Expected values are written out from SPEC.md, not read from the schedule data.
const IMAGE_MODELS = {
  sd15: ["Aurora", "BrainDance", "YamersCartoonArcadia", "ArthemyComics"],
  sdxl: ["SDXL", "AnimagineXL", "CyberRealisticXL", "AAMXLAnimeMix", "SDXLUnstableDiffusersV11"],
  "sdxl-lora": ["PepeXL"],
} as const;
const CATEGORY_MULTIPLIERS = [
  { scheduleId: "testnet-2024-04", sd15: 1.0, sdxl: 1.8, "sdxl-lora": 1.8 },
  { scheduleId: "testnet-2024-09", sd15: 0.3, sdxl: 1.0, "sdxl-lora": 1.2 },
  { scheduleId: "mainnet-preview", sd15: 0.3, sdxl: 1.0, "sdxl-lora": 1.2 },
] as const;
const CALIBRATION = [
  { width: 512, height: 512, steps: 20, points: 1.0 },
  { width: 1024, height: 1024, steps: 20, points: 6.0 },
  { width: 1024, height: 1024, steps: 40, points: 12.0 },
  { width: 768, height: 768, steps: 30, points: 4.625 },
] as const;

// A stake at which the schedule's stake curve is exactly 1.0, so only the factor under test moves.
const neutralStake = (schedule: PriceJobInput["schedule"]) => (schedule.stakeCurve.kind === "activation" ? 100_000 : 0);

const calibrationRows = CATEGORY_MULTIPLIERS.flatMap((row) =>
  (["sd15", "sdxl", "sdxl-lora"] as const).flatMap((category) =>
    IMAGE_MODELS[category].flatMap((modelId) => CALIBRATION.map((c) => ({ ...c, scheduleId: row.scheduleId, modelId, m: row[category] }))),
  ),
);

function job(overrides: Partial<PriceJobInput> & Pick<PriceJobInput, "modelId">): PriceJobInput {
  const schedule = overrides.schedule ?? s09;
  return { schedule, status: "completed", latencySec: 5, stakeHeu: neutralStake(schedule), ...overrides };
}

describe("Waifu Points calibration", () => {
  test.each(calibrationRows)("$scheduleId $modelId $width×$height@$steps = $points × $m", ({ scheduleId, modelId, width, height, steps, points, m }) => {
    const schedule = getScheduleOrThrow(scheduleId);
    const priced = priceJob(job({ schedule, modelId, image: { width, height, steps } }));
    expect(priced).toMatchObject({ pointType: "waifu", scheduleId, zeroReason: null });
    expect(priced.baseMicro).toBe(pointsToMicro(points));
    expect(priced.modelMultiplierPpm).toBe(pointsToMicro(m));
    // Decimal arithmetic on the spec's numbers: points × m with at most 5 decimals, so exact.
    expect(priced.pointsMicro).toBe(Math.round(points * m * 1e5) * 10);
  });

  test.each([
    { width: 511, height: 512, steps: 20 },
    { width: 512, height: 511, steps: 20 },
    { width: 512, height: 512, steps: 19 },
    { width: 1024, height: 1024, steps: 19 },
  ])("$width×$height@$steps is under the floor → 0 (floor)", (image) => {
    const priced = priceJob(job({ modelId: "SDXL", image }));
    expect(priced).toMatchObject({ baseMicro: 0, pointsMicro: 0, zeroReason: "floor" });
  });
});

describe("Llama Points", () => {
  test.each([
    { scheduleId: "testnet-2024-04", modelId: "mixtral-8x7b", m: 1.0 },
    { scheduleId: "testnet-2024-09", modelId: "dolphin-2.9-llama3-8b", m: 0.5 },
    { scheduleId: "testnet-2024-09", modelId: "hermes-3-llama3.1-8b", m: 0.5 },
    { scheduleId: "testnet-2024-09", modelId: "theia-llama-3.1-8b", m: 0.5 },
    { scheduleId: "testnet-2024-09", modelId: "openhermes-mixtral-8x7b-gptq", m: 1.0 },
    { scheduleId: "mainnet-preview", modelId: "hermes-3-llama3.1-8b", m: 0.5 },
  ])("$scheduleId $modelId: (in + out) / 1000 × $m", ({ scheduleId, modelId, m }) => {
    const schedule = getScheduleOrThrow(scheduleId);
    const oneK = priceJob(job({ schedule, modelId, llm: { inputTokens: 600, outputTokens: 400 } }));
    expect(oneK).toMatchObject({ pointType: "llama", baseMicro: 1_000_000, zeroReason: null });
    expect(oneK.pointsMicro).toBe(pointsToMicro(m));
    const odd = priceJob(job({ schedule, modelId, llm: { inputTokens: 12_345, outputTokens: 6_789 } }));
    expect(odd.pointsMicro).toBe(Math.round(19_134 * m) * 1000);
  });

  test("a job with no tokens earns nothing (floor)", () => {
    const priced = priceJob(job({ modelId: "theia-llama-3.1-8b", llm: { inputTokens: 0, outputTokens: 0 } }));
    expect(priced).toMatchObject({ pointsMicro: 0, zeroReason: "floor" });
  });
});

describe("multipliers multiply", () => {
  test.each([
    // 6 × 1.0 × 1.2 (3 NFTs) × 1.25 (55,000 stHEU) = 9
    { schedule: s09, nftCount: 3, hasBoostSlot: true, stakeHeu: 55_000, points: 9 },
    { schedule: s09, nftCount: 3, hasBoostSlot: false, stakeHeu: 55_000, points: 7.5 },
    { schedule: s09, nftCount: 1, hasBoostSlot: true, stakeHeu: 0, points: 6.6 },
    // 6 × 1.8 × 1.15 × 1.5
    { schedule: s04, nftCount: 2, hasBoostSlot: true, stakeHeu: 1e9, points: 18.63 },
    { schedule: preview, nftCount: 0, hasBoostSlot: false, stakeHeu: 55_000, points: 3.3 }, // 6 × 0.55
    { schedule: preview, nftCount: 10, hasBoostSlot: true, stakeHeu: 10_000, points: 0.72 }, // 6 × 1.2 × 0.1
  ])("SDXL 1024²@20, $nftCount NFTs (slot $hasBoostSlot), $stakeHeu stHEU → $points", ({ points, ...rest }) => {
    const image = { width: 1024, height: 1024, steps: 20 };
    expect(priceJob(job({ modelId: "SDXL", image, ...rest })).pointsMicro).toBe(pointsToMicro(points));
  });

  test("NFTs without a slot flag do not boost (the caller must say the GPU holds a slot)", () => {
    const priced = priceJob(job({ modelId: "SDXL", image: { width: 512, height: 512, steps: 20 }, nftCount: 5 }));
    expect(priced.nftMultiplierPpm).toBe(1_000_000);
  });
});
