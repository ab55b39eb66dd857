import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { PointsError } from "./errors";
import { MAINNET_ACTIVATION_CURVE, TESTNET_BOOST_CURVE } from "./schedule-data";
import { type StakeCurve, stakeMultiplierPpm } from "./stake-curve";

describe("stakeMultiplierPpm", () => {
  test.each([
    [0, 1_000_000],
    [9_999, 1_000_000],
    [10_000, 1_000_000],
    [55_000, 1_250_000],
    [100_000, 1_500_000],
    [1e9, 1_500_000],
    [19_000, 1_050_000],
    [10_000.5, 1_000_003], // 2.78 ppm → rounds to 3
  ])("boost curve at %s stHEU = %s ppm", (stake, ppm) => {
    expect(stakeMultiplierPpm(TESTNET_BOOST_CURVE, stake)).toBe(ppm);
  });

  test.each([
    [0, 0],
    [9_999, 0],
    [9_999.999, 0],
    [10_000, 100_000],
    [55_000, 550_000],
    [100_000, 1_000_000],
    [1e9, 1_000_000],
    [40_000, 400_000], // "efficiency proportional to stake" between the knots
  ])("activation curve at %s stHEU = %s ppm", (stake, ppm) => {
    expect(stakeMultiplierPpm(MAINNET_ACTIVATION_CURVE, stake)).toBe(ppm);
  });

  test.each([[-1], [Number.NaN], [Infinity], [-Infinity]])("rejects stake %s", (stake) => {
    expect(() => stakeMultiplierPpm(TESTNET_BOOST_CURVE, stake)).toThrow(PointsError);
  });

  test.each<[string, StakeCurve]>([
    ["no points", { kind: "boost", points: [], belowFirstPpm: 1_000_000 }],
    [
      "unsorted points",
      {
        kind: "boost",
        points: [
          [100, 2],
          [50, 3],
        ],
        belowFirstPpm: 1,
      },
    ],
  ])("rejects a curve with %s", (_name, curve) => {
    expect(() => stakeMultiplierPpm(curve, 75)).toThrow(PointsError);
  });

  test.each([
    ["boost", TESTNET_BOOST_CURVE],
    ["activation", MAINNET_ACTIVATION_CURVE],
  ])("%s: a higher stake never lowers the multiplier", (_name, curve) => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2e5, noNaN: true }), fc.double({ min: 0, max: 2e5, noNaN: true }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const lowPpm = stakeMultiplierPpm(curve, low);
        const highPpm = stakeMultiplierPpm(curve, high);
        expect(highPpm).toBeGreaterThanOrEqual(lowPpm);
        expect(Number.isSafeInteger(lowPpm)).toBe(true);
      }),
    );
  });
});
