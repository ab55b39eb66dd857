import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { PointsError } from "./errors";
import { formatPoints, microToPoints, multiplyMicro, pointsToMicro, ppmToNumber } from "./units";

describe("pointsToMicro", () => {
  test.each([
    [1, 1_000_000],
    [4.625, 4_625_000],
    [0.3, 300_000],
    [0.0000005, 1], // half a micro rounds up
    [0.0000004, 0],
    // 0.0001245 * 1e6 is 124.49999999999999 in floats; the decimal value is exactly 124.5 micro.
    [0.0001245, 125],
    [-0.0000005, -1], // symmetric, so a reversal is exactly minus the original
    [1e-7, 0],
    [123456789.123456, 123_456_789_123_456],
    [0, 0],
  ])("%s points → %s micro", (points, micro) => {
    expect(pointsToMicro(points)).toBe(micro);
  });

  test.each([[Number.NaN], [Infinity], [1e10]])("rejects %s", (points) => {
    expect(() => pointsToMicro(points)).toThrow(PointsError);
  });
});

describe("microToPoints / ppmToNumber", () => {
  test.each([
    [1_000_000, 1],
    [4_625_000, 4.625],
    [1n, 0.000001],
    [-2_500_000n, -2.5],
  ])("%s micro → %s points", (micro, points) => {
    expect(microToPoints(micro)).toBe(points);
  });

  test.each([
    [1_000_000, 1],
    [1_150_000, 1.15],
    [0, 0],
  ])("%s ppm → %s", (ppm, value) => {
    expect(ppmToNumber(ppm)).toBe(value);
  });
});

describe("multiplyMicro", () => {
  test.each([
    { base: 1_000_000, factors: [], expected: 1_000_000 },
    { base: 4_625_000, factors: [300_000], expected: 1_387_500 },
    { base: 6_000_000, factors: [1_800_000, 1_200_000, 1_500_000], expected: 19_440_000 },
    { base: 1_000_000, factors: [1_100_000, 1_150_000], expected: 1_265_000 },
    // Floats give 50 * 1.15 = 57.49999999999999 and round down; the exact 57.5 rounds up.
    { base: 50, factors: [1_150_000], expected: 58 },
    { base: 5, factors: [100_000], expected: 1 }, // 0.5 → 1
    { base: 4, factors: [100_000], expected: 0 }, // 0.4 → 0
    { base: -5, factors: [100_000], expected: -1 },
    { base: 12_345_678, factors: [0], expected: 0 },
  ])("$base × $factors = $expected", ({ base, factors, expected }) => {
    expect(multiplyMicro(base, ...factors)).toBe(expected);
  });

  test.each([
    { base: 1.5, factors: [] },
    { base: 1, factors: [-1] },
    { base: 1, factors: [0.5] },
    { base: Number.MAX_SAFE_INTEGER, factors: [2_000_000] },
  ])("rejects $base × $factors", ({ base, factors }) => {
    expect(() => multiplyMicro(base, ...factors)).toThrow(PointsError);
  });

  test("summing a million priced jobs stays exact where floats drift", () => {
    // 768×768@30 on SD 1.5 in testnet-2024-09: 4.625 × 0.3 = 1.3875 points per job.
    const perJob = multiplyMicro(4_625_000, 300_000);
    let microSum = 0;
    let floatSum = 0;
    for (let i = 0; i < 1_000_000; i += 1) {
      microSum += perJob;
      floatSum += 4.625 * 0.3;
    }
    expect(microSum).toBe(perJob * 1_000_000);
    expect(microToPoints(microSum)).toBe(1_387_500);
    expect(floatSum).not.toBe(1_387_500);
  });

  test("factor order never changes the result (single rounding)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.array(fc.integer({ min: 0, max: 2_000_000 }), { maxLength: 3 }), (base, factors) => {
        expect(multiplyMicro(base, ...[...factors].reverse())).toBe(multiplyMicro(base, ...factors));
      }),
    );
  });

  test("result is within half a micro of the exact product", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 3_000_000 }), (base, ppm) => {
        const twiceError = 2n * BigInt(multiplyMicro(base, ppm)) * 1_000_000n - 2n * BigInt(base) * BigInt(ppm);
        expect(twiceError >= -1_000_000n && twiceError <= 1_000_000n).toBe(true);
      }),
    );
  });
});

describe("formatPoints", () => {
  test.each([
    { micro: 4_625_000, digits: undefined, text: "4.63" },
    { micro: 4_625_000, digits: 3, text: "4.625" },
    { micro: 1_234_567_890_000, digits: 2, text: "1,234,567.89" },
    { micro: 999_999_999, digits: 0, text: "1,000" },
    { micro: 1, digits: 6, text: "0.000001" },
    { micro: -1_500_000, digits: 1, text: "-1.5" },
    { micro: -1, digits: 2, text: "0.00" }, // no "-0.00"
    { micro: 772_963_675_000_000n, digits: 0, text: "772,963,675" },
  ])("$micro with $digits digits → $text", ({ micro, digits, text }) => {
    expect(formatPoints(micro, digits)).toBe(text);
  });

  test.each([[7], [-1], [1.5]])("rejects %s digits", (digits) => {
    expect(() => formatPoints(1, digits)).toThrow(PointsError);
  });
});
