import { describe, expect, test } from "vitest";
import { remainingInWindow, segmentBoundaries, slashMicro, type PastAction, type TimeWindow } from "./slash-window";

// Hours as instants keep the tables readable: [0, 10) is ten hours of earning.
const H = 3_600_000;
const w = (from: number, to: number): TimeWindow => ({ from: from * H, to: to * H });
const slash = (id: number, from: number, to: number, micro: number): PastAction => ({ id, action: "slash", reverses: null, ...w(from, to), micro });
const reversal = (id: number, of: PastAction): PastAction => ({ id, action: "reversal", reverses: of.id, from: of.from, to: of.to, micro: -of.micro });

/** Earnings given per hour-long interval [h, h + 1) → sums per segment of the boundaries. */
function remaining(perHour: Record<number, number>, past: PastAction[], window: TimeWindow): number {
  const boundaries = segmentBoundaries(window, past);
  const earned = boundaries
    .slice(0, -1)
    .map((start, k) => Object.entries(perHour).reduce((acc, [h, v]) => (Number(h) * H >= start && Number(h) * H < boundaries[k + 1]! ? acc + v : acc), 0));
  return remainingInWindow(boundaries, earned, past, window);
}

const tenHours = Object.fromEntries(Array.from({ length: 10 }, (_, h) => [h, 100]));

describe("remainingInWindow", () => {
  const half = slash(1, 0, 10, -500);
  const all = slash(1, 0, 10, -1000);
  test.each<[string, PastAction[], TimeWindow, number]>([
    ["nothing slashed yet: everything earned in the window", [], w(0, 10), 1000],
    ["a sub-window", [], w(2, 5), 300],
    ["after half of the same window was taken: the other half", [half], w(0, 10), 500],
    ["after all of it was taken: nothing", [all], w(0, 10), 0],
    ["a slash of another window leaves this one alone", [slash(1, 10, 20, -300)], w(0, 10), 1000],
    ["a half-slash of [0,10) took half of every part of it", [half], w(0, 4), 200],
    ["a reversal gives back what its slash took", [half, reversal(2, half)], w(0, 10), 1000],
    ["after a reversal, a second slash of the window sees it whole again", [all, reversal(2, all)], w(0, 4), 400],
    [
      "overlapping slashes: the second took what the first left in its part",
      // [0,10) halved (50/h left), then [5,10) fully taken (250): [0,5) keeps 250, [5,10) nothing.
      [half, slash(2, 5, 10, -250)],
      w(0, 10),
      250,
    ],
    ["…and a window over the taken part only finds nothing", [half, slash(2, 5, 10, -250)], w(5, 10), 0],
  ])("%s", (_name, past, window, expected) => {
    expect(remaining(tenHours, past, window)).toBeCloseTo(expected, 6);
  });

  test("never below zero when corrections outweigh the earnings", () => {
    expect(remaining({ 0: 100, 1: -400 }, [], w(0, 2))).toBe(0);
  });

  test("a slash over a window whose points turned negative is spread evenly, not lost", () => {
    const past = [slash(1, 0, 2, -100)];
    expect(remaining({ 0: 0, 1: 0, 5: 300 }, past, w(0, 10))).toBe(200);
  });

  test("refuses sums that do not fit the segments", () => {
    expect(() => remainingInWindow([0, 1, 2], [1], [], { from: 0, to: 2 })).toThrow(/one sum per segment/);
  });
});

describe("slashMicro", () => {
  test.each([
    [1_000_000, 1_000_000, -1_000_000],
    [1_000_000, 500_000, -500_000],
    [3, 500_000, -2], // 1.5 rounds half away from zero
    [0, 1_000_000, 0],
    [-50, 1_000_000, 0],
    [999.6, 1_000_000, -1000],
  ])("remaining %d at %d ppm → %d", (remaining, ppm, expected) => {
    expect(slashMicro(remaining, ppm)).toBe(expected);
  });
});
