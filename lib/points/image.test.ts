import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { PointsError } from "./errors";
import { MIN_PIXELS, MIN_STEPS, waifuBaseMicro } from "./image";

describe("waifuBaseMicro", () => {
  test.each([
    // The calibration points of the sources.
    [512, 512, 20, 1_000_000],
    [1024, 1024, 20, 6_000_000],
    [1024, 1024, 40, 12_000_000],
    [768, 768, 30, 4_625_000],
    // Same line above 1024² and steps scale linearly.
    [2048, 2048, 20, 26_000_000],
    [512, 512, 50, 2_500_000],
    [256, 1024, 20, 1_000_000], // the floor is on pixels, whatever the aspect ratio
    [1024, 768, 25, 5_416_667], // p = 13/3, ×1.25 = 5.416666… → rounded once, at the end
    [512, 513, 20, 1_003_255], // p = 1.0032552…
    [512, 1024, 20, 2_666_667], // p = 8/3
  ])("%i×%i@%i = %i micro", (width, height, steps, micro) => {
    expect(waifuBaseMicro(width, height, steps)).toBe(micro);
  });

  test.each([
    [511, 512, 20],
    [512, 511, 20],
    [512, 512, 19],
    [1024, 1024, 19],
    [4096, 4096, 1],
    [255, 1024, 20],
  ])("%i×%i@%i is below the floor → 0", (width, height, steps) => {
    expect(waifuBaseMicro(width, height, steps)).toBe(0);
  });

  test.each([
    [0, 512, 20],
    [512, -512, 20],
    [512.5, 512, 20],
    [512, 512, 0],
    [512, 512, Number.NaN],
    [2 ** 26, 2 ** 26, 100], // would overflow safe integers
  ])("rejects %s×%s@%s", (width, height, steps) => {
    expect(() => waifuBaseMicro(width, height, steps)).toThrow(PointsError);
  });

  const side = fc.integer({ min: 1, max: 4096 });
  const steps = fc.integer({ min: 1, max: 150 });

  test("more pixels never earn less", () => {
    fc.assert(
      fc.property(side, side, side, steps, (w, h, extra, y) => {
        expect(waifuBaseMicro(w + extra, h, y)).toBeGreaterThanOrEqual(waifuBaseMicro(w, h, y));
      }),
    );
  });

  test("more steps never earn less", () => {
    fc.assert(
      fc.property(side, side, steps, steps, (w, h, y, extra) => {
        expect(waifuBaseMicro(w, h, y + extra)).toBeGreaterThanOrEqual(waifuBaseMicro(w, h, y));
      }),
    );
  });

  test("below the floor always earns 0, at or above it always earns at least 1 point", () => {
    fc.assert(
      fc.property(side, side, steps, (w, h, y) => {
        const micro = waifuBaseMicro(w, h, y);
        if (w * h < MIN_PIXELS || y < MIN_STEPS) expect(micro).toBe(0);
        else expect(micro).toBeGreaterThanOrEqual(1_000_000);
      }),
    );
  });

  test("matches the float formula to within rounding", () => {
    const bigSide = fc.integer({ min: 512, max: 4096 });
    fc.assert(
      fc.property(bigSide, bigSide, fc.integer({ min: 20, max: 150 }), (w, h, y) => {
        const float = (1 + (5 * (w * h - 262144)) / 786432) * (y / 20) * 1e6;
        expect(Math.abs(waifuBaseMicro(w, h, y) - float)).toBeLessThanOrEqual(0.5 + 1e-6);
      }),
    );
  });
});
