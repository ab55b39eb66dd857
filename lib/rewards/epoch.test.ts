import { describe, expect, test } from "vitest";
import { epochEnd, epochOf, epochStart } from "./epoch";

describe("epochs", () => {
  test("start on Friday 00:00 UTC and last a week", () => {
    const n = epochOf(new Date("2026-11-22T01:35:00Z")); // a Sunday
    expect(epochStart(n).toISOString()).toBe("2026-11-20T00:00:00.000Z");
    expect(epochEnd(n).toISOString()).toBe("2026-11-27T00:00:00.000Z");
    expect(epochStart(n).getUTCDay()).toBe(5);
  });

  test("the boundary belongs to the new epoch", () => {
    const friday = new Date("2026-11-27T00:00:00Z");
    expect(epochOf(friday)).toBe(epochOf(new Date(friday.getTime() - 1)) + 1);
  });

  test("are numbered like the StakingMarket contract (epoch 0 starts 1970-01-02)", () => {
    expect(epochStart(0).toISOString()).toBe("1970-01-02T00:00:00.000Z");
    // currentEpoch() = (t − 86400) / 604800 in seconds.
    const t = Date.UTC(2026, 10, 22) / 1000;
    expect(epochOf(new Date(t * 1000))).toBe(Math.floor((t - 86_400) / 604_800));
    expect(() => epochStart(-1)).toThrow(RangeError);
  });
});
