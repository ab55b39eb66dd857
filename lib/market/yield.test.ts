import { describe, expect, test } from "vitest";
import { MAINNET_ACTIVATION_CURVE, TESTNET_BOOST_CURVE } from "@/lib/points";
import { formatYieldPercent } from "@/lib/format";
import { estimateStakerYield, nodeHeuPerPoint, positionHeuPerYear, type YieldInput } from "./yield";

/** A node staked in HEU only: the split weighs its stake as the multiplier does. */
const heuOnly = (o: Partial<YieldInput>): YieldInput => ({ ...base, ...o, splitStakeHeu: o.splitStakeHeu ?? o.stakeHeu ?? base.splitStakeHeu });

const base: YieldInput = {
  bribe: 0.1,
  recentPoints: 700, // 100 points/day → 36,500 points/year
  windowDays: 7,
  stakeHeu: 0,
  splitStakeHeu: 0,
  extraStakeHeu: 10_000,
  extraWeight: 1,
  curve: TESTNET_BOOST_CURVE,
  heuPerPoint: 0.03,
};

describe("estimateStakerYield", () => {
  test.each([
    // name, overrides, multiplier now → after, share, staker points/year
    ["sole staker below the boost knee: multiplier stays 1.0", {}, 1, 1, 1, 3_650],
    ["sole staker at 55,000: multiplier 1.25", { extraStakeHeu: 55_000 }, 1, 1.25, 1, 4_562.5],
    ["sole staker past the cap: multiplier flat at 1.5", { extraStakeHeu: 200_000 }, 1, 1.5, 1, 5_475],
    [
      "dilution: joining 10,000 already staked, half the bribe",
      { stakeHeu: 10_000, extraStakeHeu: 10_000 },
      1,
      1 + 0.5 * (10_000 / 90_000),
      0.5,
      0.1 * 36_500 * (1 + 0.5 * (10_000 / 90_000)) * 0.5,
    ],
    ["re-priced from a boosted node: 55,000 → 100,000", { stakeHeu: 55_000, extraStakeHeu: 45_000 }, 1.25, 1.5, 0.45, 0.1 * 36_500 * (1.5 / 1.25) * 0.45],
    ["zero bribe pays nothing", { bribe: 0 }, 1, 1, 1, 0],
    ["full bribe pays all of the node's rewards to a sole staker", { bribe: 1 }, 1, 1, 1, 36_500],
    ["a node with no recent points yields nothing", { recentPoints: 0 }, 1, 1, 1, 0],
    [
      "mainnet: 10,000 on an active node at 10,000 doubles R's multiplier",
      { curve: MAINNET_ACTIVATION_CURVE, stakeHeu: 10_000, extraStakeHeu: 10_000 },
      0.1,
      0.2,
      0.5,
      0.1 * 36_500 * 2 * 0.5,
    ],
  ] as const)("%s", (_name, overrides, mNow, mAfter, share, stakerPoints) => {
    const input = heuOnly(overrides);
    const r = estimateStakerYield(input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.multiplierNow).toBeCloseTo(mNow, 6);
    expect(r.multiplierAfter).toBeCloseTo(mAfter, 5); // multipliers are whole ppm
    expect(r.share).toBeCloseTo(share, 9);
    expect(r.stakerPointsPerYear).toBeCloseTo(stakerPoints, 1);
    expect(r.stakerHeuPerYear).toBeCloseTo(stakerPoints * 0.03, 4);
    expect(r.apr).toBeCloseTo(r.stakerHeuPerYear / input.extraStakeHeu, 12);
  });

  test.each([
    ["no extra stake", { extraStakeHeu: 0 }, "no-stake"],
    ["mainnet node below the minimum earns nothing to re-price", { curve: MAINNET_ACTIVATION_CURVE, stakeHeu: 0 }, "inactive"],
    ["bribe above 100 %", { bribe: 1.5 }, "invalid"],
    ["negative stake", { extraStakeHeu: -1 }, "invalid"],
    ["NaN points", { recentPoints: Number.NaN }, "invalid"],
    ["empty window", { windowDays: 0 }, "invalid"],
    ["a token with no weight", { extraWeight: 0 }, "invalid"],
  ] as const)("refuses: %s", (_name, overrides, reason) => {
    expect(estimateStakerYield(heuOnly(overrides))).toEqual({ ok: false, reason });
  });

  test("more stake from others never raises a newcomer's yield on a capped node", () => {
    const a = estimateStakerYield(heuOnly({ stakeHeu: 100_000, extraStakeHeu: 10_000 }));
    const b = estimateStakerYield(heuOnly({ stakeHeu: 200_000, extraStakeHeu: 10_000 }));
    expect(a.ok && b.ok && b.stakerPointsPerYear < a.stakerPointsPerYear).toBe(true);
  });

  test("esHEU weighs 1.25× in the split: the same stake earns a larger share, the multiplier is unchanged", () => {
    // 10,000 already on the node, all HEU; 10,000 more as esHEU weighs 12,500: share 12,500 / 22,500.
    const heu = estimateStakerYield(heuOnly({ stakeHeu: 10_000, extraStakeHeu: 10_000 }));
    const es = estimateStakerYield(heuOnly({ stakeHeu: 10_000, extraStakeHeu: 10_000, extraWeight: 1.25 }));
    expect(heu.ok && es.ok).toBe(true);
    if (!heu.ok || !es.ok) return;
    expect(es.share).toBeCloseTo(12_500 / 22_500, 12);
    expect(es.multiplierAfter).toBe(heu.multiplierAfter);
    expect(es.apr / heu.apr).toBeCloseTo(12_500 / 22_500 / 0.5, 12);
  });

  test("esHEU already on the node dilutes an HEU newcomer more than the same HEU would", () => {
    // 10,000 esHEU on the node weighs 12,500 against a 10,000 HEU stake: share 10,000 / 22,500.
    const r = estimateStakerYield({ ...base, stakeHeu: 10_000, splitStakeHeu: 12_500, extraStakeHeu: 10_000 });
    expect(r.ok && r.share).toBeCloseTo(10_000 / 22_500, 12);
  });

  test("per epoch is the year's yield over 52.14 weekly epochs", () => {
    const r = estimateStakerYield(base);
    expect(r.ok && r.stakerHeuPerEpoch).toBeCloseTo((3_650 * 0.03 * 7) / 365, 9);
  });
});

