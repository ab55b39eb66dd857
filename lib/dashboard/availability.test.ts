import { describe, expect, test } from "vitest";
import { availabilitySample, availabilityShort, availabilityTitle, formatHours, onTimeSample } from "./availability";

describe("formatHours", () => {
  test.each([
    [288, "24"],
    [287, "23.9"], // never "24" for a day one bucket short
    [277, "23"],
    [278, "23.1"],
    [6, "0.5"],
    [0, "0"],
  ])("%i buckets → %s h", (buckets, text) => {
    expect(formatHours(buckets)).toBe(text);
  });
});

describe("availabilitySample", () => {
  test.each([
    [{ buckets: 288, source: "heartbeats" as const }, "24 h measured"],
    [{ buckets: 277, source: "heartbeats" as const }, "23 h of 24 h measured"],
    [{ buckets: 276, source: "jobs" as const }, "23 h of 24 h measured · from received jobs"],
    [{ buckets: 288, source: "mixed" as const }, "24 h measured · partly from received jobs"],
    [{ buckets: 0, source: "none" as const }, "nothing measured in the last 24 h"],
    // A wallet: buckets summed over its GPUs, read per GPU.
    [{ buckets: 3 * 278, source: "heartbeats" as const, gpus: 3 }, "3 GPUs · 23.1 h of 24 h measured"],
    [{ buckets: 288, source: "heartbeats" as const, gpus: 1 }, "1 GPU · 24 h measured"],
    [{ buckets: 2500 * 288, source: "heartbeats" as const, gpus: 2500 }, "2,500 GPUs · 24 h measured"],
    [{ buckets: 0, source: "none" as const, gpus: 0 }, "0 GPUs · nothing measured in the last 24 h"],
  ])("%o → %s", (a, text) => {
    expect(availabilitySample(a)).toBe(text);
  });
});

test.each([
  [{ onlineBuckets: 276, buckets: 288, source: "heartbeats" as const }, "23 of 24 h", "Online in 276 of 288 5-minute buckets measured in the last 24 hours"],
  [
    { onlineBuckets: 24, buckets: 276, source: "jobs" as const },
    "2 of 23 h · jobs",
    "Online in 24 of 276 5-minute buckets measured in the last 24 hours (from received jobs: an hour with a job counts as online)",
  ],
  [{ onlineBuckets: 0, buckets: 0, source: "none" as const }, "not measured", "Nothing measured in the last 24 hours"],
])("a table cell's sample: %o → %s", (a, short, title) => {
  expect(availabilityShort(a)).toBe(short);
  expect(availabilityTitle(a)).toBe(title);
});

test("a wallet's tooltip names its GPUs", () => {
  expect(availabilityTitle({ onlineBuckets: 800, buckets: 864, source: "heartbeats", gpus: 3 })).toBe(
    "Online in 800 of 864 GPU × 5-minute buckets of 3 GPUs measured in the last 24 hours",
  );
});

test.each([
  [{ completed: 49, jobs: 50 }, "49 of 50 jobs in time"],
  [{ completed: 0, jobs: 0 }, "No jobs in the last 24 h"],
  [{ completed: 1200, jobs: 1500 }, "1,200 of 1,500 jobs in time"],
])("onTimeSample %o → %s", (o, text) => {
  expect(onTimeSample(o)).toBe(text);
});
