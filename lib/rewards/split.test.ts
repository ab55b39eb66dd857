import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { splitNodeReward, splitPool, splitWeight, splitWeights, timeWeightedStake } from "./split";

const shares = (o: Record<string, bigint>) => new Map(Object.entries(o));

describe("splitPool", () => {
  test("pro rata, with the leftover units to the largest remainders", () => {
    expect(Object.fromEntries(splitPool(100n, shares({ a: 1n, b: 1n, c: 1n })))).toEqual({ a: 34n, b: 33n, c: 33n });
    expect(Object.fromEntries(splitPool(10n, shares({ a: 3n, b: 7n })))).toEqual({ a: 3n, b: 7n });
    expect(Object.fromEntries(splitPool(5n, shares({ a: 0n, b: 2n })))).toEqual({ a: 0n, b: 5n });
    expect(Object.fromEntries(splitPool(5n, shares({ a: 0n })))).toEqual({ a: 0n });
  });

  test("always hands out exactly the pool, never more to a smaller share", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.array(fc.bigInt({ min: 1n, max: 10n ** 24n }), { minLength: 1, maxLength: 40 }), (pool, raw) => {
        const s = new Map(raw.map((v, i) => [`k${i}`, v]));
        const out = splitPool(pool, s);
        expect([...out.values()].reduce((a, b) => a + b, 0n)).toBe(pool);
        const total = raw.reduce((a, b) => a + b, 0n);
        for (const [k, v] of s) {
          const exact = (pool * v) / total;
          expect(out.get(k)! - exact).toBeGreaterThanOrEqual(0n);
          expect(out.get(k)! - exact).toBeLessThanOrEqual(1n);
        }
      }),
    );
  });

  test("refuses negative pools and shares", () => {
    expect(() => splitPool(-1n, shares({ a: 1n }))).toThrow(RangeError);
    expect(() => splitPool(1n, shares({ a: -1n }))).toThrow(RangeError);
  });
});

describe("splitNodeReward", () => {
  test("the bribe goes to stakers pro rata, the rest to the operator", () => {
    const out = splitNodeReward(1_000n, 2_500, shares({ s1: 3n, s2: 1n }));
    expect(out.operator).toBe(750n);
    expect(Object.fromEntries(out.stakers)).toEqual({ s1: 188n, s2: 62n });
  });

  test("no stake: the operator keeps everything", () => {
    expect(splitNodeReward(1_000n, 5_000, new Map()).operator).toBe(1_000n);
    expect(() => splitNodeReward(1n, 10_001, new Map())).toThrow(RangeError);
  });
});

describe("timeWeightedStake", () => {
  const from = new Date("2026-11-20T00:00:00Z");
  const to = new Date("2026-11-27T00:00:00Z");
  const day = 86_400_000;

  test("stake held all week, joined mid-week, left mid-week", () => {
    const w = timeWeightedStake(
      new Map([
        ["a", 100n],
        ["b", 50n],
      ]),
      [
        { staker: "c", delta: 200n, at: new Date(from.getTime() + 3.5 * day) },
        { staker: "b", delta: -50n, at: new Date(from.getTime() + 1 * day) },
      ].sort((x, y) => x.at.getTime() - y.at.getTime()),
      from,
      to,
    );
    expect(w.get("a")).toBe(100n * 7n * 86_400n);
    expect(w.get("b")).toBe(50n * 86_400n);
    expect(w.get("c")).toBe((200n * 35n * 86_400n) / 10n);
  });

  test("changes outside the window are clamped to it", () => {
    const w = timeWeightedStake(new Map(), [{ staker: "a", delta: 10n, at: new Date(from.getTime() - day) }], from, to);
    expect(w.get("a")).toBe(10n * 7n * 86_400n);
  });
});

describe("splitWeights: esHEU stake weighs more", () => {
  test("at 1.25×, 80 esHEU weighs what 100 HEU does, and a staker holding both counts both", () => {
    const w = splitWeights(
      new Map([
        ["a", 100n],
        ["c", 40n],
      ]),
      new Map([
        ["b", 80n],
        ["c", 40n],
      ]),
      1_250_000,
    );
    expect(w).toEqual(
      new Map([
        ["a", 100n],
        ["b", 100n],
        ["c", 90n],
      ]),
    );
    // The bribe then splits as the weights do: a and b alike.
    const split = splitNodeReward(2_900n, 10_000, w);
    expect([split.stakers.get("a"), split.stakers.get("b"), split.stakers.get("c")]).toEqual([1_000n, 1_000n, 900n]);
  });

  test("weight 1 is the plain sum; the esHEU part floors once per staker; stakers with no weight are left out", () => {
    expect(
      splitWeights(
        new Map([["a", 7n]]),
        new Map([
          ["a", 3n],
          ["z", 0n],
        ]),
        1_000_000,
      ),
    ).toEqual(new Map([["a", 10n]]));
    expect(splitWeight(0n, 3n, 1_250_000)).toBe(3n); // 3.75 floors to 3
    expect(splitWeight(0n, 4n, 1_250_000)).toBe(5n);
  });

  test("a weight that is not a positive whole ppm is refused", () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => splitWeight(1n, 1n, bad)).toThrow(RangeError);
  });
});
