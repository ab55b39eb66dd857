import { describe, expect, test } from "vitest";
import { epochAt, epochStartSec, nextEpochStartSec } from "./epoch";

const sec = (iso: string) => Date.parse(iso) / 1000;
const iso = (s: number) => new Date(s * 1000).toISOString();

describe("epochs", () => {
  test.each([
    ["a Wednesday → that week's Friday", "2026-11-18T12:00:00Z", "2026-11-20T00:00:00.000Z"],
    ["Thursday 23:59:59 → the next second's Friday", "2026-11-19T23:59:59Z", "2026-11-20T00:00:00.000Z"],
    ["Friday 00:00:00 exactly → a week later", "2026-11-20T00:00:00Z", "2026-11-27T00:00:00.000Z"],
    ["a Sunday → the coming Friday", "2026-11-22T02:05:00Z", "2026-11-27T00:00:00.000Z"],
  ])("%s", (_name, at, next) => {
    expect(iso(nextEpochStartSec(sec(at)))).toBe(next);
    expect(new Date(next).getUTCDay()).toBe(5);
  });

  test("epoch 0 starts on Friday 1970-01-02 and epochs are 7 days", () => {
    expect(iso(epochStartSec(0))).toBe("1970-01-02T00:00:00.000Z");
    expect(epochAt(epochStartSec(2900))).toBe(2900);
    expect(epochAt(epochStartSec(2900) - 1)).toBe(2899);
    expect(epochStartSec(2901) - epochStartSec(2900)).toBe(604_800);
  });
});
