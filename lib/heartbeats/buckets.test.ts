import { describe, expect, test } from "vitest";
import { BUCKETS_PER_DAY, bucketOf, dayBits, windowRuns } from "./buckets";

describe("buckets", () => {
  test.each([
    ["2026-12-05T00:00:00Z", "2026-12-05", 0],
    ["2026-12-05T00:04:59.999Z", "2026-12-05", 0],
    ["2026-12-05T00:05:00Z", "2026-12-05", 1],
    ["2026-12-05T23:59:59Z", "2026-12-05", 287],
  ])("%s → %s #%i", (at, day, index) => {
    expect(bucketOf(new Date(at))).toEqual({ day, index });
  });

  test("a day's bits: 288 characters, the given buckets set", () => {
    const bits = dayBits([0, 2, 287]);
    expect(bits).toHaveLength(BUCKETS_PER_DAY);
    expect(bits.slice(0, 3)).toBe("101");
    expect(bits.at(-1)).toBe("1");
    expect([...bits].filter((c) => c === "1")).toHaveLength(3);
    expect(() => dayBits([288])).toThrow(RangeError);
  });

  test("a 24-hour window across midnight is two runs of whole buckets, 288 in all", () => {
    const runs = windowRuns(new Date("2026-12-04T12:02:00Z"), new Date("2026-12-05T12:02:00Z"));
    expect(runs).toEqual([
      { day: "2026-12-04", start: 146, length: 143 },
      { day: "2026-12-05", start: 1, length: 144 },
    ]);
    expect(runs.reduce((n, r) => n + r.length, 0)).toBe(287); // the partial buckets at both ends are left out
    expect(windowRuns(new Date("2026-12-05T00:00:00Z"), new Date("2026-12-06T00:00:00Z"))).toEqual([{ day: "2026-12-05", start: 1, length: 288 }]);
  });
});
