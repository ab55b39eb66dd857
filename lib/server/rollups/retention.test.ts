// Hour-grained readers must never reach the day rows (decision 0029): every window read by the hour
// is shorter than the shortest HOURLY_ROLLUP_DAYS allowed, with a day to spare (the boundary is a
// UTC midnight, a window ends at the current hour).
import { describe, expect, test } from "vitest";
import { HOURLY_ROLLUP_DAYS_MIN } from "@/lib/env";
import { NODE_HISTORY_DAYS } from "@/lib/schemas/node-history";
import { THROUGHPUT_DAYS } from "../gpu-throughput/snapshot";
import { MARKET_WINDOWS } from "../market/snapshot";
import { WINDOW_HOURS } from "../queries/windows";
import { hourlyFromFor } from "./retention";

describe("hourly rollup retention", () => {
  test("every hour-grained window fits inside the shortest hourly window allowed", () => {
    const hours = [...Object.values(MARKET_WINDOWS), ...Object.values(WINDOW_HOURS), ...Object.values(THROUGHPUT_DAYS).map((d) => d * 24), NODE_HISTORY_DAYS * 24];
    expect(Math.max(...hours)).toBe(30 * 24);
    expect(Math.max(...hours) + 24).toBeLessThan(HOURLY_ROLLUP_DAYS_MIN * 24);
  });

  test("the boundary is the UTC midnight `days` whole days before today", () => {
    expect(hourlyFromFor(new Date("2026-12-06T23:59:59.999Z"), 35).toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(hourlyFromFor(new Date("2026-12-06T00:00:00.000Z"), 90).toISOString()).toBe("2026-09-07T00:00:00.000Z");
  });
});
