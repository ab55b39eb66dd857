import { describe, expect, test } from "vitest";
import { everyLabel, isStale } from "./schedule";

describe("everyLabel", () => {
  test.each([
    [1, "every second"],
    [60, "every 60 s"],
    [120, "every 2 min"],
    [300, "every 5 min"],
    [3600, "every hour"],
    [7200, "every 2 h"],
  ])("%i s → %s", (seconds, label) => expect(everyLabel(seconds)).toBe(label));
});

describe("isStale", () => {
  const now = new Date("2026-12-05T12:00:00Z");
  test.each([
    ["2026-12-05T11:50:00Z", 60, false],
    ["2026-12-05T11:49:59Z", 60, true],
    ["2026-12-05T11:59:50Z", 1, false],
    ["2026-12-05T11:59:49Z", 1, true],
  ])("built %s, rebuilt every %i s → stale %s", (builtAt, interval, stale) => expect(isStale(builtAt, now, interval)).toBe(stale));
});