describe("the rate and the position", () => {
  test("a node's HEU per point follows its own mix of Waifu and Llama points", () => {
    const rate = { waifu: 1.85, llama: 0.4 };
    expect(nodeHeuPerPoint(rate, 100, 0)).toBe(1.85);
    expect(nodeHeuPerPoint(rate, 0, 100)).toBe(0.4);
    expect(nodeHeuPerPoint(rate, 75, 25)).toBeCloseTo(1.4875, 12);
    expect(nodeHeuPerPoint(rate, 0, 0)).toBe(1.85);
  });

  test("an existing position earns bribe × the node's tokens × its share of the stake, no dilution", () => {
    // 100 points a day at 2 HEU a point, 20 % bribe, 50,000 of 200,000: 100 × 2 × 0.2 × 0.25 = 10 HEU a day.
    expect(positionHeuPerYear({ bribe: 0.2, recentPoints: 700, windowDays: 7, splitStakeHeu: 200_000, positionSplitHeu: 50_000, heuPerPoint: 2 })).toBeCloseTo(3_650, 9);
  });

  test.each([
    [0.033, "3.3 %"],
    [0.0047, "0.47 %"],
    [0.000031, "0.0031 %"],
    [0, "0 %"],
    [0.35, "35 %"],
  ])("a rate of %d reads %s, never a misleading 0", (ratio, text) => {
    expect(formatYieldPercent(ratio)).toBe(text);
  });
});
