import { describe, expect, test } from "vitest";
import { epochAtSec, epochEnd, epochOf, epochStart, epochStartSec, nextEpochStartSec } from "./epoch";

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

describe("in unix seconds, as the contract counts", () => {
  const sec = (iso: string) => Date.parse(iso) / 1000;
  const iso = (s: number) => new Date(s * 1000).toISOString();

  test.each([
    ["a Wednesday → that week's Friday", "2026-11-18T12:00:00Z", "2026-11-20T00:00:00.000Z"],
    ["Thursday 23:59:59 → the next second's Friday", "2026-11-19T23:59:59Z", "2026-11-20T00:00:00.000Z"],
    ["Friday 00:00:00 exactly → a week later", "2026-11-20T00:00:00Z", "2026-11-27T00:00:00.000Z"],
    ["a Sunday → the coming Friday", "2026-11-22T02:05:00Z", "2026-11-27T00:00:00.000Z"],
  ])("a bribe set on %s takes effect then", (_name, at, next) => {
    expect(iso(nextEpochStartSec(sec(at)))).toBe(next);
    expect(new Date(next).getUTCDay()).toBe(5);
  });

  test("epoch 0 starts on Friday 1970-01-02 and epochs are 7 days", () => {
    expect(iso(epochStartSec(0))).toBe("1970-01-02T00:00:00.000Z");
    expect(epochAtSec(epochStartSec(2900))).toBe(2900);
    expect(epochAtSec(epochStartSec(2900) - 1)).toBe(2899);
    expect(epochStartSec(2901) - epochStartSec(2900)).toBe(604_800);
  });
});
