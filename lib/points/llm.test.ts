import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { PointsError } from "./errors";
import { llamaBaseMicro } from "./llm";

describe("llamaBaseMicro", () => {
  test.each([
    [1000, 0, 1_000_000],
    [0, 1000, 1_000_000], // input and output count alike
    [600, 400, 1_000_000],
    [1, 0, 1_000],
    [0, 0, 0],
    [12_345, 6_789, 19_134_000],
    [128_000, 4_096, 132_096_000],
  ])("%i in + %i out = %i micro", (input, output, micro) => {
    expect(llamaBaseMicro(input, output)).toBe(micro);
  });

  test.each([
    [-1, 0],
    [0, -1],
    [1.5, 0],
    [Number.NaN, 0],
    [Number.MAX_SAFE_INTEGER, 0],
  ])("rejects %s in + %s out", (input, output) => {
    expect(() => llamaBaseMicro(input, output)).toThrow(PointsError);
  });

  test("more tokens never earn less", () => {
    const tokens = fc.integer({ min: 0, max: 1_000_000 });
    fc.assert(
      fc.property(tokens, tokens, tokens, tokens, (i, o, moreIn, moreOut) => {
        expect(llamaBaseMicro(i + moreIn, o + moreOut)).toBeGreaterThanOrEqual(llamaBaseMicro(i, o));
      }),
    );
  });
});
