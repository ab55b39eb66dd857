import { describe, expect, test } from "vitest";
import { explainStanding, modelFamily, type StandingInput } from "./fleet-standing";

const row = (over: Partial<StandingInput["row"]> = {}): StandingInput["row"] => ({
  hardware: "NVIDIA GeForce RTX 4090",
  pointType: "waifu",
  pointsPerJob24h: 2.05,
  vsMedian: { ratio: 2.05 / 6, median: 6, gpus: 5 },
  onTime24h: { ratio: 0.75, completed: 9, jobs: 12 },
  hasBoostSlot: false,
  ...over,
});

const weakMix = [
  { modelId: "Aurora", scheduleId: "testnet-2024-09", modelMultiplier: 0.3, zeroReason: null, jobs: 7 },
  { modelId: "SDXL", scheduleId: "testnet-2024-09", modelMultiplier: 1, zeroReason: "timeout", jobs: 3 },
  { modelId: "SDXL", scheduleId: "testnet-2024-09", modelMultiplier: 1, zeroReason: null, jobs: 2 },
];

describe("explainStanding", () => {
  test("the underperformer: how far below, over which GPUs and window, and why", () => {
    expect(explainStanding({ row: row(), mix: weakMix, boostMultiplier: null })).toBe(
      "2.05 Waifu Points per job over the last 24 h (12 jobs), 66 % below the median 6 of this wallet's 5 RTX 4090 GPUs serving image jobs: 7 of its 12 jobs were SD 1.5 (×0.3 in testnet-2024-09); 3 earned nothing (over the timeout).",
    );
  });

  test("several zero reasons are counted apart; a disabled model names its ×0; a missing boost slot is a reason", () => {
    const mix = [
      { modelId: "FLUX.1-dev", scheduleId: "testnet-2024-09", modelMultiplier: 0, zeroReason: "disabled", jobs: 2 },
      { modelId: "SDXL", scheduleId: "testnet-2024-09", modelMultiplier: 1, zeroReason: "status", jobs: 1 },
      { modelId: "SDXL", scheduleId: "testnet-2024-09", modelMultiplier: 1, zeroReason: null, jobs: 9 },
    ];
    expect(explainStanding({ row: row({ vsMedian: { ratio: 0.8, median: 6, gpus: 14 } }), mix, boostMultiplier: 1.2 })).toBe(
      "2.05 Waifu Points per job over the last 24 h (12 jobs), 20 % below the median 6 of this wallet's 14 RTX 4090 GPUs serving image jobs: 3 earned nothing (2 Flux is ×0 in testnet-2024-09, 1 failed or not completed); it holds none of the wallet's NFT boost slots (×1.2 on the GPUs that do).",
    );
  });

  test.each([
    [
      { vsMedian: { ratio: 1.06, median: 6, gpus: 5 }, pointsPerJob24h: 6.36 },
      "6.36 Waifu Points per job over the last 24 h (12 jobs), 6 % above the median 6 of this wallet's 5 RTX 4090 GPUs serving image jobs.",
    ],
    [
      { vsMedian: { ratio: 0.999, median: 6, gpus: 5 }, pointsPerJob24h: 5.994 },
      "5.99 Waifu Points per job over the last 24 h (12 jobs), at the median 6 of this wallet's 5 RTX 4090 GPUs serving image jobs.",
    ],
    [{ pointsPerJob24h: null, onTime24h: { ratio: null, completed: 0, jobs: 0 } }, "No jobs in the last 24 hours, so there is nothing to compare with the wallet's other GPUs."],
    [
      {
        pointType: "llama" as const,
        hardware: "NVIDIA A100 80GB PCIe",
        pointsPerJob24h: 1,
        vsMedian: { ratio: null, median: 1, gpus: 1 },
        onTime24h: { ratio: 1, completed: 1, jobs: 1 },
      },
      "1 Llama Points per job over the last 24 h (1 job); no other A100 80GB PCIe of this wallet served LLM jobs in that time, so there is nothing to compare with.",
    ],
    [
      { vsMedian: { ratio: null, median: 0, gpus: 3 } },
      "2.05 Waifu Points per job over the last 24 h (12 jobs); the median of this wallet's 3 RTX 4090 GPUs serving image jobs is 0, so there is no ratio to give.",
    ],
  ])("%j", (over, sentence) => {
    expect(explainStanding({ row: row(over), mix: [], boostMultiplier: null })).toBe(sentence);
  });

  test("below the median with nothing priced low: the jobs were smaller", () => {
    const mix = [{ modelId: "SDXL", scheduleId: "testnet-2024-09", modelMultiplier: 1, zeroReason: null, jobs: 12 }];
    expect(explainStanding({ row: row({ hasBoostSlot: true }), mix, boostMultiplier: 1.1 })).toMatch(
      /: they were smaller \(fewer pixels × steps, or fewer tokens\) than its siblings'\.$/,
    );
  });

  test.each([
    ["Aurora", "SD 1.5"],
    ["PepeXL", "SDXL LoRA"],
    ["HeuristLogo", "Flux"],
    ["nope", "nope"],
  ])("modelFamily(%s) = %s", (id, family) => expect(modelFamily(id)).toBe(family));
});
